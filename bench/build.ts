// Builds what the bench serves: the deployable bundle exactly as `npm run deploy` would
// (optionally against another dataset), and the two small comparison Workers.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const root = join(import.meta.dirname, "..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");
// SKIP_GENERATE: the [build] command (scripts/build.ts) only makes public/; this builds what is there.
const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", SKIP_GENERATE: "1", FORCE_COLOR: "0" };

/**
 * A copy of the project that reads its dataset from `dataDir`: `src/` is copied (so that
 * src/data's relative imports of `../../data/*.json` land on the other data), `data/` is the
 * other dataset, and everything else is a symlink to the real tree. Nothing in the real
 * tree is touched.
 */
export function projectWithData(dataDir: string): string {
  const tree = mkdtempSync(join(tmpdir(), "bench-tree-"));
  for (const entry of readdirSync(root)) {
    if (entry === "data" || entry === ".git" || entry === ".wrangler" || entry === "dist") continue;
    if (entry === "src") cpSync(join(root, "src"), join(tree, "src"), { recursive: true });
    else symlinkSync(join(root, entry), join(tree, entry));
  }
  cpSync(dataDir, join(tree, "data"), { recursive: true });
  return tree;
}

export type Bundle = { dir: string; script: string; bytes: number; gzipBytes: number };

/**
 * `wrangler deploy --dry-run` of the project at `cwd` (the real tree unless told), as
 * `npm run deploy` does it: the search index is built ahead of time from the project's own
 * data (scripts/search-index.ts) unless `searchIndex` is false (a test of a stale index).
 */
export function buildDeployable(cwd = root, { searchIndex = true } = {}): Bundle {
  if (searchIndex) {
    const indexed = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "search-index.ts")], {
      cwd,
      encoding: "utf8",
      env: wranglerEnv,
    });
    if (indexed.status !== 0)
      throw new Error(`npm run search-index failed in ${cwd}:\n${indexed.stdout}\n${indexed.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  const run = spawnSync(wrangler, ["deploy", "--dry-run", "--outdir", dir], {
    cwd,
    encoding: "utf8",
    env: wranglerEnv,
  });
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed in ${cwd}:\n${run.stdout}\n${run.stderr}`);
  const script = readdirSync(dir).find((f) => f.endsWith(".js"));
  if (!script) throw new Error(`wrangler wrote no .js file to ${dir}`);
  return { dir, script: join(dir, script), ...sizes(join(dir, script)) };
}

export function sizes(file: string): { bytes: number; gzipBytes: number } {
  const content = readFileSync(file);
  return { bytes: content.length, gzipBytes: gzipSync(content).length };
}

/** The reference, ceiling and floor Workers, bundled and minified by wrangler like the API. */
export function buildComparisonWorkers(compatibilityDate: string): {
  reference: string;
  ceiling: string;
  floor: string;
} {
  const out = mkdtempSync(join(tmpdir(), "bench-workers-"));
  const built = (name: string) => {
    const dir = join(out, name);
    mkdirSync(dir);
    const run = spawnSync(
      wrangler,
      [
        "deploy",
        "--dry-run",
        "--outdir",
        dir,
        "--name",
        `bench-${name}`,
        "--compatibility-date",
        compatibilityDate,
        "--minify",
        "--config",
        join(root, "bench", "worker.toml"),
        join(root, "bench", name, "index.ts"),
      ],
      { cwd: join(root, "bench"), encoding: "utf8", env: wranglerEnv },
    );
    const script = join(dir, "index.js");
    if (run.status !== 0 || !existsSync(script))
      throw new Error(`building bench/${name} failed:\n${run.stdout}\n${run.stderr}`);
    return script;
  };
  return { reference: built("reference"), ceiling: built("ceiling"), floor: built("floor") };
}
