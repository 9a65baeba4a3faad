// The error model, row by row as docs/http-api.md's table states it: each bad request gets
// its documented `extensions.code` and status, in each media type, in development and in
// production settings. A row here changes only with the table.
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { endpoint, get, json, post, send, useBundle } from "./http-support";

const bundle = useBundle();
const GRAPHQL_RESPONSE = "application/graphql-response+json";
const JSON_TYPE = "application/json";

type Servers = { main: Miniflare; tight: Miniflare; persistedOnly: Miniflare; limited: Miniflare };
const servers: Record<"development" | "production", Servers> = {} as never;

const settings = {
  development: {},
  production: { ENVIRONMENT: "production", GRAPHIQL: "off", INTROSPECTION: "off" },
} as const;

beforeAll(async () => {
  for (const [name, vars] of Object.entries(settings) as [keyof typeof settings, Record<string, string>][]) {
    const [main, tight, persistedOnly, limited] = await Promise.all([
      bundle.serve(vars),
      bundle.serve({ ...vars, MAX_DEPTH: "2", MAX_BODY_BYTES: "300" }),
      bundle.serve({ ...vars, PERSISTED_ONLY: "on" }),
      bundle.serve(
        { ...vars, RATE_LIMITS: "on", RATE_LIMIT_PERIOD: "60", RATE_LIMIT_REQUESTS: "1", RATE_LIMIT_EXPENSIVE: "1" },
        { REQUEST_LIMITER: { limit: 1, period: 60 }, EXPENSIVE_LIMITER: { limit: 1, period: 60 } },
      ),
    ]);
    servers[name] = { main, tight, persistedOnly, limited };
  }
});

type Row = {
  what: string;
  code: string;
  /** The status in application/graphql-response+json and in application/json. */
  status: [number, number];
  /** The argument `extensions.argument` names, where the table says it names one (null: it names none). */
  argument?: string | null;
  send: (s: Servers, accept: Record<string, string>) => Promise<Response>;
};

