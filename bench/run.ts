// `npm run bench`: the deployable bundle in raw workerd beside a ceiling Worker (the same
// bytes, no work) and a reference Worker (bare Hono + Yoga + Pothos), driven by autocannon.
//   npm run bench                        every contract row, two clients, cold start, heap, sizes (1×)
//   npm run bench -- --scale 100,1000    startup, heap and three reads at 1× and each scale
//   npm run bench -- --only adversarial  the adversarial search and the memory row alone (with --scale too)
//   npm run bench -- --only "workers cache"  the Workers Cache model's row alone
//   npm run bench -- --only cold         a fresh isolate's first answers and module scope (--scale 100: the first search at 100× too)
//   options: --quick (1 round of 1 s), --only <text> (rows whose name contains it),
//            --adversary N (random candidates of the adversarial search, 150), --seed S (1),
//            --connections N (10), --seconds S (2), --rounds R (2), --no-write,
//            --floors (the POST floor with every way of reading a body, not only arrayBuffer())
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { unstable_readConfig } from "wrangler";
import { largestDocument } from "./adversary";
import { forTheRecord, probeAdversary } from "./adversary-run";
import { type Bundle, buildComparisonWorkers, buildDeployable, buildWithData, root } from "./build";
import { COLD_TARGETS, coldFirstAnswers, coldProbes, moduleScopeCpuMs as moduleScopeCpu } from "./cold";
import type { ClientMeasured, HttpRequest } from "./load";
import { concurrently, interleaved, type Load, type Measured } from "./load";
import { resultJson } from "./result-json";
import {
  contractRows,
  floorReads,
  floorRows,
  heaviestShapes,
  heavyRequests,
  persistedDocuments,
  post,
  postAgainstFloor,
  type Row,
  referenceRow,
  type Target,
  twoClients,
} from "./rows";
import { dataSizes, emptyDataset, scaledDataset } from "./scale";
import { type IsolateProbe, probeIsolate, probeMemory, wranglerStartupMs } from "./startup";
import { type RateLimits, roomy, startWorkerd, type Workerd } from "./workerd";
import { printWorkersCacheRow, type WorkersCacheRow, workersCacheRow } from "./workers-cache";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string" },
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    connections: { type: "string", default: "10" },
    seconds: { type: "string" },
    rounds: { type: "string" },
    "no-write": { type: "boolean", default: false },
    floors: { type: "boolean", default: false },
    adversary: { type: "string", default: "150" },
    seed: { type: "string", default: "1" },
  },
});
const load: Load = {
  connections: Number(args.connections),
  seconds: Number(args.seconds ?? (args.quick ? 1 : 2)),
  rounds: Number(args.rounds ?? (args.quick ? 1 : 2)),
  warmupSeconds: args.quick ? 0.5 : 1,
};

// What is deployed: the production environment's settings.
const config = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
const compatibilityDate = config.compatibility_date!;
const vars = { ...(config.vars as Record<string, unknown>) };
const uncachedVars = { ...vars, RESPONSE_CACHE: "off" };
/**
 * The scaled rows' settings: the production ones with the cost limit lifted. The cost of an
 * operation grows with the data it can return (at 1000× a search of 5 may rank 20 000
 * records), so at scale MAX_COST refuses some of the rows that 1× admits; the scaled bench
 * measures how the same work grows with the data, and prints each row's cost against the
 * production MAX_COST beside it. What the production limits admit at scale is the adversarial
 * rows' (`--only adversarial --scale 1,100`), which keep MAX_COST.
 */
const liftedVars = { ...uncachedVars, MAX_COST: "1000000000" };
// The contract rows are counted against the per-client limits but never refused; the two
// clients' Worker has production's limits.
const ratelimits: { name: string; simple: { limit: number; period?: number } }[] = config.ratelimits;
const countedOnly = roomy(ratelimits);
const productionLimits: RateLimits = Object.fromEntries(
  ratelimits.map((r) => [r.name, { limit: r.simple.limit, period: r.simple.period ?? 60 }]),
);

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const perRequest = (values: Record<string, number>) =>
  Object.entries(values)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(", ");
const log = (line: string) => process.stderr.write(`${line}\n`);

