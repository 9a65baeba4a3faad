import { describe, expect, it } from "vitest";
import contract from "../../operations/contract.graphql?raw";
import { data } from "./gql";

const run = (operationName: string, variables: Record<string, unknown> = {}) =>
  data(contract, variables, { operationName });

describe("the contract's operations, as written in operations/contract.graphql", () => {
  it("RegionProfile: Norrbotten's facts, nominations and interviews", async () => {
    const { region } = await run("RegionProfile", { code: "SE-BD" });
    expect(region).toMatchObject({
      slug: "norrbotten",
      isoCode: "SE-BD",
      countyCode: "25",
      name: "Norrbotten County",
      seat: "Luleå",
      population: { value: 248480, year: 2023 },
      landAreaKm2: 97239,
      neighbours: [{ isoCode: "SE-AC" }],
    });
    expect(region.nominations).toEqual([
      { won: false, edition: { year: 2021, award: { slug: "arets-exportregion" } } },
      { won: true, edition: { year: 2022, award: { slug: "arets-exportregion" } } },
    ]);
    expect(region.interviews.totalCount).toBe(1);
    expect(region.interviews.edges.map((e: any) => e.node.slug)).toEqual(["lars-ake-isaksson-een-norrbotten"]);
  });

  it("RegionProfile: null for an unknown code", async () => {
    expect(await run("RegionProfile", { code: "SE-XX" })).toEqual({ region: null });
  });

  it("PrizeHistory: Halland won 2021 among Norrbotten, Halland and Skåne; Norrbotten won 2022 among Norrbotten, Skåne and Uppsala", async () => {
    const { award } = await run("PrizeHistory");
    expect(award.name).toBe("Årets exportregion");
    expect(award.editions.map((e: any) => e.year)).toEqual([2021, 2022]);
    const [e2021, e2022] = award.editions;
    expect(e2021).toMatchObject({
      year: 2021,
      ceremonyDate: "2021-10-22",
      winner: { isoCode: "SE-N" },
      presentedBy: { name: "Anna Hallberg" },
      motivation: null,
    });
    expect(e2021.nominees.map((n: any) => n.isoCode).sort()).toEqual(["SE-BD", "SE-M", "SE-N"]);
    expect(e2022).toMatchObject({
      year: 2022,
      ceremonyDate: "2022-08-31",
      winner: { isoCode: "SE-BD" },
      presentedBy: { name: "Anna Hallberg" },
    });
    expect(e2022.nominees.map((n: any) => n.isoCode).sort()).toEqual(["SE-BD", "SE-C", "SE-M"]);
    expect(e2022.motivation).toMatch(/^Although Norrbotten is a large region/);
  });

  it("InterviewPage: the interview's three questions in the article's order", async () => {
    const { interviews } = await run("InterviewPage");
    expect(interviews.totalCount).toBe(1);
    expect(interviews.pageInfo.hasNextPage).toBe(false);
    const [{ node }] = interviews.edges;
    expect(node.interviewee).toEqual({
      name: "Lars-Åke Isaksson",
      role: "EEN adviser",
      organization: { name: "LTU Business" },
    });
    expect(node.questions.map((q: any) => q.question)).toEqual([
      "Lars-Åke Isaksson, EEN-rådgivare på LTU Business, vad tror du ligger bakom den fina utvecklingen för Norrbottens små och medelstora företag?",
      "Hur arbetar EEN tillsammans med de andra främjarorganisationerna i Norrbotten för att stötta företagen?",
      "Vad erbjuder EEN i Norrbotten företag som vill ta sig an internationella marknader?",
    ]);
    expect(node.questions[0].answer).toMatch(/^Long, hard, strategic work/);
    expect(node.article).toEqual({
      url: "https://enterpriseeurope.se/nyheter/nyheter/2022-09-08-norrbotten-ar-arets-exportregion.html",
      publishedAt: "2022-09-08",
    });
  });

  it("Find: a search with results of several types", async () => {
    const { search } = await run("Find", { q: "exportfrämjande" });
    expect(search.totalCount).toBeGreaterThanOrEqual(7);
    // The first five of them: the nominations' reasons (in our words) use the word most.
    const types = search.edges.map((e: any) => e.node.__typename);
    expect(types).toHaveLength(5);
    expect(types).toEqual(expect.arrayContaining(["NominationReasons", "Quote", "Article"]));
  });

  it("Refetch: a region's global id resolves to the region again", async () => {
    const { region } = await run("RegionProfile", { code: "SE-N" });
    expect(await run("Refetch", { id: region.id })).toEqual({ node: { id: region.id, __typename: "Region" } });
  });
});
