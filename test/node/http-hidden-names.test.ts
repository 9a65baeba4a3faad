// Production tells a stranger nothing introspection would: no "Did you mean", no schema name the
// client did not send, in validation errors and in variable errors alike.
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { post, useBundle } from "./http-support";

const bundle = useBundle();
let dev: Miniflare;
let production: Miniflare;

beforeAll(async () => {
  [dev, production] = await Promise.all([
    bundle.serve(),
    bundle.serve({ ENVIRONMENT: "production", GRAPHIQL: "off", INTROSPECTION: "off" }),
  ]);
});

const accept = { accept: "application/graphql-response+json" };
const cases: [string, Record<string, unknown>, string, RegExp][] = [
  ["a misspelled field", { query: '{ nod(id: "x") { id } }' }, "GRAPHQL_VALIDATION_FAILED", /"node"/],
  [
    "a misspelled enum value",
    { query: "{ regions(orderBy: { field: NAM }) { totalCount } }" },
    "GRAPHQL_VALIDATION_FAILED",
    /"NAME"|RegionOrderField/,
  ],
  [
    "a misspelled input field in variables",
    {
      query: "query ($f: RegionFilter) { regions(filter: $f) { totalCount } }",
      variables: { f: { nmae: { eq: "x" } } },
    },
    "BAD_USER_INPUT",
    /"name"|StringFilter/,
  ],
  [
    "a misspelled enum value in variables",
    { query: "query ($o: RegionOrder) { regions(orderBy: $o) { totalCount } }", variables: { o: { field: "NAM" } } },
    "BAD_USER_INPUT",
    /"NAME"|RegionOrderField/,
  ],
  [
    "a node id of an unknown type",
    { query: `{ node(id: "${btoa("Nope:1")}") { id } }` },
    "BAD_USER_INPUT",
    /Nope|implemented/,
  ],
  [
    "a node id of a type that is not a node",
    { query: `{ node(id: "${btoa("PageInfo:1")}") { id } }` },
    "BAD_USER_INPUT",
    /PageInfo|loading by id/,
  ],
  [
    "node ids in variables, one of them forged",
    {
      query: "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids: [btoa("Region:SE-BD"), btoa("PageInfo:1")] },
    },
    "BAD_USER_INPUT",
    /PageInfo|loading by id/,
  ],
  ["a missing variable", { query: "query ($code: String!) { region(code: $code) { slug } }" }, "BAD_USER_INPUT", /$^/],
];

describe("error messages", () => {
  it.each(cases)("%s: production hides what development suggests", async (_, body, code, leak) => {
    const inDev = await (await post(dev, body, accept)).json();
    const response = await post(production, body, accept);
    expect(response.status).toBe(400);
    const inProduction = await response.json();
    expect(inProduction.errors[0].extensions.code).toBe(code);
    expect(inDev.errors[0].extensions.code).toBe(code);
    const message: string = inProduction.errors[0].message;
    expect(message).not.toMatch(/Did you mean|Suggestion/);
    expect(message).not.toMatch(leak);
    // The client's own words stay: the message still says what was wrong.
    for (const word of JSON.stringify(body).match(/\b(nod|NAM|nmae)\b/g) ?? []) expect(message).toContain(word);
  });
});
