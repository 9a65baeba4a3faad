// The one pipeline as a hostile client meets it, on the deployable bundle: a request is read
// once and anything ambiguous is refused; one answer key serves GET and POST, text and hash;
// PERSISTED_ONLY cannot be talked around; every kind of answer leaves through one builder.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { executed } from "../executed";
import { root } from "./deployable";
import { captureLogs, endpoint, get, json, post, send, useBundle } from "./http-support";

const bundle = useBundle();
const logs = captureLogs();
let dev: Miniflare;
let uncached: Miniflare;
let persistedOnly: Miniflare;
let tight: Miniflare;

const manifest: Record<string, string> = JSON.parse(readFileSync(join(root, "operations", "manifest.json"), "utf8"));
const persisted = (sha256Hash: string, version: unknown = 1) =>
  JSON.stringify({ persistedQuery: { version, sha256Hash } });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  [dev, uncached, persistedOnly, tight] = await Promise.all([
    bundle.serve(),
    bundle.serve({ RESPONSE_CACHE: "off" }),
    bundle.serve({ PERSISTED_ONLY: "on" }),
    bundle.serve({ MAX_DEPTH: "2", MAX_BODY_BYTES: "300" }),
  ]);
});

const lineOf = async (response: Response) => {
  const id = response.headers.get("x-request-id");
  await expect.poll(() => logs.requests().filter((l) => l.requestId === id)).toHaveLength(1);
  return logs.requests().find((l) => l.requestId === id)!;
};

describe("a request is read once: anything a reader would guess about is refused", () => {
  it.each(["query", "operationName", "variables", "extensions", "documentId"])(
    "a GET that gives %s twice is a 400, whatever the values",
    async (name) => {
      const base = name === "query" ? "" : `query=${encodeURIComponent("{ __typename }")}&`;
      const url = `${endpoint}?${base}${name}=a&${name}=b`;
      const response = await send(dev, url);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.errors[0]).toEqual({
        message: `The query string gives the parameter "${name}" more than once: send each GraphQL parameter once.`,
        extensions: { code: "BAD_REQUEST" },
      });
    },
  );

  it("cannot be poisoned by a repeated parameter: the document a POST names is the one it gets", async () => {
    const attack = `${endpoint}?query=${encodeURIComponent("{ __typename }")}&query=${encodeURIComponent("{ regions(first: 2) { edges { node { slug } } } }")}`;
    for (let i = 0; i < 3; i++) expect((await send(dev, attack)).status).toBe(400);
    const extensions = `${endpoint}?extensions=${encodeURIComponent(persisted(manifest.PrizeHistory!))}&extensions=${encodeURIComponent(persisted(manifest.RegionProfile!))}`;
    for (let i = 0; i < 3; i++) expect((await send(dev, extensions)).status).toBe(400);
    expect(await (await post(dev, { query: "{ __typename }" })).json()).toEqual(
      executed({ data: { __typename: "Query" } }),
    );
    expect(await (await get(dev, { query: "{ __typename }" })).json()).toEqual(
      executed({ data: { __typename: "Query" } }),
    );
  });

  it("refuses GraphQL parameters in the URL of a POST", async () => {
    const response = await send(dev, `${endpoint}?query=${encodeURIComponent("{ datasetVersion }")}`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/query string must not give "query"/);
  });

  it.each([
    ["application/x-www-form-urlencoded", "query=%7B__typename%7D"],
    ["application/x-www-form-urlencoded", "query={"],
    ["application/graphql", "{ __typename }"],
    ["text/plain", '{"query":"{ __typename }"}'],
    ["application/json; charset=latin1", '{"query":"{ __typename }"}'],
  ])("takes only JSON bodies: %s is a 415", async (type, body) => {
    const response = await send(dev, endpoint, { method: "POST", headers: { "content-type": type }, body });
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses documentId beside a query, and a hash that is not the query's", async () => {
    const both = await post(dev, { query: "{ __typename }", documentId: `sha256:${manifest.PrizeHistory}` });
    expect(both.status).toBe(400);
    const forged = await post(dev, {
      query: "{ datasetVersion }",
      extensions: JSON.parse(persisted(manifest.PrizeHistory!)),
    });
    expect(forged.status).toBe(400);
    expect((await forged.json()).errors[0].message).toBe(
      "extensions.persistedQuery.sha256Hash is not the sha256 of query.",
    );
  });
});

