import MiniSearch, { type SearchResult } from "minisearch";
import {
  articles,
  awards,
  companies,
  cooperations,
  editions,
  figures,
  interviews,
  organizations,
  people,
  quotes,
  regions,
  type LocalizedText,
} from "../data";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { badInput } from "./errors";
import { fold } from "./fold";
import { LanguageEnum, type Lang } from "./language";
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

const MAX_QUERY_LENGTH = 200;

/** The types that search covers, by GraphQL type name. */
const searchable = {
  Region: "Regions: names and seats.",
  Award: "Prizes: names and purposes.",
  AwardEdition: "Prize editions: motivations and places.",
  Company: "Companies: names and cities.",
  Interview: "Interviews: titles, introductions, questions and answers.",
  Article: "Articles: titles and text.",
  Quote: "Quotes: their words.",
  Person: "People: names and roles.",
  Organization: "Organizations: names, descriptions and facts.",
  ExportCooperation: "Export cooperations: names and facts.",
  ExportFigure: "Export figures: what they measure and notes.",
} as const;
type Kind = keyof typeof searchable;

/** One searchable text: a field of an entity in one language. */
type Doc = { id: number; kind: Kind; entity: object; field: string; lang: Lang | null; text: string; boost: number };

const kindOf = new WeakMap<object, Kind>();

function documents(): Doc[] {
  const docs: Doc[] = [];
  const add = (kind: Kind, entity: object, field: string, text: string | null | undefined, lang: Lang | null, boost = 1) => {
    if (!text) return;
    kindOf.set(entity, kind);
    docs.push({ id: docs.length, kind, entity, field, lang, text, boost });
  };
  const both = (kind: Kind, entity: object, field: string, text: LocalizedText | null, boost = 1) => {
    if (!text) return;
    add(kind, entity, field, text.sv, "sv", boost);
    add(kind, entity, field, text.en, "en", boost);
  };
  for (const r of regions) {
    both("Region", r, "name", r.name, 3);
    add("Region", r, "seat", r.seat, null, 2);
  }
  for (const a of awards) {
    both("Award", a, "name", a.name, 3);
    for (const name of a.otherEnglishNames) add("Award", a, "otherEnglishNames", name, "en", 2);
    both("Award", a, "purpose", a.purpose);
    a.facts.forEach((f) => both("Award", a, "facts", f));
  }
  for (const e of editions) {
    both("AwardEdition", e, "motivation", e.motivation);
    both("AwardEdition", e, "place", e.place);
  }
  for (const c of companies) {
    add("Company", c, "name", c.name, null, 3);
    add("Company", c, "city", c.city, null);
  }
  for (const i of interviews) {
    both("Interview", i, "title", i.title, 2);
    both("Interview", i, "intro", i.intro);
    i.questions.forEach((q, n) => {
      both("Interview", i, `questions.${n + 1}.question`, q.question);
      both("Interview", i, `questions.${n + 1}.answer`, q.answer);
    });
  }
  for (const a of articles) {
    both("Article", a, "title", a.title, 2);
    both("Article", a, "body", a.body);
  }
  for (const q of quotes) both("Quote", q, "text", q.text);
  for (const p of people) {
    add("Person", p, "name", p.name, null, 3);
    both("Person", p, "role", p.role);
  }
  for (const o of organizations) {
    add("Organization", o, "name", o.name, null, 3);
    add("Organization", o, "shortName", o.shortName, null, 3);
    add("Organization", o, "englishName", o.englishName, "en", 2);
    both("Organization", o, "description", o.description);
    o.facts.forEach((f) => both("Organization", o, "facts", f));
  }
  for (const c of cooperations) {
    both("ExportCooperation", c, "name", c.name, 3);
    c.facts.forEach((f) => both("ExportCooperation", c, "facts", f));
  }
  for (const f of figures) {
    both("ExportFigure", f, "label", f.measure.label, 2);
    both("ExportFigure", f, "note", f.note);
  }
  return docs;
}

type Index = { docs: Doc[]; mini: MiniSearch<Doc> };
let index: Index | undefined;

/** The search index, built on the first search of the isolate (not at start-up). */
function searchIndex(): Index {
  if (index) return index;
  const docs = documents();
  const mini = new MiniSearch<Doc>({
    fields: ["text"],
    storeFields: [],
    processTerm: (term) => fold(term),
    searchOptions: {
      prefix: true,
      combineWith: "AND",
      boostDocument: (id) => docs[id as number]!.boost,
    },
  });
  mini.addAll(docs);
  return (index = { docs, mini });
}

