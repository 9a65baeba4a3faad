// `npx tsx bench/profile.ts [row-name-part] [seconds]`: a CPU profile of the deployable bundle
// in raw workerd while autocannon drives one contract row, taken through workerd's inspector
// (Chrome DevTools protocol). Prints the functions with the most self time, by bundle
// location, and writes the .cpuprofile (open it in Chrome DevTools' Performance panel).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { unstable_readConfig } from "wrangler";
import WebSocket from "ws";
import { buildDeployable, root } from "./build";
import { contractRows } from "./rows";
import { roomy, startWorkerd } from "./workerd";

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

  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string;
    title: string;
  }[];
  const target = targets.find((t) => t.title.includes(row.target)) ?? targets[0]!;
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve) => ws.once("open", resolve));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<any>((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 100 });
  await call("Profiler.start");
  const result = await autocannon({
    url: base + row.request.path,
    method: row.request.method,
    headers: row.request.headers,
    body: row.request.body,
    connections: 10,
    duration: Number(seconds),
  });
  const { profile } = await call("Profiler.stop");
  ws.close();

  const file = join(bundle.dir, "bench.cpuprofile");
  writeFileSync(file, JSON.stringify(profile));
  type Node = {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    hitCount?: number;
  };
  const total = (profile.nodes as Node[]).reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const self = new Map<string, number>();
  for (const node of profile.nodes as Node[]) {
    const { functionName, lineNumber, columnNumber, url } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  console.log(`${row.name}: ${result.requests.total} requests, ${total} samples; self time by function:`);
  for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
  console.log(`profile: ${file}`);
} finally {
  await workerd.stop();
}
