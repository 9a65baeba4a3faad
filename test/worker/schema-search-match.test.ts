// What a search edge says of its match, in the language asked for: the kind and the matched
// field in words, the snippet and its translation marker, and what a snippet shows when only
// a result's title matched.
import { describe, expect, it } from "vitest";
import { data, gql } from "./gql";

type Edge = {
  kind: string;
  kindLabel: string;
  matchedField: string;
  matchedFieldLabel: string;
  language: "SV" | "EN" | null;
  snippet: string;
  snippetIsTranslation: boolean;
  snippetIsParaphrase: boolean;
  node: { id: string };
};

const SEARCH = /* GraphQL */ `
  query SearchMatch($q: String!, $lang: Language, $types: [SearchType!]) {
    search(query: $q, first: 20, types: $types) {
      edges {
        kind
        kindLabel(lang: $lang)
        matchedField(lang: $lang)
        matchedFieldLabel(lang: $lang)
        language(lang: $lang)
        snippet(lang: $lang)
        snippetIsTranslation(lang: $lang)
        snippetIsParaphrase(lang: $lang)
        node {
          ... on Node {
            id
          }
        }
      }
    }
  }
`;

/** The edges of a search, each with its node's `Type:key` (its global id, decoded). */
async function edges(
  q: string,
  { lang = null as "SV" | "EN" | null, types = null as string[] | null, headers = {} } = {},
) {
  const result = await data<{ search: { edges: Edge[] } }>(SEARCH, { q, lang, types }, { headers });
  return result.search.edges.map((edge) => ({ ...edge, key: atob(edge.node.id) }));
}

async function edgeOf(q: string, key: string, options: Parameters<typeof edges>[1] = {}) {
  const edge = (await edges(q, options)).find((e) => e.key === key);
  if (!edge) throw new Error(`"${q}" does not find ${key}`);
  return edge;
}

