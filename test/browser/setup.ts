// The browser tests' site: the deployable bundle (built once by test/setup.ts) with the
// Static Assets, served on a free 127.0.0.1 port that every browser test file reads with
// `inject("siteUrl")`. Empty when Chromium is missing (the tests are then skipped). The
// Worker's log lines go to test/artifacts/site.log, not to the run's output.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import type { TestProject } from "vitest/node";
import { unstable_readConfig } from "wrangler";
import { root, serveBundle } from "../node/deployable";
import { artifacts, hasChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export async function startSite(project: TestProject, script: string): Promise<Miniflare | undefined> {
  if (!hasChromium) {
    project.provide("siteUrl", "");
    return undefined;
  }
  mkdirSync(artifacts, { recursive: true });
  const log = join(artifacts, "site.log");
  writeFileSync(log, "");
  const mf = await serveBundle(script, localVars(), { port: 0, host: "127.0.0.1" }, {}, (line) =>
    appendFileSync(log, `${line}\n`),
  );
  const url = await mf.ready;
  project.provide("siteUrl", url.origin);
  return mf;
}

/** wrangler.toml's top-level [vars] (what `npm start` runs with), read by wrangler itself. */
function localVars(): Record<string, string> {
  const { vars } = unstable_readConfig({ config: join(root, "wrangler.toml") });
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, String(value)]));
}
