// Cursors are read only as this API writes them (src/schema/cursor.ts), and only for an item of
// the list they page: a forged one is a BAD_USER_INPUT in every connection, search included,
// never an internal error, whatever its prefix or encoding.
import { getNamedType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/schema";
import { gql } from "./gql";

/** Where each type with connections is found, to reach its connections in a query. */
const parents: Record<string, (field: string) => string> = {
  Query: (field) => field,
  Region: (field) => `region(code: "SE-BD") { ${field} }`,
  AwardEdition: (field) => `awardEdition(award: "arets-exportregion", year: 2022) { ${field} }`,
  Organization: (field) => `organization(slug: "norrbottens-handelskammare") { ${field} }`,
  Person: (field) => `person(slug: "lars-ake-isaksson") { ${field} }`,
};

/** Every connection field of the schema, as `Type.field`. */
const connections = Object.values(schema.getTypeMap()).flatMap((type) =>
  isObjectType(type) && !type.name.startsWith("__")
    ? Object.values(type.getFields())
        .filter((field) => getNamedType(field.type).name.endsWith("Connection"))
        .map((field) => ({ parent: type.name, field: field.name }))
    : [],
);

const forged: [what: string, cursor: string][] = [
  ["a negative offset", btoa("OffsetConnection:-30")],
  ["NaN", btoa("OffsetConnection:NaN")],
  ["an exponent", btoa("OffsetConnection:1e1")],
  ["a fraction", btoa("OffsetConnection:1.5")],
  ["a leading zero", btoa("OffsetConnection:01")],
  ["another prefix", btoa("Cursor:1")],
  ["no base64", "not a cursor!"],
  ["base64 without its padding", btoa("OffsetConnection:10").replace(/=+$/, "")],
  ["an offset past any list", btoa("OffsetConnection:999999")],
  ["an offset too large for a number", btoa(`OffsetConnection:${"9".repeat(30)}`)],
];

describe("forged cursors", () => {
  it("the test reaches every connection of the schema", () => {
    expect(connections.length).toBeGreaterThanOrEqual(17);
    for (const { parent } of connections) expect(Object.keys(parents), parent).toContain(parent);
    expect(connections).toContainEqual({ parent: "Query", field: "search" });
  });

  it.each(forged)("%s is a BAD_USER_INPUT in every connection, as `after` and `before`", async (_, cursor) => {
    for (const { parent, field } of connections) {
      for (const argument of ["after", "before"]) {
        const args = field === "search" ? `query: "export", ${argument}: $c` : `${argument}: $c`;
        const query = `query C($c: String) { ${parents[parent]!(`${field}(${args}) { totalCount }`)} }`;
        const result = await gql(query, { c: cursor });
        const where = `${parent}.${field}(${argument}:)`;
        expect(result.errors, where).toHaveLength(1);
        expect(result.errors?.[0]?.extensions?.code, where).toBe("BAD_USER_INPUT");
        expect(result.errors?.[0]?.message, where).toMatch(/cursor/);
      }
    }
  });

  it("a cursor this API wrote still pages, in search too", async () => {
    const first = await gql(`{ search(query: "export", first: 2) { edges { cursor } pageInfo { endCursor } } }`);
    const after = first.data.search.pageInfo.endCursor;
    const next = await gql(
      `query N($a: String) { search(query: "export", first: 2, after: $a) { edges { cursor } } }`,
      {
        a: after,
      },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data.search.edges[0].cursor).toBe(btoa("OffsetConnection:2"));
  });
});
