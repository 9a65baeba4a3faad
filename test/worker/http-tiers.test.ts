// The answer cache's tiers and the isolate's memory budget, inside workerd: an answer found
// at the edge (caches.default) warms the isolate's tier, and however many distinct documents
// and answers a client sends, what the isolate keeps stays within its byte budget.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config";
import { store } from "../../src/data";
import { serveGraphQL } from "../../src/http/pipeline";
import { basicsOf } from "../../src/http/request";
import { createPipeline, createWorker } from "../../src/worker";

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

const env = {} as Env;

async function get(worker: ReturnType<typeof createWorker>, query: string) {
  const ctx = createExecutionContext();
  const request = new Request(`http://api.test/graphql?query=${encodeURIComponent(query)}`);
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
  await waitOnExecutionContext(ctx);
  return { cache: response.headers.get("x-cache"), etag: response.headers.get("etag"), body: await response.text() };
}

describe("the edge tier", () => {
  it("warms a new isolate: an answer found at the edge is kept in the isolate from then on", async () => {
    const edge = () => caches.open("tiers-shared");
    const first = createWorker({ store, edgeCache: edge });
    const second = createWorker({ store, edgeCache: edge });
    const query = "query Tiers { regions(first: 2) { edges { node { slug } } } }";
    const executed = await get(first, query);
    expect(executed.cache).toBe("MISS");
    const fromEdge = await get(second, query);
    expect(fromEdge).toEqual({ ...executed, cache: "HIT" });
    // Gone from the edge: the second isolate still has it.
    await (await edge()).delete(`http://api.test/graphql/__cache/${executed.etag!.slice(1, -1)}`);
    expect(await get(second, query)).toEqual({ ...executed, cache: "HIT" });
    // A third isolate finds nothing at the edge now, and executes.
    expect((await get(createWorker({ store, edgeCache: edge }), query)).cache).toBe("MISS");
  });
});

describe("the memory budget", () => {
  it("bounds what the isolate keeps in bytes, however many distinct large documents arrive", async () => {
    const budget = 2 * 1024 * 1024;
    const pipeline = createPipeline(parseConfig({}), { store, edgeCache: null, memoryBytes: budget });
    const ctx = createExecutionContext();
    // About 22 KB each, within MAX_TOKENS and MAX_BODY_BYTES (graphql-js aborts validating
    // a thousand overlapping fields, so the rest is a comment).
    const fields = "__typename ".repeat(600);
    const padding = "x".repeat(15_000);
    let kept = 0;
    for (let i = 0; i < 300; i++) {
      const body = JSON.stringify({ query: `# ${i} ${padding}\n{ ${fields}}` });
      const request = new Request("http://api.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const response = await serveGraphQL(pipeline, request, basicsOf(request), (p) => ctx.waitUntil(p));
      expect(response.status).toBe(200);
      await response.text();
      expect(pipeline.budget.bytes).toBeLessThanOrEqual(budget);
      kept = Math.max(kept, pipeline.budget.bytes);
    }
    await waitOnExecutionContext(ctx);
    // It did keep documents and answers, up to the budget.
    expect(kept).toBeGreaterThan(budget / 2);
  });
});
