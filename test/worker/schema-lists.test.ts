import { describe, expect, it } from "vitest";
import { data, gql } from "./gql";

const codes = async (args: string) =>
  (await data(`{ regions(first: 100, ${args}) { totalCount edges { node { isoCode } } } }`)).regions.edges.map(
    (e: any) => e.node.isoCode,
  );

describe("filters and orders", () => {
  it("regions: eq, ne, in, nin, contains without diacritics, numbers", async () => {
    expect(await codes(`filter: { isoCode: { eq: "SE-BD" } }`)).toEqual(["SE-BD"]);
    expect(await codes(`filter: { isoCode: { in: ["SE-M", "SE-AB"] } }`)).toEqual(["SE-AB", "SE-M"]);
    expect(await codes(`filter: { isoCode: { ne: "SE-BD" } }`)).toHaveLength(20);
    expect(await codes(`filter: { isoCode: { nin: ["SE-BD", "SE-AC"] } }`)).toHaveLength(19);
    expect(await codes(`filter: { seat: { contains: "LULEA" } }`)).toEqual(["SE-BD"]);
    expect(await codes(`filter: { name: { contains: "vastra" } }`)).toEqual(["SE-O"]);
    expect(await codes(`filter: { name: { contains: "Västerbotten County" } }`)).toEqual(["SE-AC"]);
    expect(await codes(`filter: { population: { gte: 1000000 } }`)).toEqual(["SE-AB", "SE-M", "SE-O"]);
    expect(await codes(`filter: { population: { lte: 100000 } }`)).toEqual(["SE-I"]);
    expect(await codes(`filter: { landAreaKm2: { gte: 50000 } }`)).toEqual(["SE-AC", "SE-BD"]);
    expect(await codes(`filter: { name: { contains: "GÖTLAND" } }`)).toEqual(["SE-E", "SE-I"]);
    expect(await codes(`filter: { name: { contains: "gotland" }, population: { lte: 500000 } }`)).toEqual([
      "SE-E",
      "SE-I",
    ]);
  });

  it("regions: ordered by name, population, land area and county code, both directions", async () => {
    const byName = await codes(`orderBy: { field: NAME }`);
    expect(byName.slice(0, 2)).toEqual(["SE-K", "SE-W"]); // Blekinge, Dalarna
    expect(byName.slice(-3)).toEqual(["SE-O", "SE-T", "SE-E"]); // Västra Götaland, Örebro, Östergötland
    expect((await codes(`orderBy: { field: POPULATION, direction: DESC }`)).slice(0, 3)).toEqual([
      "SE-AB",
      "SE-O",
      "SE-M",
    ]);
    expect((await codes(`orderBy: { field: LAND_AREA }`))[0]).toBe("SE-K");
    expect((await codes(`orderBy: { field: LAND_AREA, direction: DESC }`))[0]).toBe("SE-BD");
    const byCounty = await codes(`orderBy: { field: COUNTY_CODE, direction: DESC }`);
    expect(byCounty[0]).toBe("SE-BD");
    expect(byCounty.at(-1)).toBe("SE-AB");
  });

  it("award editions: by prize and year, ordered by year", async () => {
    const { awardEditions } = await data(`{
      awardEditions(filter: { award: { eq: "arets-exportregion" }, year: { gte: 2022 } }) { edges { node { slug } } }
    }`);
    expect(awardEditions.edges.map((e: any) => e.node.slug)).toEqual(["arets-exportregion-2022"]);
    const ordered = await data(
      `{ awardEditions(orderBy: { field: YEAR, direction: DESC }) { edges { node { year award { slug } } } } }`,
    );
    expect(ordered.awardEditions.edges.map((e: any) => e.node.year)).toEqual([2022, 2022, 2021, 2021]);
  });

  it("interviews, people, organizations, companies, quotes, articles, cooperations and figures filter", async () => {
    const result = await data(`{
      i1: interviews(filter: { region: { eq: "SE-BD" } }) { totalCount }
      i2: interviews(filter: { region: { eq: "SE-M" } }) { totalCount }
      i3: interviews(filter: { text: { contains: "grona omstallningen" } }) { totalCount }
      i4: interviews(filter: { interviewee: { in: ["lars-ake-isaksson", "nobody"] } }) { totalCount }
      p1: people(filter: { organization: { eq: "norrbottens-handelskammare" } }, orderBy: { field: NAME }) { edges { node { slug } } }
      p2: people(filter: { name: { contains: "kallberg" } }) { edges { node { slug } } }
      o1: organizations(filter: { region: { eq: "SE-BD" } }, orderBy: { field: NAME, direction: DESC }) { edges { node { slug } } }
      o2: organizations(filter: { name: { eq: "EEN" } }) { edges { node { slug } } }
      c1: companies(filter: { city: { eq: "Umeå" } }) { edges { node { slug } } }
      c2: companies(orderBy: { field: NAME }) { edges { node { name } } }
      q1: quotes(filter: { person: { eq: "anna-hallberg" } }) { totalCount }
      q2: quotes(filter: { text: { contains: "forebild" } }) { totalCount }
      a1: articles(filter: { region: { eq: "SE-BD" } }) { totalCount }
      a2: articles(filter: { region: { eq: "SE-AB" } }) { totalCount }
    }`);
    // Two requests: one would exceed the alias limit (15).
    Object.assign(
      result,
      await data(`{
      x1: exportCooperations(filter: { partner: { eq: "almi" } }) { totalCount }
      x2: exportCooperations(filter: { partner: { eq: "regeringen" } }) { totalCount }
      f1: exportFigures(filter: { region: { eq: "SE" } }, orderBy: { field: YEAR }) { edges { node { value unit year periodStart } } }
      f2: exportFigures(filter: { measure: { eq: "goods-exports-per-inhabitant" }, year: { eq: 2021 } }) { edges { node { value unit region { isoCode } } } }
    }`),
    );
    expect(result.i1.totalCount).toBe(1);
    expect(result.i2.totalCount).toBe(0);
    expect(result.i3.totalCount).toBe(1);
    expect(result.i4.totalCount).toBe(1);
    expect(result.p1.edges.map((e: any) => e.node.slug)).toEqual(["linda-nilsson", "sabrina-suikki"]);
    expect(result.p2.edges.map((e: any) => e.node.slug)).toEqual(["ellen-kallberg"]);
    expect(result.o1.edges.map((e: any) => e.node.slug)).toEqual([
      "region-norrbotten",
      "norrbottens-handelskammare",
      "ltu-business",
    ]);
    expect(result.o2.edges.map((e: any) => e.node.slug)).toEqual(["een"]);
    expect(result.c1.edges.map((e: any) => e.node.slug)).toEqual(["nordic-biomarker"]);
    expect(result.c2.edges.map((e: any) => e.node.name)).toEqual([
      "AIM Apparel",
      "BICO Group",
      "Broddson",
      "Nick's",
      "Nordic Biomarker",
      "OrganoWood",
    ]);
    expect(result.q1.totalCount).toBe(1);
    expect(result.q2.totalCount).toBe(1);
    expect(result.a1.totalCount).toBe(1);
    expect(result.a2.totalCount).toBe(0);
    expect(result.x1.totalCount).toBe(1);
    expect(result.x2.totalCount).toBe(0);
    expect(result.f1.edges.map((e: any) => [e.node.value, e.node.unit, e.node.periodStart, e.node.year])).toEqual([
      [-6, "PERCENT", null, 2020],
      [14, "PERCENT", null, 2021],
      [36, "PERCENT", 2016, 2021],
    ]);
    expect(result.f2.edges).toEqual([
      { node: { value: 44000, unit: "SEK_PER_INHABITANT", region: { isoCode: "SE-BD" } } },
    ]);
  });

  it("rejects oversized filters with a clear error, and has no regex operator", async () => {
    const many = Array.from({ length: 101 }, (_, i) => `"x${i}"`).join(",");
    const result = await gql(`{ regions(filter: { isoCode: { in: [${many}] } }) { totalCount } }`);
    expect(result.errors?.[0]?.message).toBe("`filter.isoCode.in` has 101 values; the maximum is 100.");
    const regex = await gql(`{ regions(filter: { name: { regex: ".*" } }) { totalCount } }`);
    expect(regex.errors?.[0]?.message).toMatch(/"regex" is not defined by type "StringFilter"/);
  });
});

