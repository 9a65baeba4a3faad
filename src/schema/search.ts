import type { ObjectRef } from "@pothos/core";
import { cursorToOffset } from "@pothos/plugin-relay";
import { type KindName, kinds } from "../data/entities";
import { builder, type Types } from "./builder";
import { pageOf } from "./connection";
import { badInput } from "./errors";
import { LanguageEnum } from "./language";
import { refOf } from "./refs";
import {
  bestText,
  hitKind,
  MIN_PREFIX,
  type SearchText,
  search,
  searchable,
  searchKinds,
  snippet,
} from "./search-index";

const MAX_QUERY_LENGTH = 200;

/** The kind of each record that a search returned, for the union's `resolveType`. */
const kindOf = new WeakMap<object, KindName>();

/** One edge's search result: what matched is found only when a field asks for it. */
type Hit = { score: number; match: () => SearchText | null; terms: readonly string[] };
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
  // Any record will do as the union's shape: `resolveType` names each one's type.
  types: searchKinds.map((kind): ObjectRef<Types, object> => refOf(kind)),
  resolveType: (entity) => {
    const kind = kindOf.get(entity);
    if (!kind) throw new Error("a search result of no known kind");
    return kinds[kind].type;
  },
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
    fields: (t) => ({
      score: t.float({
        description: "Relevance: higher is better. Only comparable within one search.",
        resolve: (edge) => hitAt(edge).score,
      }),
      matchedField: t.string({
        description: "The field whose text matched best, such as `name`, `motivation` or `questions.2.answer`.",
        resolve: (edge) => hitAt(edge).match()?.field ?? "",
      }),
      language: t.field({
        type: LanguageEnum,
        nullable: true,
        description: "The language of the matched text; null for a name, which is the same in both.",
        resolve: (edge) => hitAt(edge).match()?.lang ?? null,
      }),
      snippet: t.string({
        description: "The matched text around the match, HTML-escaped, with matched words in `<mark>…</mark>`.",
        resolve: (edge) => {
          const { match, terms } = hitAt(edge);
          return snippet(match()?.text ?? "", terms);
        },
      }),
    }),
  },
);

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchResultUnion,
      description: `Full-text search over every text of the dataset, in Swedish and English, best match first. Ignores case and diacritics (\`Lulea\` finds \`Luleå\`) and matches word prefixes of ${MIN_PREFIX} letters or more (\`export\` finds \`exportfrämjandet\`; \`ex\` finds only the word \`ex\`); every word must match somewhere in an entity's texts. Common words (\`och\`, \`the\`) are ignored.`,
      args: {
        query: t.arg.string({
          required: true,
          description: `The words to find (at most ${MAX_QUERY_LENGTH} characters).`,
        }),
        types: t.arg({ type: [SearchType], description: "Only these types of entity; all types when not given." }),
      },
      resolve: (_, args, { store }) => {
        const query = args.query.trim();
        if (!query) throw badInput("`query` must contain at least one word.");
        if (query.length > MAX_QUERY_LENGTH) {
          throw badInput(`\`query\` is ${query.length} characters long; the maximum is ${MAX_QUERY_LENGTH}.`);
        }
        const only = args.types?.flatMap((type) => kindOfType.get(type) ?? []) ?? null;
        const hits = search(store, query, only);
        const page = pageOf(args, hits.entities);
        // Each edge keeps its hit, for the edge's score, matched field and snippet.
        for (const edge of page.edges) {
          if (!edge) continue;
          const at = cursorToOffset(edge.cursor);
          const kind = hitKind(hits, at);
          kindOf.set(edge.node, kind);
          let match: SearchText | null | undefined;
          hitOf.set(edge, {
            score: hits.scores[at] ?? 0,
            terms: hits.terms,
            match: () => (match ??= bestText(kind, edge.node, hits.terms)),
          });
        }
        return page;
      },
    },
    SearchConnection,
  ),
}));
