// The search index: one MiniSearch document per entity, and what matched, found afterwards
// for the results actually shown.
import MiniSearch from "minisearch";
import {
  type Article,
  type Award,
  type AwardEdition,
  articles,
  awards,
  type Company,
  companies,
  cooperations,
  datasetVersion,
  type ExportCooperation,
  type ExportFigure,
  editions,
  figures,
  type Interview,
  interviews,
  type LocalizedText,
  type Organization,
  organizations,
  type Person,
  people,
  type Quote,
  quotes,
  type Region,
  regions,
} from "../data";
import * as prebuilt from "../generated/search-index";
import { fold } from "./fold";
import type { Lang } from "./language";
import { stopWords } from "./search-stopwords";

/** The types that search covers, by GraphQL type name, with what of each it searches. */
export const searchable = {
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
export type Kind = keyof typeof searchable;

/** How much a match in a text counts: a name most, then titles, then any other text. */
const Weight = { Text: 1, Title: 2, Name: 3 } as const;
type Weight = (typeof Weight)[keyof typeof Weight];
/** The index field of each weight; its boost is the weight. */
const fieldOf = { [Weight.Name]: "names", [Weight.Title]: "titles", [Weight.Text]: "text" } as const;
const boost = { names: Weight.Name, titles: Weight.Title };

/** One searchable text of an entity: a field in one language (null for a name, the same in both). */
export type SearchText = { field: string; lang: Lang | null; text: string; weight: Weight };
type Add = (field: string, text: string | null | undefined, lang: Lang | null, weight?: Weight) => void;
type Both = (field: string, text: LocalizedText | null, weight?: Weight) => void;

/**
 * Every searchable text of an entity, in the entity's own order. The texts are not kept by
 * the index: they are read again from the entity for the results shown.
 */
const textsOf: { [K in Kind]: (entity: never, add: Add, both: Both) => void } = {
  Region: (r: Region, add, both) => {
    both("name", r.name, Weight.Name);
    add("seat", r.seat, null, Weight.Title);
  },
  Award: (a: Award, add, both) => {
    both("name", a.name, Weight.Name);
    for (const name of a.otherEnglishNames) add("otherEnglishNames", name, "en", Weight.Title);
    both("purpose", a.purpose);
    for (const fact of a.facts) both("facts", fact);
  },
  AwardEdition: (e: AwardEdition, _, both) => {
    both("motivation", e.motivation);
    both("place", e.place);
  },
  Company: (c: Company, add) => {
    add("name", c.name, null, Weight.Name);
    add("city", c.city, null);
  },
  Interview: (i: Interview, _, both) => {
    both("title", i.title, Weight.Title);
    both("intro", i.intro);
    i.questions.forEach((q, n) => {
      both(`questions.${n + 1}.question`, q.question);
      both(`questions.${n + 1}.answer`, q.answer);
    });
  },
  Article: (a: Article, _, both) => {
    both("title", a.title, Weight.Title);
    both("body", a.body);
  },
  Quote: (q: Quote, _, both) => both("text", q.text),
  Person: (p: Person, add, both) => {
    add("name", p.name, null, Weight.Name);
    both("role", p.role);
  },
  Organization: (o: Organization, add, both) => {
    add("name", o.name, null, Weight.Name);
    add("shortName", o.shortName, null, Weight.Name);
    add("englishName", o.englishName, "en", Weight.Title);
    both("description", o.description);
    for (const fact of o.facts) both("facts", fact);
  },
  ExportCooperation: (c: ExportCooperation, _, both) => {
    both("name", c.name, Weight.Name);
    for (const fact of c.facts) both("facts", fact);
  },
  ExportFigure: (f: ExportFigure, _, both) => {
    both("label", f.measure.label, Weight.Title);
    both("note", f.note);
  },
};

const collections: { [K in Kind]: readonly object[] } = {
  Region: regions,
  Award: awards,
  AwardEdition: editions,
  Company: companies,
  Interview: interviews,
  Article: articles,
  Quote: quotes,
  Person: people,
  Organization: organizations,
  ExportCooperation: cooperations,
  ExportFigure: figures,
};
const kindNames = Object.keys(searchable) as Kind[];

function eachText(kind: Kind, entity: object, add: Add): void {
  const both: Both = (field, text, weight = Weight.Text) => {
    if (!text) return;
    add(field, text.sv, "sv", weight);
    add(field, text.en, "en", weight);
  };
  (textsOf[kind] as (entity: object, add: Add, both: Both) => void)(entity, add, both);
}

/** The entity's texts, each with its field, language and weight. */
export function textsOfEntity(kind: Kind, entity: object): SearchText[] {
  const texts: SearchText[] = [];
  eachText(kind, entity, (field, text, lang, weight: Weight = Weight.Text) => {
    if (text) texts.push({ field, lang, text, weight });
  });
  return texts;
}

/** What MiniSearch indexes of one entity: its texts joined per weight, already folded. */
type Document = { id: number; names: string; titles: string; text: string };

type Index = {
  mini: MiniSearch<Document>;
  /** Entity by document id. */
  entities: object[];
  /** Kind (index into `kindNames`) by document id. */
  kinds: Uint8Array;
};
let index: Index | undefined;

/** MiniSearch's options: the same when the index is built (at install) and when it is loaded. */
const indexOptions = () => ({
  fields: ["names", "titles", "text"],
  storeFields: [],
  processTerm: indexTerm,
  searchOptions: { prefix: isPrefix, combineWith: "AND" as const, boost, processTerm: queryTerm },
});

/**
 * Builds the search index of the bundled dataset: one document per entity, its texts joined
 * per weight and folded (so their terms need no more than the stop words). Document ids are
 * positions in `kindNames`' collections, in order. `npm run search-index` runs this ahead of
 * time; an isolate runs it only when that index was built from other data.
 */
export function buildSearchIndex(): MiniSearch<Document> {
  const mini = new MiniSearch<Document>(indexOptions());
  let id = 0;
  for (const kind of kindNames) {
    for (const entity of collections[kind]) {
      const parts: Record<Weight, string[]> = { [Weight.Name]: [], [Weight.Title]: [], [Weight.Text]: [] };
      eachText(kind, entity, (_, text, __, weight: Weight = Weight.Text) => {
        if (text) parts[weight].push(text);
      });
      const document = { id } as Document;
      for (const weight of [Weight.Name, Weight.Title, Weight.Text])
        document[fieldOf[weight]] = fold(parts[weight].join("\n"));
      mini.add(document);
      id++;
    }
  }
  return mini;
}

/**
 * The search index, on the first search of the isolate (not at start-up): loaded from the
 * one `npm run search-index` built from this dataset, or built here if the data changed since
 * or the index was too large to ship (scripts/search-index.ts).
 */
function searchIndex(): Index {
  if (index) return index;
  const entities = kindNames.flatMap((kind) => collections[kind]);
  const kinds = new Uint8Array(entities.length);
  let at = 0;
  kindNames.forEach((kind, k) => {
    kinds.fill(k, at, (at += collections[kind].length));
  });
  const mini =
    prebuilt.datasetVersion === datasetVersion
      ? MiniSearch.loadJSON<Document>(prebuilt.json(), indexOptions())
      : buildSearchIndex();
  return (index = { mini, entities, kinds });
}

/**
 * Words this long or longer match as prefixes (`export` finds `exportfrämjandet`); shorter
 * ones match whole words only. A one- or two-letter prefix matches most of the index's
 * terms, and their union costs milliseconds per thousand documents for a useless answer.
 */
export const MIN_PREFIX = 3;
const isPrefix = (term: string) => term.length >= MIN_PREFIX;
/** Whether a folded word matches a query term, as the index matches them. */
const matches = (word: string, term: string) => (isPrefix(term) ? word.startsWith(term) : word === term);

/** A term of an already folded text, or null for a stop word. */
const indexTerm = (term: string) => (stopWords.has(term) ? null : term);
const queryTerm = (term: string) => indexTerm(fold(term));

/** The words of a query as the index sees them: tokenized like the texts, folded, no stop words. */
export function queryTerms(query: string): string[] {
  const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
  return [
    ...new Set(
      tokenize(query)
        .map(queryTerm)
        .filter((term): term is string => !!term),
    ),
  ];
}

/** The entities matching a query, best first, as parallel lists. */
export type SearchHits = {
  entities: object[];
  /** Index into `kindNames` of each entity's kind (`hitKind` names it). */
  kinds: Uint8Array;
  scores: Float64Array;
  terms: string[];
};

/** The kind of the hit at `at`. */
export const hitKind = (hits: SearchHits, at: number): Kind => kindNames[hits.kinds[at]!]!;

/**
 * The last searches, for paging through them: at most this many, and at most this many hits
 * in all (a hit costs about 17 bytes: a common word at 1000× the data matches 7000 entities).
 */
const RECENT_SEARCHES = 64;
const RECENT_HITS = 100_000;
const recent = new Map<string, SearchHits>();
let recentHits = 0;

/**
 * Entities matching a query, best first; the last few searches are kept for paging, by the
 * words the index sees (so `Luleå`, ` lulea` and `LULEA` are one search).
 */
export function search(query: string, only: readonly Kind[] | null): SearchHits {
  const terms = queryTerms(query);
  const key = `${only?.join(",") ?? ""}\u0000${terms.join(" ")}`;
  const known = recent.get(key);
  if (known) return known;
  const { mini, entities, kinds } = searchIndex();
  const allowed = only ? new Set(only.map((kind) => kindNames.indexOf(kind))) : null;
  // The words as the index sees them: the same search whatever the query's case, spacing or repeats.
  const results = mini.search(terms.join(" "), allowed ? { filter: (r) => allowed.has(kinds[r.id as number]!) } : {});
  const hits: SearchHits = {
    entities: results.map((r) => entities[r.id as number]!),
    kinds: Uint8Array.from(results, (r) => kinds[r.id as number]!),
    scores: Float64Array.from(results, (r) => r.score),
    terms,
  };
  recent.set(key, hits);
  recentHits += results.length;
  while (recent.size > RECENT_SEARCHES || (recentHits > RECENT_HITS && recent.size > 1)) {
    const [oldest, dropped] = recent.entries().next().value!;
    recent.delete(oldest);
    recentHits -= dropped.entities.length;
  }
  return hits;
}

const WORD = /[\p{L}\p{N}]+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Whether a word of a text (not yet folded) matches any query term. */
const matchesAny = (word: string, terms: readonly string[]) => {
  const folded = fold(word);
  return terms.some((term) => matches(folded, term));
};

/**
 * The text of an entity that matched best: the one with the most query terms, then the
 * heaviest (names before titles before other text), then the one with most matching words
 * for its length, a whole word counting more than a prefix (as in MiniSearch's scores).
 * Null when no single word matches (the index split a word differently).
 */
export function bestText(kind: Kind, entity: object, terms: readonly string[]): SearchText | null {
  let best: { text: SearchText; rank: number[] } | null = null;
  const found = new Uint8Array(terms.length);
  // Heaviest first: once a text has every term, no lighter text can rank above it, and the
  // long texts (interview answers, article bodies) are left unread.
  const texts = textsOfEntity(kind, entity).sort((a, b) => b.weight - a.weight);
  for (const text of texts) {
    if (best && best.rank[0] === terms.length && text.weight < best.text.weight) break;
    // Folded once per text: only the snippet needs the words' places in the original.
    const folded = fold(text.text);
    // A word can start with a term only where the text contains it: most texts do not.
    if (!terms.some((term) => folded.includes(term))) continue;
    found.fill(0);
    let foundCount = 0;
    let words = 0;
    let matching = 0;
    for (const word of folded.split(NOT_WORD)) {
      if (!word) continue;
      words++;
      let prefix = false;
      let whole = false;
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t]!;
        if (!matches(word, term)) continue;
        prefix = true;
        if (word.length === term.length) whole = true;
        if (!found[t]) {
          found[t] = 1;
          foundCount++;
        }
      }
      if (prefix) matching += whole ? 1 : 0.5;
    }
    if (!foundCount) continue;
    const rank = [foundCount, text.weight, matching / words];
    if (!best || isBetter(rank, best.rank)) best = { text, rank };
  }
  return best?.text ?? null;
}

const isBetter = (a: readonly number[], b: readonly number[]) => {
  const i = a.findIndex((value, n) => value !== b[n]);
  return i >= 0 && a[i]! > b[i]!;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Up to about 200 characters of the matched text around the first match, HTML-escaped,
 * with each word that a query term matches (folded, as the index matches them) in <mark>…</mark>.
 */
export function snippet(text: string, terms: readonly string[], width = 200): string {
  const isMatch = (word: string) => matchesAny(word, terms);
  let first = 0;
  for (const m of text.matchAll(WORD)) {
    if (isMatch(m[0])) {
      first = m.index;
      break;
    }
  }
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + width);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  let out = start > 0 ? "…" : "";
  let at = start;
  // Only the words inside the snippet are folded and compared.
  for (const m of text.matchAll(WORD)) {
    const i = m.index;
    if (i < start) continue;
    if (i + m[0].length > end) break;
    if (!isMatch(m[0])) continue;
    out += `${escapeHtml(text.slice(at, i))}<mark>${escapeHtml(m[0])}</mark>`;
    at = i + m[0].length;
  }
  out += escapeHtml(text.slice(at, end));
  return end < text.length ? `${out}…` : out;
}
