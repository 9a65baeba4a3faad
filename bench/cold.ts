// The cold rows: what a fresh isolate's first answers cost. Each run starts a fresh workerd
// process with one Worker (one isolate) per measured first request, so that every request
// timed is its Worker's first: each contract operation by hash and by query text, the first
// search (the Find operation by hash, in an isolate that has answered one other operation),
// a no-op Worker's and the reference's (Hono + Yoga + Pothos) first `{ hello }`. No Worker is
// sent anything before (the readiness check only opens a connection). Module scope is
// `wrangler check startup`'s (workerd's own profile of it). Medians over the runs.
//
//   npm run bench -- --only cold [--scale 100]                 the rows (and the first search at 100×)
//   npx tsx bench/cold.ts --profile "RegionProfile hash"       the CPU profile of one first request
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";
import WebSocket from "ws";
import { type Bundle, buildComparisonWorkers, buildDeployable, root } from "./build";
import type { HttpRequest } from "./load";
import { contractOperations, get, persistedDocuments, post, type Variables } from "./rows";
import { type RateLimits, roomy, startWorkerd, type WorkerSpec } from "./workerd";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The targets of the issue (ms, medians on the bench's machine). */
export const COLD_TARGETS = { persisted: 10, text: 20, search: 5, moduleScope: 25, scaledSearch: 20 };

/** One isolate's requests: the last one is timed, the ones before it warm the isolate first. */
export type Probe = {
  name: string;
  requests: HttpRequest[];
  reference?: boolean;
  noop?: boolean;
  /** Another build of the API (an A/B comparison in one process); the measured bundle's unless said. */
  script?: string;
};

/** The variables the contract's operations are asked with (as the warm rows ask them). */
export const coldVariables: Record<string, Variables | undefined> = {
  RegionProfile: { code: "SE-BD" },
  Find: { q: "export" },
  Refetch: { id: "UmVnaW9uOlNFLUJE" },
};

/** A persisted operation's first request (a POST naming its hash, as Apollo's and urql's links send it). */
function byHash(operation: string): HttpRequest {
  const document = persistedDocuments()[operation];
  if (!document) throw new Error(`${operation} is not persisted: run npm run generate`);
  return post({
    operationName: operation,
    variables: coldVariables[operation],
    extensions: { persistedQuery: { version: 1, sha256Hash: document.hash } },
  });
}

function byText(operation: string): HttpRequest {
  const document = persistedDocuments()[operation]!;
  return post({ query: document.text, operationName: operation, variables: coldVariables[operation] });
}

/** Every cold probe: each operation by hash and by text, the first search, the no-op, the reference. */
export function coldProbes(): Probe[] {
  const operations = contractOperations();
  const warmUp = operations.find((o) => o !== "Find")!;
  return [
    // The first: it warms the bench's own HTTP client (Node's first fetch takes hundreds of ms).
    { name: "client warm-up", requests: [get({})], noop: true },
    { name: "no-op Worker", requests: [get({})], noop: true },
    { name: "reference { hello }", requests: [post({ query: "{ hello }" })], reference: true },
    ...operations.map((o) => ({ name: `${o} hash`, requests: [byHash(o)] })),
    ...operations.map((o) => ({ name: `${o} text`, requests: [byText(o)] })),
    { name: "first search", requests: [byHash(warmUp), byHash("Find")] },
  ];
}

const config = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
const vars = { ...(config.vars as Record<string, unknown>) };
const ratelimits: RateLimits = roomy(config.ratelimits);

const NOOP = `export default { fetch() { return new Response("{}", { headers: { "content-type": "application/json" } }); } };\n`;

function specsOf(api: Bundle, reference: string, probes: Probe[]): WorkerSpec[] {
  const noop = join(api.dir, "noop.js");
  writeFileSync(noop, NOOP);
  return probes.map((probe, i) => ({
    name: `cold-${i}`,
    script: probe.noop ? noop : probe.reference ? reference : (probe.script ?? api.script),
    compatibilityDate: config.compatibility_date!,
    compatibilityFlags: probe.noop || probe.reference ? [] : config.compatibility_flags,
    vars: probe.noop || probe.reference ? {} : vars,
    ratelimits: probe.noop || probe.reference ? undefined : ratelimits,
  }));
}

async function send(base: string, request: HttpRequest): Promise<number> {
  const start = performance.now();
  const response = await fetch(base + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${request.method} ${request.path}: ${response.status} ${text.slice(0, 300)}`);
  return ms;
}

/** The wall time of each probe's timed request, in fresh workerd processes: medians over `runs`. */
export async function coldFirstAnswers(
  api: Bundle,
  reference: string,
  probes: Probe[],
  runs = 5,
): Promise<{ medians: Record<string, number>; all: Record<string, number[]> }> {
  const all: Record<string, number[]> = Object.fromEntries(probes.map((p) => [p.name, []]));
  for (let run = 0; run < runs; run++) {
    const workerd = await startWorkerd(specsOf(api, reference, probes), api.dir, { untouched: true });
    try {
      // Let the process settle after start-up (every isolate's module scope has run).
      await new Promise((r) => setTimeout(r, 1000));
      // Each run in another order (the client's warm-up first), so no row always follows the same one.
      const order = probes.map((_, i) => i);
      const rest = order.slice(1);
      const shift = (run * 5) % Math.max(1, rest.length);
      for (const i of [0, ...rest.slice(shift), ...rest.slice(0, shift)]) {
        const probe = probes[i]!;
        const base = workerd.urls[`cold-${i}`]!;
        let ms = 0;
        for (const request of probe.requests) ms = await send(base, request);
        all[probe.name]!.push(ms);
      }
    } finally {
      await workerd.stop();
    }
  }
  delete all["client warm-up"];
  const medians = Object.fromEntries(Object.entries(all).map(([name, values]) => [name, median(values)]));
  return { medians, all };
}

/**
 * A CPU profile of one probe's timed request in a fresh isolate, through workerd's inspector:
 * the functions with the most self time.
 */
export async function profileFirstAnswer(
  api: Bundle,
  reference: string,
  probe: Probe,
): Promise<{ ms: number; top: { percent: number; fn: string }[]; file: string }> {
  const inspectorPort = 20000 + Math.floor(Math.random() * 20000);
  const workerd = await startWorkerd(specsOf(api, reference, [probe]), api.dir, { inspectorPort, untouched: true });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const base = workerd.urls["cold-0"]!;
    for (const request of probe.requests.slice(0, -1)) await send(base, request);
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
      webSocketDebuggerUrl: string;
      title: string;
    }[];
    const target = targets.find((t) => t.title.includes("cold-0")) ?? targets[0]!;
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
    await call("Profiler.setSamplingInterval", { interval: 50 });
    await call("Profiler.start");
    const ms = await send(base, probe.requests.at(-1)!);
    const { profile } = await call("Profiler.stop");
    ws.close();
    const file = join(api.dir, "cold.cpuprofile");
    writeFileSync(file, JSON.stringify(profile));
    type Node = {
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
      hitCount?: number;
    };
    const nodes = (profile.nodes as Node[]).filter((n) => n.callFrame.functionName !== "(idle)");
    const total = nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
    const self = new Map<string, number>();
    for (const node of nodes) {
      const { functionName, lineNumber, columnNumber, url } = node.callFrame;
      const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}:${columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
    }
    const top = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([fn, hits]) => ({ percent: (100 * hits) / total, fn }));
    return { ms, top, file };
  } finally {
    await workerd.stop();
  }
}

if (import.meta.filename === process.argv[1]) {
  const at = process.argv.indexOf("--profile");
  const match = at > 0 ? process.argv[at + 1]! : "RegionProfile hash";
  const probe = coldProbes().find((p) => p.name.includes(match));
  if (!probe) throw new Error(`no cold probe matches ${match}`);
  const api = buildDeployable(undefined, { minify: process.argv.includes("--minified") });
  const { reference } = buildComparisonWorkers(config.compatibility_date!);
  const { ms, top, file } = await profileFirstAnswer(api, reference, probe);
  console.log(`${probe.name}: ${ms.toFixed(1)} ms (profiled); self time by function:`);
  for (const { percent, fn } of top) console.log(`${percent.toFixed(1).padStart(5)}%  ${fn}`);
  console.log(`profile: ${file}`);
}
