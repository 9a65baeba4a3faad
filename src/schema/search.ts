import type { ObjectRef } from "@pothos/core";
import { type KindName, kinds } from "../data/entities";
import { atMost, bounded, text } from "./bounds";
import { builder, type Context, type Types } from "./builder";
import { pageOf } from "./connection";
import { offsetOf } from "./cursor";
import { type Lang, LanguageEnum, requestLanguage } from "./language";
import { typeNameOf } from "./node";
import { refOf } from "./refs";
import { hitKind, MIN_PREFIX, queryTerms, search, searchable, searchableCount, searchKinds } from "./search-index";
import { matchOf, type SearchMatch } from "./search-match";
import { kindLabel, textsOf } from "./search-texts";
import { largestOf, pageCost, TEXT_UNIT } from "./sizes";
import { langArg } from "./text";

const MAX_QUERY_LENGTH = 200;
/** The most words (as the index sees them: no stop words, no repeats) a query may have: each is a lookup. */
const MAX_QUERY_WORDS = 8;

/**
 * What a search costs beside its page: looking its words up in the index (their prefixes among
 * the index's words, about 50 fields' time whatever the records), and ranking every match,
 * which grows with the records searched: one for every SEARCHED_PER_COST of them.
 */
const LOOKUP_COST = 50;
const SEARCHED_PER_COST = 10;
/**
 * What a hit's `snippet`, `matchedField` or `language` costs: finding its best text folds the
 * record's texts, heaviest first, until one holds every word; at most the most text any record
 * searched has, 1 for every MATCHED_PER_COST characters (folding a text is cheaper than writing it).
 */
const MATCHED_PER_COST = 4 * TEXT_UNIT;
const matchCost = (() => {
  const longest = searchKinds.map((kind) =>
    largestOf(kind, (record, store) => textsOf(store, kind, record).reduce((sum, t) => sum + t.text.length, 0)),
  );
  return (_args: object, { store }: Context) =>
    Math.max(1, Math.ceil(Math.max(0, ...longest.map((measure) => measure(store))) / MATCHED_PER_COST));
})();

/** A query of at most MAX_QUERY_WORDS words. */
const words = (value: unknown, path: string) => {
  if (typeof value !== "string") return null;
  const count = queryTerms(value).length;
  return count > MAX_QUERY_WORDS ? `\`${path}\` has ${count} words; the maximum is ${MAX_QUERY_WORDS}.` : null;
};

/** One edge's search result: what matched is found only when a field asks for it, once per language. */
type Hit = { score: number; kind: KindName; match: (lang: Lang) => SearchMatch | null };
/** The hit of each edge that a search returned, for the edge's fields. */
const hitOf = new WeakMap<object, Hit>();

function hitAt(edge: object): Hit {
  const hit = hitOf.get(edge);
  if (!hit) throw new Error("a search edge without its hit");
  return hit;
}

const SearchType = builder.enumType("SearchType", {
  description: "A type of entity that search covers.",
  values: Object.fromEntries(
    Object.entries(searchable).map(([name, description]) => [name, { value: name, description }]),
  ),
});

const kindOfType = new Map(searchKinds.map((kind) => [kinds[kind].type, kind]));

const SearchResultUnion = builder.unionType("SearchResult", {
  description: "An entity that a search found.",
  // Any record will do as the union's shape: `resolveType` names each one's type, from what
  // the store says the record is.
  types: searchKinds.map((kind): ObjectRef<Types, object> => refOf(kind)),
  resolveType: (entity, context) => typeNameOf(entity, context),
});