type RowResult = {
  name: string;
  target: Target;
  worker: Measured;
  ceiling: Measured;
  ratio: number;
  workerCpuMs: number;
};

async function json(base: string, request: Row["request"]): Promise<{ response: Response; text: string }> {
  const send = () =>
    fetch(base + request.path, { method: request.method, headers: request.headers, body: request.body });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    // A kept-alive connection that workerd closed while the bench was busy elsewhere (the
    // startup probes take seconds): fetch does not retry a POST on it, so this does, once.
    if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
    response = await send();
  }
  return { response, text: await response.text() };
}

/**
 * Checks the row's answer, then primes the ceiling (and a floor row's Worker) with the very
 * same status, headers and bytes.
 */
async function primeCeiling(workerd: Workerd, row: Row): Promise<void> {
  const base = workerd.urls[row.answeredBy ?? row.target]!;
  let answer = await json(base, row.request);
  if (row.cached) answer = await json(base, row.request); // the repeated request is the row
  if (answer.response.status !== 200 || answer.text.includes('"errors"')) {
    throw new Error(`${row.name}: ${answer.response.status} ${answer.text.slice(0, 400)}`);
  }
  const headers = [...answer.response.headers].filter(
    ([name]) => name !== "content-length" && name !== "transfer-encoding",
  );
  const body = JSON.stringify({
    status: answer.response.status,
    headers,
    body: Buffer.from(answer.text).toString("base64"),
  });
  const primers = [
    workerd.urls.prime!,
    ...(row.target.startsWith("floor") ? [workerd.urls[`${row.target}-prime`]!] : []),
  ];
  for (const url of primers) {
    const primed = await fetch(url, { method: "POST", body });
    if (primed.status !== 204) throw new Error(`priming ${url} failed: ${primed.status}`);
  }
}

async function runRows(workerd: Workerd, rows: Row[]): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (const row of rows) {
    const base = workerd.urls[row.target]!;
    await primeCeiling(workerd, row);
    const { a, b } = await interleaved(base, workerd.urls.ceiling!, row.request, load, workerd);
    if (a.failures || b.failures)
      throw new Error(`${row.name}: ${a.failures} failed requests (ceiling: ${b.failures})`);
    const result = {
      name: row.name,
      target: row.target,
      worker: a,
      ceiling: b,
      ratio: a.rps / b.rps,
      workerCpuMs: a.cpuMsPerRequest - b.cpuMsPerRequest,
    };
    log(`  ${row.name}: ${Math.round(a.rps)} req/s, ${result.ratio.toFixed(2)}× ceiling`);
    results.push(result);
  }
  return results;
}

