/**
 * Filters: the shared operator inputs (`StringFilter`, `IntFilter`, `FloatFilter`), and a
 * type's filter as one table of its fields (how each filters, what of an item it reads, which
 * index serves it), from which the input type, the predicates and the candidates come.
 */
import type { IndexName, KindName, LinkField, RecordOf, UniqueField } from "../data/entities";
import type { DataStore } from "../data/store";
import { atMost, bounded, text } from "./bounds";
import { builder } from "./builder";
import { fold } from "./fold";
import { largestOf, TEXT_UNIT } from "./sizes";

/** Bounds on filter values, so a filter can never cost more than a scan of the list. */
const MAX_LIST = 100;
const MAX_TEXT = 200;
const values = bounded(atMost(MAX_LIST, "values"));

export type StringFilterInput = {
  eq?: string | null;
  ne?: string | null;
  in?: readonly string[] | null;
  nin?: readonly string[] | null;
  contains?: string | null;
};
export type NumberFilterInput = {
  eq?: number | null;
  ne?: number | null;
  in?: readonly number[] | null;
  nin?: readonly number[] | null;
  gte?: number | null;
  lte?: number | null;
};

export const StringFilter = builder.inputRef<StringFilterInput>("StringFilter").implement({
  description:
    "Conditions on a text value; all given conditions must hold. Text comparison is exact for `eq`, `ne`, `in` and `nin`; `contains` ignores case and diacritics (å, ä, ö, é match a, a, o, e). No regular expressions.",
  fields: (t) => ({
    eq: t.string({ description: "Equal to this value." }),
    ne: t.string({ description: "Not equal to this value." }),
    in: t.stringList({ description: `Equal to one of these values (at most ${MAX_LIST}).`, ...values }),
    nin: t.stringList({ description: `Equal to none of these values (at most ${MAX_LIST}).`, ...values }),
    contains: t.string({
      description: `Contains this text, ignoring case and diacritics (at most ${MAX_TEXT} characters).`,
      ...bounded(text({ max: MAX_TEXT })),
    }),
  }),
});

export const IntFilter = builder.inputRef<NumberFilterInput>("IntFilter").implement({
  description: "Conditions on a whole number; all given conditions must hold.",
  fields: (t) => ({
    eq: t.int({ description: "Equal to this value." }),
    ne: t.int({ description: "Not equal to this value." }),
    in: t.intList({ description: `Equal to one of these values (at most ${MAX_LIST}).`, ...values }),
    nin: t.intList({ description: `Equal to none of these values (at most ${MAX_LIST}).`, ...values }),
    gte: t.int({ description: "Greater than or equal to this value." }),
    lte: t.int({ description: "Less than or equal to this value." }),
  }),
});

export const FloatFilter = builder.inputRef<NumberFilterInput>("FloatFilter").implement({
  description: "Conditions on a number that may have decimals; all given conditions must hold.",
  fields: (t) => ({
    eq: t.float({ description: "Equal to this value." }),
    ne: t.float({ description: "Not equal to this value." }),
    in: t.floatList({ description: `Equal to one of these values (at most ${MAX_LIST}).`, ...values }),
    nin: t.floatList({ description: `Equal to none of these values (at most ${MAX_LIST}).`, ...values }),
    gte: t.float({ description: "Greater than or equal to this value." }),
    lte: t.float({ description: "Less than or equal to this value." }),
  }),
});

/** The value(s) of an item that a text filter reads: a record with several (a name in Swedish and English) matches when any does. */
export type TextValue = string | readonly (string | null)[] | null;

/** What a client sent for one field of a filter: a text or a number filter, as the field says. */
type Given = StringFilterInput | NumberFilterInput;

const onlyStrings = (list: readonly (string | number)[] | null | undefined) =>
  list ? list.filter((v): v is string => typeof v === "string") : null;
