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
    const { award } = await run("PrizeHistory", { lang: "EN" });
    expect(award.name).toBe("Export Region of the Year");
    expect(award.editions.map((e: any) => e.year)).toEqual([2021, 2022]);
    const [e2021, e2022] = award.editions;
    expect(e2021).toMatchObject({
      year: 2021,
      ceremonyDate: "2021-10-22",
      winner: { isoCode: "SE-N", name: "Halland County" },
      presentedBy: { name: "Anna Hallberg" },
      motivation: null,
    });
    expect(e2021.notes).toMatch(/^The Government's website regeringen\.se has a motivation for each 2021 nominee/);
    expect(e2021.nominees.map((n: any) => n.isoCode).sort()).toEqual(["SE-BD", "SE-M", "SE-N"]);
    expect(e2022).toMatchObject({
      year: 2022,
      ceremonyDate: "2022-08-31",
      winner: { isoCode: "SE-BD", name: "Norrbotten County" },
      presentedBy: { name: "Anna Hallberg" },
      notes: null,
    });
    expect(e2022.nominees.map((n: any) => n.isoCode).sort()).toEqual(["SE-BD", "SE-C", "SE-M"]);
    expect(e2022.motivation).toMatch(/^Although Norrbotten is a large region/);
  });

  it("PrizeHistory and InterviewPage: every text in the one language asked, or Accept-Language's without one", async () => {
    const sv = (await run("PrizeHistory", { lang: "SV" })).award;
    expect(sv.name).toBe("Årets exportregion");
    expect(sv.editions[1].winner.name).toBe("Norrbottens län");
    expect(sv.editions[1].motivation).toMatch(/^Trots att Norrbotten är en stor region/);
    expect(sv.editions[0].notes).toMatch(/^Regeringens webbplats regeringen\.se/);
    expect(await run("PrizeHistory")).toEqual({ award: sv });
    const english = await data(contract, {}, { operationName: "PrizeHistory", headers: { "accept-language": "en" } });
    expect(english).toEqual(await run("PrizeHistory", { lang: "EN" }));

    const [{ node }] = (await run("InterviewPage", { lang: "SV" })).interviews.edges;
    expect(node.title).toMatch(/^Lars-Åke Isaksson, EEN-rådgivare på LTU Business/);
    expect(node.interviewee.role).toBe("EEN-rådgivare");
    expect(node.questions[0].answer).toMatch(/^Långt hårt strategiskt arbete/);
  });

  it("InterviewPage: the interview's three questions in the article's order", async () => {
    const { interviews } = await run("InterviewPage", { lang: "EN" });
    expect(interviews.totalCount).toBe(1);
    expect(interviews.pageInfo.hasNextPage).toBe(false);
    const [{ node }] = interviews.edges;
    expect(node.title).toBe("Lars-Åke Isaksson, EEN adviser at LTU Business, on Norrbotten's export success");
    expect(node.interviewee).toEqual({
      name: "Lars-Åke Isaksson",
      role: "EEN adviser",
      organization: { name: "LTU Business" },
    });
    expect(node.questions.map((q: any) => q.question)).toEqual([
      "Lars-Åke Isaksson, EEN adviser at LTU Business, what do you think lies behind the fine development of Norrbotten's small and medium-sized enterprises?",
      "How does EEN work together with the other export promotion organizations in Norrbotten to support the companies?",
      "What does EEN in Norrbotten offer companies that want to take on international markets?",
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
