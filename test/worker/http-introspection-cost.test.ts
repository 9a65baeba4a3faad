// Introspection costs what it selects, through HTTP to the Worker with the production limits
// and introspection on (as deployed): every `__schema` and `__type` counts the values its
// answer holds, so fifteen `__schema` selections are refused for their cost, while the
// introspection queries of GraphiQL and GraphQL Code Generator are admitted; the expensive-
// operation limit counts the same cost.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import {
  type FieldNode,
  getIntrospectionQuery,
  type IntrospectionOptions,
  type OperationDefinitionNode,
  parse,
  print,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config";
import { store } from "../../src/data";
import { INTROSPECTION_VALUES_PER_COST } from "../../src/graphql/introspection-cost";
import { createWorker } from "../../src/worker";

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

const production = { ENVIRONMENT: "production", INTROSPECTION: "on", GRAPHIQL: "on" } as unknown as Env;
const { maxCost: MAX_COST, expensiveCost: EXPENSIVE_COST } = parseConfig({});

async function post(worker: ReturnType<typeof createWorker>, query: string, on: Env = production, client?: string) {
  const ctx = createExecutionContext();
  const request = new Request("http://api.test/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(client ? { "cf-connecting-ip": client } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, on, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, body: await response.json<any>() };
}

/** Waits, when the rate limits' window ends within `seconds`, for the next one. */
async function freshWindow(seconds = 6): Promise<void> {
  const left = env.RATE_LIMIT_PERIOD - ((Date.now() / 1000) % env.RATE_LIMIT_PERIOD);
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}

/** The values an answer holds: a field is one, and an object or a list holds what its items hold. */
function valuesOf(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valuesOf(item), 0);
  if (value !== null && typeof value === "object") {
    return Object.values(value).reduce((sum: number, field) => sum + 1 + valuesOf(field), 0);
  }
  return 0;
}

/** What a meta-field's answer costs: its values, INTROSPECTION_VALUES_PER_COST to one, rounded up. */
const costOfAnswer = (answer: unknown) => Math.ceil(valuesOf(answer) / INTROSPECTION_VALUES_PER_COST);

const allTypes = "__schema { types { name fields { name args { name type { name } } } } }";
const fifteen = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ${allTypes}`).join(" ")} }`;

// The introspection queries clients send: graphql-js' getIntrospectionQuery with the options
// of @graphql-yoga/graphiql (GraphiQL 5: schemaDescription and inputValueDeprecation on top
// of the defaults), of @graphql-tools/url-loader as GraphQL Code Generator calls it (the
// defaults), and every option on.
const graphiql: IntrospectionOptions = { descriptions: true, schemaDescription: true, inputValueDeprecation: true };
const clients: [string, IntrospectionOptions][] = [
  ["GraphiQL's", graphiql],
  ["GraphQL Code Generator's", {}],
  [
    "every option's",
    {
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    },
  ],
];

describe("the cost of introspection", () => {
  it("is the values the answer holds: one `__schema` selection costs its answer", async () => {
    const worker = createWorker({ store });
    const { status, body } = await post(worker, `{ ${allTypes} }`);
    expect(status).toBe(200);
    expect(body.data.__schema.types.length).toBeGreaterThan(50);
    const cost = costOfAnswer({ __schema: body.data.__schema });
    expect(cost).toBeGreaterThan(MAX_COST / 15);
    expect(body.extensions.cost).toEqual({ requestedQueryCost: cost, maximumAvailable: MAX_COST });
  });

  it("refuses fifteen `__schema` selections for their cost, before anything resolves", async () => {
    const worker = createWorker({ store });
    const { status, body } = await post(worker, fifteen);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(new RegExp(`^Query Cost limit of ${MAX_COST} exceeded, found \\d+\\.$`)),
        extensions: { code: "LIMIT_EXCEEDED", limit: "cost" },
      },
    ]);
    const found = Number(/found (\d+)/.exec(body.errors[0].message)?.[1]);
    expect(found).toBeGreaterThan(MAX_COST);
  });

  it("counts a small introspection as before: `__type` and `queryType` cost 1 each", async () => {
    const worker = createWorker({ store });
    const { body } = await post(
      worker,
      '{ __typename __type(name: "Region") { name } __schema { queryType { name } } }',
    );
    expect(body.data.__type).toEqual({ name: "Region" });
    expect(body.extensions.cost.requestedQueryCost).toBe(3);
  });

  it.each(clients)("admits %s introspection query, at the cost of its answer", async (_, options) => {
    const worker = createWorker({ store });
    const { status, body } = await post(worker, getIntrospectionQuery(options));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType).toEqual(expect.objectContaining({ name: "Query" }));
    const cost = body.extensions.cost.requestedQueryCost;
    expect(cost).toBe(costOfAnswer(body.data));
    // Within MAX_COST, and expensive: the playground's one request counts against the tighter limit.
    expect(cost).toBeLessThanOrEqual(MAX_COST);
    expect(cost).toBeGreaterThan(EXPENSIVE_COST);
  });

  it("refuses two of GraphiQL's introspection in one request", async () => {
    const worker = createWorker({ store });
    // Its `__schema` selection twice, under aliases, with its fragments (about 230 tokens).
    const [operation, ...fragments] = parse(getIntrospectionQuery(graphiql)).definitions;
    const schemaField = (operation as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
    const selection = print(schemaField.selectionSet!);
    const twice = `{ a: __schema ${selection} b: __schema ${selection} }\n${fragments.map(print).join("\n")}`;
    const { status, body } = await post(worker, twice);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: "LIMIT_EXCEEDED", limit: "cost" });
  });

  it("counts GraphiQL's introspection against the expensive-operation limit, as its answer reports", async () => {
    // The top-level settings' bindings (20 expensive operations in 10 s), counting on.
    const limited = { ...env, RATE_LIMITS: "on" } as unknown as Env;
    const worker = createWorker({ store });
    const client = `198.51.${Math.floor(Math.random() * 200)}.250`;
    const query = getIntrospectionQuery(graphiql);
    await freshWindow();
    const statuses: number[] = [];
    for (let i = 0; i <= env.RATE_LIMIT_EXPENSIVE; i++) {
      statuses.push((await post(worker, `${query} # ${i}`, limited, client)).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