const onlyNumbers = (list: readonly (string | number)[] | null | undefined) =>
  list ? list.filter((v): v is number => typeof v === "number") : null;
const string = (v: string | number | null | undefined) => (typeof v === "string" ? v : null);
const number = (v: string | number | null | undefined) => (typeof v === "number" ? v : null);

/**
 * Compiles a text filter into a predicate over a record's value(s). A record with several
 * values matches `eq`/`in`/`contains` when any value does, and `ne`/`nin` when none does. A
 * missing value (null) matches only negative conditions. (GraphQL has checked the input
 * against the field's operator input; only its strings are read.)
 */
export function stringPredicate(filter: Given) {
  const eq = string(filter.eq);
  const ne = string(filter.ne);
  const contains = "contains" in filter ? filter.contains : null;
  const inList = onlyStrings(filter.in);
  const ninList = onlyStrings(filter.nin);
  const inSet = inList ? new Set(inList) : null;
  const ninSet = ninList ? new Set(ninList) : null;
  const needle = contains != null ? fold(contains) : null;
  return (value: TextValue): boolean => {
    const values = (typeof value === "string" ? [value] : (value ?? [])).filter((v): v is string => v != null);
    if (eq != null && !values.includes(eq)) return false;
    if (ne != null && values.includes(ne)) return false;
    if (inSet && !values.some((v) => inSet.has(v))) return false;
    if (ninSet && values.some((v) => ninSet.has(v))) return false;
    if (needle != null && !values.some((v) => fold(v).includes(needle))) return false;
    return true;
  };
}

/** Compiles a number filter into a predicate; a missing value matches only negative conditions. */
export function numberPredicate(filter: Given) {
  const eq = number(filter.eq);
  const ne = number(filter.ne);
  const gte = "gte" in filter ? filter.gte : null;
  const lte = "lte" in filter ? filter.lte : null;
  const inList = onlyNumbers(filter.in);
  const ninList = onlyNumbers(filter.nin);
  const inSet = inList ? new Set(inList) : null;
  const ninSet = ninList ? new Set(ninList) : null;
  return (value: number | null): boolean => {
    if (value == null) return eq == null && inSet == null && gte == null && lte == null;
    if (eq != null && value !== eq) return false;
    if (ne != null && value === ne) return false;
    if (inSet && !inSet.has(value)) return false;
    if (ninSet?.has(value)) return false;
    if (gte != null && value < gte) return false;
    if (lte != null && value > lte) return false;
    return true;
  };
}

/** The keys that an index can serve for a text filter: `eq`, or every value of `in`. */
export function indexKeys(filter: Given | null | undefined): readonly string[] | null {
  if (!filter) return null;
  const eq = string(filter.eq);
  if (eq != null) return [eq];
  return onlyStrings(filter.in);
}

export const OrderDirection = builder.enumType("OrderDirection", {
  description: "The direction of an ordering.",
  values: {
    ASC: { value: "asc", description: "Ascending: A to Ö, small to large, old to new." },
    DESC: { value: "desc", description: "Descending: Ö to A, large to small, new to old." },
  } as const,
});

/**
 * Where the items for a text filter's `eq` or `in` keys are found, instead of scanning the
 * list: the kind's id, a unique field, a link (its reverse index) or a declared index.
 */
export type FilterIndex<K extends KindName> = "id" | UniqueField<K> | LinkField<K> | IndexName<K>;

/** One field of a type's filter: how it filters, what of an item it reads, and what it means. */
export type FilterField<K extends KindName> =
  | { on: "text"; value: (item: RecordOf<K>) => TextValue; index?: FilterIndex<K>; description: string }
  | { on: "int" | "float"; value: (item: RecordOf<K>) => number | null; description: string };

/** A type's filter: its fields by name. */
export type FilterTable<K extends KindName> = Readonly<Record<string, FilterField<K>>>;

const operators = { text: StringFilter, int: IntFilter, float: FloatFilter } as const;

