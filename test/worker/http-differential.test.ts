// The one pipeline, differentially: a seeded corpus of requests (GET and POST, repeated and
// missing parameters, operationName variants, query texts and persisted hashes mixed,
// persisted versions, languages, media types, the settings that change answers) is sent to a
// fresh Worker, one per request (nothing learned, no cache tier filled), and again to a Worker
// warmed by the same corpus in another order. Every answer must be the same: status, body, and
// every header but the request id, the timing and the cache status. A difference means one
// path reads a request, or keys an answer, differently from another.
//
// Rate limits make an answer depend on the client's history by design (the 429s are tested in
// test/node/http-rate-limit.test.ts and test/worker/http-rate-limit.test.ts). Here they are
// off but in the `production` setting, which has them on, as deployed, with the simulated
// bindings of wrangler.toml, and every case has a client address of its own: each address is
// counted at most three times (the warm Worker twice, the fresh one once), far below any
// quota, so its answers (and their RateLimit-Policy) must still be the same on every path.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import contract from "../../operations/contract.graphql?raw";
import manifest from "../../operations/manifest.json";
import web from "../../operations/web.graphql?raw";
import { store } from "../../src/data";
import persistedOperations from "../../src/generated/persisted-operations.json";
import { createWorker } from "../../src/worker";
import { prng } from "../prng";

const SEED = 20261201;
const COUNT = 2400;

/** The settings that change answers, each a Worker configuration of its own. */
const settings: Record<string, Record<string, unknown>> = {
  development: {},
  production: {
    ENVIRONMENT: "production",
    GRAPHIQL: "off",
    INTROSPECTION: "off",
    RATE_LIMITS: "on",
    REQUEST_LIMITER: env.REQUEST_LIMITER,
    EXPENSIVE_LIMITER: env.EXPENSIVE_LIMITER,
  },
  persistedOnly: { PERSISTED_ONLY: "on" },
  uncached: { RESPONSE_CACHE: "off" },
  tight: { MAX_DEPTH: "3", MAX_ALIASES: "1", MAX_TOKENS: "60", MAX_COST: "40", MAX_BODY_BYTES: "400" },
  allowList: { CORS_ORIGINS: "https://news.example" },
};

type Case = { setting: string; method: string; url: string; headers: Record<string, string>; body?: string };

const hashes: Record<string, string> = manifest;
const documentsByHash: Record<string, string> = persistedOperations;
/** The trusted document of each operation name. */
const trusted: Record<string, string> = Object.fromEntries(
  Object.entries(hashes).map(([name, hash]) => [name, documentsByHash[hash]!]),
);

