// The cost of an operation as it will run, and the bounds of every argument, through HTTP to the
// Worker with the production limits: a page size or a list of ids in a variable costs what it
// would as a literal, on every execution (a document already admitted, a persisted one), and an
// argument out of its bounds is a request error before anything resolves.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { isEnumType } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config";
import { store } from "../../src/data";
import { sha256 } from "../../src/digest";
import { schema } from "../../src/schema";
import { createWorker } from "../../src/worker";

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

const production = { ENVIRONMENT: "production", INTROSPECTION: "off", GRAPHIQL: "off" } as unknown as Env;
const graphqlResponse = "application/graphql-response+json";
const MAX_COST = parseConfig({}).maxCost;
const searchType = schema.getType("SearchType");
const searchTypes = isEnumType(searchType) ? searchType.getValues().length : 0;

/** Three levels of bordering regions under each region of a page: its cost grows with the page. */
const deep = "edges { node { slug neighbours { slug neighbours { slug neighbours { slug } } } } }";
const deepByVariable = `query Deep($n: Int) { regions(first: $n) { ${deep} } }`;

type Answer = { status: number; body: any };

async function post(worker: ReturnType<typeof createWorker>, body: object, accept = graphqlResponse): Promise<Answer> {
  const ctx = createExecutionContext();
  const request = new Request("http://api.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify(body),
  });
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, production, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, body: await response.json() };
}

/** What the limits say of an answer: its cost when executed, else the refusal's code and message. */
const verdict = ({ status, body }: Answer) =>
  body.data !== undefined
    ? { status, cost: body.extensions?.cost }
    : { status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };

