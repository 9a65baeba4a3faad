// Drives a Worker and its ceiling with autocannon, interleaved A B A B so that machine
// drift (thermal, neighbours) lands on both sides alike.
import autocannon from "autocannon";
import type { Workerd } from "./workerd";

export type HttpRequest = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };

export type Load = { connections: number; seconds: number; rounds: number; warmupSeconds: number };

export type Measured = {
  /** Requests per second over all rounds. */
  rps: number;
  /** Latency percentiles in ms, the mean over rounds. */
  p50: number;
  p99: number;
  /** workerd's CPU time (user + system) per request, in ms: the Worker plus the runtime's own HTTP work. */
  cpuMsPerRequest: number;
  requests: number;
  /** Answers that were not 2xx, errors and timeouts: a valid row has none. */
  failures: number;
};

async function slice(base: string, request: HttpRequest, connections: number, seconds: number, workerd: Workerd) {
  const cpuBefore = workerd.cpuMs();
  const result = await autocannon({
    url: base + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    duration: seconds,
  });
  return { result, cpuMs: workerd.cpuMs() - cpuBefore };
}

function summarize(slices: Awaited<ReturnType<typeof slice>>[]): Measured {
  const requests = slices.reduce((n, s) => n + s.result.requests.total, 0);
  const seconds = slices.reduce((n, s) => n + s.result.duration, 0);
  const mean = (f: (s: (typeof slices)[number]) => number) => slices.reduce((n, s) => n + f(s), 0) / slices.length;
  return {
    rps: requests / seconds,
    p50: mean((s) => s.result.latency.p50),
    p99: mean((s) => s.result.latency.p99),
    cpuMsPerRequest: slices.reduce((n, s) => n + s.cpuMs, 0) / Math.max(requests, 1),
    requests,
    failures: slices.reduce((n, s) => n + s.result.non2xx + s.result.errors + s.result.timeouts, 0),
  };
}

/** A then B, `rounds` times, after a short warm-up of each that is not counted. */
export async function interleaved(
  a: string,
  b: string,
  request: HttpRequest,
  load: Load,
  workerd: Workerd,
): Promise<{ a: Measured; b: Measured }> {
  if (load.warmupSeconds > 0) {
    await slice(a, request, load.connections, load.warmupSeconds, workerd);
    await slice(b, request, load.connections, load.warmupSeconds, workerd);
  }
  const as = [];
  const bs = [];
  for (let round = 0; round < load.rounds; round++) {
    as.push(await slice(a, request, load.connections, load.seconds, workerd));
    bs.push(await slice(b, request, load.connections, load.seconds, workerd));
  }
  return { a: summarize(as), b: summarize(bs) };
}

/** One client of a scenario: what it sends, how fast, and the body every answer must have. */
export type Client = {
  request: HttpRequest;
  connections: number;
  /** Requests per second (0: as fast as the Worker answers). */
  rate: number;
  expectBody?: string;
  /** A body per request (a new document each time, so that no cache tier helps). */
  bodyOf?: (n: number) => string;
};

export type ClientMeasured = {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** Answers whose body was not `expectBody`. */
  mismatches: number;
  errors: number;
  timeouts: number;
};

/**
 * The clients at once against one Worker for `seconds` (at most `maxRequests` each), with
 * workerd's CPU per request over all of them, and its CPU time as a share of the wall time
 * (1: one core busy throughout).
 */
export async function concurrently(
  base: string,
  clients: Client[],
  seconds: number,
  maxRequests: number,
  workerd: Workerd,
): Promise<{ clients: ClientMeasured[]; cpuMsPerRequest: number; cpuShare: number }> {
  const cpuBefore = workerd.cpuMs();
  const started = performance.now();
  const results = await Promise.all(
    clients.map((client) => {
      let n = 0;
      const { bodyOf } = client;
      const { method, headers, body } = client.request;
      return autocannon({
        url: base + client.request.path,
        connections: client.connections,
        duration: seconds,
        maxOverallRequests: maxRequests,
        ...(client.rate > 0 ? { overallRate: client.rate } : {}),
        // autocannon checks bodies only of one fixed request.
        ...(bodyOf
          ? { requests: [{ method, headers, body, setupRequest: (request) => ({ ...request, body: bodyOf(n++) }) }] }
          : { method, headers, body, expectBody: client.expectBody }),
      });
    }),
  );
  const cpuMs = workerd.cpuMs() - cpuBefore;
  const wallMs = performance.now() - started;
  const measured = results.map((result) => ({
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    mismatches: result.mismatches,
    errors: result.errors,
    timeouts: result.timeouts,
  }));
  const requests = measured.reduce((sum, m) => sum + m.requests, 0);
  return { clients: measured, cpuMsPerRequest: cpuMs / Math.max(requests, 1), cpuShare: cpuMs / wallMs };
}
