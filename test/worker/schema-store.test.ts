// The schema answers from the store its context hands it: another dataset needs no copy of
// the project, only `createStore(dataset)`. Its indexes, sorted lists and search index are
// its own; the bundled store's answers do not change.
import { graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { store as bundled, createStore, type DataStore, dataset } from "../../src/data";
import { schema } from "../../src/schema";
import { data, gql } from "./gql";

async function run(store: DataStore, source: string, variableValues: Record<string, unknown> = {}) {
  const result = await graphql({ schema, source, variableValues, contextValue: { store, language: "en" } });
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as any;
}

/** The real data with Norrbotten's seat renamed, the interviews gone and one region less. */
function otherStore(): DataStore {
  const other = structuredClone(dataset);
  const norrbotten = other.regions.find((r) => r.isoCode === "SE-BD");
  if (!norrbotten) throw new Error("test setup: no SE-BD");
  norrbotten.seat = "Zyxwville";
  norrbotten.population.value = 1;
  other.interviews = [];
  return createStore(other);
}

describe("a store handed in through the context", () => {
  const other = otherStore();

  it("answers lookups, links, lists and orders from its own records", async () => {
    const query = /* GraphQL */ `
      query OtherData {
        region(code: "SE-BD") { seat population { value } interviews { totalCount } }
        regions(first: 1, orderBy: { field: POPULATION }) { edges { node { isoCode } } }
        interviews { totalCount }
        datasetVersion
      }
    `;
    const mine = await run(other, query);
    expect(mine.region).toEqual({ seat: "Zyxwville", population: { value: 1 }, interviews: { totalCount: 0 } });
    expect(mine.regions.edges).toEqual([{ node: { isoCode: "SE-BD" } }]);
    expect(mine.interviews.totalCount).toBe(0);
    expect(mine.datasetVersion).toBe(other.datasetVersion);
    expect(mine.datasetVersion).not.toBe(bundled.datasetVersion);

    const theirs = await run(bundled, query);
    expect(theirs.region).toEqual({ seat: "Luleå", population: { value: 248480 }, interviews: { totalCount: 1 } });
    expect(theirs.regions.edges).toEqual([{ node: { isoCode: "SE-I" } }]);
    expect(theirs.datasetVersion).toBe(bundled.datasetVersion);
  });

  it("searches its own words: a store without a prebuilt index builds one on its first search", async () => {
    const query = /* GraphQL */ `
      query Seat($q: String!) { search(query: $q, types: [Region]) { edges { node { ... on Region { isoCode } } } } }
    `;
    expect(other.prebuiltSearchIndex).toBeNull();
    const found = async (store: DataStore, q: string) =>
      (await run(store, query, { q })).search.edges.map((e: any) => e.node.isoCode);
    expect(await found(other, "Zyxwville")).toEqual(["SE-BD"]);
    expect(await found(other, "Luleå")).toEqual([]);
    expect(await found(bundled, "Zyxwville")).toEqual([]);
    expect(await found(bundled, "Luleå")).toEqual(["SE-BD"]);
  });

  it("refetches its records by global id", async () => {
    const { region } = await run(other, `{ region(code: "SE-BD") { id } }`);
    const { node } = await run(other, `query N($id: ID!) { node(id: $id) { ... on Region { seat } } }`, {
      id: region.id,
    });
    expect(node).toEqual({ seat: "Zyxwville" });
  });
});

describe("who wrote a text", () => {
  it("is a source in both languages, a source and our translation, or our words in both", async () => {
    const other = structuredClone(dataset);
    const [award] = other.awards;
    if (!award?.purpose) throw new Error("test setup: no purpose");
    award.facts = [{ sv: "Våra ord.", en: "Our words.", translated: "both" }];
    const query = /* GraphQL */ `
      query Who($slug: String!) {
        award(slug: $slug) {
          nameText { translated isParaphrase sv: isTranslation(lang: SV) en: isTranslation(lang: EN) }
          purposeText { translated isParaphrase sv: isTranslation(lang: SV) en: isTranslation(lang: EN) }
          facts { text(lang: EN) translated isParaphrase sv: isTranslation(lang: SV) en: isTranslation(lang: EN) }
        }
      }
    `;
    const { award: found } = await run(createStore(other), query, { slug: award.slug });
    expect(found.nameText).toEqual({ translated: null, isParaphrase: false, sv: false, en: false });
    expect(found.purposeText).toEqual({ translated: "EN", isParaphrase: false, sv: false, en: true });
    expect(found.facts).toEqual([{ text: "Our words.", translated: null, isParaphrase: true, sv: true, en: true }]);
  });
});

describe("built-in names as keys", () => {
  it("find nothing, in lookups, filters and indexes", async () => {
    const result = await data(/* GraphQL */ `
      query BuiltIns {
        a: region(code: "__proto__") { slug }
        b: region(slug: "constructor") { slug }
        c: person(slug: "hasOwnProperty") { slug }
        d: awardEdition(award: "__proto__", year: 2022) { slug }
        e: regions(filter: { isoCode: { in: ["__proto__", "toString"] } }) { totalCount }
        f: interviews(filter: { region: { eq: "__proto__" } }) { totalCount }
        g: exportFigures(filter: { region: { eq: "constructor" } }) { totalCount }
      }
    `);
    expect(result).toEqual({
      a: null,
      b: null,
      c: null,
      d: null,
      e: { totalCount: 0 },
      f: { totalCount: 0 },
      g: { totalCount: 0 },
    });
  });

  it("make a global id as invalid as one that is no id at all", async () => {
    for (const typename of ["__proto__", "constructor", "Query", "LocalizedText", "Nope"]) {
      const id = btoa(`${typename}:SE-BD`);
      const result = await gql(`query N($id: ID!) { node(id: $id) { id } }`, { id });
      expect(result.errors?.[0]?.message, typename).toBe(`Invalid global ID: ${id}`);
    }
    const ids = [btoa("Region:SE-BD"), btoa("Nope:SE-BD")];
    const many = await gql(`query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(many.errors?.[0]?.message).toBe(`Invalid global ID: ${ids[1]}`);
  });
});
