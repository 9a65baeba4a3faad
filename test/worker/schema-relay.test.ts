import { describe, expect, it } from "vitest";
import { data, gql } from "./gql";

/** Every root connection, with how many items the dataset holds (at least). */
const connections = [
  "regions",
  "awards",
  "awardEditions",
  "companies",
  "interviews",
  "articles",
  "quotes",
  "people",
  "organizations",
  "exportCooperations",
  "exportFigures",
] as const;

async function allIds(field: string): Promise<{ id: string; __typename: string }[]> {
  const result = await data(`query All { ${field}(first: 100) { totalCount edges { node { id __typename } } } }`);
  expect(result[field].edges.length).toBe(result[field].totalCount);
  return result[field].edges.map((e: any) => e.node);
}

describe("Relay conventions", () => {
  it.each(connections)("every %s item's global id round-trips through node and nodes", async (field) => {
    const items = await allIds(field);
    expect(items.length).toBeGreaterThan(0);
    const { nodes } = await data(`query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, {
      ids: items.map((i) => i.id),
    });
    expect(nodes).toEqual(items);
    const { node } = await data(`query Node($id: ID!) { node(id: $id) { id __typename } }`, { id: items[0]!.id });
    expect(node).toEqual(items[0]);
  });

  it("global ids are opaque and distinct across all entities", async () => {
    const ids = (await Promise.all(connections.map(allIds))).flat().map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).not.toMatch(/^(Region|Award|Person):/);
  });

  it("a nomination's id round-trips too", async () => {
    const { region } = await data(`{ region(code: "SE-BD") { nominations { id won } } }`);
    const { node } = await data(
      `query N($id: ID!) { node(id: $id) { id ... on Nomination { won sources { host } } } }`,
      {
        id: region.nominations[1].id,
      },
    );
    expect(node).toMatchObject(region.nominations[1]);
    // A nomination's sources are its edition's: the article among them.
    expect(node.sources.map((s: { host: string }) => s.host)).toContain("enterpriseeurope.se");
  });

  it("node returns null for a well-formed id of nothing, and a clear error for a malformed one", async () => {
    const missing = btoa("Region:SE-ZZ");
    expect(await data(`query N($id: ID!) { node(id: $id) { id } }`, { id: missing })).toEqual({ node: null });
    const bad = await gql(`query N($id: ID!) { node(id: $id) { id } }`, { id: "not-an-id" });
    expect(bad.errors?.[0]?.message).toMatch(/Invalid global ID/i);
  });

  it.each(connections)("paging %s two at a time, forward then backward, visits every item once", async (field) => {
    const all = (await allIds(field)).map((i) => i.id);
    const forward: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page: any = (
        await data(
          `query P($after: String) { ${field}(first: 2, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`,
          { after },
        )
      )[field];
      forward.push(...page.edges.map((e: any) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);

    const backward: string[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page: any = (
        await data(
          `query P($before: String) { ${field}(last: 2, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }`,
          { before },
        )
      )[field];
      backward.unshift(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it("pages hold 20 items unless asked, and asking for more than 100 is a clear error, not a silent cut", async () => {
    const { regions } = await data(`{ regions { totalCount edges { node { isoCode } } } }`);
    expect(regions.totalCount).toBe(21);
    expect(regions.edges).toHaveLength(20);
    const tooMany = await gql(`{ regions(first: 101) { edges { node { isoCode } } } }`);
    expect(tooMany.data).toBeFalsy();
    expect(tooMany.errors?.[0]?.message).toBe("`first` must be between 0 and 100 (the maximum page size); got 101.");
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badCursor = await gql(`{ regions(first: 2, after: "garbage") { edges { node { isoCode } } } }`);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("lookups by natural key", () => {
  it("find records by code or slug, and return null for unknown keys", async () => {
    const found = await data(`{
      a: region(code: "SE-BD") { slug } b: region(slug: "skane") { isoCode }
      c: award(slug: "arets-exportsucce") { name(lang: SV) }
      d: awardEdition(award: "arets-exportsucce", year: 2022) { winningCompany { name city } winner { isoCode } }
      e: interview(slug: "lars-ake-isaksson-een-norrbotten") { interviewee { slug } }
      f: person(slug: "lars-ake-isaksson") { organization { slug } }
      g: organization(slug: "ltu-business") { name }
      h: article(slug: "norrbotten-ar-arets-exportregion") { publishedAt }
    }`);
    expect(found).toEqual({
      a: { slug: "norrbotten" },
      b: { isoCode: "SE-M" },
      c: { name: "Årets exportsuccé" },
      d: { winningCompany: { name: "Nordic Biomarker", city: "Umeå" }, winner: null },
      e: { interviewee: { slug: "lars-ake-isaksson" } },
      f: { organization: { slug: "ltu-business" } },
      g: { name: "LTU Business" },
      h: { publishedAt: "2022-09-08" },
    });
    const missing = await data(`{
      a: region(code: "SE-XX") { slug } b: region(slug: "atlantis") { slug } c: award(slug: "nope") { slug }
      d: awardEdition(award: "arets-exportregion", year: 1999) { year } e: interview(slug: "nope") { slug }
      f: person(slug: "nope") { slug } g: organization(slug: "nope") { slug } h: article(slug: "nope") { slug }
    }`);
    expect(Object.values(missing)).toEqual(Array(8).fill(null));
  });

  it("region needs exactly one of code and slug", async () => {
    const result = await gql(`{ region { slug } }`);
    expect(result.errors?.[0]?.message).toBe("`region` takes exactly one of `code` and `slug`.");
  });
});
