// GraphQL over HTTP as the deployable bundle answers it: status codes and media types,
// clear 4xx errors, limits, per-environment switches, CORS and the log line.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { executed } from "../executed";
import { captureLogs, endpoint, get, json, post, send, useBundle } from "./http-support";

const bundle = useBundle();
const logs = captureLogs();
let dev: Miniflare;
let production: Miniflare;
let tight: Miniflare;

beforeAll(async () => {
  [dev, production, tight] = await Promise.all([
    bundle.serve(),
    bundle.serve({ ENVIRONMENT: "production", GRAPHIQL: "off", INTROSPECTION: "off" }),
    bundle.serve({
      MAX_DEPTH: "2",
      MAX_ALIASES: "1",
      MAX_DIRECTIVES: "1",
      MAX_TOKENS: "20",
      MAX_COST: "10",
      MAX_BODY_BYTES: "300",
    }),
  ]);
});

const graphqlResponse = "application/graphql-response+json";

describe("GraphQL over HTTP", () => {
  it("answers POST and GET with application/json by default", async () => {
    const byPost = await post(dev, { query: "query Typename { __typename }" });
    expect(byPost.status).toBe(200);
    expect(byPost.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await byPost.json()).toEqual(executed({ data: { __typename: "Query" } }));
    const byGet = await get(dev, { query: "{ __typename }" });
    expect(byGet.status).toBe(200);
    expect(await byGet.json()).toEqual(executed({ data: { __typename: "Query" } }));
  });

  it("answers in application/graphql-response+json when asked, with 400 for parse and validation errors", async () => {
    const ok = await post(dev, { query: "{ __typename }" }, { accept: graphqlResponse });
    expect(ok.headers.get("content-type")).toBe(`${graphqlResponse}; charset=utf-8`);
    const unparsable = await post(dev, { query: "{ __typename" }, { accept: graphqlResponse });
    expect(unparsable.status).toBe(400);
    expect((await unparsable.json()).errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    const invalid = await post(dev, { query: "{ noSuchField }" }, { accept: graphqlResponse });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers a validation error in legacy application/json with 200, as the spec says", async () => {
    const response = await post(dev, { query: "{ noSuchField }" }, { accept: "application/json" });
    expect(response.status).toBe(200);
    expect((await response.json()).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a mutation over GET with 405 and Allow: POST", async () => {
    const response = await get(dev, { query: "mutation { __typename }" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses a mutation or subscription by POST with 400: the API is read-only", async () => {
    for (const query of ["mutation { __typename }", "subscription { __typename }"]) {
      const response = await post(dev, { query }, { accept: graphqlResponse });
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].extensions.code).toBe("OPERATION_NOT_SUPPORTED");
    }
  });

  it("refuses other methods with 405", async () => {
    const response = await send(dev, endpoint, { method: "PUT", headers: json, body: "{}" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("answers an unsupported Accept with 406 and a GraphQL error body", async () => {
    const response = await post(dev, { query: "{ __typename }" }, { accept: "application/xml" });
    expect(response.status).toBe(406);
    expect((await response.json()).errors[0].extensions.code).toBe("NOT_ACCEPTABLE");
  });

  it("answers an unsupported Content-Type with 415 and a GraphQL error body", async () => {
    const response = await send(dev, endpoint, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0]).toEqual({
      message: "Unsupported Content-Type: send a JSON body with content-type application/json.",
      extensions: { code: "UNSUPPORTED_MEDIA_TYPE" },
    });
  });

  it("refuses multipart bodies (file uploads) with 415: the API is read-only", async () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: "{ __typename }" }));
    form.set("map", "{}");
    const response = await send(dev, endpoint, { method: "POST", body: form });
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("malformed requests get a clear 4xx", () => {
  const cases: [string, () => Promise<Response>, number, string][] = [
    ["bad JSON", () => post(dev, '{"query":'), 400, "The request body is not valid JSON."],
    ["an empty body", () => post(dev, ""), 400, "The request body is not valid JSON."],
    [
      "a JSON string",
      () => post(dev, '"{ __typename }"'),
      400,
      'The request body must be a JSON object with a "query" string.',
    ],
    [
      "a batch",
      () => post(dev, [{ query: "{ __typename }" }]),
      400,
      "Batching is not supported: send one operation a request.",
    ],
    [
      "a number as query",
      () => post(dev, { query: 42 }),
      400,
      'Expected "query" param to be a string, but given number.',
    ],
    [
      "variables as a string",
      () => post(dev, { query: "{ __typename }", variables: "x" }),
      400,
      'Expected "variables" param to be empty or an object, but given string.',
    ],
    [
      "variables that are not JSON, by GET",
      () => get(dev, { query: "{ __typename }", variables: "{" }),
      400,
      'The "variables" parameter is not valid JSON.',
    ],
    [
      "a variable of the wrong type",
      () =>
        post(
          dev,
          { query: "query ($skip: Boolean!) { __typename @skip(if: $skip) }", variables: { skip: "x" } },
          { accept: graphqlResponse },
        ),
      400,
      'Variable "$skip" got invalid value "x"; Boolean cannot represent a non boolean value: "x"',
    ],
    [
      "invalid UTF-8",
      () => post(dev, new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      400,
      "The request body is not valid UTF-8.",
    ],
    [
      "invalid UTF-8 in the query string",
      () => send(dev, `${endpoint}?query=%7B%FF%7D`),
      400,
      "The query string is not valid percent-encoded UTF-8.",
    ],
    [
      "no query",
      () => get(dev, {}, { accept: "application/json" }),
      400,
      "Must provide a query string, or a persisted document: documentId or extensions.persistedQuery.sha256Hash.",
    ],
    [
      "an oversized body",
      () => post(tight, { query: `{ __typename } # ${"x".repeat(400)}` }),
      413,
      "The request body is larger than the limit of 300 bytes.",
    ],
  ];
  it.each(cases)("%s", async (_, send, status, message) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
    const body = await response.json();
    expect(body.errors[0].message).toBe(message);
    expect(JSON.stringify(body)).not.toMatch(/stack|originalError|at \w+ \(/);
  });
});

describe("limits", () => {
  // MAX_DEPTH 2, MAX_ALIASES 1, MAX_DIRECTIVES 1, MAX_TOKENS 20, MAX_COST 10 on `tight`.
  const cases: [string, string, string, unknown][] = [
    ["depth", '{ __type(name: "Query") { fields { name } } }', "depth", "Query depth limit of 2 exceeded, found 3."],
    // graphql-armor does not count aliases of __typename; nor cost or depth under __schema.
    [
      "aliases",
      "{ a: __schema { __typename } b: __schema { __typename } }",
      "aliases",
      "Aliases limit of 1 exceeded, found 2.",
    ],
    [
      "directives",
      "{ __typename @skip(if: false) @include(if: true) }",
      "directives",
      "Directives limit of 1 exceeded, found 2.",
    ],
    ["tokens", `{ ${"__typename ".repeat(20)}}`, "tokens", "Token limit of 20 exceeded."],
    // A page of 10 regions costs more than 10; by how much is the cost tests' (test/worker/schema-cost.test.ts).
    [
      "cost",
      "{ regions(first: 10) { totalCount } }",
      "cost",
      expect.stringMatching(/^Query Cost limit of 10 exceeded, found \d+\.$/),
    ],
  ];
  it.each(cases)("%s: a 400 that names the limit and its value", async (_, query, limit, message) => {
    for (const accept of ["application/json", graphqlResponse]) {
      const response = await post(tight, { query }, { accept });
      expect(response.status, accept).toBe(400);
      const { errors } = await response.json();
      expect(errors).toEqual([expect.objectContaining({ message, extensions: { code: "LIMIT_EXCEEDED", limit } })]);
    }
  });

  it("refuses a document whose same-named fields would take validation over MAX_OVERLAPS comparisons", async () => {
    // 40 `regions` side by side: 780 pairs for graphql-js' overlapping-fields rule to compare,
    // in 162 tokens (development's limits: 500 tokens, depth 10).
    const response = await post(
      dev,
      { query: `{ ${"regions { totalCount } ".repeat(40)}}` },
      { accept: graphqlResponse },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Overlapping fields limit of 500 exceeded, found \d+\.$/),
        extensions: { code: "LIMIT_EXCEEDED", limit: "overlaps" },
      }),
    ]);
  });

  it("holds a trusted document to the limits too: at build time only the schema's rules are checked", async () => {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "..", "operations", "manifest.json"), "utf8"),
    );
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: manifest.RegionProfile } } };
    const shallow = await bundle.serve({ MAX_DEPTH: "2" });
    for (const [mf, message, limit] of [
      [tight, "Token limit of 20 exceeded.", "tokens"],
      [shallow, "Query depth limit of 2 exceeded, found 5.", "depth"],
    ] as const) {
      const response = await post(mf, { ...byHash, variables: { code: "SE-BD" } });
      expect(response.status, limit).toBe(400);
      const { errors } = await response.json();
      expect(errors).toEqual([expect.objectContaining({ message, extensions: { code: "LIMIT_EXCEEDED", limit } })]);
    }
  });

  it("lets a query within every limit through", async () => {
    const response = await post(tight, { query: "{ __typename }" });
    expect(await response.json()).toEqual(executed({ data: { __typename: "Query" } }, { maximumAvailable: 10 }));
  });
});