function corpus(random: () => number, n: number): Case[] {
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const maybe = (p = 0.5) => random() < p;
  const names = Object.keys(hashes);
  const documents = [
    "{ __typename }",
    "query Typename { __typename }",
    "query A { __typename } query B { datasetVersion }",
    '{ region(code: "SE-BD") { slug name } }',
    "query R($code: String!) { region(code: $code) { slug name population { value } } }",
    "query P($n: Int) { regions(first: $n) { totalCount edges { cursor node { isoCode } } } }",
    "{ regionz }",
    "{ __typename",
    "{ __schema { queryType { name } } }",
    "{ a: __typename b: __typename }",
    "{ awards { edges { node { name editions { year } } } } }",
    "query S($q: String!) { search(query: $q, first: 3) { totalCount edges { snippet node { __typename } } } }",
    "mutation { __typename }",
    "subscription { __typename }",
    "query Deep { regions(first: 1) { edges { node { neighbours { neighbours { neighbours { slug } } } } } } }",
    contract,
    web,
  ];
  /** Requests that succeed: a document with the name and variables it needs, as text or by hash. */
  const valid: [document: string, operationName: string | undefined, variables: object | undefined][] = [
    ["{ __typename }", undefined, undefined],
    ["query A { __typename } query B { datasetVersion }", "B", undefined],
    ['{ region(code: "SE-BD") { slug name } }', undefined, undefined],
    ["query R($code: String!) { region(code: $code) { slug name population { value } } }", "R", { code: "SE-AB" }],
    ["query P($n: Int) { regions(first: $n) { totalCount edges { cursor node { isoCode } } } }", "P", { n: 3 }],
    [
      "query S($q: String!) { search(query: $q, first: 3) { totalCount edges { snippet node { __typename } } } }",
      "S",
      { q: "Luleå" },
    ],
    // The contract's operations by their trusted text: by text or by hash, one document.
    [trusted.RegionProfile!, "RegionProfile", { code: "SE-BD" }],
    [trusted.PrizeHistory!, "PrizeHistory", { slug: "arets-exportregion" }],
    [trusted.InterviewPage!, "InterviewPage", { slug: "lars-ake-isaksson-een-norrbotten" }],
  ];
  const operationNames = [undefined, "", "Typename", "A", "B", "R", "P", "S", "RegionProfile", "PrizeHistory", "Nope"];
  const variables = [
    undefined,
    {},
    { code: "SE-BD" },
    { code: "SE-XX" },
    { code: 25 },
    { n: 2 },
    { n: 21 },
    { n: 101 },
    { q: "Norrbotten" },
    { q: "" },
    { slug: "arets-exportregion" },
    { __proto__: { n: 1 } },
    JSON.parse('{"__proto__": {"code": "SE-AB"}, "code": "SE-N"}'),
  ];
  const persisted = () =>
    pick([
      { persistedQuery: { version: 1, sha256Hash: hashes[pick(names)] } },
      { persistedQuery: { version: 2, sha256Hash: hashes[pick(names)] } },
      { persistedQuery: { sha256Hash: hashes[pick(names)] } },
      { persistedQuery: { version: 1, sha256Hash: pick(["__proto__", "constructor", "toString", "f".repeat(64)]) } },
      { persistedQuery: { version: 1, sha256Hash: hashes[pick(names)]!.toUpperCase() } },
      { persistedQuery: null },
      { other: true },
    ]);
  const accepts = [
    undefined,
    "*/*",
    "application/json",
    "application/graphql-response+json",
    "application/graphql-response+json, application/json;q=0.9",
    "application/graphql-response+json;q=0, application/json",
    "text/html",
    "text/html,application/xhtml+xml,*/*;q=0.8",
    "text/event-stream",
    "multipart/mixed",
    "application/xml",
  ];
  const languages = [undefined, "en", "sv", "en-GB,en;q=0.9,sv;q=0.5", "fr", "en;q=0, sv"];
  /** One request's choices; a case is a base drawn at random with a few of its choices drawn again. */
  type Draw = {
    setting: string;
    method: string;
    accept: string | undefined;
    language: string | undefined;
    ifNoneMatch: string | undefined;
    origin: string | undefined;
    requestId: string | undefined;
    document: string;
    mode: number;
    persisted: unknown;
    documentId: string | undefined;
    operationName: string | undefined;
    variables: string | undefined;
    repeat: boolean;
    extra: boolean;
    contentType: string;
    body: "json" | "batch" | "broken";
    queryInUrl: boolean;
  };
  const choices: { [K in keyof Draw]: () => Draw[K] } = {
    // Mostly a request that succeeds (drawn jointly below), else each part at random.
    setting: () => pick(Object.keys(settings)),
    method: () => pick(["GET", "GET", "GET", "POST", "POST", "HEAD", "OPTIONS", "PUT"]),
    accept: () => pick(accepts),
    language: () => pick(languages),
    ifNoneMatch: () => (maybe(0.3) ? pick(["*", "*", '"nope"', 'W/"x", "y"']) : undefined),
    origin: () => (maybe(0.2) ? pick(["https://news.example", "https://other.example"]) : undefined),
    requestId: () => (maybe(0.1) ? `client-${int(5)}` : undefined),
    document: () => pick(documents),
    mode: () => int(5),
    persisted,
    documentId: () => (maybe(0.2) ? `sha256:${hashes[pick(names)]}` : undefined),
    operationName: () => pick(operationNames),
    variables: () => {
      const vars = pick(variables);
      return vars === undefined ? undefined : maybe(0.05) ? "{" : JSON.stringify(vars);
    },
    repeat: () => maybe(0.1),
    extra: () => maybe(0.1),
    contentType: () =>
      pick([
        "application/json",
        "application/json",
        "application/json; charset=utf-8",
        "application/x-www-form-urlencoded",
        "application/graphql",
        "text/plain",
      ]),
    body: () => (maybe(0.05) ? "batch" : maybe(0.03) ? "broken" : "json"),
    queryInUrl: () => maybe(0.05),
  };
  const dimensions = Object.keys(choices) as (keyof Draw)[];
  const drawAll = (): Draw => {
    const draw: Partial<Record<keyof Draw, unknown>> = {};
    for (const d of dimensions) draw[d] = choices[d]();
    return draw as Draw;
  };
  const render = (d: Draw): Case => {
    const headers: Record<string, string> = {};
    if (d.accept) headers.accept = d.accept;
    if (d.language) headers["accept-language"] = d.language;
    if (d.ifNoneMatch) headers["if-none-match"] = d.ifNoneMatch;
    if (d.origin) headers.origin = d.origin;
    if (d.requestId) headers["x-request-id"] = d.requestId;
    const params: [string, string][] = [];
    if (d.mode <= 2 && d.document) params.push(["query", d.document]);
    if (d.mode >= 2) params.push(["extensions", JSON.stringify(d.persisted)]);
    if (d.mode === 4 && d.documentId) params.push(["documentId", d.documentId]);
    if (d.operationName !== undefined) params.push(["operationName", d.operationName]);
    if (d.variables !== undefined) params.push(["variables", d.variables]);
    const { setting, method } = d;
    if (method === "GET" || method === "HEAD") {
      // A repeated parameter, sometimes: it must be refused, never read one way or the other.
      if (d.repeat && params.length) params.push(params[0]!);
      if (d.extra) params.push(["_", "1"]);
      const search = new URLSearchParams(params).toString();
      return { setting, method, url: `http://api.test/graphql${search ? `?${search}` : ""}`, headers };
    }
    if (method === "POST") {
      const body: Record<string, unknown> = {};
      for (const [name, value] of params) {
        body[name] =
          name === "variables" || name === "extensions" ? (value === "{" ? value : JSON.parse(value)) : value;
      }
      headers["content-type"] = d.contentType;
      const text = d.body === "batch" ? "[{}]" : d.body === "broken" ? '{"query":' : JSON.stringify(body);
      const url = d.queryInUrl ? "http://api.test/graphql?query=%7B__typename%7D" : "http://api.test/graphql";
      return { setting, method, url, headers, body: text };
    }
    if (method === "OPTIONS") headers["access-control-request-method"] = "POST";
    return { setting, method, url: "http://api.test/graphql", headers };
  };
  // Few bases, many variants: requests that differ in one or two choices meet each other's
  // kept answers, which is where a key that misses a choice would show.
  const drawBase = (): Draw => {
    const draw = drawAll();
    if (maybe(0.7)) {
      const [document, operationName, vars] = pick(valid);
      const hash =
        operationName && hashes[operationName] && contract.includes(`query ${operationName}`)
          ? hashes[operationName]
          : undefined;
      Object.assign(draw, {
        document,
        operationName,
        variables: vars && JSON.stringify(vars),
        mode: hash && maybe() ? 3 : int(2),
        persisted: hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : draw.persisted,
        documentId: undefined,
        repeat: false,
        body: "json",
        queryInUrl: false,
        contentType: "application/json",
        accept: pick([undefined, "application/json", "application/graphql-response+json", "*/*"]),
        method: pick(["GET", "GET", "POST", "HEAD"]),
      });
      // By hash alone: no query text beside it.
      if (draw.mode === 3) draw.document = "";
    }
    return draw;
  };
  const bases = Array.from({ length: Math.ceil(n / 12) }, drawBase);
  return Array.from({ length: n }, (_, i) => {
    const draw = { ...pick(bases) };
    for (let k = int(3); k > 0; k--) {
      const d = pick(dimensions);
      Object.assign(draw, { [d]: choices[d]() });
    }
    const rendered = render(draw);
    // A client of its own per case (see the top): counted, never near a quota.
    rendered.headers["cf-connecting-ip"] = `10.${SEED % 200}.${i >> 8}.${i & 255}`;
    return rendered;
  });
}

