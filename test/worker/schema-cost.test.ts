// What each field declares for the cost of an operation (src/schema/sizes.ts): every list
// field a size, so that nothing an operation selects counts as one item when it can be many.
import { getNullableType, isInterfaceType, isListType, isObjectType, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { store } from "../../src/data";
import { costOf } from "../../src/graphql/cost";
import { schema } from "../../src/schema";
import { EDGE_COST, TEXT_UNIT } from "../../src/schema/sizes";

const listFields = Object.values(schema.getTypeMap()).flatMap((type) =>
  (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith("__")
    ? Object.values(type.getFields())
        .filter((field) => isListType(getNullableType(field.type)))
        .map((field) => ({ name: `${type.name}.${field.name}`, field }))
    : [],
);

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  costOf(schema, parse(query), undefined, variables, { store });

describe("declared sizes", () => {
  it("every list field declares its size", () => {
    expect(listFields.length).toBeGreaterThan(40);
    const undeclared = listFields
      .filter(({ field }) => (field.extensions["pothosOptions"] as { complexity?: unknown })?.complexity === undefined)
      .map(({ name }) => name);
    expect(undeclared).toEqual([]);
  });

  it("a list counts as its largest in the store: `neighbours` as the most neighbours any region has", () => {
    const most = Math.max(...store.all("region").map((r) => store.neighboursOf(r.isoCode).length));
    expect(most).toBeGreaterThan(1);
    expect(cost(`{ region(code: "SE-BD") { neighbours { slug } } }`)).toBe(1 + 1 + most);
    expect(cost(`{ region(code: "SE-BD") { neighbours { neighbours { slug } } } }`)).toBe(1 + 1 + most * (1 + most));
  });

  it("a connection counts its page, at most the list it pages: an edge and its selection for each item", () => {
    // 21 regions: a page of 100 holds 21, each an edge and `edges`, `node` and `slug`.
    const page = (items: number) => 1 + items * EDGE_COST + items * 3;
    expect(cost("{ regions(first: 100) { edges { node { slug } } } }")).toBe(page(21));
    expect(cost("query R($n: Int) { regions(first: $n) { edges { node { slug } } } }", { n: 100 })).toBe(page(21));
    expect(cost("query R($n: Int) { regions(last: $n) { edges { node { slug } } } }", { n: 4 })).toBe(page(4));
  });

  it("a long text costs its length, and a filter the records it reads", () => {
    const body = Math.max(...store.all("article").map((a) => a.body.sv.length + a.body.en.length));
    expect(body).toBeGreaterThan(TEXT_UNIT);
    expect(cost(`{ article(slug: "norrbotten-ar-arets-exportregion") { body } }`)).toBe(
      1 + Math.ceil(body / TEXT_UNIT),
    );
    const regions = store.all("region").length;
    const unfiltered = cost("{ regions(first: 1) { totalCount } }") ?? 0;
    // A condition without an index tests every record (1 for every 10), a contains reads every
    // record's text too; a condition with an index tests what the index gives.
    const longestName = Math.max(...store.all("region").map((r) => r.name.sv.length + r.name.en.length));
    expect(cost(`{ regions(first: 1, filter: { seat: { eq: "Luleå" } }) { totalCount } }`)).toBe(
      unfiltered + Math.ceil(regions / 10),
    );
    expect(cost(`{ regions(first: 1, filter: { name: { contains: "botten" } }) { totalCount } }`)).toBe(
      unfiltered + Math.ceil(regions / 10) + regions * Math.ceil(longestName / TEXT_UNIT),
    );
    expect(cost(`{ regions(first: 1, filter: { slug: { eq: "norrbotten" } }) { totalCount } }`)).toBe(unfiltered + 1);
    // Keys that are built-in property names find nothing in an index, and cost nothing more.
    expect(
      cost(`{ regions(first: 1, filter: { slug: { in: ["__proto__", "constructor", "toString"] } }) { totalCount } }`),
    ).toBe(unfiltered);
    expect(
      cost(
        `{ regions(first: 1, filter: { slug: { in: ["norrbotten", "skane", "x"] }, seat: { eq: "x" } }) { totalCount } }`,
      ),
    ).toBe(unfiltered + Math.ceil((2 * 2) / 10));
    const inNorrbotten = store.lookup("figure", "area", "SE-BD").length;
    expect(inNorrbotten).toBeGreaterThan(1);
    expect(inNorrbotten).toBeLessThan(store.all("figure").length);
    expect(cost(`{ exportFigures(first: 1, filter: { region: { eq: "SE-BD" } }) { totalCount } }`)).toBe(
      (cost("{ exportFigures(first: 1) { totalCount } }") ?? 0) + Math.ceil(inNorrbotten / 10),
    );
  });
});
