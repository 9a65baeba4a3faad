import type { MiddlewareHandler } from "hono";
import { setMetric } from "hono/timing";
import type { AppEnv } from "./context";
import type { Trace } from "./yoga";
import { sha256 } from "./cache";

/**
 * One JSON line a request, for Workers Logs (`[observability]`): who asked what, how it
 * ended, how long it took and whether the cache answered. Runs outermost, after request id.
 */
export const observe = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const started = performance.now();
  const trace: Trace = { errors: false, cache: "bypass" };
  c.set("trace", trace);
  await next();
  setMetric(c, "cache", trace.cache);
  const hash = trace.hash ?? (trace.query === undefined ? undefined : await sha256(trace.query));
  console.log(
    JSON.stringify({
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      operationName: trace.operationName ?? null,
      hash: hash ?? null,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      cache: trace.cache,
      environment: c.var.config?.environment ?? null,
    }),
  );
};
