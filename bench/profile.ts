// `npx tsx bench/profile.ts [row-name-part] [seconds]`: a CPU profile of the deployable bundle
// in raw workerd while autocannon drives one contract row, taken through workerd's inspector
// (Chrome DevTools protocol). Prints the functions with the most self time, by bundle
// location, and writes the .cpuprofile (open it in Chrome DevTools' Performance panel).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { unstable_readConfig } from "wrangler";
import { buildDeployable, root } from "./build";
import { contractRows } from "./rows";
import { profileWhile, roomy, selfTimes, startWorkerd } from "./workerd";

const [match = "RegionProfile POST cached", seconds = "5"] = process.argv.slice(2);
const config = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
const vars = { ...(config.vars as Record<string, unknown>) };
const row = contractRows({
  RegionProfile: { code: "SE-BD" },
  Find: { q: "export" },
  Refetch: { id: "UmVnaW9uOlNFLUJE" },
}).find((r) => r.name.includes(match));
if (!row) throw new Error(`no row matches ${match}`);

const bundle = buildDeployable();
const inspectorPort = 9300 + Math.floor(Math.random() * 500);
const workerd = await startWorkerd(
  [
    {
      name: row.target,
      script: bundle.script,
      compatibilityDate: config.compatibility_date!,
      vars: row.cached ? vars : { ...vars, RESPONSE_CACHE: "off" },
      ratelimits: roomy(config.ratelimits),
    },
  ],
  bundle.dir,
  { inspectorPort },
);
try {
  const base = workerd.urls[row.target]!;
  const send = () =>
    fetch(base + row.request.path, {
      method: row.request.method,
      headers: row.request.headers,
      body: row.request.body,
    });
  for (let i = 0; i < 50; i++) await (await send()).text();

  const { profile, result } = await profileWhile(inspectorPort, row.target, () =>
    autocannon({
      url: base + row.request.path,
      method: row.request.method,
      headers: row.request.headers,
      body: row.request.body,
      connections: 10,
      duration: Number(seconds),
    }),
  );
  const file = join(bundle.dir, "bench.cpuprofile");
  writeFileSync(file, JSON.stringify(profile));
  const samples = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  console.log(`${row.name}: ${result.requests.total} requests, ${samples} samples; self time by function:`);
  for (const { percent, fn } of selfTimes(profile)) console.log(`${percent.toFixed(1).padStart(5)}%  ${fn}`);
  console.log(`profile: ${file}`);
} finally {
  await workerd.stop();
}