describe("per-environment switches", () => {
  it("suggests field names where INTROSPECTION is on only", async () => {
    // Relay's `node` field: graphql-js suggests it for a near miss (never __typename).
    const query = { query: '{ nod(id: "x") { id } }' };
    const inDev = (await (await post(dev, query)).json()).errors[0].message;
    expect(inDev).toMatch(/^Cannot query field "nod" on type "Query"\. Did you mean "node"/);
    const inProduction = (await (await post(production, query)).json()).errors[0].message;
    expect(inProduction).toMatch(/^Cannot query field "nod" on type "Query"\./);
    expect(inProduction).not.toMatch(/Did you mean|"node"/);
  });

  it("answers introspection where INTROSPECTION is on, and refuses it where off", async () => {
    const query = { query: "{ __schema { queryType { name } } }" };
    expect(await (await post(dev, query)).json()).toEqual(
      executed({ data: { __schema: { queryType: { name: "Query" } } } }),
    );
    const refused = await post(production, query, { accept: graphqlResponse });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].message).toMatch(/introspection has been disabled/);
  });

  it("serves the playground where GRAPHIQL is on, and a 406 with a reason where off", async () => {
    const page = await send(dev, endpoint, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("yoga-graphiql.umd.js");
    const none = await send(production, endpoint, { headers: { accept: "text/html" } });
    expect(none.status).toBe(406);
    expect((await none.json()).errors[0].message).toContain("the playground is off here");
  });

  it("stops with a clear message when a setting is wrong", async () => {
    const broken = await bundle.serve({ MAX_DEPTH: "deep", CORS_ORIGINS: "example.org" });
    const response = await post(broken, { query: "{ __typename }" });
    expect(response.status).toBe(500);
    expect((await response.json()).errors[0].extensions.code).toBe("SERVER_MISCONFIGURED");
    await expect
      .poll(() => logs.lines.find((l) => l.includes("Invalid Worker configuration")))
      .toContain(
        'CORS_ORIGINS must be "*" or a comma-separated list of origins such as "https://a.se,https://b.se", but is "example.org"; MAX_DEPTH must be a whole number (1 or more), but is "deep".',
      );
  });
});

