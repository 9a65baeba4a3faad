import { builder } from "./builder";
import { badInput } from "./errors";
import { fold } from "./fold";

/** Bounds on filter values, so a filter can never cost more than a scan of the list. */
const MAX_LIST = 100;
const MAX_TEXT = 200;

export type StringFilterInput = {
  eq?: string | null;
  ne?: string | null;
  in?: readonly string[] | null;
  nin?: readonly string[] | null;
  contains?: string | null;
};
export type IntFilterInput = {
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
    in: t.stringList({ description: `Equal to one of these values (at most ${MAX_LIST}).` }),
    nin: t.stringList({ description: `Equal to none of these values (at most ${MAX_LIST}).` }),
    contains: t.string({
      description: `Contains this text, ignoring case and diacritics (at most ${MAX_TEXT} characters).`,
    }),
  }),
});

export const IntFilter = builder.inputRef<IntFilterInput>("IntFilter").implement({
  description: "Conditions on a whole number; all given conditions must hold.",
  fields: (t) => ({
    eq: t.int({ description: "Equal to this value." }),
    ne: t.int({ description: "Not equal to this value." }),
    in: t.intList({ description: `Equal to one of these values (at most ${MAX_LIST}).` }),
    nin: t.intList({ description: `Equal to none of these values (at most ${MAX_LIST}).` }),
    gte: t.int({ description: "Greater than or equal to this value." }),
    lte: t.int({ description: "Less than or equal to this value." }),
  }),
});

function checkBounds(filter: StringFilterInput | IntFilterInput, field: string) {
  for (const key of ["in", "nin"] as const) {
    const list = filter[key];
    if (list && list.length > MAX_LIST) {
      throw badInput(`Filter \`${field}.${key}\` has ${list.length} values; the maximum is ${MAX_LIST}.`);
    }
  }
  const contains = (filter as StringFilterInput).contains;
  if (contains != null && contains.length > MAX_TEXT) {
    throw badInput(`Filter \`${field}.contains\` is ${contains.length} characters long; the maximum is ${MAX_TEXT}.`);
  }
}

/**
 * Compiles a text filter into a predicate over a record's value(s). A record with several
 * values (a name in Swedish and English) matches `eq`/`in`/`contains` when any value does,
 * and `ne`/`nin` when none does. A missing value (null) matches only negative conditions.
 */
export function stringPredicate(filter: StringFilterInput | null | undefined, field: string) {
  if (!filter) return null;
  checkBounds(filter, field);
  const { eq, ne, contains } = filter;
  const inSet = filter.in ? new Set(filter.in) : null;
  const ninSet = filter.nin ? new Set(filter.nin) : null;
  const needle = contains != null ? fold(contains) : null;
  return (value: string | readonly (string | null)[] | null | undefined): boolean => {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => v != null);
    if (eq != null && !values.includes(eq)) return false;
    if (ne != null && values.includes(ne)) return false;
    if (inSet && !values.some((v) => inSet.has(v))) return false;
    if (ninSet && values.some((v) => ninSet.has(v))) return false;
    if (needle != null && !values.some((v) => fold(v).includes(needle))) return false;
    return true;
  };
}

/** Compiles a number filter into a predicate; a missing value matches only negative conditions. */
export function intPredicate(filter: IntFilterInput | null | undefined, field: string) {
  if (!filter) return null;
  checkBounds(filter, field);
  const { eq, ne, gte, lte } = filter;
  const inSet = filter.in ? new Set(filter.in) : null;
  const ninSet = filter.nin ? new Set(filter.nin) : null;
  return (value: number | null | undefined): boolean => {
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
export function indexKeys(filter: StringFilterInput | null | undefined): readonly string[] | null {
  if (!filter) return null;
  if (filter.eq != null) return [filter.eq];
  if (filter.in) return filter.in;
  return null;
}

export const OrderDirection = builder.enumType("OrderDirection", {
  description: "The direction of an ordering.",
  values: {
    ASC: { value: "asc", description: "Ascending: A to Ö, small to large, old to new." },
    DESC: { value: "desc", description: "Descending: Ö to A, large to small, new to old." },
  } as const,
});

type Condition<T> = ((item: T) => boolean) | null;

/** A text filter on one field of an item, or null when the filter is not given. */
export function textOn<T>(
  filter: StringFilterInput | null | undefined,
  field: string,
  get: (item: T) => string | readonly (string | null)[] | null | undefined,
): Condition<T> {
  const test = stringPredicate(filter, field);
  return test ? (item) => test(get(item)) : null;
}

/** A number filter on one field of an item, or null when the filter is not given. */
export function intOn<T>(
  filter: IntFilterInput | null | undefined,
  field: string,
  get: (item: T) => number | null | undefined,
): Condition<T> {
  const test = intPredicate(filter, field);
  return test ? (item) => test(get(item)) : null;
}