/** What must be the same whichever Worker answered: all but the request id, timing and cache status. */
async function observed(response: Response) {
  const headers = [...response.headers].filter(
    ([name]) => !["server-timing", "x-cache"].includes(name) && !(name === "x-request-id"),
  );
  return { status: response.status, headers, body: await response.text() };
}

async function send(worker: ReturnType<typeof createWorker>, c: Case) {
  const ctx = createExecutionContext();
  const request = new Request(c.url, { method: c.method, headers: c.headers, body: c.body });
  const response = await worker.fetch!(
    request as Request<unknown, IncomingRequestCfProperties>,
    settings[c.setting] as unknown as Env,
    ctx,
  );
  const seen = await observed(response);
  await waitOnExecutionContext(ctx);
  return seen;
}

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

describe("fresh and warm Workers", () => {
  it(`answer ${COUNT} generated requests identically`, { timeout: 240_000 }, async () => {
    const random = prng(SEED);
    const cases = corpus(random, COUNT);
    // Each setting's env object is one per isolate in production: the same object throughout.
    const warm = createWorker({ store });
    const order = cases.map((_, i) => i).sort(() => random() - 0.5);
    const warmAnswers = new Map<number, Awaited<ReturnType<typeof observed>>>();
    // Twice through, so that every request also meets an answer already kept.
    for (const round of [0, 1])
      for (const i of order) if (round === 1 || i % 2 === 0) warmAnswers.set(i, await send(warm, cases[i]!));
    let compared = 0;
    for (const [i, c] of cases.entries()) {
      // A fresh isolate has nothing kept: it executes, and answers the same.
      const fresh = await send(createWorker({ store }), c);
      expect(
        warmAnswers.get(i),
        `case ${i}: ${c.method} ${c.url} ${JSON.stringify(c.headers)} ${c.body ?? ""}`,
      ).toEqual(fresh);
      compared++;
    }
    expect(compared).toBe(COUNT);
    // Every executed answer reports its cost: the operation's, and the MAX_COST in force.
    let costed = 0;
    for (const answer of warmAnswers.values()) {
      if (!answer.body.startsWith("{")) continue;
      const body = JSON.parse(answer.body);
      if (!("data" in body)) continue;
      expect(body.extensions?.cost, answer.body.slice(0, 200)).toEqual({
        requestedQueryCost: expect.any(Number),
        maximumAvailable: expect.any(Number),
      });
      expect(body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(body.extensions.cost.maximumAvailable);
      costed++;
    }
    expect(costed).toBeGreaterThan(COUNT / 10);
    // The corpus reaches every kind of answer, not only errors.
    const statuses = new Set([...warmAnswers.values()].map((a) => a.status));
    for (const status of [200, 204, 304, 400, 405, 406, 413, 415])
      expect(statuses, `status ${status}`).toContain(status);
    // The production setting was counted (its policy on every answer but a preflight's) and never refused.
    expect(statuses).not.toContain(429);
    const limited = cases.flatMap((c, i) => (c.setting === "production" ? [warmAnswers.get(i)!] : []));
    expect(limited.length).toBeGreaterThan(COUNT / 10);
    for (const answer of limited) {
      const policy = answer.headers.find(([name]) => name === "ratelimit-policy")?.[1];
      expect(policy).toBe(answer.status === 204 ? undefined : '"requests";q=200;w=10, "expensive";q=20;w=10');
    }
  });
});