describe("links in both directions", () => {
  it("region, edition, person, organization, interview and sources link to each other", async () => {
    const result = await data(`{
      region(code: "SE-BD") {
        wonEditions { slug } exportCooperations { slug ledBy { slug } partners { slug } }
        exportFigures { slug } articles { totalCount edges { node { slug } } } quotes { totalCount }
        sources { url host }
      }
      awardEdition(award: "arets-exportregion", year: 2022) {
        winner { slug } presentedBy { slug } receivedBy { slug } inPresenceOf { slug }
        articles { edges { node { slug } } } quotes { edges { node { person { slug } } } } nominations { won region { isoCode } }
        sources { host article { slug } }
      }
      person(slug: "lars-ake-isaksson") { organization { slug } interviews { edges { node { slug } } } quotes { totalCount } }
      p2: person(slug: "anna-hallberg") { quotes { totalCount } editions { slug } }
      organization(slug: "norrbottens-handelskammare") { people { totalCount edges { node { slug } } } exportCooperations { slug } }
      interview(slug: "lars-ake-isaksson-een-norrbotten") { interviewee { slug } region { isoCode } article { slug } organization { slug } }
    }`);
    expect(result.region.wonEditions).toEqual([{ slug: "arets-exportregion-2022" }]);
    expect(result.region.exportCooperations[0].ledBy.slug).toBe("norrbottens-handelskammare");
    expect(result.region.exportCooperations[0].partners).toHaveLength(8);
    expect(result.region.exportFigures.length).toBeGreaterThanOrEqual(4);
    expect(result.region.sources.length).toBeGreaterThan(0);
    expect(result.awardEdition.winner.slug).toBe("norrbotten");
    expect(result.awardEdition.presentedBy.slug).toBe("anna-hallberg");
    expect(result.awardEdition.receivedBy.slug).toBe("sabrina-suikki");
    expect(result.awardEdition.inPresenceOf.slug).toBe("prins-daniel");
    expect(result.region.articles).toEqual({
      totalCount: 1,
      edges: [{ node: { slug: "norrbotten-ar-arets-exportregion" } }],
    });
    expect(result.region.quotes).toEqual({ totalCount: 1 });
    expect(result.awardEdition.articles.edges).toEqual([{ node: { slug: "norrbotten-ar-arets-exportregion" } }]);
    expect(result.awardEdition.quotes.edges).toEqual([{ node: { person: { slug: "anna-hallberg" } } }]);
    expect(result.awardEdition.nominations.filter((n: any) => n.won)).toEqual([
      { won: true, region: { isoCode: "SE-BD" } },
    ]);
    expect(result.awardEdition.sources.map((s: any) => s.article?.slug).filter(Boolean)).toEqual([
      "norrbotten-ar-arets-exportregion",
    ]);
    expect(result.person).toEqual({
      organization: { slug: "ltu-business" },
      interviews: { edges: [{ node: { slug: "lars-ake-isaksson-een-norrbotten" } }] },
      quotes: { totalCount: 0 },
    });
    expect(result.p2.quotes).toEqual({ totalCount: 1 });
    expect(result.p2.editions.map((e: any) => e.slug)).toEqual(
      expect.arrayContaining(["arets-exportregion-2021", "arets-exportregion-2022"]),
    );
    expect(result.organization.people.totalCount).toBe(2);
    expect(result.organization.people.edges.map((e: any) => e.node.slug).sort()).toEqual([
      "linda-nilsson",
      "sabrina-suikki",
    ]);
    expect(result.organization.exportCooperations).toEqual([{ slug: "regional-exportsamverkan-norrbotten" }]);
    expect(result.interview).toEqual({
      interviewee: { slug: "lars-ake-isaksson" },
      region: { isoCode: "SE-BD" },
      article: { slug: "norrbotten-ar-arets-exportregion" },
      organization: { slug: "ltu-business" },
    });
  });

  it("neighbours are symmetric: a border stated on one side shows on both", async () => {
    const result = await data(
      `{ c: region(code: "SE-C") { neighbours { isoCode } } ac: region(code: "SE-AC") { neighbours { isoCode } } }`,
    );
    expect(result.c.neighbours.map((r: any) => r.isoCode).sort()).toEqual(["SE-AB", "SE-D"]);
    expect(result.ac.neighbours).toEqual([{ isoCode: "SE-BD" }]);
  });
});
