// The search index of a store: one MiniSearch document per record of every kind whose
// declaration says what search finds of it (src/data/entities.ts), and what matched, found
// afterwards for the results actually shown.
import MiniSearch from "minisearch";
import { type KindName, kindNames, kinds } from "../data/entities";
import type { SearchTexts, Weight as WeightName } from "../data/kind";
import type { Lang } from "../data/kit";
import type { DataStore } from "../data/store";
import { fold } from "./fold";
import { stopWords } from "./search-stopwords";

/** A declaration as search reads it, for any kind (its `texts` takes that kind's records). */
interface Searchable {
  type: string;
  search?: { description: string; texts(record: object, add: SearchTexts): void };
}
const searchOf = (kind: KindName) => {
  const declared: Searchable = kinds[kind];
  return declared.search;
};

/** The kinds that search covers, in the order of their declarations. */
export const searchKinds: readonly KindName[] = kindNames.filter((kind) => searchOf(kind));

/** The GraphQL type names that search covers, with what of each it searches. */
export const searchable: Readonly<Record<string, string>> = Object.fromEntries(
  searchKinds.map((kind) => [kinds[kind].type, searchOf(kind)?.description ?? ""]),
);

/** How much a match in a text counts: a name most, then titles, then any other text. */
const Weight = { text: 1, title: 2, name: 3 } as const;
type Weight = (typeof Weight)[WeightName];
/** The index fields of names and titles are boosted by their weight. */
const boost = { names: Weight.name, titles: Weight.title };

/** One searchable text of a record: a field in one language (null for a name, the same in both). */
export type SearchText = { field: string; lang: Lang | null; text: string; weight: Weight };

/** Every searchable text of a record, in the record's own order, as the kind declares them. */
function eachText(kind: KindName, record: object, add: (text: SearchText) => void): void {
  const one: SearchTexts["one"] = (field, text, lang, weight = "text") => {
    if (text) add({ field, lang, text, weight: Weight[weight] });
  };
  searchOf(kind)?.texts(record, {
    one,
    both: (field, text, weight) => {
      if (!text) return;
      one(field, text.sv, "sv", weight);
      one(field, text.en, "en", weight);
    },
  });
}

/** The record's texts, each with its field, language and weight. The index does not keep them. */
export function textsOfEntity(kind: KindName, record: object): SearchText[] {
  const texts: SearchText[] = [];
  eachText(kind, record, (text) => texts.push(text));
  return texts;
}

/** What MiniSearch indexes of one record: its texts joined per weight, already folded. */
type Document = { id: number; names: string; titles: string; text: string };

type Index = {
  mini: MiniSearch<Document>;
  /** Record by document id. */
  entities: object[];
  /** Kind (index into `searchKinds`) by document id. */
  kinds: Uint8Array;
};
const indexes = new WeakMap<DataStore, Index>();

/** MiniSearch's options: the same when the index is built (ahead of time) and when it is loaded. */
export const indexOptions = () => ({
  fields: ["names", "titles", "text"],
  storeFields: [],
  processTerm: indexTerm,
  searchOptions: { prefix: isPrefix, combineWith: "AND" as const, boost, processTerm: queryTerm },
});

/**
 * Builds the search index of a store: one document per record, its texts joined per weight
 * and folded (so their terms need no more than the stop words). Document ids are positions in
 * `searchKinds`' records, in order. scripts/search-index.ts runs this ahead of time for the
 * bundled dataset; any other store runs it on its first search.
 */
export function buildSearchIndex(store: DataStore): MiniSearch<Document> {
  const mini = new MiniSearch<Document>(indexOptions());
  let id = 0;
  for (const kind of searchKinds) {
    for (const record of store.all(kind)) {
      const parts: Record<Weight, string[]> = { [Weight.name]: [], [Weight.title]: [], [Weight.text]: [] };
      eachText(kind, record, ({ text, weight }) => parts[weight].push(text));
      mini.add({
        id,
        names: fold(parts[Weight.name].join("\n")),
        titles: fold(parts[Weight.title].join("\n")),
        text: fold(parts[Weight.text].join("\n")),
      });
      id++;
    }
  }
  return mini;
}

/**
 * A store's search index, on its first search (not at start-up): the prebuilt one it was
 * created with, or one built here. A prebuilt index of other data is a build that skipped
 * `scripts/search-index.ts`: an error, not a silent rebuild.
 */
