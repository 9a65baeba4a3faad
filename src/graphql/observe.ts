import type { MiddlewareHandler } from "hono";
import { setMetric } from "hono/timing";
import { sha256 } from "./cache";
import type { AppEnv } from "./context";
import type { Trace } from "./yoga";

/** Each request's trace, for the fast lane to learn from what the full path did. */
export const traces = new WeakMap<Request, Trace>();

/**
 * One JSON line a request, for Workers Logs (`[observability]`): who asked what, how it
 * ended, how long it took and whether the cache answered. Runs outermost, after request id.
 */
export const observe = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const started = performance.now();
  const trace: Trace = { errors: false, cache: "bypass" };
  c.set("trace", trace);
  traces.set(c.req.raw, trace);
  await next();
  setMetric(c, "cache", trace.cache);
  trace.hash ??= trace.query === undefined ? undefined : await sha256(trace.query);
  logRequest({
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    operationName: trace.operationName ?? null,
    hash: trace.hash ?? null,
    status: c.res.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    cache: trace.cache,
    environment: c.var.config?.environment ?? null,
  });
};

export type LogLine = {
  requestId: string;
  method: string;
  path: string;
  operationName: string | null;
  hash: string | null;
  status: number;
  durationMs: number;
  cache: Trace["cache"];
  environment: string | null;
};

/** The one structured log line of a request. */
export function logRequest(line: LogLine): void {
  console.log(JSON.stringify(line));
}