describe("answers do not change once a document is known", () => {
  it.each([
    ["an empty operationName", { query: "query Named { __typename }", operationName: "" }],
    ["a wrong operationName", { query: "query Named { __typename }", operationName: "Other" }],
    ["persisted version 2", { extensions: { persistedQuery: { version: 2, sha256Hash: "x" } } }],
  ])("%s gets the same answer before and after the document ran", async (_, body) => {
    const before = await post(uncached, body);
    const beforeBody = await before.text();
    await post(uncached, { query: "query Named { __typename }" });
    await post(uncached, { extensions: JSON.parse(persisted(manifest.PrizeHistory!)) });
    const after = await post(uncached, body);
    expect(after.status).toBe(before.status);
    expect(await after.text()).toBe(beforeBody);
  });

  it("with RESPONSE_CACHE off, one URL gives one answer under one ETag", async () => {
    const params = { query: "query Named { __typename }", operationName: "" };
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const response = await get(uncached, params);
      answers.push([response.status, response.headers.get("etag"), await response.text()]);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe("one answer key", () => {
  it("serves a GET by hash from the answer a POST by text computed, and logs the executed document's hash", async () => {
    const document = JSON.parse(readFileSync(join(root, "src", "generated", "persisted-operations.json"), "utf8"))[
      manifest.Refetch!
    ] as string;
    const id = "UmVnaW9uOlNFLUJE";
    const byText = await post(dev, { query: document, variables: { id } }, { "accept-language": "en" });
    expect(byText.headers.get("x-cache")).toBe("MISS");
    const byHash = await get(
      dev,
      { extensions: persisted(manifest.Refetch!), variables: JSON.stringify({ id }) },
      { "accept-language": "en" },
    );
    expect(byHash.headers.get("x-cache")).toBe("HIT");
    expect(await byHash.text()).toBe(await byText.text());
    expect((await lineOf(byText)).hash).toBe(manifest.Refetch);
    expect((await lineOf(byHash)).hash).toBe(manifest.Refetch);
    expect(sha256(document)).toBe(manifest.Refetch);
  });
});

describe("PERSISTED_ONLY", () => {
  it("no sequence of requests gets a query text answered", async () => {
    const text = "{ __typename }";
    const trustedText = JSON.parse(readFileSync(join(root, "src", "generated", "persisted-operations.json"), "utf8"))[
      manifest.PrizeHistory!
    ] as string;
    const sequence: (() => Promise<Response>)[] = [
      () => get(persistedOnly, { extensions: persisted(manifest.PrizeHistory!) }),
      () => post(persistedOnly, { extensions: JSON.parse(persisted(manifest.PrizeHistory!)) }),
      () => send(persistedOnly, `${endpoint}?query=${encodeURIComponent(text)}&query=${encodeURIComponent(text)}`),
      () =>
        send(
          persistedOnly,
          `${endpoint}?extensions=${encodeURIComponent(persisted(manifest.PrizeHistory!))}&query=${encodeURIComponent(text)}`,
        ),
      () => get(persistedOnly, { query: text }),
      () => post(persistedOnly, { query: text }),
      () => post(persistedOnly, { query: text, extensions: JSON.parse(persisted(sha256(text))) }),
      () => post(persistedOnly, { query: trustedText }),
      () => get(persistedOnly, { query: trustedText }),
    ];
    for (let round = 0; round < 2; round++) {
      for (const [i, request] of sequence.entries()) {
        const response = await request();
        const body = await response.json();
        if (i < 2) {
          expect(response.status, `request ${i}`).toBe(200);
          expect(body.data.award).toBeTruthy();
        } else {
          expect(response.status, `request ${i}`).toBe(400);
          expect(body.data, `request ${i}`).toBeUndefined();
        }
      }
    }
  });
});

describe("every kind of answer leaves through the one builder", () => {
  const common = ["x-request-id", "server-timing", "x-cache", "cache-control", "access-control-allow-origin"];
  const kinds: [string, () => Promise<Response>, number][] = [
    ["executed", () => get(dev, { query: "query Kinds { __typename }" }), 200],
    ["cache hit", () => get(dev, { query: "query Kinds { __typename }" }), 200],
    ["304", () => get(dev, { query: "query Kinds { __typename }" }, { "if-none-match": "*" }), 304],
    ["validation error", () => post(dev, { query: "{ nope }" }, { accept: "application/graphql-response+json" }), 400],
    ["limit error", () => post(tight, { query: "{ regions { edges { node { slug } } } }" }), 400],
    [
      "request error",
      () => post(dev, { extensions: { persistedQuery: { version: 1, sha256Hash: "__proto__" } } }),
      400,
    ],
    [
      "preflight",
      () =>
        send(dev, endpoint, {
          method: "OPTIONS",
          headers: { origin: "https://a.example", "access-control-request-method": "POST" },
        }),
      204,
    ],
    ["playground", () => send(dev, endpoint, { headers: { accept: "text/html" } }), 200],
    ["413", () => post(tight, { query: `{ __typename } # ${"x".repeat(400)}` }), 413],
    ["415", () => send(dev, endpoint, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }), 415],
    ["405", () => send(dev, endpoint, { method: "DELETE" }), 405],
    ["406", () => get(dev, { query: "{ __typename }" }, { accept: "application/xml" }), 406],
    ["redirect", () => send(dev, "http://localhost/", { redirect: "manual" }), 302],
    ["404", () => send(dev, "http://localhost/nothing-here"), 404],
  ];
  it.each(kinds)("%s: the common headers and one log line", async (_, request, status) => {
    const response = await request();
    expect(response.status).toBe(status);
    for (const header of common) expect(response.headers.get(header), header).toBeTruthy();
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "ETag,X-Request-Id,X-Cache,Server-Timing,RateLimit-Policy,RateLimit,Retry-After",
    );
    expect(response.headers.get("server-timing")).toMatch(
      /^cache;desc="(hit|miss|bypass)",total;dur=[\d.]+;desc="worker"$/,
    );
    if (status !== 304 && status !== 302 && status !== 204) expect(response.headers.get("content-type")).toBeTruthy();
    const line = await lineOf(response);
    expect(line.status).toBe(status);
  });
});
