import { builder } from "./builder";
import { OrderDirection } from "./filters";

type Compare<T> = (a: T, b: T) => number;

/** How a root list (`regions`, `interviews`, ...) is filtered and ordered. */
export type ListSpec<T, Filter> = {
  /** Every item, in the default order. */
  all: readonly T[];
  /** Items that an index can give for the filter (a superset of the matches), or null. */
  candidates?: (filter: Filter) => readonly (readonly T[])[] | null;
  /** The filter's conditions (null where a condition is not given); all must hold. */
  predicates: (filter: Filter) => (((item: T) => boolean) | null)[];
  /** Comparators by order field (ascending). */
  orders: Record<string, Compare<T>>;
};

export type OrderInput = { field: string; direction?: "asc" | "desc" | null };

const sortedLists = new WeakMap<object, Map<string, readonly unknown[]>>();
const positions = new WeakMap<object, Map<unknown, number>>();

function positionOf<T>(all: readonly T[]): Map<T, number> {
  let map = positions.get(all) as Map<T, number> | undefined;
  if (!map) {
    map = new Map(all.map((item, i) => [item, i]));
    positions.set(all, map);
  }
  return map;
}

/**
 * Index lists may be in another order than the list's default (articles newest first);
 * an index list is shared and stable, so its reordering is kept per isolate.
 */
const reordered = new WeakMap<object, readonly unknown[]>();
function inDefaultOrder<T>(all: readonly T[], group: readonly T[]): readonly T[] {
  let list = reordered.get(group) as readonly T[] | undefined;
  if (!list) reordered.set(group, (list = mergeInOrder(all, [group])));
  return list;
}

/** Several index lists (an `in` filter) merged into the list's default order, without repeats. */
function mergeInOrder<T>(all: readonly T[], groups: readonly (readonly T[])[]): readonly T[] {
  const position = positionOf(all);
  return [...new Set(groups.flat())].sort((a, b) => position.get(a)! - position.get(b)!);
}

function sorted<T>(list: readonly T[], compare: Compare<T>, direction: "asc" | "desc"): readonly T[] {
  const sign = direction === "desc" ? -1 : 1;
  return [...list].sort((a, b) => sign * compare(a, b));
}

/**
 * The filtered, ordered list: from an index where the filter allows, else from all items.
 * The whole list in an order is sorted once per isolate and kept.
 */
export function listOf<T, Filter>(
  spec: ListSpec<T, Filter>,
  filter: Filter | null | undefined,
  orderBy: OrderInput | null | undefined,
): readonly T[] {
  const direction = orderBy?.direction ?? "asc";
  const compare = orderBy ? spec.orders[orderBy.field] : undefined;
  if (!filter) {
    if (!compare) return spec.all;
    const key = `${orderBy!.field}:${direction}`;
    let cache = sortedLists.get(spec.all);
    if (!cache) sortedLists.set(spec.all, (cache = new Map()));
    let list = cache.get(key) as readonly T[] | undefined;
    if (!list) cache.set(key, (list = sorted(spec.all, compare, direction)));
    return list;
  }
  const groups = spec.candidates?.(filter) ?? null;
  let items: readonly T[] = spec.all;
  if (groups !== null)
    items = groups.length === 1 ? inDefaultOrder(spec.all, groups[0]!) : mergeInOrder(spec.all, groups);
  const predicates = spec.predicates(filter).filter((p) => p !== null);
  const matches = predicates.length ? items.filter((item) => predicates.every((p) => p(item))) : items;
  return compare ? sorted(matches, compare, direction) : matches;
}

/** An `orderBy` input for one type: a field enum and a direction. */
export function orderInput(typeName: string, fields: Record<string, string>) {
  const fieldEnum = builder.enumType(`${typeName}OrderField`, {
    description: `What ${typeName} lists can be ordered by.`,
    values: Object.fromEntries(
      Object.entries(fields).map(([name, description]) => [name, { value: name, description }]),
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

/** Code-point order, for codes, slugs and ISO dates (ASCII): no collator needed. */
export const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
