/**
 * What a declaration of a kind of record says (src/data/entities.ts), and the helper that
 * keeps each declaration's literal names and record type. Types only name zod: the shapes are
 * built from the kit that the data check hands in.
 */
import type { z } from "zod";
import type { Kit, Lang, LocalizedText } from "./kit";

/** The fields of a record whose value is a string (an id, a slug, a code). */
export type StringField<R> = { [F in keyof R & string]: R[F] extends string ? F : never }[keyof R & string];

/** The fields of a record that can link to another record: an id, an id or null, a list of ids. */
export type LinkableField<R> = {
  [F in keyof R & string]: R[F] extends string | readonly string[] | null ? F : never;
}[keyof R & string];

/** The key(s) a record is found under in a derived index; null and repeats are left out. */
export type IndexKey = string | null | readonly (string | null)[];

/** How much a match in a text counts in search: a name most, then a title, then any other text. */
export type Weight = "name" | "title" | "text";

/** Collects the texts of a record that search indexes, in the record's own order. */
export interface SearchTexts {
  /** A text in one language, or a name (`lang` null: the same in both languages). */
  one(field: string, text: string | null, lang: Lang | null, weight?: Weight): void;
  /** A text in both languages. */
  both(field: string, text: LocalizedText | null, weight?: Weight): void;
}

/**
 * What an extra rule of the data check may do. Rules also see records whose shape is wrong
 * (already reported, but their links still count), so they read every field defensively.
 */
export interface RuleCheck {
  /** Reports a problem in a field of the record (`nominees.1`). */
  report(field: string, message: string): void;
  /** Reports each id of `value` (an id, null, or a list) that is no record of `kind`. */
  link(field: string, value: unknown, kind: string): void;
  /** A record of a kind by its id, as the files hold it, or undefined. */
  record(kind: string, id: string): Readonly<Record<string, unknown>> | undefined;
}

/** What the data check reads of a kind: the record's shape and the rules beyond it. */
export type Check<S extends z.ZodType<object>> = {
  /** The record's shape, built from the kit (zod stays out of the Worker). */
  shape: (kit: Kit) => S;
  /** The data check's rules beyond shape, uniqueness and links. */
  rules?: (record: z.infer<S>, check: RuleCheck) => void;
};

/** The check's part of a kind: `shape` first, so that `rules` is typed by its record. */
export function checked<S extends z.ZodType<object>>(
  shape: (kit: Kit) => S,
  rules?: (record: z.infer<S>, check: RuleCheck) => void,
): Check<S> {
  return { shape, rules };
}

/** What the store, search and the schema read of a kind: everything else about it is derived from this. */
export type Declaration<R, List, Id, Links, Unique, IndexNames extends string> = {
  /** The data file, in data/: a JSON array of records. */
  file: `${string}.json`;
  /** The name of the kind's list in a dataset (`regions`). */
  list: List;
  /** The GraphQL type of a record (`Region`). */
  type: string;
  /** The records in words, in the plural (`prize editions`), for documentation. */
  plural: string;
  /** The field that identifies a record: unique, and what links point at. */
  id: Id;
  /** Other fields that are unique, each found by `store.findBy`. */
  unique?: Unique;
  /** Fields that link to a record of another kind (`{ region: "region" }`): checked, followed and reverse-indexed. */
  links?: Links;
  /** Other keys to find records by (`store.indexed`), derived once per store. */
  indexes?: { [N in IndexNames]: (record: R) => IndexKey };
  /** The order of `store.all` and of every reverse link; the file's order when not given. */
  order?: (a: R, b: R) => number;
  /** What search finds of a record; not searchable when not given. */
  search?: { description: string; texts: (record: R, add: SearchTexts) => void };
};

/**
 * The declaring function of kinds whose checks are `Checks` (a type only: the Worker must not
 * hold the checks). `kind(name, declaration)` declares the rest of the kind whose check is
 * `name`, so its record type is known before the rest is read. The type parameters keep the
 * declaration's literal names (its list, id, links, unique fields and indexes): the store and
 * the schema are typed by them, and an id or a link must be a field of the record.
 */
export function kindsOf<Checks extends Readonly<Record<string, Check<z.ZodType<object>>>>>() {
  return function kind<
    K extends keyof Checks & string,
    const List extends string,
    const Id extends StringField<RecordIn<Checks, K>>,
    const Links extends { readonly [F in LinkableField<RecordIn<Checks, K>>]?: string } = Record<never, string>,
    const Unique extends readonly StringField<RecordIn<Checks, K>>[] = [],
    IndexNames extends string = never,
  >(
    _name: K,
    declaration: Declaration<RecordIn<Checks, K>, List, Id, Links, Unique, IndexNames>,
  ): Declaration<RecordIn<Checks, K>, List, Id, Links, Unique, IndexNames> {
    return declaration;
  };
}

/** The record of the kind `K` of `Checks`. */
type RecordIn<Checks extends Readonly<Record<string, Check<z.ZodType<object>>>>, K extends keyof Checks> = z.infer<
  ReturnType<Checks[K]["shape"]>
>;

/** Code-point order: ids, codes and ISO dates are ASCII, and a locale collator costs start-up time. */
export const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