/** An entity found by a search, with the text that matched best. */
export type SearchHit = { node: object; score: number; doc: Doc; terms: string[] };

const recent = new Map<string, SearchHit[]>();

/** Entities matching a query, best first; the last few searches are kept for paging. */
export function search(query: string, kinds: readonly Kind[] | null): SearchHit[] {
  const key = `${kinds?.join(",") ?? ""}\u0000${query}`;
  const known = recent.get(key);
  if (known) return known;
  const { docs, mini } = searchIndex();
  const allowed = kinds ? new Set(kinds) : null;
  const results: SearchResult[] = mini.search(query, allowed ? { filter: (r) => allowed.has(docs[r.id as number]!.kind) } : {});
  const seen = new Set<object>();
  const hits: SearchHit[] = [];
  for (const result of results) {
    const doc = docs[result.id as number]!;
    if (seen.has(doc.entity)) continue;
    seen.add(doc.entity);
    hits.push({ node: doc.entity, score: result.score, doc, terms: result.terms });
  }
  if (recent.size >= 64) recent.delete(recent.keys().next().value!);
  recent.set(key, hits);
  return hits;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Up to about 200 characters of the matched text around the first match, HTML-escaped,
 * with each matched word in <mark>…</mark>.
 */
export function snippet(text: string, terms: readonly string[], width = 200): string {
  const wanted = new Set(terms);
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = words.filter((w) => wanted.has(fold(w[0])));
  const first = matches[0]?.index ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + width);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  let out = start > 0 ? "…" : "";
  let at = start;
  for (const m of matches) {
    const i = m.index!;
    if (i < start || i + m[0].length > end) continue;
    out += `${escapeHtml(text.slice(at, i))}<mark>${escapeHtml(m[0])}</mark>`;
    at = i + m[0].length;
  }
  out += escapeHtml(text.slice(at, end));
  return end < text.length ? `${out}…` : out;
}

const SearchType = builder.enumType("SearchType", {
  description: "A type of entity that search covers.",
  values: Object.fromEntries(Object.entries(searchable).map(([name, description]) => [name, { value: name, description }])) as {
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
        resolve: (edge) => (edge as unknown as { hit: SearchHit }).hit.score,
      }),
      matchedField: t.string({
        description: "The field whose text matched best, such as `name`, `motivation` or `questions.2.answer`.",
        resolve: (edge) => (edge as unknown as { hit: SearchHit }).hit.doc.field,
      }),
      language: t.field({
        type: LanguageEnum,
        nullable: true,
        description: "The language of the matched text; null for a name, which is the same in both.",
        resolve: (edge) => (edge as unknown as { hit: SearchHit }).hit.doc.lang,
      }),
      snippet: t.string({
        description: "The matched text around the match, HTML-escaped, with matched words in `<mark>…</mark>`.",
        resolve: (edge) => {
          const { doc, terms } = (edge as unknown as { hit: SearchHit }).hit;
          return snippet(doc.text, terms);
        },
      }),
    }),
  },
);

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchResultUnion,
      description:
        "Full-text search over every text of the dataset, in Swedish and English, best match first. Ignores case and diacritics (`Lulea` finds `Luleå`) and matches word prefixes (`export` finds `exportfrämjandet`); all words must match.",
      args: {
        query: t.arg.string({ required: true, description: `The words to find (at most ${MAX_QUERY_LENGTH} characters).` }),
        types: t.arg({ type: [SearchType], description: "Only these types of entity; all types when not given." }),
      },
      resolve: (_, args) => {
        const query = args.query.trim();
        if (!query) throw badInput("`query` must contain at least one word.");
        if (query.length > MAX_QUERY_LENGTH) {
          throw badInput(`\`query\` is ${query.length} characters long; the maximum is ${MAX_QUERY_LENGTH}.`);
        }
        const hits = search(query, args.types ?? null);
        const page = pageOf(args, hits);
        // Each edge carries its hit, for the edge's score, matched field and snippet.
        const edges = page.edges.map((edge) => edge && { ...edge, node: edge.node.node, hit: edge.node });
        return { ...page, edges } as never;
      },
    },
    SearchConnection,
  ),
}));