function table(results: RowResult[]): string {
  const header = ["row", "req/s", "p50 ms", "p99 ms", "ceiling req/s", "× ceiling", "CPU ms/req"];
  const lines = results.map((r) => [
    r.name,
    Math.round(r.worker.rps).toString(),
    r.worker.p50.toFixed(1),
    r.worker.p99.toFixed(1),
    Math.round(r.ceiling.rps).toString(),
    r.ratio.toFixed(2),
    r.workerCpuMs.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [
    format(header),
    `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`,
    ...lines.map(format),
  ].join("\n");
}

function serve(
  api: Bundle,
  workers: { reference: string; ceiling: string; floor: string },
  withCached: boolean,
): Promise<Workerd> {
  const flags = config.compatibility_flags;
  const worker = { script: api.script, compatibilityDate, compatibilityFlags: flags };
  return startWorkerd(
    [
      ...(withCached
        ? [
            { name: "api", ...worker, vars, ratelimits: countedOnly },
            { name: "api-limited", ...worker, vars, ratelimits: productionLimits },
            { name: "api-unlimited", ...worker, vars: { ...vars, RATE_LIMITS: "off" } },
          ]
        : []),
      { name: "api-uncached", ...worker, vars: uncachedVars, ratelimits: countedOnly },
      ...(withCached ? [] : [{ name: "api-lifted", ...worker, vars: liftedVars, ratelimits: countedOnly }]),
      { name: "reference", script: workers.reference, compatibilityDate },
      { name: "ceiling", script: workers.ceiling, compatibilityDate, entrypoints: { prime: "prime" } },
      ...(withCached
        ? [
            { name: "floor", script: workers.floor, compatibilityDate, entrypoints: { "floor-prime": "prime" } },
            {
              name: "floor-log",
              script: workers.floor,
              compatibilityDate,
              vars: { LOG_LINE: "on" },
              entrypoints: { "floor-log-prime": "prime" },
            },
            ...floorReads.map((read) => ({
              name: `floor-${read}`,
              script: workers.floor,
              compatibilityDate,
              vars: { READ: read },
              entrypoints: { [`floor-${read}-prime`]: "prime" },
            })),
          ]
        : []),
    ],
    api.dir,
  );
}

/** The two-clients scenario: its name (for --only), how long each phase lasts, each phase's figures. */
const TWO_CLIENTS = "two clients: one well-behaved, one over its limit";
const phaseSeconds = Math.max(4, load.seconds * load.rounds * 2);
type Phase = {
  phase: string;
  worker: string;
  wellBehaved: ClientMeasured;
  overLimit: ClientMeasured | null;
  cpuMsPerRequest: number;
  cpuShare: number;
};

/**
 * The well-behaved client alone, then beside a client over its request limit, with the limits
 * on (production's) and off. The well-behaved one asks at a steady rate below its quota and
 * must get every answer right; the other must never see a 5xx.
 */
async function runTwoClients(workerd: Workerd, variables: Record<string, unknown>): Promise<Phase[]> {
  const { wellBehaved, overLimit, overLimitBody } = twoClients(variables);
  const base = (name: string) => workerd.urls[name]!;
  const expected = await json(base("api-limited"), wellBehaved);
  if (expected.response.status !== 200 || expected.text.includes('"errors"'))
    throw new Error(`${TWO_CLIENTS}: ${expected.response.status} ${expected.text.slice(0, 300)}`);
  // A steady rate under the quota (RATE_LIMIT_REQUESTS in RATE_LIMIT_PERIOD), whatever the load.
  const quotaPerSecond = Number(vars.RATE_LIMIT_REQUESTS) / Number(vars.RATE_LIMIT_PERIOD);
  const rate = Math.max(1, Math.floor(quotaPerSecond * 0.8));
  const good = { request: wellBehaved, connections: 1, rate, expectBody: expected.text };
  const flood = { request: overLimit, connections: load.connections, rate: 0, bodyOf: overLimitBody };
  const phases: [string, string, boolean][] = [
    ["alone", "api-limited", false],
    ["beside one over its limit", "api-limited", true],
    ["beside the same, limits off", "api-unlimited", true],
  ];
  const out: Phase[] = [];
  for (const [phase, worker, withFlood] of phases) {
    const measured = await concurrently(
      base(worker),
      withFlood ? [good, flood] : [good],
      phaseSeconds,
      200_000,
      workerd,
    );
    const [wellBehavedMeasured, overLimitMeasured = null] = measured.clients;
    const result: Phase = {
      phase,
      worker,
      wellBehaved: wellBehavedMeasured!,
      overLimit: overLimitMeasured,
      cpuMsPerRequest: measured.cpuMsPerRequest,
      cpuShare: measured.cpuShare,
    };
    const w = result.wellBehaved;
    const wrong = w.requests - (w.statuses["200"] ?? 0) + w.mismatches + w.errors + w.timeouts;
    const fivexx = Object.entries(result.overLimit?.statuses ?? {})
      .filter(([code]) => code.startsWith("5"))
      .reduce((n, [, count]) => n + count, 0);
    log(
      `  ${TWO_CLIENTS}, ${phase}: well-behaved ${w.rps.toFixed(1)} req/s (of ${rate}), p99 ${w.p99} ms` +
        (result.overLimit
          ? `; over its limit ${Math.round(result.overLimit.rps)} req/s ${JSON.stringify(result.overLimit.statuses)}`
          : ""),
    );
    if (wrong)
      throw new Error(`${TWO_CLIENTS}, ${phase}: ${wrong} of the well-behaved client's answers were not right`);
    if (fivexx) throw new Error(`${TWO_CLIENTS}, ${phase}: the client over its limit got ${fivexx} 5xx`);
    out.push(result);
  }
  return out;
}

function twoClientsTable(phases: Phase[]): string {
  const header = [
    "phase",
    "well-behaved req/s",
    "p50 ms",
    "p99 ms",
    "over-limit req/s",
    "its 200 / 429 / 5xx",
    "CPU ms/req",
    "workerd CPU",
  ];
  const lines = phases.map((p) => {
    const o = p.overLimit;
    const count = (code: string) => o?.statuses[code] ?? 0;
    const fivexx = Object.entries(o?.statuses ?? {})
      .filter(([code]) => code.startsWith("5"))
      .reduce((n, [, c]) => n + c, 0);
    return [
      p.phase,
      p.wellBehaved.rps.toFixed(1),
      p.wellBehaved.p50.toFixed(1),
      p.wellBehaved.p99.toFixed(1),
      o ? Math.round(o.rps).toString() : "–",
      o ? `${count("200")} / ${count("429")} / ${fivexx}` : "–",
      p.cpuMsPerRequest.toFixed(3),
      `${Math.round(p.cpuShare * 100)} %`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [
    format(header),
    `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`,
    ...lines.map(format),
  ].join("\n");
}

/** A real node id for Refetch: the region that RegionProfile asks for. */
async function regionId(base: string): Promise<string> {
  const { text } = await json(base, post({ query: '{ region(code: "SE-BD") { id } }' }));
  const id = (JSON.parse(text) as { data?: { region?: { id?: string } } }).data?.region?.id;
  if (!id) throw new Error(`no region id: ${text}`);
  return id;
}

/** Probe names of the heaviest operations the limits admit (bench/rows.ts). */
const LIMIT = "at the limits: ";

/**
 * Each heavy shape under as many aliases as the Worker at `base` admits (the production
 * limits): the widest operation of that shape that gets an answer without errors.
 */
async function widest(base: string): Promise<Record<string, HttpRequest[]>> {
  const out: Record<string, HttpRequest[]> = {};
  for (const shape of heaviestShapes) {
    for (let aliases = 15; aliases >= 1; aliases--) {
      const requests = heavyRequests(shape, aliases);
      const { response, text } = await json(base, requests[0]!);
      if (response.status === 200 && !text.includes('"errors"')) {
        out[`${LIMIT}${aliases} × ${shape.name}`] = requests;
        break;
      }
      // The cost limit may refuse a shape at any width (a search of 100 with snippets costs
      // more than MAX_COST): the adversarial rows measure what it admits instead.
      if (aliases === 1) log(`  the limits refuse even one ${shape.name}: ${text.slice(0, 160)}`);
    }
  }
  return out;
}

/**
 * Each row's cost as the production settings compute it at this scale (`extensions.cost` of an
 * admitted answer, or the cost a refusal names), and whether MAX_COST admits it.
 */
async function costsInProduction(
  base: string,
  rows: Row[],
): Promise<{ name: string; cost: number | null; admitted: boolean }[]> {
  const costs = [];
  for (const row of rows) {
    const answer = JSON.parse((await json(base, row.request)).text);
    const refused = /found (\d+)/.exec(answer.errors?.[0]?.message ?? "");
    const cost: number | null = answer.extensions?.cost?.requestedQueryCost ?? (refused ? Number(refused[1]) : null);
    const admitted = answer.data !== undefined && answer.data !== null;
    costs.push({ name: row.name, cost, admitted });
    log(`  ${row.name}: cost ${cost} in production${admitted ? "" : ", refused"}`);
  }
  return costs;
}

function startupOf(
  bundle: Bundle,
  probes: Record<string, HttpRequest | HttpRequest[]>,
  env: Record<string, unknown> = uncachedVars,
) {
  const wranglerMs = wranglerStartupMs(root, bundle.entry);
  const isolate: IsolateProbe = probeIsolate(bundle.script, env, probes, { ratelimits: countedOnly });
  return { wranglerCheckStartupMs: wranglerMs, ...isolate };
}

function printStartup(label: string, s: ReturnType<typeof startupOf>) {
  console.log(
    `${label}: module scope ${s.wranglerCheckStartupMs.toFixed(1)} ms (wrangler check startup, workerd), ` +
      `${s.moduleMs.toFixed(1)} ms (Node import); heap ${mib(s.moduleHeapBytes)} MiB after start, ` +
      `${mib(s.heapAfterFirstRequestsBytes)} MiB after a first request of each row, ${mib(s.heapAfterRequestsBytes)} MiB after all`,
  );
  const [limits, others] = [true, false].map((limit) =>
    Object.fromEntries(Object.entries(s.cpuMsPerRequest).filter(([name]) => name.startsWith(LIMIT) === limit)),
  );
  const first = Object.fromEntries(Object.entries(s.firstRequestMs).filter(([name]) => !name.startsWith(LIMIT)));
  console.log("first request in a fresh isolate (ms):", perRequest(first));
  console.log("CPU per request, warm (in-process, ms):", perRequest(others!));
  console.log(
    "CPU per request of the heaviest operations the limits admit (in-process, ms):",
    perRequest(limits!).replaceAll(LIMIT, ""),
  );
}

/**
 * The budgets of what the limits admit (README, Performance): the worst admitted operation's
 * CPU at 1× and at a larger scale, its answer, and the heap after many distinct documents.
 */
const BUDGET = { cpuMs: 5, scaledCpuMs: 10, answerBytes: 1024 * 1024, heapBytes: 64 * 1024 * 1024 };
const DOCUMENTS = 2000;
const overBudget: string[] = [];

/** The adversarial search against a bundle, printed; over the CPU or answer budget is remembered. */
function adversarial(script: string, scale: number) {
  log(`adversarial search at ${scale}× (${args.adversary} random candidates)…`);
  // Without the per-client limits: a request of the probe has no client address to count.
  const env = { ...uncachedVars, RATE_LIMITS: "off" };
  const seed = Number(args.seed);
  const found = probeAdversary(script, env, { random: Number(args.adversary), seed });
  const worst = found.worst;
  const cpuBudget = scale > 1 ? BUDGET.scaledCpuMs : BUDGET.cpuMs;
  console.log(
    `adversarial at ${scale}× (${found.candidates} candidates, ${found.admittedScales} admitted scales, ${found.refusals} refused tries):`,
  );
  for (const m of found.measured) {
    console.log(
      `  ${m.cpuMs.toFixed(2)} ms warm, ${m.freshCpuMs.toFixed(2)} ms as a new document, ${kib(m.bytes)} KiB: ${m.name} (${m.aliases} aliases, n = ${m.n})`,
    );
  }
  if (worst) {
    const cpu = Math.max(worst.cpuMs, worst.freshCpuMs);
    console.log(`  worst: ${cpu.toFixed(2)} ms CPU (budget ${cpuBudget} ms): ${worst.name}`);
    if (cpu > cpuBudget) overBudget.push(`${scale}× worst admitted operation ${cpu.toFixed(2)} ms > ${cpuBudget} ms`);
  }
  const largest = found.largestAnswer;
  if (largest) {
    console.log(`  largest answer: ${kib(largest.bytes)} KiB (budget ${kib(BUDGET.answerBytes)} KiB): ${largest.name}`);
    if (largest.bytes > BUDGET.answerBytes) overBudget.push(`${scale}× largest answer ${kib(largest.bytes)} KiB`);
  }
  return forTheRecord(found, seed);
}

/** The memory row: the heap after DOCUMENTS distinct documents of the largest admitted size. */
function memoryRow(script: string) {
  log(`memory: ${DOCUMENTS} distinct largest documents…`);
  const maxBody = Number(vars.MAX_BODY_BYTES ?? 32768);
  const memory = probeMemory(script, vars, largestDocument(maxBody, Number(vars.MAX_TOKENS ?? 1000)), DOCUMENTS, {
    ratelimits: countedOnly,
  });
  console.log(
    `memory: heap ${mib(memory.heapAfterDocumentsBytes)} MiB after ${DOCUMENTS} distinct documents of the largest admitted size (${kib(maxBody)} KiB, up to ${vars.MAX_TOKENS} tokens), budget ${mib(BUDGET.heapBytes)} MiB`,
  );
  if (memory.heapAfterDocumentsBytes > BUDGET.heapBytes) {
    overBudget.push(`heap after ${DOCUMENTS} documents ${mib(memory.heapAfterDocumentsBytes)} MiB`);
  }
  return memory;
}

const commit = execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim();
const dirty =
  execSync("git status --porcelain -- src data wrangler.toml", { cwd: root, encoding: "utf8" }).trim() !== "";
const machine = { cpus: (await import("node:os")).cpus()[0]?.model, cores: (await import("node:os")).cpus().length };
const started = Date.now();
const output: Record<string, unknown> = {
  commit,
  dirtyTree: dirty,
  date: new Date().toISOString(),
  machine,
  load,
  environment: "production",
};

const onlyLimits = args.only === "adversarial" || args.only === "memory";
const onlyWorkersCache = args.only === "workers cache";
const onlyCold = args.only === "cold";
const workers = onlyLimits || onlyWorkersCache ? null : buildComparisonWorkers(compatibilityDate);

/**
 * The cold rows: each first answer in a fresh workerd process (medians of 5), and module
 * scope (`wrangler check startup`, median of 5), against the targets (COLD_TARGETS); at each
 * scale of --scale, the first search and module scope again.
 */
async function coldRows(): Promise<unknown> {
  const over = (row: string, ms: number, target: number) => {
    if (ms > target) overBudget.push(`cold: ${row} ${ms.toFixed(1)} ms > ${target} ms`);
  };
  const targetOf = (name: string) =>
    name === "first search"
      ? COLD_TARGETS.search
      : name.endsWith(" hash")
        ? COLD_TARGETS.persisted
        : name.endsWith(" text")
          ? COLD_TARGETS.text
          : null;
  const perScale = [];
  for (const scale of [
    1,
    ...(args.scale ?? "")
      .split(",")
      .map(Number)
      .filter((n) => n > 1),
  ]) {
    log(`cold rows at ${scale}×: building…`);
    const api = scale === 1 ? buildDeployable() : buildWithData(scaledDataset(scale));
    const probes = coldProbes().filter(
      (p) => scale === 1 || p.name === "client warm-up" || p.name === "no-op Worker" || p.name === "first search",
    );
    const measured = await coldFirstAnswers(api, workers!.reference, probes, 5);
    const moduleScopeCpuMs = await moduleScopeCpu(api, 5);
    const moduleScopeMs = wranglerStartupMs(root, api.entry, 5);
    console.log(
      `\ncold at ${scale}× (a fresh workerd per run, median of 5): CPU of workerd's main thread for the request, of all its threads, and the wall time from the bench's client (ms)`,
    );
    for (const [name, ms] of Object.entries(measured.cpuMs)) {
      const target = scale === 1 ? targetOf(name) : name === "first search" ? COLD_TARGETS.scaledSearch : null;
      console.log(
        `  ${name.padEnd(22)} ${ms.toFixed(1).padStart(6)} CPU ${measured.processCpuMs[name]!.toFixed(1).padStart(6)} all threads ${measured.wallMs[name]!.toFixed(1).padStart(6)} wall${target ? `  (target ≤ ${target})` : ""}`,
      );
      if (target) over(`${scale}× ${name}`, ms, target);
    }
    console.log(
      `  ${"module scope".padEnd(22)} ${moduleScopeCpuMs.toFixed(1).padStart(6)} CPU ${moduleScopeMs.toFixed(1).padStart(6)} wrangler check startup${scale === 1 ? `  (target ≤ ${COLD_TARGETS.moduleScope})` : ""}`,
    );
    if (scale === 1) over("module scope", moduleScopeCpuMs, COLD_TARGETS.moduleScope);
    perScale.push({
      scale,
      ...measured,
      moduleScopeCpuMs,
      moduleScopeMs,
      bundle: { bytes: api.bytes, gzipBytes: api.gzipBytes },
    });
  }
  return { targets: COLD_TARGETS, scales: perScale };
}

if (onlyWorkersCache) {
  log("building the deployable bundle…");
  const api = buildDeployable();
  const flags = config.compatibility_flags;
  const workerd = await startWorkerd(
    [{ name: "api", script: api.script, compatibilityDate, compatibilityFlags: flags, vars, ratelimits: countedOnly }],
    api.dir,
  );
  let row: WorkersCacheRow;
  try {
    row = await workersCacheRow(workerd.urls.api!);
  } finally {
    await workerd.stop();
  }
  printWorkersCacheRow(row);
  Object.assign(output, { workersCache: row });
} else if (onlyCold) {
  Object.assign(output, { cold: await coldRows() });
} else if (onlyLimits) {
  // The adversarial search and the memory row alone: at 1×, or at each scale given.
  const scales = (args.scale ?? "1").split(",").map(Number);
  const perScale = [];
  for (const scale of scales) {
    const api = scale > 1 ? buildWithData(scaledDataset(scale)) : buildDeployable();
    const adversary = args.only === "adversarial" ? adversarial(api.script, scale) : null;
    const memory = scale === 1 ? memoryRow(api.script) : null;
    perScale.push({ scale, adversary, memory });
  }
  Object.assign(output, { limits: perScale });
} else if (!args.scale) {
  log("building the deployable bundle…");
  const api = buildDeployable();
  const empty = buildWithData(emptyDataset());
  const data = dataSizes(join(root, "data"));
  const size = {
    bundle: { bytes: api.bytes, gzipBytes: api.gzipBytes },
    bundleWithoutData: { bytes: empty.bytes, gzipBytes: empty.gzipBytes },
    dataInBundle: { bytes: api.bytes - empty.bytes, gzipBytes: api.gzipBytes - empty.gzipBytes },
    dataFiles: data,
  };
  log("measuring startup…");
  const workerd = await serve(api, workers!, true);
  let results: RowResult[];
  let clients: Phase[] = [];
  let startup: ReturnType<typeof startupOf> | undefined;
  let workersCache: WorkersCacheRow | undefined;
  try {
    const id = await regionId(workerd.urls["api-uncached"]!);
    const variables = { RegionProfile: { code: "SE-BD" }, Find: { q: "export" }, Refetch: { id } };
    const rows = [referenceRow, ...floorRows(variables.RegionProfile, args.floors), ...contractRows(variables)].filter(
      (r) => !args.only || r.name.includes(args.only),
    );
    const probes = Object.fromEntries(
      rows
        .filter((r) => r.target === "api-uncached" && r.request.method === "POST")
        .map((r) => [r.operation, r.request]),
    );
    startup = startupOf(api, { ...probes, ...(await widest(workerd.urls["api-uncached"]!)) });
    log(`driving ${rows.length} rows, ${load.connections} connections, ${load.rounds} × ${load.seconds} s each side…`);
    results = await runRows(workerd, rows);
    if (!args.only || TWO_CLIENTS.includes(args.only)) {
      log(`driving ${TWO_CLIENTS}…`);
      clients = await runTwoClients(workerd, variables.RegionProfile);
    }
    if (!args.only) {
      log("replaying browsers' GETs through the Workers Cache model…");
      workersCache = await workersCacheRow(workerd.urls["api-unlimited"]!);
    }
  } finally {
    await workerd.stop();
  }
  console.log(
    `\nbench ${commit}${dirty ? " (uncommitted changes)" : ""}, ${machine.cores} × ${machine.cpus}, ${load.connections} connections\n`,
  );
  if (results.length) console.log(table(results));
  const againstFloor = postAgainstFloor(results);
  if (againstFloor.length) {
    console.log(
      `\nrepeated POST against its floor (target ≥ 0.9×): ${againstFloor.map((f) => `${f.operation} ${f.ratio.toFixed(2)}×`).join(", ")}`,
    );
  }
  if (clients.length) {
    const rate = Math.round(clients[0]!.wellBehaved.rps);
    console.log(
      `\n${TWO_CLIENTS} (${phaseSeconds} s each phase; the well-behaved one at ${rate} req/s on 1 connection, the other on ${load.connections}):\n`,
    );
    console.log(twoClientsTable(clients));
  }
  if (workersCache) printWorkersCacheRow(workersCache);
  console.log();
  printStartup("cold start", startup);
  console.log(
    `bundle ${kib(api.bytes)} KiB / ${kib(api.gzipBytes)} KiB gzip; without data ${kib(empty.bytes)} KiB / ${kib(empty.gzipBytes)} KiB gzip; ` +
      `data files ${kib(data.bytes)} KiB (${kib(data.minifiedBytes)} KiB minified, ${kib(data.gzipBytes)} KiB gzip)`,
  );
  const adversary = adversarial(api.script, 1);
  const memory = memoryRow(api.script);
  Object.assign(output, {
    size,
    startup,
    rows: results,
    postAgainstFloor: againstFloor,
    twoClients: clients,
    workersCache,
    adversary,
    memory,
  });
} else {
  const scales = [
    1,
    ...args.scale
      .split(",")
      .map(Number)
      .filter((n) => n > 1),
  ];
  const perScale = [];
  for (const scale of scales) {
    log(`scale ${scale}×: generating and building…`);
    const dataDir = scale === 1 ? join(root, "data") : scaledDataset(scale);
    const api = scale === 1 ? buildDeployable() : buildWithData(dataDir);
    const workerd = await serve(api, workers!, false);
    try {
      const base = workerd.urls["api-uncached"]!;
      const first = JSON.parse(
        (await json(base, post({ query: "{ interviews(first: 10) { pageInfo { endCursor } } }" }))).text,
      );
      const after = first.data.interviews.pageInfo.endCursor as string;
      const rows: Row[] = [
        {
          name: `${scale}× page of 10 (interviews after a cursor)`,
          request: post({
            query: `query Page($after: String) { interviews(first: 10, after: $after) { totalCount edges { node { slug title(lang: EN) } } pageInfo { endCursor hasNextPage } } }`,
            variables: { after },
          }),
        },
        {
          name: `${scale}× filtered list (InterviewPage, SE-BD)`,
          request: post({ query: persistedDocuments().InterviewPage!.text }),
        },
        {
          name: `${scale}× search (Find "export")`,
          request: post({
            query: `query Find($q: String!) { search(query: $q, first: 5) { totalCount edges { node { __typename } } } }`,
            variables: { q: "export" },
          }),
        },
      ].map((r) => ({ ...r, operation: r.name, target: "api-lifted" as const, cached: false }));
      const costs = await costsInProduction(base, rows);
      // The heaviest shapes are as wide as the production limits admit (asked of `base`); the
      // probe runs them and the rows with MAX_COST lifted, which admits whatever those admit.
      const startup = startupOf(
        api,
        { ...Object.fromEntries(rows.map((r) => [r.name, r.request])), ...(await widest(base)) },
        liftedVars,
      );
      const results = await runRows(workerd, rows);
      const adversary = adversarial(api.script, scale);
      perScale.push({
        adversary,
        costs,
        scale,
        bundle: { bytes: api.bytes, gzipBytes: api.gzipBytes },
        data: dataSizes(dataDir),
        startup,
        rows: results,
      });
    } finally {
      await workerd.stop();
    }
  }
  for (const s of perScale) {
    console.log(
      `\n${s.scale}×: bundle ${kib(s.bundle.bytes)} KiB / ${kib(s.bundle.gzipBytes)} KiB gzip, data files ${kib(s.data.bytes)} KiB`,
    );
    printStartup("cold start", s.startup);
    console.log(table(s.rows));
    console.log(
      `cost with the production MAX_COST (${vars.MAX_COST}): ${s.costs.map((c) => `${c.name} ${c.cost}${c.admitted ? "" : " (refused: the row runs with MAX_COST lifted)"}`).join("; ")}`,
    );
  }
  Object.assign(output, { scales: perScale });
}

output.seconds = Math.round((Date.now() - started) / 1000);
output.overBudget = overBudget;
if (!args["no-write"]) {
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const kind = onlyWorkersCache
    ? "workers-cache"
    : onlyCold
      ? `cold${args.scale ? `-${args.scale.replace(/,/g, "-")}` : ""}`
      : onlyLimits
        ? `limits-${(args.scale ?? "1").replace(/,/g, "-")}`
        : args.scale
          ? `scale-${args.scale.replace(/,/g, "-")}`
          : args.only
            ? `contract-only-${args.only.replace(/[^A-Za-z0-9]+/g, "-")}`
            : "contract";
  // One file per kind, each run replacing the last: the commit is in the file, and earlier
  // runs are in git (`git log -p bench/results/contract.json`).
  const file = join(dir, `${kind}.json`);
  writeFileSync(file, `${resultJson(output)}\n`);
  console.log(`\nwritten to ${file.slice(root.length + 1)} in ${output.seconds} s`);
}
if (overBudget.length) {
  console.error(`\nover budget: ${overBudget.join("; ")}`);
  process.exitCode = 1;
}
