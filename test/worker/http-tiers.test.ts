// The isolate's memory budget, inside workerd: however many distinct documents and answers a
// client sends, what the isolate keeps stays within its byte budget.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config";
import { store } from "../../src/data";
import { serveGraphQL } from "../../src/http/pipeline";
import { basicsOf } from "../../src/http/request";
import { createPipeline } from "../../src/worker";

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

describe("the memory budget", () => {
  // A region's fields under 10 aliases, each a place of its own (nothing for validation to
  // compare): one of the densest documents the limits admit (MAX_TOKENS), about 640 AST nodes.
  const regionFields =
    "isoCode slug countyCode nuts3 seat landAreaKm2 landAreaSource neighbourCountries name(lang: EN) " +
    "nameText { sv en translated isParaphrase } population { value date year } sources { url host }";
  const dense = Array.from({ length: 10 }, (_, a) => `a${a}: region(code: "SE-BD") { ${regionFields} }`).join(" ");
  const words = ["export", "region", "norrbotten", "sverige", "sweden", "stockholm", "företag", "kommun"];
  const types = ["Region", "Interview", "Article", "Person", "Organization", "AwardEdition", "Award", "Quote"];

  async function send(pipeline: ReturnType<typeof createPipeline>, body: object) {
    const ctx = createExecutionContext();
    const request = new Request("http://api.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const response = await serveGraphQL(pipeline, request, basicsOf(request));
    const text = await response.text();
    await waitOnExecutionContext(ctx);
    return { status: response.status, text };
  }

  it("bounds what the isolate keeps in bytes, however many distinct large documents and searches arrive", async () => {
    const budget = 2 * 1024 * 1024;
    const pipeline = createPipeline(parseConfig({}), { store, memoryBytes: budget });
    const padding = "x".repeat(15_000);
    let kept = 0;
    let searches = 0;
    for (let i = 0; i < 300; i++) {
      // A distinct dense document of about 22 KB (its comment differs)...
      const document = await send(pipeline, { query: `# ${i} ${padding}\n{ ${dense} }` });
      expect(document.status).toBe(200);
      expect(document.text).not.toContain('"errors"');
      // ...and a distinct search: other words or other types are another kept search.
      const only = types.filter((_, t) => (i >> t) & 1);
      const search = await send(pipeline, {
        query: "query S($q: String!, $t: [SearchType!]) { search(query: $q, types: $t, first: 1) { totalCount } }",
        variables: { q: words[i % words.length], t: only.length ? only : null },
      });
      expect(search.status).toBe(200);
      searches = Math.max(searches, pipeline.recentSearches.size);
      expect(pipeline.budget.bytes).toBeLessThanOrEqual(budget);
      kept = Math.max(kept, pipeline.budget.bytes);
    }
    // It did keep documents, answers and searches, up to the budget, and let the oldest go.
    expect(kept).toBeGreaterThan(budget / 2);
    expect(searches).toBeGreaterThan(3);
    expect(pipeline.recentSearches.size).toBeLessThan(300);
  });

  it("accounts a dense document by its nodes: fewer of them fit than of a long comment", async () => {
    // Room for all of them: what is accounted is what was kept.
    const budget = 16 * 1024 * 1024;
    const accounted = async (query: (i: number) => string) => {
      const pipeline = createPipeline(parseConfig({}), { store, memoryBytes: budget });
      for (let i = 0; i < 30; i++) expect((await send(pipeline, { query: query(i) })).status).toBe(200);
      return pipeline.budget.bytes / 30;
    };
    // The same source length: a document of about 640 nodes (V8 keeps about 135 KB of it),
    // and one of a few nodes and a comment (about 5 KB), each with its answer.
    const dense_ = await accounted((i) => `# ${i}\n{ ${dense} }`);
    const long = await accounted((i) => `# ${i} ${"x".repeat(dense.length)}\n{ __typename }`);
    expect(dense_).toBeGreaterThan(130_000);
    expect(long).toBeLessThan(15_000);
  });
});