const rows: Row[] = [
  { what: "bad JSON", code: "BAD_REQUEST", status: [400, 400], send: (s, a) => post(s.main, '{"query":', a) },
  {
    what: "a batch",
    code: "BAD_REQUEST",
    status: [400, 400],
    send: (s, a) => post(s.main, [{ query: "{ __typename }" }], a),
  },
  { what: "a number as query", code: "BAD_REQUEST", status: [400, 400], send: (s, a) => post(s.main, { query: 1 }, a) },
  {
    what: "a repeated GET parameter",
    code: "BAD_REQUEST",
    status: [400, 400],
    send: (s, a) => send(s.main, `${endpoint}?query=%7B__typename%7D&query=%7B__typename%7D`, { headers: a }),
  },
  {
    what: "persistedQuery version 2",
    code: "BAD_REQUEST",
    status: [400, 400],
    send: (s, a) => post(s.main, { extensions: { persistedQuery: { version: 2, sha256Hash: "0".repeat(64) } } }, a),
  },
  { what: "no query", code: "BAD_REQUEST", status: [400, 400], send: (s, a) => get(s.main, {}, a) },
  {
    what: "a body over MAX_BODY_BYTES",
    code: "PAYLOAD_TOO_LARGE",
    status: [413, 413],
    send: (s, a) => post(s.tight, { query: `{ __typename } # ${"x".repeat(400)}` }, a),
  },
  {
    what: "a form body",
    code: "UNSUPPORTED_MEDIA_TYPE",
    status: [415, 415],
    send: (s, a) =>
      send(s.main, endpoint, {
        method: "POST",
        headers: { ...a, "content-type": "application/x-www-form-urlencoded" },
        body: "query=%7B__typename%7D",
      }),
  },
  {
    what: "an Accept this API cannot answer",
    code: "NOT_ACCEPTABLE",
    status: [406, 406],
    send: (s) => get(s.main, { query: "{ __typename }" }, { accept: "text/event-stream" }),
  },
  {
    what: "DELETE",
    code: "METHOD_NOT_ALLOWED",
    status: [405, 405],
    send: (s, a) => send(s.main, endpoint, { method: "DELETE", headers: a }),
  },
  {
    what: "a mutation over GET",
    code: "BAD_REQUEST",
    status: [405, 405],
    send: (s, a) => get(s.main, { query: "mutation { __typename }" }, a),
  },
  {
    what: "a subscription by POST",
    code: "OPERATION_NOT_SUPPORTED",
    status: [400, 400],
    send: (s, a) => post(s.main, { query: "subscription { __typename }" }, a),
  },
  {
    what: "an unknown persisted hash",
    code: "PERSISTED_QUERY_NOT_FOUND",
    status: [400, 400],
    send: (s, a) => post(s.main, { documentId: `sha256:${"f".repeat(64)}` }, a),
  },
  {
    what: "a query where only persisted documents run",
    code: "PERSISTED_QUERY_ONLY",
    status: [400, 400],
    send: (s, a) => post(s.persistedOnly, { query: "{ __typename }" }, a),
  },
  {
    what: "a parse error",
    code: "GRAPHQL_PARSE_FAILED",
    status: [400, 200],
    send: (s, a) => post(s.main, { query: "{" }, a),
  },
  {
    what: "a validation error",
    code: "GRAPHQL_VALIDATION_FAILED",
    status: [400, 200],
    send: (s, a) => post(s.main, { query: "{ regionz }" }, a),
  },
  {
    what: "an operationName the document lacks",
    code: "OPERATION_RESOLUTION_FAILURE",
    status: [400, 400],
    send: (s, a) => post(s.main, { query: "query A { __typename }", operationName: "B" }, a),
  },
  {
    what: "a variable of the wrong type",
    code: "BAD_USER_INPUT",
    status: [400, 200],
    send: (s, a) =>
      post(s.main, { query: "query ($c: String!) { region(code: $c) { slug } }", variables: { c: 25 } }, a),
  },
  {
    what: "a missing variable",
    code: "BAD_USER_INPUT",
    status: [400, 200],
    send: (s, a) => post(s.main, { query: "query ($c: String!) { region(code: $c) { slug } }" }, a),
  },
  {
    what: "a limit of the document",
    code: "LIMIT_EXCEEDED",
    status: [400, 400],
    send: (s, a) => post(s.tight, { query: "{ regions { edges { node { slug } } } }" }, a),
  },
  {
    what: "an argument out of its bounds, in a variable",
    code: "BAD_USER_INPUT",
    status: [400, 200],
    argument: "first",
    send: (s, a) =>
      post(s.main, { query: "query ($n: Int) { regions(first: $n) { totalCount } }", variables: { n: 101 } }, a),
  },
  {
    what: "`region` with both of its keys",
    code: "BAD_USER_INPUT",
    status: [400, 200],
    argument: null,
    send: (s, a) => post(s.main, { query: '{ region(code: "SE-BD", slug: "norrbotten") { slug } }' }, a),
  },
  {
    what: "a cursor in a form this API never writes",
    code: "BAD_USER_INPUT",
    status: [400, 200],
    argument: "after",
    send: (s, a) => post(s.main, { query: `{ regions(after: "${btoa("OffsetConnection:-30")}") { totalCount } }` }, a),
  },
  {
    what: "a cursor past the end of its list",
    code: "BAD_USER_INPUT",
    status: [200, 200],
    send: (s, a) => post(s.main, { query: `{ regions(after: "${btoa("OffsetConnection:500")}") { totalCount } }` }, a),
  },
  {
    what: "too many requests",
    code: "RATE_LIMITED",
    status: [429, 429],
    send: async (s, a) => {
      const client = { ...a, "cf-connecting-ip": `192.0.2.${Math.floor(Math.random() * 250)}` };
      await post(s.limited, { query: "{ __typename }" }, client);
      return post(s.limited, { query: "{ __typename }" }, client);
    },
  },
  {
    what: "another path",
    code: "NOT_FOUND",
    status: [404, 404],
    send: (s, a) => send(s.main, "http://localhost/nothing", { headers: a }),
  },
];

describe.each(Object.keys(settings) as (keyof typeof settings)[])("in %s", (environment) => {
  it.each(rows)("$what: $code", async ({ code, status, argument, send: request }) => {
    for (const [accept, expected] of [
      [GRAPHQL_RESPONSE, status[0]],
      [JSON_TYPE, status[1]],
    ] as const) {
      const response = await request(servers[environment], { accept });
      expect(response.status, accept).toBe(expected);
      expect(response.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json; charset=utf-8$/);
      const body = await response.json();
      expect(body.errors[0].extensions.code, accept).toBe(code);
      if (argument !== undefined) expect(body.errors[0].extensions.argument).toBe(argument ?? undefined);
      expect(JSON.stringify(body)).not.toMatch(/stack|originalError/);
      if (environment === "production") expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    }
  });
});

it("answers with the media type asked for", async () => {
  const asked = await post(servers.development.main, { query: "{ regionz }" }, { accept: GRAPHQL_RESPONSE });
  expect(asked.headers.get("content-type")).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
  const legacy = await post(servers.development.main, { query: "{ regionz }" }, json);
  expect(legacy.headers.get("content-type")).toBe(`${JSON_TYPE}; charset=utf-8`);
});
