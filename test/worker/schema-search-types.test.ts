// Found by the schema-aware fuzzer (test/worker/fuzz.test.ts): a search with `types: []` (no
// type) shared its kept hits with the same search without `types` (every type), so its answer
// depended on what the isolate had searched before.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { store } from "../../src/data";
import { createWorker } from "../../src/worker";

async function totalCount(worker: ExportedHandler<Env>, types: string): Promise<unknown> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(
    new Request("http://api.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ search(query: "uppsala"${types}) { totalCount } }` }),
    }) as Request<unknown, IncomingRequestCfProperties>,
    {} as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return ((await response.json()) as { data: { search: { totalCount: number } } }).data.search.totalCount;
}

describe("search types", () => {
  it("types: [] finds nothing, whatever was searched before", async () => {
    const worker = createWorker({ store });
    const all = await totalCount(worker, "");
    expect(all).toBeGreaterThan(0);
    expect(await totalCount(worker, ", types: []")).toBe(0);
    // And the other way round, in a new Worker.
    const other = createWorker({ store });
    expect(await totalCount(other, ", types: []")).toBe(0);
    expect(await totalCount(other, "")).toBe(all);
  });
});
