// Workers Cache stores a 200 that has no Cache-Control for two hours: every kind of response the
// Worker sends says explicitly whether and how long it may be stored, GET answers carry the
// Cache-Tags a purge names, and the production deployment (wrangler's dry run) has Workers
// Cache on and both Rate Limiting bindings, without warnings.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { buildBundle, type RateLimits, rateLimitsOf, root, serveBundle } from "./deployable";
import { captureLogs, endpoint, get, json, post, send, useBundle } from "./http-support";

const bundle = useBundle();
captureLogs();

const manifest: Record<string, string> = JSON.parse(readFileSync(join(root, "operations", "manifest.json"), "utf8"));
const documents: Record<string, string> = JSON.parse(
  readFileSync(join(root, "src", "generated", "persisted-operations.json"), "utf8"),
);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (name: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: manifest[name] } });

const STORED = "public, max-age=60, stale-while-revalidate=600, stale-if-error=600";
const NO_STORE = "no-store";
const one = { REQUEST_LIMITER: { limit: 1, period: 60 }, EXPENSIVE_LIMITER: { limit: 1, period: 60 } } as const;

let dev: Miniflare;
let tight: Miniflare;
let limited: Miniflare;
let closed: Miniflare;
let unbound: Miniflare;
let version: string;

beforeAll(async () => {
  [dev, tight, limited, closed, unbound] = await Promise.all([
    bundle.serve(),
    bundle.serve({ MAX_DEPTH: "2", MAX_BODY_BYTES: "300" }),
    bundle.serve({ RATE_LIMITS: "on", RATE_LIMIT_PERIOD: "60", RATE_LIMIT_REQUESTS: "1" }, one),
    bundle.serve({ GRAPHIQL: "off" }),
    bundle.serve({ RATE_LIMITS: "on" }),
  ]);
  version = (await (await post(dev, { query: "{ datasetVersion }" })).json()).data.datasetVersion;
});

const kinds = "query Kinds { __typename }";
const limitedOnce = async () => {
  const client = { "cf-connecting-ip": "192.0.2.99" };
  await (await get(limited, { query: kinds }, client)).arrayBuffer();
  return get(limited, { query: kinds }, client);
};

/** Every kind of response, with its status and the Cache-Control it must carry. */
const responses: [kind: string, request: () => Promise<Response>, status: number, cacheControl: string][] = [
  ["GET executed", () => get(dev, { query: kinds }), 200, STORED],
  ["GET from the isolate's tier", () => get(dev, { query: kinds }), 200, STORED],
  ["HEAD", () => send(dev, `${endpoint}?query=${encodeURIComponent(kinds)}`, { method: "HEAD" }), 200, STORED],
  ["304", () => get(dev, { query: kinds }, { "if-none-match": "*" }), 304, STORED],
  ["GET by hash", () => get(dev, { extensions: persisted("PrizeHistory") }), 200, STORED],
  ["GET with GraphQL errors (legacy JSON)", () => get(dev, { query: "{ nope }" }), 200, NO_STORE],
  [
    "GET validation error",
    () => get(dev, { query: "{ nope }" }, { accept: "application/graphql-response+json" }),
    400,
    NO_STORE,
  ],
  [
    "GET of an unknown hash",
    () => get(dev, { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } }) }),
    400,
    NO_STORE,
  ],
  ["mutation over GET", () => get(dev, { query: "mutation { __typename }" }), 405, NO_STORE],
  ["POST executed", () => post(dev, { query: "query Posted { __typename }" }), 200, NO_STORE],
  ["POST from the isolate's tier", () => post(dev, { query: "query Posted { __typename }" }), 200, NO_STORE],
  ["POST limit error", () => post(tight, { query: "{ regions { edges { node { slug } } } }" }), 400, NO_STORE],
  ["bad JSON", () => send(dev, endpoint, { method: "POST", headers: json, body: "{" }), 400, NO_STORE],
  ["413", () => post(tight, { query: `{ __typename } # ${"x".repeat(400)}` }), 413, NO_STORE],
  [
    "415",
    () => send(dev, endpoint, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }),
    415,
    NO_STORE,
  ],
  ["405", () => send(dev, endpoint, { method: "PUT" }), 405, NO_STORE],
  ["406", () => get(dev, { query: kinds }, { accept: "application/xml" }), 406, NO_STORE],
  ["406, the playground off", () => send(closed, endpoint, { headers: { accept: "text/html" } }), 406, NO_STORE],
  ["playground", () => send(dev, endpoint, { headers: { accept: "text/html" } }), 200, NO_STORE],
  [
    "preflight",
    () =>
      send(dev, endpoint, {
        method: "OPTIONS",
        headers: { origin: "https://a.example", "access-control-request-method": "POST" },
      }),
    204,
    NO_STORE,
  ],
  ["429", limitedOnce, 429, NO_STORE],
  ["500, misconfigured", () => get(unbound, { query: kinds }), 500, NO_STORE],
  [
    "redirect from /",
    () => send(dev, "http://localhost/", { redirect: "manual" }),
    302,
    "public, max-age=3600, stale-if-error=3600",
  ],
  ["404", () => send(dev, "http://localhost/nothing-here"), 404, NO_STORE],
];

