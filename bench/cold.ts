// The cold rows: what a fresh isolate's first answers cost. Each run starts a fresh workerd
// process with one Worker (one isolate) per measured first request, so that every request
// timed is its Worker's first: each contract operation by hash and by query text (the very
// text of a trusted document, and one text that is not: "RegionProfile new text"), the first
// search (the Find operation by hash, in an isolate that has answered one other operation),
// a no-op Worker's and the reference's (Hono + Yoga + Pothos) first `{ hello }`. No Worker is
// sent anything before (the readiness check only opens a connection). Module scope is
// `wrangler check startup`'s (workerd's own profile of it). Medians over the runs.
//
//   npm run bench -- --only cold [--scale 100]                 the rows (and the first search at 100×)
//   npx tsx bench/cold.ts --profile "RegionProfile hash"       the CPU profile of one first request
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";
import { type Bundle, buildComparisonWorkers, buildDeployable, root } from "./build";
import type { HttpRequest } from "./load";
import { contractOperations, get, persistedDocuments, post, type Variables } from "./rows";
import { profileWhile, type RateLimits, roomy, selfTimes, startWorkerd, type WorkerSpec } from "./workerd";

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

function newText(operation: string): HttpRequest {
  const document = persistedDocuments()[operation]!;
  return post({
    query: `${document.text}\n# not a trusted document`,
    operationName: operation,
    variables: coldVariables[operation],
  });
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
    // A text that is no trusted document (a comment differs): parsed and validated in full.
    { name: "RegionProfile new text", requests: [newText("RegionProfile")] },
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

/**
 * The CPU time a process has used, in ms, to the nanosecond (Linux' schedstat): of its main
 * thread, where workerd runs its isolates (what Cloudflare bills a request), and of all its
 * threads (V8's background compilation and GC too). Unlike the wall time, neither grows while
 * other processes hold the machine's cores.
 */
function cpuMsOf(pid: number): { main: number; all: number } {
  const of = (task: string) => {
    try {
      return Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]) / 1e6;
    } catch {
      return 0; // a thread that ended meanwhile
    }
  };
  let all = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) all += of(task);
  return { main: of(String(pid)), all };
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

export type ColdMeasured = {
  /** Per probe, the CPU time of workerd's main thread for its timed request (ms): medians, and every run's. */
  cpuMs: Record<string, number>;
  cpuRunsMs: Record<string, number[]>;
  /** The same, of all of workerd's threads. */
  processCpuMs: Record<string, number>;
  /** Per probe, the timed request's wall time from the bench's client (ms). */
  wallMs: Record<string, number>;
  wallRunsMs: Record<string, number[]>;
};

/**
 * Each probe's timed request in fresh workerd processes: workerd's CPU time for it (the
 * process' CPU before and after the request, from its threads' schedstat) and its wall time;
 * medians over `runs`.
 */
export async function coldFirstAnswers(
  api: Bundle,
  reference: string,
  probes: Probe[],
  runs = 5,
): Promise<ColdMeasured> {
  const wall: Record<string, number[]> = Object.fromEntries(probes.map((p) => [p.name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(probes.map((p) => [p.name, []]));
  const processCpu: Record<string, number[]> = Object.fromEntries(probes.map((p) => [p.name, []]));
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
        for (const request of probe.requests.slice(0, -1)) await send(base, request);
        const before = cpuMsOf(workerd.pid);
        wall[probe.name]!.push(await send(base, probe.requests.at(-1)!));
        const after = cpuMsOf(workerd.pid);
        cpu[probe.name]!.push(after.main - before.main);
        processCpu[probe.name]!.push(after.all - before.all);
      }
    } finally {
      await workerd.stop();
    }
  }
  for (const values of [wall, cpu, processCpu]) delete values["client warm-up"];
  const medians = (values: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(values).map(([name, v]) => [name, median(v)]));
  return {
    cpuMs: medians(cpu),
    cpuRunsMs: cpu,
    processCpuMs: medians(processCpu),
    wallMs: medians(wall),
    wallRunsMs: wall,
  };
}

/**
 * Module scope, as workerd's CPU: the CPU a fresh workerd's main thread has used once it serves
 * the API's Worker, less what it has used once it serves a no-op Worker instead (compiling the
 * bundle and evaluating its module scope; the process itself cancels out). Median of `runs`.
 */
export async function moduleScopeCpuMs(api: Bundle, runs = 5): Promise<number> {
  const [noop] = coldProbes().filter((p) => p.noop);
  const startCpu = async (probe: Probe) => {
    const workerd = await startWorkerd(specsOf(api, "", [probe]), api.dir, { untouched: true });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      return cpuMsOf(workerd.pid).main;
    } finally {
      await workerd.stop();
    }
  };
  const differences: number[] = [];
  for (let run = 0; run < runs; run++) {
    const apiCpu = await startCpu({ name: "api", requests: [] });
    differences.push(apiCpu - (await startCpu(noop!)));
  }
  return median(differences);
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
    const { profile, result: ms } = await profileWhile(
      inspectorPort,
      "cold-0",
      () => send(base, probe.requests.at(-1)!),
      50,
    );
    const file = join(api.dir, "cold.cpuprofile");
    writeFileSync(file, JSON.stringify(profile));
    const top = selfTimes(profile, 25);
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
