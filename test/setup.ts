// The global setup of the whole run: builds the deployable bundle once (`wrangler deploy
// --dry-run`, what `npm run deploy` would upload) for every file of the node and browser
// projects, which read it with `inject("bundle")`, and serves it on 127.0.0.1 for the browser
// tests (`inject("siteUrl")`). A run of the worker project alone builds nothing.
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startSite } from "./browser/setup";
import { type Bundle, buildBundle } from "./node/deployable";

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
  if (!selected.has("node") && !selected.has("browser")) return;
  const bundle = buildBundle();
  project.provide("bundle", { script: bundle.script, output: bundle.output });
  const site = selected.has("browser") ? await startSite(project, bundle.script) : undefined;
  return async () => {
    await site?.dispose();
    rmSync(bundle.dir, { recursive: true, force: true });
  };
}
