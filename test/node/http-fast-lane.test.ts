// The fast lane (src/graphql/fast-lane.ts): repeated requests and known documents are
// answered without Yoga's pipeline, the same way the full path answers them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { root } from "./deployable";
import { captureLogs, endpoint, get, post, send, useBundle } from "./http-support";

const bundle = useBundle();
const logs = captureLogs();
let uncached: Miniflare;
let persistedOnly: Miniflare;
let allowList: Miniflare;
let fresh: () => Promise<Miniflare>;

const contract = readFileSync(join(root, "operations", "contract.graphql"), "utf8");
const manifest: Record<string, string> = JSON.parse(readFileSync(join(root, "operations", "manifest.json"), "utf8"));

beforeAll(async () => {
  [uncached, persistedOnly, allowList] = await Promise.all([
    bundle.serve({ RESPONSE_CACHE: "off" }),
    bundle.serve({ RESPONSE_CACHE: "off", PERSISTED_ONLY: "on" }),
    bundle.serve({ RESPONSE_CACHE: "off", CORS_ORIGINS: "https://news.example" }),
  ]);
  fresh = () => bundle.serve({ RESPONSE_CACHE: "off" });
});

const profile = (code: string) => ({ query: contract, operationName: "RegionProfile", variables: { code } });
const lineOf = async (response: Response) => {
  const id = response.headers.get("x-request-id");
  await expect.poll(() => logs.requests().filter((l) => l.requestId === id)).toHaveLength(1);
  return logs.requests().find((l) => l.requestId === id)!;
};

describe("a known document", () => {
  it("is executed on the fast lane with new variables, answering exactly as the full path does", async () => {
    await post(uncached, profile("SE-BD")); // the full path sees the document once
    for (const code of ["SE-AB", "SE-N", "SE-XX"]) {
      const fast = await post(uncached, profile(code));
      const fastBody = await fast.text();
      const reference = await post(await fresh(), profile(code)); // a new isolate: full path
      const referenceBody = await reference.text();
      expect(fast.status).toBe(200);
      expect(fastBody).toBe(referenceBody);
      // The full path gives a POST no X-Cache; the fast lane says it executed and did not cache.
      expect(reference.headers.get("x-cache")).toBeNull();
      expect(fast.headers.get("x-cache")).toBe("BYPASS");
      for (const header of [
        "content-type",
        "cache-control",
        "access-control-allow-origin",
        "access-control-expose-headers",
      ]) {
        expect(fast.headers.get(header), header).toBe(reference.headers.get(header));
      }
      const line = await lineOf(fast);
      expect(line).toMatchObject({ operationName: "RegionProfile", status: 200, cache: "bypass" });
      expect(line.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("answers GET with the full path's ETag, and 304 to If-None-Match", async () => {
    const params = { query: contract, operationName: "RegionProfile", variables: JSON.stringify({ code: "SE-M" }) };
    const first = await get(uncached, params);
    const second = await get(uncached, params);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("vary")).toBe("Accept, Accept-Language");
    expect(await second.text()).toBe(await first.text());
    const notModified = await get(uncached, params, { "if-none-match": first.headers.get("etag")! });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
  });

  it("still gets the full path's error answer for bad variables", async () => {
    await post(uncached, profile("SE-BD"));
    const bad = await post(uncached, { query: contract, operationName: "RegionProfile", variables: { code: 42 } });
    const badBody = await bad.json();
    const reference = await post(await fresh(), {
      query: contract,
      operationName: "RegionProfile",
      variables: { code: 42 },
    });
    expect(bad.status).toBe(reference.status);
    expect(badBody).toEqual(await reference.json());
  });

  it("follows the language of the request", async () => {
    const query = { query: `query AwardName { award(slug: "arets-exportregion") { name } }` };
    await post(uncached, query);
    const sv = await (await post(uncached, query)).json();
    const en = await (await post(uncached, query, { "accept-language": "en" })).json();
    expect(sv).toEqual({ data: { award: { name: "Årets exportregion" } } });
    expect(en).toEqual({ data: { award: { name: "Export Region of the Year" } } });
  });
});

describe("the isolate's memory of answers", () => {
  it("is bounded: the oldest answers make way for new ones", async () => {
    const cached = await bundle.serve();
    const ask = (i: number) => post(cached, { query: `query Kept${i} { __typename }` });
    for (let i = 0; i < 300; i++) await (await ask(i)).text();
    const newest = await ask(299);
    expect(newest.headers.get("x-cache")).toBe("HIT");
    const oldest = await ask(0);
    expect(oldest.headers.get("x-cache")).not.toBe("HIT");
    expect(await oldest.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("what the fast lane leaves to the full path", () => {
  it("in persisted-only mode, a document's text is never accepted because its hash was", async () => {
    const hash = manifest.PrizeHistory!;
    const byHash = await post(persistedOnly, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.status).toBe(200);
    const again = await (
      await post(persistedOnly, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })
    ).text();
    expect(again).toBe(await (await post(await fresh(), { query: contract, operationName: "PrizeHistory" })).text());
    const byText = await post(persistedOnly, { query: contract, operationName: "PrizeHistory" });
    expect(byText.status).toBeGreaterThanOrEqual(400);
  });

  it("with a CORS allow-list, each answer gets the full path's CORS headers", async () => {
    for (let i = 0; i < 2; i++) {
      const allowed = await post(allowList, profile("SE-BD"), { origin: "https://news.example" });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://news.example");
      const other = await post(allowList, profile("SE-BD"), { origin: "https://evil.example" });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("the playground page and invalid UTF-8 are answered by the full path", async () => {
    const page = await send(uncached, endpoint, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const body = new Uint8Array([
      ...new TextEncoder().encode('{"query":"{ __typename }", "x":"'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}'),
    ]);
    const invalid = await send(uncached, endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors[0].message).toBe("The request body is not valid UTF-8.");
  });
});
