// A nomination's reasons, end to end: a kind of record added by the recipe of
// docs/architecture.md (its JSON, its declaration in src/data/entities.ts, its type in
// src/schema/nomination-reasons.ts). Everything else about it is derived: its link checks, its
// reverse links, its lookup by nomination, search, and its Relay node.
import { describe, expect, it } from "vitest";
import { data } from "./gql";

describe("a nomination's reasons", () => {
  it("are on the nomination: facts in both languages, figures as given, the people and the sources", async () => {
    const { region } = await data(/* GraphQL */ `
      query HallandNomination {
        region(code: "SE-N") {
          nominations {
            id
            edition { slug }
            reasons {
              nomination { id }
              facts { sv en translated isParaphrase sv2: isTranslation(lang: SV) en2: isTranslation(lang: EN) }
              figures { measure label(lang: EN) value unit year periodStart }
              people { slug }
              sources { host }
            }
          }
        }
      }
    `);
    const [nomination] = region.nominations;
    expect(nomination.edition.slug).toBe("arets-exportregion-2021");
    const { reasons } = nomination;
    expect(reasons.nomination.id).toBe(nomination.id);
    expect(reasons.facts).toHaveLength(4);
    for (const fact of reasons.facts) {
      // Both languages are the project's words: neither is a source's wording.
      expect(fact).toMatchObject({ translated: null, isParaphrase: true, sv2: true, en2: true });
    }
    expect(reasons.facts[1].sv).toContain("363 per 100 000 invånare");
    expect(reasons.figures).toEqual([
      {
        measure: "sme-goods-exports-per-inhabitant-change",
        label: "Change in goods exports per inhabitant by small and medium-sized companies",
        value: 27,
        unit: "PERCENT",
        year: 2020,
        periodStart: 2016,
      },
      {
        measure: "goods-exporting-smes-per-100000-inhabitants",
        label: "Goods-exporting small and medium-sized companies per 100,000 inhabitants",
        value: 363,
        unit: "COUNT_PER_100000_INHABITANTS",
        // The source gives no year for this count.
        year: null,
        periodStart: null,
      },
    ]);
    expect(reasons.people).toEqual([]);
    expect(reasons.sources).toEqual([{ host: "regeringen.se" }]);
  });

  it("name the people around Skåne's 2022 nomination, with their organization", async () => {
    const { awardEdition } = await data(/* GraphQL */ `
      query Edition2022 {
        awardEdition(award: "arets-exportregion", year: 2022) {
          nominations {
            region { isoCode }
            reasons { people { name role(lang: SV) organization { name region { isoCode } } } }
          }
        }
      }
    `);
    const byRegion = Object.fromEntries(
      awardEdition.nominations.map((n: any) => [n.region.isoCode, n.reasons?.people ?? null]),
    );
    expect(byRegion["SE-M"]).toEqual([
      {
        name: "Jennika Gill Noltorp",
        role: "näringslivsutvecklare och ansvarig för exportsamverkan Skåne",
        organization: { name: "Region Skåne", region: { isoCode: "SE-M" } },
      },
      {
        name: "Ulrika Geeraedts",
        role: "utvecklingsdirektör",
        organization: { name: "Region Skåne", region: { isoCode: "SE-M" } },
      },
    ]);
    expect(byRegion["SE-BD"]).toEqual([]);
    // Uppsala's 2022 nomination has no stated reasons in the dataset.
    expect(byRegion["SE-C"]).toBeNull();
  });

  it("are found by search, refetched by global id, and lead back to the nomination", async () => {
    const { search } = await data(/* GraphQL */ `
      query FindReasons {
        search(query: "affärsutvecklingscheckar", types: [NominationReasons]) {
          totalCount
          edges {
            matchedField
            snippet
            node { ... on NominationReasons { id nomination { id won edition { slug } region { isoCode } } } }
          }
        }
      }
    `);
    expect(search.totalCount).toBe(1);
    const [edge] = search.edges;
    expect(edge.matchedField).toBe("facts");
    expect(edge.snippet).toContain("<mark>affärsutvecklingscheckar</mark>");
    expect(edge.node.nomination).toMatchObject({
      won: false,
      edition: { slug: "arets-exportregion-2022" },
      region: { isoCode: "SE-M" },
    });
    const { node } = await data(
      `query N($id: ID!) { node(id: $id) { __typename ... on NominationReasons { nomination { id } } } }`,
      { id: edge.node.id },
    );
    expect(node).toEqual({ __typename: "NominationReasons", nomination: { id: edge.node.nomination.id } });
  });

  it("of the company prizes are the winners' facts, on the companies", async () => {
    const { award } = await data(/* GraphQL */ `
      query CompanyPrize {
        award(slug: "arets-exportsucce") {
          editions { year winningCompany { name city facts { text(lang: EN) isParaphrase } } nominatedCompanies { name } }
        }
      }
    `);
    const [e2021, e2022] = award.editions;
    expect(e2021.winningCompany.name).toBe("BICO Group");
    expect(e2021.winningCompany.facts.map((f: any) => f.text)).toEqual([
      "BICO Group, from Gothenburg, works in biotechnology.",
      "When it won the 2021 prize, the company had a presence in 65 countries.",
      "Its field is the 3D printing of tissue (bioprinting), for which it has made around 50 bio-inks of its own.",
    ]);
    expect(e2022.winningCompany).toMatchObject({ name: "Nordic Biomarker", city: "Umeå" });
    expect(e2022.winningCompany.facts).toHaveLength(2);
    for (const edition of [e2021, e2022]) {
      for (const fact of edition.winningCompany.facts) expect(fact.isParaphrase).toBe(true);
      expect(edition.nominatedCompanies).toHaveLength(3);
    }
    const { search } = await data(`{ search(query: "bioprinting", types: [Company]) { edges { matchedField } } }`);
    expect(search.edges).toEqual([{ matchedField: "facts" }]);
  });
});