describe("CORS", () => {
  it("lets any origin read, never with credentials", async () => {
    const response = await post(dev, { query: "{ __typename }" }, { origin: "https://news.example" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "ETag,X-Request-Id,X-Cache,Server-Timing,RateLimit-Policy,RateLimit,Retry-After",
    );
  });

  it("answers a preflight", async () => {
    const response = await send(dev, endpoint, {
      method: "OPTIONS",
      headers: {
        origin: "https://news.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,HEAD,POST,OPTIONS");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(response.headers.get("access-control-max-age")).toBe("86400");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("allows only the listed origins when CORS_ORIGINS is a list", async () => {
    const listed = await bundle.serve({ CORS_ORIGINS: "https://a.example, https://b.example" });
    const allowed = await post(listed, { query: "{ __typename }" }, { origin: "https://b.example" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://b.example");
    expect(allowed.headers.get("vary")).toContain("Origin");
    const other = await post(listed, { query: "{ __typename }" }, { origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("observability", () => {
  it("gives each response a request id and Server-Timing, and logs one JSON line for it", async () => {
    const query = "query ObservedTypename { __typename }";
    const response = await post(dev, { query });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // Executed and kept: a MISS; the same request again is a HIT.
    expect(response.headers.get("server-timing")).toMatch(/^cache;desc="miss",total;dur=[\d.]+;desc="worker"$/);
    await expect.poll(() => logs.requests().filter((l) => l.requestId === id)).toHaveLength(1);
    const line = logs.requests().find((l) => l.requestId === id)!;
    const expected = {
      requestId: id,
      method: "POST",
      path: "/graphql",
      operationName: "ObservedTypename",
      // sha256 of the query text: the same hash a persisted operation of this text has.
      hash: createHash("sha256").update(query).digest("hex"),
      status: 200,
      durationMs: expect.any(Number),
      cache: "miss",
      environment: "development",
    };
    expect(line).toEqual(expected);

    // The same request again is answered from the isolate's memory, with the same line.
    const again = await post(dev, { query });
    const againId = again.headers.get("x-request-id");
    expect(againId).not.toBe(id);
    expect(again.headers.get("server-timing")).toMatch(/^cache;desc="hit",total;dur=[\d.]+;desc="worker"$/);
    await expect.poll(() => logs.requests().filter((l) => l.requestId === againId)).toHaveLength(1);
    expect(logs.requests().find((l) => l.requestId === againId)).toEqual({
      ...expected,
      requestId: againId,
      cache: "hit",
    });
  });

  it("keeps a request id the client sent", async () => {
    const response = await post(dev, { query: "{ __typename }" }, { "x-request-id": "client-abc-123" });
    expect(response.headers.get("x-request-id")).toBe("client-abc-123");
  });
});
