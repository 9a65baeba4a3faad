// Global setup of the "browser" project: builds the example frontend and the deployable
// bundle once, and serves them on a free 127.0.0.1 port that every browser test file reads
// with `inject("siteUrl")`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { unstable_readConfig } from "wrangler";
import { buildBundle, root, serveBundle } from "../node/deployable";
import { hasChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!hasChromium) {
    project.provide("siteUrl", "");
    return;
  }
  const build = spawnSync(process.execPath, [join(root, "scripts", "build-examples.mjs")], {
    cwd: root,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build:examples failed:\n${build.stdout}\n${build.stderr}`);
  const bundle = buildBundle();
  const mf = await serveBundle(bundle.script, localVars(), { port: 0, host: "127.0.0.1" });
  const url = await mf.ready;
  project.provide("siteUrl", url.origin);
  return () => mf.dispose();
}

/** wrangler.toml's top-level [vars] (what `npm start` runs with), read by wrangler itself. */
function localVars(): Record<string, string> {
  const { vars } = unstable_readConfig({ config: join(root, "wrangler.toml") });
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, String(value)]));
}
