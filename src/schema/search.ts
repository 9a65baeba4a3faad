import { cursorToOffset } from "@pothos/plugin-relay";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { badInput } from "./errors";
import { LanguageEnum } from "./language";
import {
  ArticleRef,
  AwardEditionRef,
  AwardRef,
  CompanyRef,
  ExportCooperationRef,
  ExportFigureRef,
  InterviewRef,
  OrganizationRef,
  PersonRef,
  QuoteRef,
  RegionRef,
} from "./refs";
import { bestText, hitKind, type Kind, MIN_PREFIX, type SearchText, search, searchable, snippet } from "./search-index";

const MAX_QUERY_LENGTH = 200;

/** The kind of each entity that a search returned, for the union's `resolveType`. */
const kindOf = new WeakMap<object, Kind>();

/** One edge's search result: what matched is found only when a field asks for it. */
type Hit = { score: number; match: () => SearchText | null; terms: readonly string[] };

const SearchType = builder.enumType("SearchType", {
  description: "A type of entity that search covers.",
  values: Object.fromEntries(
    Object.entries(searchable).map(([name, description]) => [name, { value: name, description }]),
  ) as {
    [K in Kind]: { value: K; description: string };
  },
});

const SearchResultUnion = builder.unionType("SearchResult", {
  description: "An entity that a search found.",
  types: [
    RegionRef,
    AwardRef,
    AwardEditionRef,
    CompanyRef,
    InterviewRef,
    ArticleRef,
    QuoteRef,
    PersonRef,
    OrganizationRef,
    ExportCooperationRef,
    ExportFigureRef,
  ],
  resolveType: (entity) => kindOf.get(entity)!,
});

const SearchConnection = builder.connectionObject(
  {
    type: SearchResultUnion,
    name: "SearchConnection",
    description: "A page of search results, best match first.",
    fields: (t) => ({
      totalCount: t.int({
        description: "How many entities match, in all pages together.",
        resolve: (c) => (c as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  {
    name: "SearchEdge",
    description: "One search result: the entity, and where and how well it matched.",
    fields: (t) => ({
      score: t.float({
        description: "Relevance: higher is better. Only comparable within one search.",
        resolve: (edge) => (edge as unknown as { hit: Hit }).hit.score,
      }),
      matchedField: t.string({
        description: "The field whose text matched best, such as `name`, `motivation` or `questions.2.answer`.",
        resolve: (edge) => (edge as unknown as { hit: Hit }).hit.match()?.field ?? "",
      }),
      language: t.field({
        type: LanguageEnum,
        nullable: true,
        description: "The language of the matched text; null for a name, which is the same in both.",
        resolve: (edge) => (edge as unknown as { hit: Hit }).hit.match()?.lang ?? null,
      }),
      snippet: t.string({
        description: "The matched text around the match, HTML-escaped, with matched words in `<mark>…</mark>`.",
        resolve: (edge) => {
          const { match, terms } = (edge as unknown as { hit: Hit }).hit;
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
      resolve: (_, args) => {
        const query = args.query.trim();
        if (!query) throw badInput("`query` must contain at least one word.");
        if (query.length > MAX_QUERY_LENGTH) {
          throw badInput(`\`query\` is ${query.length} characters long; the maximum is ${MAX_QUERY_LENGTH}.`);
        }
        const hits = search(query, args.types ?? null);
        const page = pageOf(args, hits.entities);
        // Each edge carries its hit, for the edge's score, matched field and snippet.
        const edges = page.edges.map((edge) => {
          if (!edge) return edge;
          const at = cursorToOffset(edge.cursor);
          const kind = hitKind(hits, at);
          kindOf.set(edge.node, kind);
          let match: SearchText | null | undefined;
          const hit: Hit = {
            score: hits.scores[at]!,
            terms: hits.terms,
            match: () => (match ??= bestText(kind, edge.node, hits.terms)),
          };
          return { ...edge, hit };
        });
        return { ...page, edges } as never;
      },
    },
    SearchConnection,
  ),
}));
