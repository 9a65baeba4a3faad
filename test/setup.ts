// The global setup of the whole run, whichever projects it selects: each gets what it needs.
// The worker project's pool serves public/ as wrangler.toml's Static Assets, which the [build]
// command makes (GraphiQL's browser build, the example page): it is run here, as wrangler runs
// it, with SKIP_GENERATE=1 (the tests test the generated files as committed), unless the
// bundle is built. The node and browser projects get the deployable bundle, built once
// (`wrangler deploy --dry-run`, what `npm run deploy` would upload, which runs the [build]
// command first), which they read with `inject("bundle")`; it is served on 127.0.0.1 for the
// browser tests (`inject("siteUrl")`).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { unstable_readConfig } from "wrangler";
import { startSite } from "./browser/setup";
import { type Bundle, buildBundle, root } from "./node/deployable";

declare module "vitest" {
  export interface ProvidedContext {
    /** The deployable bundle: its script, and what wrangler printed while building it. */
    bundle: Pick<Bundle, "script" | "output">;
    /** How many operations the fuzzer sends, and its seed (test/worker/fuzz.test.ts; `npm run fuzz`). */
    fuzz: { count: number; seed: number };
  }
}

export default async function setup(project: TestProject) {
  const selected = new Set(project.vitest.projects.map((p) => p.name));
  if (!selected.has("node") && !selected.has("browser")) {
    if (selected.has("worker")) runBuildCommand();
    return;
  }
  const bundle = buildBundle();
  project.provide("bundle", { script: bundle.script, output: bundle.output });
  const site = selected.has("browser") ? await startSite(project, bundle.script) : undefined;
  return async () => {
    await site?.dispose();
    rmSync(bundle.dir, { recursive: true, force: true });
  };
}

/** wrangler.toml's [build] command, run as wrangler runs it: in the project, by a shell. */
function runBuildCommand() {
  const { build } = unstable_readConfig({ config: join(root, "wrangler.toml") });
  if (!build.command) return;
  const run = spawnSync(build.command, {
    cwd: root,
    shell: true,
    encoding: "utf8",
    env: { ...process.env, SKIP_GENERATE: "1" },
  });
  if (run.status !== 0) throw new Error(`the [build] command failed:\n${run.stdout}\n${run.stderr}`);
}
