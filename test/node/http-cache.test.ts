// Caching of GET answers through the bundle: Cache-Control, strong ETag, 304, Vary and the
// isolate's LRU; errors and POST never cached.

import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { executed } from "../executed";
import { captureLogs, endpoint, get, post, send, useBundle } from "./http-support";

const bundle = useBundle();
const logs = captureLogs();
let cached: Miniflare;
let uncached: Miniflare;

beforeAll(async () => {
  [cached, uncached] = await Promise.all([bundle.serve(), bundle.serve({ RESPONSE_CACHE: "off" })]);
});

const typename = { query: "query Typename { __typename }" };

describe("GET answers", () => {
  it("carry Cache-Control, a strong ETag and Vary (Accept-Language only where a text reads it)", async () => {
    const response = await get(cached, { query: "{ __typename }", operationName: "" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe(
      "public, max-age=60, stale-while-revalidate=600, stale-if-error=600",
    );
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers.get("vary")).toBe("Accept");
    const text = await get(cached, { query: '{ region(code: "SE-BD") { name } }' });
    expect(text.headers.get("vary")).toBe("Accept, Accept-Language");
  });

  it("are a MISS first, then a HIT with the same ETag and body, and the log line says so", async () => {
    const first = await get(cached, typename);
    const second = await get(cached, typename);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await second.text()).toBe(await first.text());
    const ids = [first, second].map((r) => r.headers.get("x-request-id"));
    await expect.poll(() => logs.requests().filter((l) => ids.includes(l.requestId as string))).toHaveLength(2);
    const lines = logs.requests().filter((l) => ids.includes(l.requestId as string));
    expect(lines.map((l) => [l.cache, l.status, l.operationName])).toEqual([
      ["miss", 200, "Typename"],
      ["hit", 200, "Typename"],
    ]);
    expect(lines[1]!.hash).toBe(lines[0]!.hash);
  });

  it("answer If-None-Match with 304 and no body", async () => {
    const first = await get(cached, { query: "{ a: __typename }" });
    const etag = first.headers.get("etag")!;
    const again = await get(cached, { query: "{ a: __typename }" }, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const other = await get(cached, { query: "{ a: __typename }" }, { "if-none-match": '"something-else"' });
    expect(other.status).toBe(200);
  });

  it("differ in ETag by variables, language (where read) and media type", async () => {
    const query = 'query ($s: Boolean!) { __typename @skip(if: $s) region(code: "SE-BD") { name } }';
    const tags = await Promise.all([
      get(cached, { query, variables: '{"s":false}' }),
      get(cached, { query, variables: '{"s":true}' }),
      get(cached, { query, variables: '{"s":false}' }, { "accept-language": "en" }),
      get(cached, { query, variables: '{"s":false}' }, { accept: "application/graphql-response+json" }),
    ]).then((rs) => rs.map((r) => r.headers.get("etag")));
    expect(new Set(tags).size).toBe(4);
  });

  it("do not differ by Accept-Language where no text reads it", async () => {
    const query = { query: '{ region(code: "SE-BD") { name(lang: EN) } }' };
    const first = await get(cached, query, { "accept-language": "sv-SE,sv;q=0.9" });
    const second = await get(cached, query, { "accept-language": "en-GB,en;q=0.9" });
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("vary")).toBe("Accept");
  });

  it("share an entry between Accept-Language headers that pick the same language", async () => {
    const query = { query: '{ c: region(code: "SE-AB") { name } }' };
    const first = await get(cached, query, { "accept-language": "en" });
    const second = await get(cached, query, { "accept-language": "en-GB,en;q=0.9,sv;q=0.5" });
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("with errors are never cached", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await get(cached, { query: "{ noSuchField }" });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("etag")).toBeNull();
      expect(response.headers.get("x-cache")).toBe("BYPASS");
    }
  });

  it("are served fresh each time with RESPONSE_CACHE off, still with ETag and 304", async () => {
    const first = await get(uncached, typename);
    const second = await get(uncached, typename, { "if-none-match": first.headers.get("etag")! });
    expect(first.headers.get("x-cache")).toBe("BYPASS");
    expect(await first.json()).toEqual(executed({ data: { __typename: "Query" } }));
    expect(second.status).toBe(304);
    expect(second.headers.get("x-cache")).toBe("BYPASS");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  });
});

describe("POST answers", () => {
  it("are not cached by HTTP caches, but a repeat is answered from the isolate's memory", async () => {
    const body = { query: "query PostedTwice { __typename }" };
    const first = await post(cached, body);
    const second = await post(cached, body);
    for (const response of [first, second]) {
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("etag")).toBeNull();
      expect(await response.json()).toEqual(executed({ data: { __typename: "Query" } }));
    }
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(second.headers.get("x-cache")).toBe("HIT");
  });

  it("of the playground page are not cached either", async () => {
    const page = await send(cached, `${endpoint}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "text/html" },
    });
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("x-cache")).toBe("BYPASS");
    expect(page.headers.get("cache-control")).toBe("no-store");
  });
});
