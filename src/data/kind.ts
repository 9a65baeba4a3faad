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

/** What a kind of record is, first part: its file and names, and its shape. */
type Base<S extends z.ZodType<object>, List extends string> = {
  /** The data file, in data/: a JSON array of records. */
  file: `${string}.json`;
  /** The name of the kind's list in a dataset (`regions`). */
  list: List;
  /** The GraphQL type of a record (`Region`). */
  type: string;
  /** The records in words, in the plural (`prize editions`), for documentation. */
  plural: string;
  /** The record's shape, built from the kit (zod stays out of the Worker). */
  shape: (kit: Kit) => S;
};

/** What a kind of record is, second part: what the check, the store and search derive from. */
type Rest<R, Id, Links, Unique, IndexNames extends string> = {
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
  /** The data check's rules beyond shape, uniqueness and links. */
  rules?: (record: R, check: RuleCheck) => void;
};

/** What a kind of record is: everything else about it is derived from this. */
export type Declaration<
  S extends z.ZodType<object>,
  List extends string,
  Id,
  Links,
  Unique,
  IndexNames extends string,
> = Base<S, List> & Rest<z.infer<S>, Id, Links, Unique, IndexNames>;

/**
 * One kind of record: `kind({ file, list, type, plural, shape }).with({ id, links, ... })`.
 * In two steps, so that the record's type is known from `shape` before the rest is read:
 * the rest is checked against it (an id or a link must be a field of the record) and keeps
 * its literal names (the store and the schema are typed by them).
 */
export function kind<S extends z.ZodType<object>, const List extends string>(base: Base<S, List>) {
  type R = z.infer<S>;
  return {
    with<
      const Id extends StringField<R>,
      const Links extends { readonly [F in LinkableField<R>]?: string } = Record<never, string>,
      const Unique extends readonly StringField<R>[] = [],
      IndexNames extends string = never,
    >(rest: Rest<R, Id, Links, Unique, IndexNames>): Declaration<S, List, Id, Links, Unique, IndexNames> {
      return { ...base, ...rest };
    },
  };
}

/** Code-point order: ids, codes and ISO dates are ASCII, and a locale collator costs start-up time. */
export const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
