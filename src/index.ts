// The Worker: the bundled dataset, served by the one pipeline (src/worker.ts), built in module
// scope from cloudflare:workers' env. Where Workers Cache fronts the Worker (WORKERS_CACHE, set
// with [cache] in staging and production), the public entrypoint folds a GET's negotiated headers and hands it to `Answers`, the entrypoint Workers
// Cache fronts (wrangler.toml [exports]; docs/architecture.md, "Answers Workers Cache can share").
// Elsewhere (development, the tests, the bench's raw workerd) that hop would feed no cache and
// cost a loopback: the public entrypoint answers itself.
import { env, WorkerEntrypoint } from "cloudflare:workers";
import { configFor } from "./config";
import { store } from "./data";
import { createGateway, createWorker } from "./worker";

const worker = createWorker({ store }, env);

export class Answers extends WorkerEntrypoint<Env> {
  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, this.env, this.ctx));
  }
}

/** Whether this env's settings say Workers Cache fronts the Worker (wrong settings: no hop). */
function fronted(env: Env): boolean {
  try {
    return configFor(env).workersCache;
  } catch {
    return false;
  }
}

export default createGateway(worker, (ctx, env) =>
  fronted(env) ? (ctx.exports as { Answers?: Fetcher } | undefined)?.Answers : undefined,
);
