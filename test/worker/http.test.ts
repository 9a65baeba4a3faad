import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { executed } from "../executed";

const endpoint = "http://api.test/graphql";

describe("the Worker", () => {
  it("answers a POSTed query", async () => {
    const response = await SELF.fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Typename { __typename }" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(executed({ data: { __typename: "Query" } }));
  });

  it("answers a query sent with GET", async () => {
    const url = `${endpoint}?query=${encodeURIComponent("{ __typename }")}`;
    const response = await SELF.fetch(url, { headers: { accept: "application/json" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(executed({ data: { __typename: "Query" } }));
  });

  it("redirects / to the GraphQL endpoint", async () => {
    const response = await SELF.fetch("http://api.test/", { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/graphql");
  });

  it("serves the playground to a browser, loading nothing from another origin", async () => {
    const response = await SELF.fetch(endpoint, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('src="/graphiql/yoga-graphiql.umd.js"');
    expect(html).toContain('href="/graphiql/graphiql.css"');
    // Every src/href is same-origin: no scheme, no protocol-relative URL.
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect(url).toMatch(/^(\/[^/]|data:)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("serves the playground's script from Static Assets", async () => {
    // SELF reaches the Worker alone; the asset router in front of it is exercised by the
    // bundle test in test/node. Here: the files are in the ASSETS binding.
    const response = await env.ASSETS.fetch("http://api.test/graphiql/yoga-graphiql.umd.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect((await response.text()).length).toBeGreaterThan(1_000_000);
  });
});
