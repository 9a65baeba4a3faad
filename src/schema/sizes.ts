/**
 * What each field costs, declared beside it for the cost of an operation (src/graphql/cost.ts,
 * with @pothos/plugin-complexity's `complexity` option): a field costs 1, and what it selects
 * is counted once per item it can return. A list without a slicing argument declares its
 * largest size: the largest such list in the store (`listOf`, measured once per store from
 * the very function that resolves it, so the declaration cannot drift from the data); a
 * connection returns its page, at most the largest list it pages (`pagedListOf`).
 */
import type { FieldComplexityValue } from "@pothos/plugin-complexity";
import { type KindName, kindNames, type RecordOf } from "../data/entities";
import type { DataStore } from "../data/store";
import type { Context } from "./builder";
import { DEFAULT_PAGE_SIZE } from "./page-size";

/** A number measured from a store (a list's largest size, a text's cost), once per store. */
export type Measure = (store: DataStore) => number;

// Per store: a size is measured once per store and declaration (a fixed set: the schema's).
const measured = new WeakMap<DataStore, Map<Measure, number>>();

/** The largest `size` over every record of `kind`, measured on its first use in a store. */
export function largestOf<K extends KindName>(kind: K, size: (record: RecordOf<K>, store: DataStore) => number) {
  const measure: Measure = (store) => {
    let sizes = measured.get(store);
    if (!sizes) measured.set(store, (sizes = new Map()));
    let most = sizes.get(measure);
    if (most === undefined) {
      most = 0;
      for (const record of store.all(kind)) most = Math.max(most, size(record, store));
      sizes.set(measure, most);
    }
    return most;
  };
  return measure;
}

/** What a field that returns up to `items` items costs: 1, and its selection `items` times. */
export const listCost = (items: number): FieldComplexityValue => ({ field: 1, multiplier: items });

/**
 * A list field of a record of `kind` without a slicing argument: its resolver and its cost, from
 * one function (`neighbours: t.field({ type: [Region], ...listOf("region", (r, store) =>
 * store.neighboursOf(r.isoCode)) })`).
 */
export function listOf<K extends KindName, L extends readonly unknown[] | null>(
  kind: K,
  list: (record: RecordOf<K>, store: DataStore) => L,
) {
  const largest = largestOf(kind, (record, store) => list(record, store)?.length ?? 0);
  return {
    resolve: (record: RecordOf<K>, _args: object, { store }: Context): L => list(record, store),
    complexity: (_args: object, { store }: Context) => listCost(largest(store)),
  };
}

/** The most sources any record has: what a `sources` field declares. */
export const largestSources: Measure = (() => {
  const perKind = kindNames.map((kind) =>
    largestOf(kind, (record: { sources?: readonly unknown[] }) => record.sources?.length ?? 0),
  );
  return (store: DataStore) => Math.max(0, ...perKind.map((measure) => measure(store)));
})();

/** Characters of text that cost as much as a field: a long text costs its length (both languages) in these. */
export const TEXT_UNIT = 256;

/**
 * What a long text field of `kind` costs: its longest text in the store (both languages, the
 * longest of `texts` of any record), one for every TEXT_UNIT characters. (`Article.body` costs
 * its body, not 1: the answer's bytes and the time to write them grow with it.)
 */
export function longText<K extends KindName>(
  kind: K,
  texts: (record: RecordOf<K>) => readonly ({ sv: string; en: string } | null)[],
): Measure {
  const longest = largestOf(kind, (record) =>
    Math.max(0, ...texts(record).map((text) => (text ? text.sv.length + text.en.length : 0))),
  );
  return (store) => Math.max(1, Math.ceil(longest(store) / TEXT_UNIT));
}

type PageArgs = { first?: number | null; last?: number | null };

/** How many items a page can hold: its `first` or `last` (the smaller, given both), else the default size. */
export function pageSize({ first, last }: PageArgs): number {
  if (first == null && last == null) return DEFAULT_PAGE_SIZE;
  return Math.min(first ?? Number.POSITIVE_INFINITY, last ?? Number.POSITIVE_INFINITY);
}

/**
 * What a connection costs for each item of its page beside what the item's selection costs:
 * its edge and cursor, made for every item whatever the selection (about 3 fields' time).
 */
export const EDGE_COST = 3;

/**
 * A connection's cost: `field` (what finding its list costs), an edge for each item of its page
 * (at most `largest`, the longest list it pages), and its selection once per item.
 */
export function pageCost(args: PageArgs, largest: number, field = 1): FieldComplexityValue {
  const items = Math.max(0, Math.min(pageSize(args), largest));
  return { field: field + EDGE_COST * items, multiplier: items };
}