describe("every response the Worker sends has an explicit Cache-Control", () => {
  it.each(responses)("%s", async (_, request, status, cacheControl) => {
    const response = await request();
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe(cacheControl);
    await response.arrayBuffer();
  });

  it("lists every status the Worker answers with (a new kind needs a row here)", () => {
    expect([...new Set(responses.map(([, , status]) => status))].sort()).toEqual([
      200, 204, 302, 304, 400, 404, 405, 406, 413, 415, 429, 500,
    ]);
  });
});

describe("GET answers carry the Cache-Tags a purge names", () => {
  it("the dataset, the operation and the executed document", async () => {
    const response = await get(dev, { query: "query Tagged { __typename }" });
    expect(response.headers.get("cache-tag")).toBe(
      `dataset:${version},operation:Tagged,document:${sha256("query Tagged { __typename }")}`,
    );
    const again = await get(dev, { query: "query Tagged { __typename }" });
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(again.headers.get("cache-tag")).toBe(response.headers.get("cache-tag"));
    const notModified = await get(dev, { query: "query Tagged { __typename }" }, { "if-none-match": "*" });
    expect(notModified.headers.get("cache-tag")).toBe(response.headers.get("cache-tag"));
  });

  it("a persisted operation by its name and hash, the same whether sent by hash or as text", async () => {
    const tags = `dataset:${version},operation:PrizeHistory,document:${manifest.PrizeHistory}`;
    expect((await get(dev, { extensions: persisted("PrizeHistory") })).headers.get("cache-tag")).toBe(tags);
    const text = documents[manifest.PrizeHistory!]!;
    expect(sha256(text)).toBe(manifest.PrizeHistory);
    expect((await get(dev, { query: text })).headers.get("cache-tag")).toBe(tags);
  });

  it("only on answers a cache may store: never on an error (whatever name it gives), nor on a POST", async () => {
    const unnamed = await get(dev, { query: "{ __typename }" });
    expect(unnamed.headers.get("cache-tag")).toBe(`dataset:${version},document:${sha256("{ __typename }")}`);
    const forged = await get(dev, { query: "{ __typename }", operationName: "a b,dataset:x" });
    expect([forged.status, forged.headers.get("cache-tag")]).toEqual([400, null]);
    expect((await get(dev, { query: "{ nope }" })).headers.get("cache-tag")).toBeNull();
    expect((await post(dev, { query: "query Tagged { __typename }" })).headers.get("cache-tag")).toBeNull();
  });

  it("only printable ASCII without spaces, each tag under 1024 characters (what Cloudflare keeps)", async () => {
    const response = await get(dev, {
      extensions: persisted("RegionProfile"),
      variables: JSON.stringify({ code: "SE-BD" }),
    });
    const tags = response.headers.get("cache-tag")!.split(",");
    expect(tags).toHaveLength(3);
    for (const tag of tags) expect(tag).toMatch(/^[\x21-\x7e]{1,1024}$/);
  });
});

describe("the production deployment", () => {
  let build: ReturnType<typeof buildBundle>;
  let production: Miniflare;
  const config = unstable_readConfig({ config: `${root}/wrangler.toml`, env: "production" });

  beforeAll(async () => {
    build = buildBundle("production");
    const vars = Object.fromEntries(Object.entries(config.vars).map(([k, v]) => [k, String(v)]));
    const ratelimits: RateLimits = Object.fromEntries(rateLimitsOf("production").map((r) => [r.name, r.simple]));
    production = await serveBundle(build.script, vars, {}, ratelimits);
  });
  afterAll(() => production?.dispose());

  it("builds (wrangler deploy --dry-run --env production) with both rate limit bindings and no warnings", () => {
    expect(build.output).not.toMatch(/\bWARNING\b|▲/);
    expect(build.output).toMatch(/env\.REQUEST_LIMITER \(600 requests\/60s\)\s+Rate Limit/);
    expect(build.output).toMatch(/env\.EXPENSIVE_LIMITER \(60 requests\/60s\)\s+Rate Limit/);
  });

  it("has Workers Cache on in staging and production, with a cache per Worker version; off locally", () => {
    // The dry run does not print the cache setting: this is what deploy uploads (cache_options).
    expect(config.cache).toEqual({ enabled: true, cross_version_cache: false });
    expect(unstable_readConfig({ config: `${root}/wrangler.toml`, env: "staging" }).cache).toEqual({
      enabled: true,
      cross_version_cache: false,
    });
    expect(unstable_readConfig({ config: `${root}/wrangler.toml` }).cache).toEqual({ enabled: false });
  });

  it("answers with production's Cache-Control, Cache-Tag and RateLimit-Policy", async () => {
    const response = await get(
      production,
      { extensions: persisted("PrizeHistory") },
      { "cf-connecting-ip": "192.0.2.7" },
    );
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "cache-control": "public, max-age=300, stale-while-revalidate=3600, stale-if-error=3600",
      "cache-tag": `dataset:${version},operation:PrizeHistory,document:${manifest.PrizeHistory}`,
      "ratelimit-policy": '"requests";q=600;w=60, "expensive";q=60;w=60',
    });
    const page = await send(production, endpoint, { headers: { accept: "text/html" } });
    expect([page.status, page.headers.get("cache-control")]).toEqual([200, NO_STORE]);
  });
});
