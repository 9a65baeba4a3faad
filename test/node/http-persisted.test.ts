// Persisted operations (trusted documents): a hash is enough, and PERSISTED_ONLY refuses
// anything else. test/node/generated.test.ts keeps the manifests fresh.
import { readFileSync } from "node:fs";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { executed } from "../executed";
import { endpoint, get, post, useBundle } from "./http-support";

const bundle = useBundle();
let open: Miniflare;
let trusted: Miniflare;
const client: Record<string, string> = JSON.parse(
  readFileSync(new URL("../../operations/manifest.json", import.meta.url), "utf8"),
);

beforeAll(async () => {
  [open, trusted] = await Promise.all([bundle.serve(), bundle.serve({ PERSISTED_ONLY: "on" })]);
});

const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

describe("the manifest", () => {
  it("names every contract operation", () => {
    expect(Object.keys(client)).toEqual(
      expect.arrayContaining(["RegionProfile", "PrizeHistory", "InterviewPage", "Find", "Refetch"]),
    );
    for (const hash of Object.values(client)) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a client sending only the hash", () => {
  it("gets the operation's answer by POST", async () => {
    const response = await post(trusted, { extensions: persisted(client.PrizeHistory!) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.award.editions.length).toBeGreaterThan(0);
  });

  it("gets it by GET, in a URL short enough for a CDN, cached like any GET", async () => {
    const params = { extensions: JSON.stringify(persisted(client.PrizeHistory!)) };
    expect(`${endpoint}?${new URLSearchParams(params)}`.length).toBeLessThan(200);
    const english = { "accept-language": "en" };
    const first = await get(trusted, params, english);
    const second = await get(trusted, params, english);
    expect(first.status).toBe(200);
    expect((await first.json()).data.award.editions.length).toBeGreaterThan(0);
    expect([first.headers.get("x-cache"), second.headers.get("x-cache")]).toEqual(["MISS", "HIT"]);
    // One answer key for one operation: the POST above already answered it in Swedish.
    expect((await get(trusted, params)).headers.get("x-cache")).toBe("HIT");
  });

  it("with variables", async () => {
    const response = await post(open, { extensions: persisted(client.Find!), variables: { q: "Norrbotten" } });
    expect(response.status).toBe(200);
    expect((await response.json()).data.search.totalCount).toBeGreaterThan(0);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "f".repeat(64), "0".repeat(64)])(
    "gets exactly PersistedQueryNotFound for the unknown hash %s, by POST and GET, as urql and Apollo expect",
    async (hash) => {
      for (const response of [
        await post(open, { extensions: persisted(hash) }),
        await get(open, { extensions: JSON.stringify(persisted(hash)) }),
        await post(open, { documentId: `sha256:${hash}` }),
      ]) {
        expect(response.status).toBe(400);
        expect((await response.json()).errors).toEqual([
          { message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
        ]);
      }
    },
  );

  it("takes the GraphQL-over-HTTP documentId form by POST and GET", async () => {
    const documentId = `sha256:${client.PrizeHistory}`;
    for (const response of [await post(trusted, { documentId }), await get(trusted, { documentId })]) {
      expect(response.status).toBe(200);
      expect((await response.json()).data.award.editions.length).toBeGreaterThan(0);
    }
  });

  it("refuses a persistedQuery version other than 1, the same before and after version 1 was used", async () => {
    const version2 = { extensions: { persistedQuery: { version: 2, sha256Hash: client.Find } }, variables: { q: "x" } };
    const before = await post(open, version2);
    await post(open, { extensions: persisted(client.Find!), variables: { q: "x" } });
    const after = await post(open, version2);
    for (const response of [before, after]) {
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0]).toEqual({
        message: "extensions.persistedQuery.version must be 1 (the only version); got 2.",
        extensions: { code: "BAD_REQUEST" },
      });
    }
  });

  it("gets a 400 for an unknown hash", async () => {
    const response = await post(open, { extensions: persisted("0".repeat(64)) });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("PERSISTED_ONLY", () => {
  it("refuses a document that is not in the manifest, by POST and GET", async () => {
    for (const response of [
      await post(trusted, { query: "{ __typename }" }),
      await get(trusted, { query: "{ __typename }" }),
    ]) {
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0]).toEqual({
        message:
          "This endpoint executes only persisted documents: send documentId or extensions.persistedQuery.sha256Hash instead of a query.",
        extensions: { code: "PERSISTED_QUERY_ONLY" },
      });
    }
  });

  it("is off by default: a document is executed", async () => {
    expect(await (await post(open, { query: "{ __typename }" })).json()).toEqual(
      executed({ data: { __typename: "Query" } }),
    );
  });
});