/**
 * The `<Type>Filter` input of a table: one operator input per field. Its TypeScript shape is
 * Pothos' (a record of operator inputs): the table, not the shape, says how each is read.
 */
export function filterInput<K extends KindName>(typeName: string, plural: string, table: FilterTable<K>) {
  return builder.inputType(`${typeName}Filter`, {
    description: `Conditions on ${plural}; all given conditions must hold.`,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(table).map(([name, row]) => [
          name,
          t.field({ type: operators[row.on], description: row.description }),
        ]),
      ),
  });
}

/** The conditions of a given filter, one per field given; all must hold. */
export function conditionsOf<K extends KindName>(
  table: FilterTable<K>,
  filter: Readonly<Record<string, Given | null | undefined>>,
): ((item: RecordOf<K>) => boolean)[] {
  const conditions: ((item: RecordOf<K>) => boolean)[] = [];
  for (const [name, row] of Object.entries(table)) {
    const given = Object.hasOwn(filter, name) ? filter[name] : null;
    if (!given) continue;
    if (row.on === "text") {
      const test = stringPredicate(given);
      conditions.push((item) => test(row.value(item)));
    } else {
      const test = numberPredicate(given);
      conditions.push((item) => test(row.value(item)));
    }
  }
  return conditions;
}

/**
 * The items an index gives for the first text field of the filter that has an index and
 * `eq` or `in` keys: one list per key (a superset of the matches), or null to scan.
 */
export function candidatesOf<K extends KindName>(
  store: DataStore,
  kind: K,
  table: FilterTable<K>,
  filter: Readonly<Record<string, Given | null | undefined>>,
): readonly (readonly RecordOf<K>[])[] | null {
  for (const [name, row] of Object.entries(table)) {
    if (row.on !== "text" || !row.index) continue;
    const given = Object.hasOwn(filter, name) ? filter[name] : null;
    const keys = indexKeys(given);
    if (!keys) continue;
    const index = row.index;
    return keys.map((key) => store.lookup(kind, index, key));
  }
  return null;
}

const lengthOf = (value: TextValue): number =>
  typeof value === "string" ? value.length : (value ?? []).reduce((sum, v) => sum + (v?.length ?? 0), 0);

/**
 * Records a filter's conditions test for one unit of cost: testing a value is a small part of
 * what resolving a field does (search, likewise, ranks 10 records for one).
 */
const TESTED_PER_COST = 10;

/**
 * What a given filter costs: its conditions test every record the filter reads (one unit for
 * every TESTED_PER_COST tests), and a `contains` reads the texts it looks in (their longest in
 * the store, in TEXT_UNITs, for every record). The records it reads are those the index gives
 * for its `eq` or `in` keys (`candidatesOf`, as `filteredList` reads them: known before
 * execution, from the variables' values), else every record of the kind.
 */
export function filterCost<K extends KindName>(kind: K, table: FilterTable<K>) {
  const textLength = new Map(
    Object.entries(table).flatMap(([name, row]) =>
      row.on === "text" ? [[name, largestOf(kind, (record) => lengthOf(row.value(record)))] as const] : [],
    ),
  );
  return (store: DataStore, filter: Readonly<Record<string, Given | null | undefined>> | null | undefined): number => {
    if (!filter) return 0;
    let conditions = 0;
    let textUnits = 0;
    for (const [name, given] of Object.entries(filter)) {
      if (!given || !Object.hasOwn(table, name)) continue;
      conditions += 1;
      const length = textLength.get(name);
      if (length && "contains" in given && given.contains != null) textUnits += Math.ceil(length(store) / TEXT_UNIT);
    }
    if (conditions === 0) return 0;
    const groups = candidatesOf(store, kind, table, filter);
    const read = groups ? groups.reduce((sum, group) => sum + group.length, 0) : store.all(kind).length;
    return Math.ceil((read * conditions) / TESTED_PER_COST) + read * textUnits;
  };
}
