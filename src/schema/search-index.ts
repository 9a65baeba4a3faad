// The search index of a store: one MiniSearch document per record of every kind whose
// declaration says what search finds of it (src/data/entities.ts), and the search itself.
// What matched in a hit is found afterwards, for the hits shown only (./search-match.ts).
import MiniSearch from "minisearch";
import type { KindName } from "../data/entities";
import type { DataStore } from "../data/store";
import type { Space } from "../memory";
import { fold } from "./fold";
import { loadCompact, serializeCompact } from "./search-index-compact";
import { stopWords } from "./search-stopwords";
import { searchKinds, textsOf, Weight } from "./search-texts";

export { searchable, searchKinds } from "./search-texts";

/**
 * How much more a match in a name or a title counts than one in other text. Names count 5
 * (more than their weight of 3), so that a record's own name outranks the records that only
 * link to it: at 3, `Norrbotten` put the export cooperation and the organization Region Norrbotten
 * above the region (test/search-quality.ts).
 */
const boost = { names: 5, titles: Weight.title };

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
      for (const { text, weight } of textsOf(store, kind, record)) parts[weight].push(text);
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

/** The compact JSON of an index `buildSearchIndex` built (scripts/search-index.ts writes it). */
export const serializeSearchIndex = (mini: MiniSearch<Document>): string => serializeCompact(mini);
/** The index `serializeSearchIndex` wrote: loads at a fraction of MiniSearch's JSON's cost (./search-index-compact.ts). */
export const loadSearchIndex = (json: string): MiniSearch<Document> => loadCompact(json, indexOptions());

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
  const mini = prebuilt ? loadSearchIndex(prebuilt.json()) : buildSearchIndex(store);
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
export const isPrefix = (term: string) => term.length >= MIN_PREFIX;
/** Whether a folded word matches a query term, as the index matches them. */
export const matches = (word: string, term: string) => (isPrefix(term) ? word.startsWith(term) : word === term);

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
 * What a kept search is accounted in the memory budget: per hit a record's reference, its kind
 * and its score (8 + 1 + 8 bytes, and the arrays' slack), and the key and terms as UTF-16.
 */
const KEPT_SEARCH_BYTES = 256;
const KEPT_HIT_BYTES = 24;

/**
 * Records matching a query, best first. Searches are kept in `recent` (a space of the isolate's
 * memory budget, least recently used out first) for paging through them, by the words the index
 * sees (so `Luleå`, ` lulea` and `LULEA` are one search).
 */
export function search(
  store: DataStore,
  query: string,
  only: readonly KindName[] | null,
  recent: Space<SearchHits>,
): SearchHits {
  const terms = queryTerms(query);
  // No `types` (every kind) and `types: []` (none) are two searches: "*" is no kind's name.
  const key = `${only === null ? "*" : only.join(",")}\u0000${terms.join(" ")}`;
  const known = recent.get(key);
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
  recent.set(key, hits, KEPT_SEARCH_BYTES + 4 * key.length + KEPT_HIT_BYTES * results.length);
  return hits;
}

/** How many records search covers in a store: the most results one search can have. */
export const searchableCount = (store: DataStore): number =>
  searchKinds.reduce((count, kind) => count + store.all(kind).length, 0);