describe("a search edge, in the language asked for", () => {
  it("names the entity's kind as a type and in words of the language", async () => {
    const sv = await edgeOf("Halland", "AwardEdition:arets-exportregion-2021", { lang: "SV" });
    expect(sv).toMatchObject({ kind: "AwardEdition", kindLabel: "Prisår" });
    const en = await edgeOf("Halland", "AwardEdition:arets-exportregion-2021", { lang: "EN" });
    expect(en).toMatchObject({ kind: "AwardEdition", kindLabel: "Prize edition" });
    const region = await edgeOf("Halland", "Region:SE-N", { headers: { "accept-language": "en" } });
    expect(region).toMatchObject({ kind: "Region", kindLabel: "Region" });
    const company = await edgeOf("bico", "Company:bico-group", { headers: { "accept-language": "en" } });
    expect(company.kindLabel).toBe("Company");
    expect((await edgeOf("bico", "Company:bico-group")).kindLabel).toBe("Företag");
  });

  it("gives the matched field as a stable path and as a label in the language", async () => {
    const sv = await edgeOf("Halland", "AwardEdition:arets-exportregion-2021", { lang: "SV" });
    expect(sv).toMatchObject({ matchedField: "winner", matchedFieldLabel: "Vinnare", language: "SV" });
    expect(sv.snippet).toBe("<mark>Hallands</mark> län (Halmstad)");
    const en = await edgeOf("Halland", "AwardEdition:arets-exportregion-2021", { lang: "EN" });
    expect(en).toMatchObject({ matchedField: "winner", matchedFieldLabel: "Winner", language: "EN" });
    expect(en.snippet).toBe("<mark>Halland</mark> County (Halmstad)");
    const answer = { types: ["Interview"] };
    expect(await edgeOf("exportframjandet", "Interview:lars-ake-isaksson-een-norrbotten", answer)).toMatchObject({
      matchedField: "questions.2.answer",
      matchedFieldLabel: "Svar på fråga 2",
    });
    expect(
      await edgeOf("exportframjandet", "Interview:lars-ake-isaksson-een-norrbotten", { ...answer, lang: "EN" }),
    ).toMatchObject({ matchedField: "questions.2.answer", matchedFieldLabel: "Answer to question 2", language: "EN" });
  });

  it("answers a Swedish search in Swedish and an English one in English (the issue's two cases)", async () => {
    // "export" in Swedish: the Government's fact in Swedish, not "Awards the export prizes…".
    const government = await edgeOf("export", "Organization:regeringen");
    expect(government).toMatchObject({ language: "SV", matchedField: "facts", matchedFieldLabel: "Fakta" });
    expect(government.snippet).toBe(
      "Delar ut <mark>exportpriserna</mark> Årets <mark>exportregion</mark> och Årets <mark>exportsuccé</mark>.",
    );
    // "Luleå" under Accept-Language en: English snippets, marked English.
    const english = await edges("Luleå", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(english.map((e) => e.language)).not.toContain("SV");
    const ltu = english.find((e) => e.key === "Organization:ltu");
    expect(ltu).toMatchObject({ language: "EN", matchedFieldLabel: "Facts" });
    expect(ltu?.snippet).toBe(
      "Owner of LTU Business; in 2006 a co-owner together with <mark>Luleå</mark> kommun and Piteå kommun.",
    );
    // `lang` overrides the header.
    const forced = await edgeOf("Luleå", "Organization:ltu", { lang: "SV", headers: { "accept-language": "en" } });
    expect(forced.snippet).toBe(
      "Ägare av LTU Business; 2006 delägare tillsammans med <mark>Luleå</mark> kommun och Piteå kommun.",
    );
  });

  it("shows a text that matched in the other language only at the same place of this one", async () => {
    // Only the English motivation has "role model"; the Swedish one says "förebild".
    const sv = await edgeOf("role model", "AwardEdition:arets-exportregion-2022", { lang: "SV" });
    expect(sv).toMatchObject({ matchedField: "motivation", language: "SV" });
    expect(sv.snippet).toContain("En sann förebild för andra.");
    expect(sv.snippet).not.toMatch(/role|model|<mark>/);
    const en = await edgeOf("role model", "AwardEdition:arets-exportregion-2022", { lang: "EN" });
    expect(en.snippet).toContain("A true <mark>role</mark> <mark>model</mark> for others.");
  });

  it("says when the snippet is this project's translation or paraphrase, as other texts do", async () => {
    // The motivation: a source's Swedish, the project's English.
    const motivation = (lang: "SV" | "EN") => edgeOf("förebild", "AwardEdition:arets-exportregion-2022", { lang });
    expect(await motivation("SV")).toMatchObject({ snippetIsTranslation: false, snippetIsParaphrase: false });
    expect(await motivation("EN")).toMatchObject({ snippetIsTranslation: true, snippetIsParaphrase: false });
    // The nominations' reasons are the project's words in both languages.
    const reasons = (lang: "SV" | "EN") =>
      edgeOf("varumärke", "NominationReasons:arets-exportregion-2021-se-n", { lang });
    for (const lang of ["SV", "EN"] as const) {
      expect(await reasons(lang)).toMatchObject({
        matchedField: "facts",
        snippetIsTranslation: true,
        snippetIsParaphrase: true,
      });
    }
    // A name is the same in both languages, and no one's translation.
    expect(await edgeOf("bico", "AwardEdition:arets-exportsucce-2021", { lang: "EN" })).toMatchObject({
      matchedField: "winner",
      language: null,
      snippet: "<mark>BICO</mark> Group",
      snippetIsTranslation: false,
      snippetIsParaphrase: false,
    });
  });
});

describe("a snippet shows the matching passage, not the result's title again", () => {
  it("shows another matched text when the title matched too", async () => {
    // The interview's title has "export success"; one of its questions has "export".
    const edge = await edgeOf("export success", "Interview:lars-ake-isaksson-een-norrbotten", { lang: "EN" });
    expect(edge.matchedField).toBe("questions.2.question");
    expect(edge.snippet).toBe(
      "How does EEN work together with the other <mark>export</mark> promotion organizations in Norrbotten to support the companies?",
    );
  });

  it("when only the title matched, shows the opening of the entity's first other text", async () => {
    const interview = await edgeOf("exportframgångarna", "Interview:lars-ake-isaksson-een-norrbotten");
    expect(interview).toMatchObject({ matchedField: "title", matchedFieldLabel: "Rubrik", language: "SV" });
    expect(interview.snippet).toBe(
      "EEN-teamet i Norbotten har verkat i regionen sen 2008 och är en av aktörerna inom regional exportsamverkan.",
    );
    const person = await edgeOf("Anna Hallberg", "Person:anna-hallberg", { lang: "EN" });
    expect(person).toMatchObject({ matchedField: "name", matchedFieldLabel: "Name", language: "EN" });
    expect(person.snippet).toBe("Minister for Foreign Trade and Nordic Affairs");
    // An edition without a motivation: its winner.
    const edition = await edgeOf("Exporter of the Year 2021", "AwardEdition:arets-exportsucce-2021", { lang: "EN" });
    expect(edition).toMatchObject({ matchedField: "award", matchedFieldLabel: "Prize", snippet: "BICO Group" });
  });

  it("shows the title alone when the entity has no other text", async () => {
    const region = await edgeOf("Halland", "Region:SE-N", { lang: "SV" });
    expect(region).toMatchObject({ matchedField: "name", snippet: "<mark>Hallands</mark> län" });
    const prince = await edgeOf("Prins Daniel", "Person:prins-daniel");
    expect(prince).toMatchObject({ matchedField: "name", snippet: "H.K.H. <mark>Prins</mark> <mark>Daniel</mark>" });
  });

  it("cuts a long text around the passage with the query's words, at a sentence or a word", async () => {
    const article = await edgeOf("pandemiåren Finland", "Article:norrbotten-ar-arets-exportregion", { lang: "SV" });
    expect(article.matchedField).toBe("body");
    // Both words are in the text, but not within one snippet: it starts at the first one's sentence.
    expect(article.snippet).toMatch(
      /^…Företagen i Norrbotten lyckades till och med öka exporten under <mark>pandemiåren<\/mark>/,
    );
    expect(article.snippet).toMatch(/…$/);
    expect(article.snippet.replace(/<\/?mark>/g, "").length).toBeLessThanOrEqual(202);
    const twoWords = await edgeOf("Finland Norge", "Article:norrbotten-ar-arets-exportregion", { lang: "SV" });
    expect(twoWords.snippet).toContain("motparter i <mark>Finland</mark> och <mark>Norge</mark>");
  });

  it("takes hostile words as words", async () => {
    const result = await gql(`{ search(query: "__proto__ constructor toString hasOwnProperty") { totalCount } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ search: { totalCount: 0 } });
    const proto = await gql(`{ search(query: "__proto__") { edges { matchedField snippet } } }`);
    expect(proto.errors).toBeUndefined();
    expect(proto.data).toEqual({ search: { edges: [] } });
  });
});
