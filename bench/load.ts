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
