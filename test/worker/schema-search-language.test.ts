import { describe, expect, it } from "vitest";
import { data, gql } from "./gql";

const find = async (q: string, extra = "", lang: "SV" | "EN" | null = null) =>
  (
    await data(
      `query S($q: String!, $lang: Language) { search(query: $q, first: 20${extra}) { totalCount edges { matchedField(lang: $lang) language(lang: $lang) snippet(lang: $lang) node { __typename ... on Region { isoCode } ... on Organization { slug } ... on Interview { slug } } } } }`,
      { q, lang },
    )
  ).search;

describe("search", () => {
  it("finds Swedish words with and without å, ä, ö, ignoring case", async () => {
    for (const q of ["exportfrämjandet", "exportframjandet", "EXPORTFRAMJANDE"]) {
      const result = await find(q);
      expect(
        result.edges.map((e: any) => e.node.__typename),
        q,
      ).toContain("Interview");
    }
    const withRing = await find("Luleå");
    const without = await find("Lulea");
    expect(without.totalCount).toBe(withRing.totalCount);
    expect(without.edges.map((e: any) => e.node.isoCode ?? e.node.slug)).toContain("SE-BD");
    expect(without.edges.find((e: any) => e.node.isoCode === "SE-BD")).toMatchObject({
      matchedField: "seat",
      snippet: "<mark>Luleå</mark>",
    });
  });

  it("matches prefixes of three letters or more; shorter words only as whole words", async () => {
    const three = await find("exp");
    expect(three.totalCount).toBe((await find("export")).totalCount);
    expect(three.edges[0].snippet).toMatch(/<mark>Exp/i);
    // `ex` and `lu` are no words of the dataset: as prefixes they would match most of it.
    expect((await find("ex")).totalCount).toBe(0);
    expect((await find("lu")).totalCount).toBe(0);
    // `år` is a word of the dataset and a prefix of `årets`; only whole words are marked.
    const year = await find("år");
    expect(year.totalCount).toBeGreaterThan(0);
    const marked = year.edges.flatMap((edge: any) =>
      [...edge.snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1].toLowerCase()),
    );
    expect(marked.length).toBeGreaterThan(0);
    // Folded, `år` and `är` are one word.
    for (const word of marked) expect(["år", "är", "ar"]).toContain(word);
  });

  it("finds English words, and matches word prefixes", async () => {
    const result = await find("role model", "", "EN");
    expect(result.edges[0].language).toBe("EN");
    expect(result.edges[0].snippet).toContain("<mark>role</mark> <mark>model</mark>");
    // In Swedish, the same passage of the Swedish text: it has no word of the query to mark.
    const swedish = await find("role model", "", "SV");
    expect(swedish.edges[0]).toMatchObject({ language: "SV", matchedField: result.edges[0].matchedField });
    expect(swedish.edges[0].snippet).toContain("En sann förebild för andra.");
    expect(swedish.edges[0].snippet).not.toContain("<mark>");
    const prefix = await find("Norrbott");
    expect(prefix.edges.map((e: any) => e.node.isoCode).filter(Boolean)).toContain("SE-BD");
  });

  it("ranks by relevance and filters by type", async () => {
    const result = await find("Norrbotten");
    expect(result.edges[0].node).toEqual({ __typename: "Region", isoCode: "SE-BD" });
    const onlyInterviews = await find("EEN", ", types: [Interview]");
    expect(onlyInterviews.totalCount).toBe(1);
    expect(onlyInterviews.edges[0].node).toEqual({ __typename: "Interview", slug: "lars-ake-isaksson-een-norrbotten" });
  });

  it("names the field and language that matched inside an interview's answers", async () => {
    // The title has "Norrbotten" too, but only the answer has both words.
    const english = await find("strategic Norrbotten", ", types: [Interview]", "EN");
    expect(english.edges[0]).toMatchObject({ matchedField: "questions.1.answer", language: "EN" });
    expect(english.edges[0].snippet).toMatch(
      /^Long, hard, <mark>strategic<\/mark> work by our <mark>Norrbotten<\/mark> companies/,
    );
    const swedish = await find("exportframjande", ", types: [Interview]");
    expect(swedish.edges[0]).toMatchObject({ matchedField: "questions.2.answer", language: "SV" });
    expect(swedish.edges[0].snippet).toContain("<mark>exportfrämjandet</mark>");
  });

  it("matches all words anywhere in an entity's texts, and ignores common words", async () => {
    // The name matched too, but a result shows its name as its title: the snippet is the seat.
    const region = await find("Luleå Norrbotten");
    expect(region.edges[0]).toMatchObject({
      node: { isoCode: "SE-BD" },
      matchedField: "seat",
      language: null,
      snippet: "<mark>Luleå</mark>",
    });
    const plain = await find("role model");
    const withCommonWords = await find("the role model for");
    expect(withCommonWords.totalCount).toBe(3);
    expect(withCommonWords).toEqual(plain);
    expect((await find("och the")).totalCount).toBe(0);
  });

  it("escapes the snippet's HTML and marks only matched words", async () => {
    const result = await find("Nick's");
    expect(result.edges[0].snippet).toBe("<mark>Nick</mark>&#39;<mark>s</mark>");
  });

  it("pages through results and rejects empty or oversized queries", async () => {
    const all = await find("export");
    expect(all.totalCount).toBeGreaterThan(5);
    const page = await data(
      `{ search(query: "export", first: 2) { edges { cursor } pageInfo { endCursor hasNextPage } } }`,
    );
    const next = await data(
      `query N($after: String) { search(query: "export", first: 2, after: $after) { edges { node { __typename } } } }`,
      {
        after: page.search.pageInfo.endCursor,
      },
    );
    expect(next.search.edges).toHaveLength(2);
    expect((await gql(`{ search(query: "   ") { totalCount } }`)).errors?.[0]?.message).toBe(
      "`query` must contain at least one word.",
    );
    const long = "a".repeat(201);
    expect((await gql(`{ search(query: "${long}") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
  });
});

describe("languages", () => {
  const query = `{ award(slug: "arets-exportregion") { name purposeText { isTranslation translated } editions { motivation motivationText { sv en translated isTranslation(lang: EN) } } } }`;

  it("defaults to Swedish, follows Accept-Language, and `lang` overrides both", async () => {
    const sv = await data(query);
    expect(sv.award.name).toBe("Årets exportregion");
    expect(sv.award.editions[1].motivation).toMatch(/^Trots att Norrbotten är en stor region/);
    const en = await data(query, {}, { headers: { "accept-language": "en-GB,en;q=0.9,sv;q=0.5" } });
    expect(en.award.name).toBe("Export Region of the Year");
    expect(en.award.editions[1].motivation).toMatch(/^Although Norrbotten/);
    const svFirst = await data(query, {}, { headers: { "accept-language": "sv-SE, en;q=0.8" } });
    expect(svFirst.award.name).toBe("Årets exportregion");
    const forced = await data(
      `{ award(slug: "arets-exportregion") { name(lang: SV) } }`,
      {},
      { headers: { "accept-language": "en" } },
    );
    expect(forced.award.name).toBe("Årets exportregion");
  });

  it("marks which language is this project's translation", async () => {
    const { award } = await data(query);
    expect(award.editions[1].motivationText).toMatchObject({ translated: "EN", isTranslation: true });
    expect(award.editions[1].motivationText.sv).toContain("En sann förebild för andra.");
    const { region } = await data(`{ region(code: "SE-BD") { nameText { translated isTranslation(lang: EN) } } }`);
    expect(region.nameText).toEqual({ translated: null, isTranslation: false });
  });
});
