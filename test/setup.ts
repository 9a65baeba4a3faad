// The global setup of the whole run, whichever projects it selects: each gets what it needs.
// The worker project's pool serves public/ as wrangler.toml's Static Assets: the assets that
// the [build] command makes (GraphiQL's browser build, the example page) are made here, as
// scripts/build.ts makes them. The node and browser projects get the deployable bundle, built
// once (`wrangler deploy --dry-run`, what `npm run deploy` would upload; it runs the [build]
// command too), which they read with `inject("bundle")`; it is served on 127.0.0.1 for the
// browser tests (`inject("siteUrl")`).
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildExamples } from "../scripts/build-examples.mjs";
import { copyGraphiql } from "../scripts/copy-graphiql.mjs";
import { startSite } from "./browser/setup";
import { type Bundle, buildBundle, root } from "./node/deployable";

declare module "vitest" {
  export interface ProvidedContext {
    /** The deployable bundle: its script, and what wrangler printed while building it. */
    bundle: Pick<Bundle, "script" | "output">;
  }
}

export default async function setup(project: TestProject) {
  const selected = new Set(project.vitest.projects.map((p) => p.name));
  if (selected.has("worker")) {
    copyGraphiql(root);
    await buildExamples(root);
  }
  if (!selected.has("node") && !selected.has("browser")) return;
  const bundle = buildBundle();
  project.provide("bundle", { script: bundle.script, output: bundle.output });
  const site = selected.has("browser") ? await startSite(project, bundle.script) : undefined;
  return async () => {
    await site?.dispose();
    rmSync(bundle.dir, { recursive: true, force: true });
  };
}
