// The thing that would be deployed: `wrangler deploy --dry-run` builds the bundle, and
// Miniflare serves it with the same Static Assets, so tests drive it over HTTP.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import { defineCodeVersion } from "../../scripts/code-version";

export const root = join(import.meta.dirname, "..", "..");

const wranglerToml = readFileSync(join(root, "wrangler.toml"), "utf8");
const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(wranglerToml)?.[1];

export type Bundle = { dir: string; script: string; output: string };

/**
 * Builds the Worker bundle exactly as `npm run deploy` would, into a fresh folder: of the
 * top-level (development) settings, or of `env` (`--env production`); from another entry
 * module when `entry` is given (a variant of the Worker, built with the same settings); of
 * another copy of the project when `project` is given.
 * test/setup.ts builds the project's bundle once for the whole run: tests read it with
 * `inject("bundle")`.
 *
 * wrangler runs the [build] command first (scripts/build.ts) with SKIP_GENERATE=1: the tests
 * test the generated files as committed (test/node/generated.test.ts says whether they are
 * fresh), and only public/ is brought up to date.
 */
export function buildBundle(
  env?: string,
  { entry, project = root }: { entry?: string; project?: string } = {},
): Bundle {
  const dir = mkdtempSync(join(tmpdir(), "bundle-"));
  const run = spawnSync(
    join(root, "node_modules", ".bin", "wrangler"),
    // No --env: the project's .env sets CLOUDFLARE_ENV to the top-level (development)
    // settings, so this is the README's `npm run build`, warnings and all (with the code's
    // version defined, as scripts/wrangler.ts does).
    [
      "deploy",
      "--dry-run",
      "--outdir",
      dir,
      ...(env ? ["--env", env] : []),
      ...(entry ? [entry] : []),
      ...defineCodeVersion(project),
    ],
    { cwd: project, encoding: "utf8", env: { ...process.env, SKIP_GENERATE: "1", FORCE_COLOR: "0" } },
  );
  // Warnings go to stderr: keep both streams so a test can assert there are none.
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${output}`);
  const script = readdirSync(dir).find((f) => f.endsWith(".js"));
  if (!script) throw new Error(`wrangler wrote no .js file to ${dir}:\n${output}`);
  return { dir, script: join(dir, script), output };
}

/** Rate Limiting bindings as Miniflare simulates them: binding name → its `simple` settings. */
export type RateLimits = Record<string, { limit: number; period: 10 | 60 }>;

/** An environment's `[[ratelimits]]` in wrangler.toml, as wrangler reads them. */
export function rateLimitsOf(env?: string): { name: string; namespace_id: string; simple: RateLimits[string] }[] {
  return unstable_readConfig({ config: join(root, "wrangler.toml"), env }).ratelimits;
}

/**
 * Serves a built bundle with the project's Static Assets. `bindings` are the [vars].
 * `listen` opens a real HTTP port (e.g. `{ port: 0, host: "127.0.0.1" }` for a free one,
 * read back from `await mf.ready`) for clients that are not in this process, such as a browser.
 * `ratelimits` are Rate Limiting bindings (none unless given). The Worker's log lines go to the
 * console (where a test can capture them), or to `onLog`.
 */
export async function serveBundle(
  scriptPath: string,
  bindings: Record<string, string> = {},
  listen: { port?: number; host?: string } = {},
  ratelimits: RateLimits = {},
  onLog?: (line: string) => void,
): Promise<Miniflare> {
  // Miniflare 5 takes a new, nested options shape; its converter accepts the flat v4
  // shape. The converted assets config must be told that a Worker sits behind it.
  const options = convertV4MiniflareOptions({
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate,
    bindings,
    assets: { directory: join(root, "public"), binding: "ASSETS" },
    ratelimits: Object.fromEntries(
      Object.entries(ratelimits).map(([name, simple], i) => [name, { namespace_id: String(9000 + i), simple }]),
    ),
    ...(onLog ? { handleStructuredLogs: ({ message }: { message: string }) => onLog(message) } : {}),
  });
  for (const worker of options.workers) {
    if (worker.config.assets) worker.config.assets.hasUserWorker = true;
  }
  const mf = new Miniflare({ ...options, ...listen, logRequests: false });
  await mf.ready;
  return mf;
}