const SearchConnection = builder.connectionObject(
  {
    type: SearchResultUnion,
    name: "SearchConnection",
    description: "A page of search results, best match first.",
    fields: (t) => ({
      totalCount: t.int({
        description: "How many entities match, in all pages together.",
        resolve: (c) => c.totalCount,
      }),
    }),
  },
  {
    name: "SearchEdge",
    description: "One search result: the entity, and where and how well it matched.",
    fields: (t) => {
      /** The hit's match in the language asked for (`lang`, else the request's). */
      const matchAt = (edge: object, asked: Lang | null | undefined, ctx: Context) =>
        hitAt(edge).match(asked ?? requestLanguage(ctx));
      return {
        score: t.float({
          description: "Relevance: higher is better. Only comparable within one search.",
          resolve: (edge) => hitAt(edge).score,
        }),
        kind: t.field({
          type: SearchType,
          description: "The type of the entity, as `__typename` names it.",
          resolve: (edge) => kinds[hitAt(edge).kind].type,
        }),
        kindLabel: t.string({
          description: "What the entity is, in words of the language (`Prisår`, `Prize edition`).",
          args: { lang: langArg(t) },
          resolve: (edge, args, ctx) => kindLabel(hitAt(edge).kind)[args.lang ?? requestLanguage(ctx)],
        }),
        matchedField: t.string({
          complexity: matchCost,
          description:
            "The field that matched, as a stable path the same in both languages, for code (`winner`, `motivation`, `questions.2.answer`); the result's title (`name`, `title`) only when nothing else matched. Empty when no word matched.",
          args: { lang: langArg(t) },
          resolve: (edge, args, ctx) => matchAt(edge, args.lang, ctx)?.field ?? "",
        }),
        matchedFieldLabel: t.string({
          complexity: matchCost,
          description: "The matched field in words of the language, for readers (`Vinnare`, `Answer to question 2`).",
          args: { lang: langArg(t) },
          resolve: (edge, args, ctx) => {
            const asked = args.lang ?? requestLanguage(ctx);
            return matchAt(edge, asked, ctx)?.label[asked] ?? "";
          },
        }),
        language: t.field({
          complexity: matchCost,
          type: LanguageEnum,
          nullable: true,
          description: "The snippet's language: the one asked for, or null for a name, the same in both.",
          args: { lang: langArg(t) },
          resolve: (edge, args, ctx) => matchAt(edge, args.lang, ctx)?.lang ?? null,
        }),
        snippet: t.string({
          complexity: matchCost,
          description:
            "The matching passage of the field's text in the language, about 200 characters, HTML-escaped, matched words in `<mark>…</mark>`; where only the other language's text matched, the same place of this one. When only the title matched: the opening of the entity's first other text (an introduction, a motivation, a role), else the title.",
          args: { lang: langArg(t) },
          resolve: (edge, args, ctx) => matchAt(edge, args.lang, ctx)?.snippet ?? "",
        }),
        snippetIsTranslation: t.boolean({
          complexity: matchCost,
          description:
            "True when the snippet's text in the language is this project's words, as `LocalizedText.isTranslation`.",
          args: { lang: langArg(t) },
          resolve: (edge, args, ctx) => {
            const asked = args.lang ?? requestLanguage(ctx);
            const translated = matchAt(edge, asked, ctx)?.translated ?? null;
            return translated === "both" || translated === asked;
          },
        }),
        snippetIsParaphrase: t.boolean({
          complexity: matchCost,
          description:
            "True when this project wrote the snippet's text in both languages, as `LocalizedText.isParaphrase`.",
          args: { lang: langArg(t) },
          resolve: (edge, args, ctx) => matchAt(edge, args.lang, ctx)?.translated === "both",
        }),
      };
    },
  },
);

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchResultUnion,
      description: `Full-text search over every text of the dataset, in Swedish and English, best match first. An entity is also found by the names of what it links to (a prize edition by its prize, year, winner and nominees; what links to a region also by the region's seat: \`Luleå\` finds what links to Norrbotten). Ignores case and diacritics (\`Lulea\` finds \`Luleå\`) and matches word prefixes of ${MIN_PREFIX} letters or more (\`export\` finds \`exportfrämjandet\`; \`ex\` finds only the word \`ex\`); every word must match somewhere in an entity's texts, in either language. Common words (\`och\`, \`the\`) are ignored. An edge's snippet and labels are in the language of their \`lang\` or of Accept-Language.`,
      args: {
        query: t.arg.string({
          required: true,
          description: `The words to find (at most ${MAX_QUERY_LENGTH} characters and ${MAX_QUERY_WORDS} words).`,
          ...bounded(text({ max: MAX_QUERY_LENGTH, required: true }), words),
        }),
        types: t.arg({
          type: [SearchType],
          description: "Only these types of entity; all types when not given.",
          ...bounded(atMost(searchKinds.length, "types")),
        }),
      },
      // A search is a lookup of every word in the index, then its page of results.
      complexity: (args, { store }) => {
        const searched = searchableCount(store);
        return pageCost(args, searched, 1 + LOOKUP_COST + Math.ceil(searched / SEARCHED_PER_COST));
      },
      resolve: (_, args, { store, recentSearches }) => {
        const only = args.types?.flatMap((type) => kindOfType.get(type) ?? []) ?? null;
        const hits = search(store, args.query, only, recentSearches);
        const page = pageOf(args, hits.entities);
        // Each edge keeps its hit, for the edge's score, kind, matched field and snippet.
        for (const edge of page.edges) {
          if (!edge) continue;
          const at = offsetOf(edge.cursor) ?? -1;
          const kind = hitKind(hits, at);
          const matched = new Map<Lang, SearchMatch | null>();
          hitOf.set(edge, {
            score: hits.scores[at] ?? 0,
            kind,
            match: (lang) => {
              let match = matched.get(lang);
              if (match === undefined) matched.set(lang, (match = matchOf(store, kind, edge.node, hits.terms, lang)));
              return match;
            },
          });
        }
        return page;
      },
    },
    SearchConnection,
  ),
}));
