// With INTROSPECTION = "off", the Worker tells a stranger nothing introspection would: no "Did
// you mean", no schema name the client did not send, in validation errors and in variable errors
// alike, whatever the ENVIRONMENT. Production as deployed (introspection on) suggests.
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { post, useBundle } from "./http-support";

const bundle = useBundle();
let dev: Miniflare;
let closed: Miniflare;
let production: Miniflare;

beforeAll(async () => {
  [dev, closed, production] = await Promise.all([
    bundle.serve(),
    // Development's settings but introspection: the hiding follows INTROSPECTION alone.
    bundle.serve({ INTROSPECTION: "off" }),
    bundle.serve({ ENVIRONMENT: "production", GRAPHIQL: "on", INTROSPECTION: "on" }),
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
  it.each(cases)("%s: INTROSPECTION off hides what development suggests", async (_, body, code, leak) => {
    const inDev = await (await post(dev, body, accept)).json();
    const response = await post(closed, body, accept);
    expect(response.status).toBe(400);
    const inClosed = await response.json();
    expect(inClosed.errors[0].extensions.code).toBe(code);
    expect(inDev.errors[0].extensions.code).toBe(code);
    // Production as deployed says what development says.
    expect(await (await post(production, body, accept)).json()).toEqual(inDev);
    const message: string = inClosed.errors[0].message;
    expect(message).not.toMatch(/Did you mean|Suggestion/);
    expect(message).not.toMatch(leak);
    // The client's own words stay: the message still says what was wrong.
    for (const word of JSON.stringify(body).match(/\b(nod|NAM|nmae)\b/g) ?? []) expect(message).toContain(word);
  });
});