function searchIndex(store: DataStore): Index {
  const known = indexes.get(store);
  if (known) return known;
  const entities: object[] = [];
  const kindAt: number[] = [];
  searchKinds.forEach((kind, k) => {
    for (const record of store.all(kind)) {
      entities.push(record);
      kindAt.push(k);
    }
  });
  const prebuilt = store.prebuiltSearchIndex;
  if (prebuilt && prebuilt.datasetVersion !== store.datasetVersion) {
    throw new Error(
      `the prebuilt search index is of dataset ${prebuilt.datasetVersion}, not ${store.datasetVersion}: run scripts/search-index.ts`,
    );
  }
  const mini = prebuilt ? MiniSearch.loadJSON<Document>(prebuilt.json(), indexOptions()) : buildSearchIndex(store);
  const index = { mini, entities, kinds: Uint8Array.from(kindAt) };
  indexes.set(store, index);
  return index;
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
  const tokenize: (text: string) => string[] = MiniSearch.getDefault("tokenize");
  return [
    ...new Set(
      tokenize(query)
        .map(queryTerm)
        .filter((term): term is string => !!term),
    ),
  ];
}

/** The records matching a query, best first, as parallel lists. */
export type SearchHits = {
  entities: object[];
  /** Index into `searchKinds` of each record's kind (`hitKind` names it). */
  kinds: Uint8Array;
  scores: Float64Array;
  terms: string[];
};

/** The kind of the hit at `at`. */
export function hitKind(hits: SearchHits, at: number): KindName {
  const kind = searchKinds[hits.kinds[at] ?? -1];
  if (!kind) throw new Error(`no search hit at ${at}`);
  return kind;
}

/**
 * The last searches of a store, for paging through them: at most this many, and at most this
 * many hits in all (a hit costs about 17 bytes: a common word at 1000× the data matches 7000
 * records).
 */
const RECENT_SEARCHES = 64;
const RECENT_HITS = 100_000;
type Recent = { searches: Map<string, SearchHits>; hits: number };
const recentOf = new WeakMap<DataStore, Recent>();

/**
 * Records matching a query, best first; the last few searches of the store are kept for
 * paging, by the words the index sees (so `Luleå`, ` lulea` and `LULEA` are one search).
 */
export function search(store: DataStore, query: string, only: readonly KindName[] | null): SearchHits {
  let recent = recentOf.get(store);
  if (!recent) recentOf.set(store, (recent = { searches: new Map(), hits: 0 }));
  const terms = queryTerms(query);
  const key = `${only?.join(",") ?? ""}\u0000${terms.join(" ")}`;
  const known = recent.searches.get(key);
  if (known) return known;
  const { mini, entities, kinds: kindAt } = searchIndex(store);
  const allowed = only ? new Set(only.map((kind) => searchKinds.indexOf(kind))) : null;
  // The words as the index sees them: the same search whatever the query's case, spacing or repeats.
  const kindOfDocument = (id: unknown) => (typeof id === "number" ? (kindAt[id] ?? -1) : -1);
  const results = mini.search(terms.join(" "), allowed ? { filter: (r) => allowed.has(kindOfDocument(r.id)) } : {});
  const hits: SearchHits = {
    entities: results.map((r) => {
      const record = entities[Number(r.id)];
      if (!record) throw new Error(`the search index has a document ${r.id} that its store has not`);
      return record;
    }),
    kinds: Uint8Array.from(results, (r) => kindOfDocument(r.id)),
    scores: Float64Array.from(results, (r) => r.score),
    terms,
  };
  recent.searches.set(key, hits);
  recent.hits += results.length;
  while (recent.searches.size > RECENT_SEARCHES || (recent.hits > RECENT_HITS && recent.searches.size > 1)) {
    const oldest = recent.searches.entries().next().value;
    if (!oldest) break;
    recent.searches.delete(oldest[0]);
    recent.hits -= oldest[1].entities.length;
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
 * The text of a record that matched best: the one with the most query terms, then the
 * heaviest (names before titles before other text), then the one with most matching words
 * for its length, a whole word counting more than a prefix (as in MiniSearch's scores).
 * Null when no single word matches (the index split a word differently).
 */
export function bestText(kind: KindName, record: object, terms: readonly string[]): SearchText | null {
  let best: { text: SearchText; rank: number[] } | null = null;
  const found = new Uint8Array(terms.length);
  // Heaviest first: once a text has every term, no lighter text can rank above it, and the
  // long texts (interview answers, article bodies) are left unread.
  const texts = textsOfEntity(kind, record).sort((a, b) => b.weight - a.weight);
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
      terms.forEach((term, t) => {
        if (!matches(word, term)) return;
        prefix = true;
        if (word.length === term.length) whole = true;
        if (!found[t]) {
          found[t] = 1;
          foundCount++;
        }
      });
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
  return i >= 0 && (a[i] ?? 0) > (b[i] ?? 0);
};

const htmlEntities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);

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
