// Search finds what a reader expects (the table in test/search-quality.ts), and every snippet
// it shows is in the language asked for: a passage of one of the entity's texts in that
// language (or of a name, the same in both), never a lone word cut from a longer text.
import { describe, expect, it } from "vitest";
import { store } from "../../src/data";
import type { KindName } from "../../src/data/entities";
import { kinds } from "../../src/data/entities";
import { textsOf } from "../../src/schema/search-texts";
import { qualityTable } from "../search-quality";
import { data } from "./gql";

type Edge = {
  language: "SV" | "EN" | null;
  matchedField: string;
  matchedFieldLabel: string;
  kindLabel: string;
  snippet: string;
  node: { id: string };
};

const SEARCH = /* GraphQL */ `
  query SearchQuality($q: String!, $lang: Language) {
    search(query: $q, first: 10) {
      totalCount
      edges {
        language(lang: $lang)
        matchedField(lang: $lang)
        matchedFieldLabel(lang: $lang)
        kindLabel(lang: $lang)
        snippet(lang: $lang)
        node {
          ... on Node {
            id
          }
        }
      }
    }
  }
`;

const search = async (q: string, lang: "SV" | "EN") =>
  (await data<{ search: { totalCount: number; edges: Edge[] } }>(SEARCH, { q, lang })).search;

const kindOfType = new Map(Object.entries(kinds).map(([kind, { type }]) => [type, kind as KindName]));

/** The record of a global id (`Region:SE-N`, base64). */
function recordOf(globalId: string): { kind: KindName; record: object } {
  const decoded = atob(globalId);
  const at = decoded.indexOf(":");
  const kind = kindOfType.get(decoded.slice(0, at));
  const record = kind && store.find(kind, decoded.slice(at + 1));
  if (!kind || !record) throw new Error(`no record ${decoded}`);
  return { kind, record };
}

/** A snippet's words as a reader sees them: marks and the ellipses of a cut removed, entities decoded. */
const plain = (snippet: string) =>
  snippet
    .replace(/<\/?mark>/g, "")
    .replace(/^…|…$/g, "")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const oneSpace = (text: string) => text.replace(/\s+/g, " ");
const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;

describe("search quality", () => {
  it.each(qualityTable)("$query ($lang) finds what a reader expects at the top", async ({ query, lang, top }) => {
    const { edges } = await search(query, lang);
    const found = edges.map((edge) => atob(edge.node.id));
    for (const [expected, place] of top) {
      const at = found.indexOf(expected);
      expect(at >= 0 && at < place, `${expected} within the first ${place}; found ${found.join(", ")}`).toBe(true);
    }
  });

  it("finds what the query guide (docs/queries.md) says its example finds", async () => {
    const { totalCount, edges } = await search("Luleå export", "SV");
    expect(totalCount).toBeGreaterThanOrEqual(10);
    const found = edges.map((edge) => atob(edge.node.id));
    expect(found.slice(0, 3)).toEqual([
      "AwardEdition:arets-exportregion-2022",
      "ExportCooperation:regional-exportsamverkan-norrbotten",
      "AwardEdition:arets-exportregion-2021",
    ]);
    expect(found).toContain("Article:norrbotten-ar-arets-exportregion");
    expect(found).toContain("Interview:lars-ake-isaksson-een-norrbotten");
  });

  it("shows every snippet in the language asked for, as a passage of the entity's text in it", async () => {
    for (const { query } of qualityTable) {
      for (const lang of ["SV", "EN"] as const) {
        const asked = lang === "SV" ? "sv" : "en";
        const { edges } = await search(query, lang);
        for (const edge of edges) {
          const { kind, record } = recordOf(edge.node.id);
          const where = `"${query}" (${lang}) ${atob(edge.node.id)} ${edge.matchedField}: ${edge.snippet}`;
          expect([lang, null], where).toContain(edge.language);
          expect(edge.kindLabel, where).toBe(kinds[kind].search?.label[asked]);
          expect(edge.matchedFieldLabel, where).not.toBe("");
          // The snippet is cut from one text in the asked language (or a name): the one it names.
          const texts = textsOf(store, kind, record).filter((text) => text.lang === asked || text.lang === null);
          const shown = oneSpace(plain(edge.snippet));
          const source = texts.find((text) => oneSpace(text.text).includes(shown));
          expect(source, where).toBeDefined();
          expect(source?.lang ?? null, where).toBe(edge.language === null ? null : asked);
          // A lone word only when the text has no more.
          if (words(shown) < 2) expect(words(source?.text ?? ""), where).toBeLessThan(2);
        }
      }
    }
  });
});