describe("the cost of an operation", () => {
  it("is the same with a literal page size as with the size in a variable, admitted or refused", async () => {
    const worker = createWorker({ store });
    const verdicts = [];
    for (const n of [0, 1, 2, 5, 21, 100]) {
      const literal = verdict(await post(worker, { query: `{ regions(first: ${n}) { ${deep} } }` }));
      const variable = verdict(await post(worker, { query: deepByVariable, variables: { n } }));
      expect(variable, `first: ${n}`).toEqual(literal);
      verdicts.push(literal);
    }
    // Both verdicts occur: the small pages run, the large ones are refused for their cost.
    expect(verdicts[0]).toEqual({ status: 200, cost: { requestedQueryCost: 1, maximumAvailable: MAX_COST } });
    expect(verdicts[1]?.status).toBe(200);
    expect(verdicts.at(-1)).toEqual({
      status: 400,
      code: "LIMIT_EXCEEDED",
      message: expect.stringMatching(new RegExp(`^Query Cost limit of ${MAX_COST} exceeded, found \\d+\\.$`)),
    });
    // The cost grows with the page: a page of 2 costs about twice a page of 1.
    const [, one, two] = verdicts.map((v) => ("cost" in v ? v.cost.requestedQueryCost : null));
    expect(two).toBe(2 * (one ?? 0) - 1);
  });

  it("counts `nodes(ids:)` by its ids, and the default page size when no size is given", async () => {
    const worker = createWorker({ store });
    const id = btoa("Region:SE-BD");
    const costOf = async (body: object) => (await post(worker, body)).body.extensions.cost.requestedQueryCost;
    const nodes = "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }";
    // The field, a lookup of 4 for each id, and its selection (an `id`, 2) once per id.
    expect(await costOf({ query: nodes, variables: { ids: [id] } })).toBe(1 + 4 + 2);
    expect(await costOf({ query: nodes, variables: { ids: Array(10).fill(id) } })).toBe(1 + 40 + 20);
    // 20 a page when no size is given: as `first: 20`.
    expect(await costOf({ query: "{ regions { edges { node { slug } } } }" })).toBe(
      await costOf({ query: "{ regions(first: 20) { edges { node { slug } } } }" }),
    );
  });

  it("refuses variables that make it too expensive, as a text and as a persisted operation, on every request", async () => {
    const hash = await sha256(deepByVariable);
    const worker = createWorker({ store, persisted: new Map([[hash, deepByVariable]]) });
    const asText = (n: number) => ({ query: deepByVariable, variables: { n } });
    const persisted = (n: number) => ({
      variables: { n },
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    for (const send of [asText, persisted]) {
      // The first request admits the document; the next ones execute it directly.
      for (const round of [1, 2, 3]) {
        const cheap = await post(worker, send(1));
        expect(cheap.status, `round ${round}`).toBe(200);
        expect(cheap.body.extensions.cost.requestedQueryCost).toBeLessThan(MAX_COST);
        const costly = await post(worker, send(21));
        expect(costly.status, `round ${round}`).toBe(400);
        expect(costly.body.data).toBeUndefined();
        expect(costly.body.errors).toEqual([
          {
            message: expect.stringMatching(new RegExp(`^Query Cost limit of ${MAX_COST} exceeded, found \\d+\\.$`)),
            extensions: { code: "LIMIT_EXCEEDED", limit: "cost" },
          },
        ]);
      }
    }
  });

  it("is in every executed answer, errors beside data included, the same for the same request", async () => {
    const worker = createWorker({ store });
    // An `after` of no item of this list: a field error beside data.
    const partial = {
      query: `{ datasetVersion regions(first: 1, after: "${btoa("OffsetConnection:21")}") { totalCount } }`,
    };
    const first = await post(worker, partial);
    expect(first.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(first.body.data).toBeNull();
    // datasetVersion 1; the page of 1: the field, its edge (3) and its totalCount.
    expect(first.body.extensions.cost).toEqual({ requestedQueryCost: 1 + 1 + 3 + 1, maximumAvailable: MAX_COST });
    expect(await post(worker, partial)).toEqual(first);
    const fine = { query: "query R($code: String) { region(code: $code) { slug } }", variables: { code: "SE-BD" } };
    const answer = await post(worker, fine);
    expect(answer.body).toEqual({
      data: { region: { slug: "norrbotten" } },
      extensions: { cost: { requestedQueryCost: 2, maximumAvailable: MAX_COST } },
    });
    expect(await post(worker, fine)).toEqual(answer);
  });
});

describe("the bounds of arguments", () => {
  const many = <T>(n: number, item: (i: number) => T) => Array.from({ length: n }, (_, i) => item(i));
  const cases: [what: string, query: string, variables: Record<string, unknown>, message: string][] = [
    [
      "101 ids",
      "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      { ids: many(101, () => btoa("Region:SE-BD")) },
      "`ids` has 101 ids; the maximum is 100.",
    ],
    [
      "a malformed id among the ids",
      "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      { ids: [btoa("Region:SE-BD"), "nope"] },
      "Invalid global ID: nope",
    ],
    [
      "first: 101",
      "query R($n: Int) { regions(first: $n) { totalCount } }",
      { n: 101 },
      "`first` must be between 0 and 100 (the maximum page size); got 101.",
    ],
    [
      "last: -1",
      "query R($n: Int) { interviews(last: $n) { totalCount } }",
      { n: -1 },
      "`last` must be between 0 and 100 (the maximum page size); got -1.",
    ],
    [
      "an empty search",
      "query S($q: String!) { search(query: $q) { totalCount } }",
      { q: "   " },
      "`query` must contain at least one word.",
    ],
    [
      "a search of 201 characters",
      "query S($q: String!) { search(query: $q) { totalCount } }",
      { q: "a".repeat(201) },
      "`query` is 201 characters long; the maximum is 200.",
    ],
    [
      "a search of 9 words",
      "query S($q: String!) { search(query: $q) { totalCount } }",
      { q: "region export norrbotten sverige sweden luleå kiruna företag jobb" },
      "`query` has 9 words; the maximum is 8.",
    ],
    [
      "more search types than there are",
      'query S($t: [SearchType!]) { search(query: "export", types: $t) { totalCount } }',
      { t: many(searchTypes + 1, () => "Region") },
      `\`types\` has ${searchTypes + 1} types; the maximum is ${searchTypes}.`,
    ],
    ["a region by neither key", "{ region { slug } }", {}, "`region` takes exactly one of `code` and `slug`."],
    [
      "a region by both keys",
      'query R($c: String) { region(code: $c, slug: "norrbotten") { slug } }',
      { c: "SE-BD" },
      "`region` takes exactly one of `code` and `slug`.",
    ],
    [
      "an `in` of 101 values",
      "query R($in: [String!]) { regions(filter: { slug: { in: $in } }) { totalCount } }",
      { in: many(101, (i) => `r${i}`) },
      "`filter.slug.in` has 101 values; the maximum is 100.",
    ],
    [
      "a `nin` of 101 numbers",
      "query R($f: RegionFilter) { regions(filter: $f) { totalCount } }",
      { f: { population: { nin: many(101, (i) => i) } } },
      "`filter.population.nin` has 101 values; the maximum is 100.",
    ],
    [
      "a `contains` of 201 characters",
      "query I($c: String) { interviews(filter: { text: { contains: $c } }) { totalCount } }",
      { c: "e".repeat(201) },
      "`filter.text.contains` is 201 characters long; the maximum is 200.",
    ],
  ];

  it.each(cases)(
    "%s: a BAD_USER_INPUT request error, 400 (or 200 in application/json), nothing executed",
    async (_, query, variables, message) => {
      const worker = createWorker({ store });
      for (const round of [1, 2]) {
        for (const [accept, status] of [
          [graphqlResponse, 400],
          ["application/json", 200],
        ] as const) {
          const answer = await post(worker, { query, variables }, accept);
          expect(answer.status, `${accept}, round ${round}`).toBe(status);
          expect(answer.body.data).toBeUndefined();
          expect(answer.body.errors).toHaveLength(1);
          expect(answer.body.errors[0].message).toBe(message);
          // The argument out of bounds is named (`first`, `filter.slug.in`); a rule of the field's names none.
          const argument = /^`([^`]+)` (?!takes)/.exec(message)?.[1] ?? (message.includes("global ID") ? "ids" : null);
          expect(answer.body.errors[0].extensions).toEqual(
            argument ? { code: "BAD_USER_INPUT", argument } : { code: "BAD_USER_INPUT" },
          );
        }
      }
    },
  );

  it("lets the largest values within the bounds through", async () => {
    const worker = createWorker({ store });
    const ids = many(100, () => btoa("Region:SE-BD"));
    const nodes = await post(worker, {
      query: "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids },
    });
    expect(nodes.status).toBe(200);
    expect(nodes.body.data.nodes).toHaveLength(100);
    const page = await post(worker, {
      query: '{ interviews(first: 100) { totalCount } search(query: "export", first: 100) { totalCount } }',
    });
    expect(page.status).toBe(200);
  });
});

describe("the expensive-operation limit", () => {
  it("counts an execution by the cost its answer reports", async () => {
    // Miniflare's Rate Limiting bindings, as wrangler.toml's top level declares them.
    const limited = { ...env, RATE_LIMITS: "on", RESPONSE_CACHE: "off" } as unknown as Env;
    const worker = createWorker({ store });
    const left = env.RATE_LIMIT_PERIOD - ((Date.now() / 1000) % env.RATE_LIMIT_PERIOD);
    if (left < 6) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
    const client = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const ask = async (ids: number) => {
      const ctx = createExecutionContext();
      const request = new Request("http://api.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": client },
        body: JSON.stringify({
          query: "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }",
          variables: { ids: Array(ids).fill(btoa("Region:SE-BD")) },
        }),
      });
      const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, limited, ctx);
      await waitOnExecutionContext(ctx);
      return { status: response.status, body: (await response.json()) as any };
    };
    for (let i = 0; i < env.RATE_LIMIT_EXPENSIVE; i++) {
      const answer = await ask(100);
      expect(answer.status, `expensive request ${i + 1}`).toBe(200);
      expect(answer.body.extensions.cost.requestedQueryCost).toBeGreaterThan(env.EXPENSIVE_COST);
    }
    const refused = await ask(100);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe("RATE_LIMITED");
    // A cheap operation of the same client is not expensive: it runs.
    const cheap = await ask(1);
    expect(cheap.status).toBe(200);
    expect(cheap.body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(env.EXPENSIVE_COST);
  });
});
