// The Worker: the bundled dataset, served by the one pipeline (src/worker.ts). Where Workers Cache
// fronts the Worker (ctx.cache: staging and production), the public entrypoint folds a GET's
// negotiated headers and hands it to `Answers`, the entrypoint Workers Cache fronts (wrangler.toml
// [exports]; docs/architecture.md, "Answers Workers Cache can share"). Elsewhere (workerd,
// Miniflare, wrangler dev) that hop would buy nothing and cost a loopback: it answers itself.
import { WorkerEntrypoint } from "cloudflare:workers";
import { store } from "./data";
import { createGateway, createWorker } from "./worker";

const worker = createWorker({ store });

export class Answers extends WorkerEntrypoint<Env> {
  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, this.env, this.ctx));
  }
}

export default createGateway(worker, (ctx) =>
  ctx.cache ? (ctx.exports as { Answers?: Fetcher } | undefined)?.Answers : undefined,
);
