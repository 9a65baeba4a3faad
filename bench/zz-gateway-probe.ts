import { join } from "node:path";
import { unstable_readConfig } from "wrangler";
import { buildDeployable, root } from "./build";
import { interleaved } from "./load";
import { get, persistedDocuments } from "./rows";
import { startWorkerd } from "./workerd";

const config = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
const vars = { ...(config.vars as Record<string, unknown>), RATE_LIMITS: "off" };
const api = buildDeployable();
const workerd = await startWorkerd(
  [
    {
      name: "api",
      script: api.script,
      compatibilityDate: config.compatibility_date!,
      vars,
      entrypoints: { answers: "Answers" },
    },
  ],
  api.dir,
);
try {
  const doc = persistedDocuments().RegionProfile!;
  const request = get({
    operationName: "RegionProfile",
    variables: { code: "SE-BD" },
    extensions: { persistedQuery: { version: 1, sha256Hash: doc.hash } },
  });
  const load = { connections: 10, seconds: 3, rounds: 3, warmupSeconds: 1 };
  const r = await interleaved(workerd.urls.api!, workerd.urls.answers!, request, load, workerd);
  console.log(JSON.stringify(r, null, 1));
} finally {
  await workerd.stop();
}
