import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { executed } from "../executed";
import { serveBundle } from "./deployable";

let mf: Miniflare;
const build = inject("bundle");

beforeAll(async () => {
  mf = await serveBundle(build.script);
});
afterAll(() => mf?.dispose());

describe("the deployable bundle", () => {
  it("builds with no warnings", () => {
    expect(build.output).not.toMatch(/\bWARNING\b|▲/);
  });

  it("answers a GraphQL POST", async () => {
    const response = await mf.dispatchFetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{__typename}" }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual(executed({ data: { __typename: "Query" } }));
    // Written compactly, as JSON.stringify writes it.
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
  });

  it("serves the playground page and its assets from the same origin", async () => {
    const page = await mf.dispatchFetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(["/graphiql/graphiql.css", "/graphiql/yoga-graphiql.umd.js"]));
    for (const path of assets) {
      const asset = await mf.dispatchFetch(`http://localhost${path}`);
      expect(asset.status, path).toBe(200);
      await asset.arrayBuffer();
    }
    for (const worker of ["editor.worker.bundle.js", "json.worker.bundle.js", "graphql.worker..bundle.js"]) {
      const asset = await mf.dispatchFetch(`http://localhost/graphiql/monacoeditorwork/${worker}`);
      expect(asset.status, worker).toBe(200);
      await asset.arrayBuffer();
    }
  });
});
