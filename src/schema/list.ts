/**
 * A root list, filtered and ordered: from an index where the filter allows, else from all of
 * the kind's records; each order sorted once per store and kept.
 */
import type { KindName, RecordOf } from "../data/entities";
import type { DataStore } from "../data/store";
import { builder } from "./builder";
import {
  candidatesOf,
  conditionsOf,
  type FilterTable,
  type NumberFilterInput,
  OrderDirection,
  type StringFilterInput,
} from "./filters";

type Compare<T> = (a: T, b: T) => number;

/**
 * A type's orders, by the name of the order field (`NAME`): what it means, and how it
 * compares two records (ascending), reading the store where an order follows a link.
 */
export type Orders<K extends KindName> = Readonly<
  Record<string, { description: string; compare: (a: RecordOf<K>, b: RecordOf<K>, store: DataStore) => number }>
>;

export type OrderInput = { field: string; direction?: "asc" | "desc" | null };

/** What a client sent as a filter, field by field. */
export type GivenFilter = Readonly<Record<string, StringFilterInput | NumberFilterInput | null | undefined>>;

// Kept per list: a list belongs to one store (its `all`).
const positions = new WeakMap<readonly object[], Map<object, number>>();

function positionOf(all: readonly object[]): Map<object, number> {
  let map = positions.get(all);
  if (!map) positions.set(all, (map = new Map(all.map((item, i) => [item, i]))));
  return map;
}

/**
 * Several index lists (an `in` filter) merged into the list's default order, without
 * repeats. One index list is in that order already: the store builds its indexes in it.
 */
function mergeInOrder<T extends object>(all: readonly T[], groups: readonly (readonly T[])[]): readonly T[] {
  const [only] = groups;
  if (groups.length === 1 && only) return only;
  const position = positionOf(all);
  const at = (item: T) => position.get(item) ?? -1;
  return [...new Set(groups.flat())].sort((a, b) => at(a) - at(b));
}

function sorted<T>(list: readonly T[], compare: Compare<T>, direction: "asc" | "desc"): T[] {
  const sign = direction === "desc" ? -1 : 1;
  return [...list].sort((a, b) => sign * compare(a, b));
}

/** The filtered, ordered list of a kind's records. */
export function filteredList<K extends KindName>(
  store: DataStore,
  kind: K,
  table: FilterTable<K> | undefined,
  orders: Orders<K> | undefined,
  filter: GivenFilter | null | undefined,
  orderBy: OrderInput | null | undefined,
): readonly RecordOf<K>[] {
  const all = store.all(kind);
  const direction = orderBy?.direction ?? "asc";
  const order = orderBy && orders && Object.hasOwn(orders, orderBy.field) ? orders[orderBy.field] : undefined;
  const compare: Compare<RecordOf<K>> | undefined = order && ((a, b) => order.compare(a, b, store));
  if (!filter || !table) {
    if (!compare || !orderBy) return all;
    return store.derived(kind, `order:${orderBy.field}:${direction}`, () => sorted(all, compare, direction));
  }
  const groups = candidatesOf(store, kind, table, filter);
  const items = groups === null ? all : mergeInOrder(all, groups);
  const conditions = conditionsOf(table, filter);
  const matches = conditions.length ? items.filter((item) => conditions.every((holds) => holds(item))) : items;
  return compare ? sorted(matches, compare, direction) : matches;
}

/** An `orderBy` input for one type: a field enum and a direction. */
export function orderInput<K extends KindName>(typeName: string, orders: Orders<K>) {
  const fieldEnum = builder.enumType(`${typeName}OrderField`, {
    description: `What ${typeName} lists can be ordered by.`,
    values: Object.fromEntries(
      Object.entries(orders).map(([name, { description }]) => [name, { value: name, description }]),
    ),
  });
  return builder.inputType(`${typeName}Order`, {
    description: `An order for ${typeName} lists.`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true, description: "The field to order by." }),
      direction: t.field({
        type: OrderDirection,
        defaultValue: "asc",
        description: "Ascending (the default) or descending.",
      }),
    }),
  });
}

let collator: Intl.Collator | undefined;
/** Swedish alphabetical order (å, ä, ö after z). The collator is made on first use: ICU's start-up costs milliseconds. */
export const swedish = (a: string, b: string) => (collator ??= new Intl.Collator("sv")).compare(a, b);

export { ascii } from "../data/kind";
