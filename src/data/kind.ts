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

/**
 * How much a match in a text counts in search: a name most (what the record is called), then a
 * title (another name, a seat, a winner), then any other text.
 */
export type Weight = "name" | "title" | "text";

/** A label in both languages, for readers of search results: a kind's (`Prisår`) or a field's (`Vinnare`). */
export type Label = { readonly sv: string; readonly en: string };

/**
 * A field's label. `heading`: the field is what a list of results shows as a hit's title (a
 * name, a title), so a snippet does not repeat it when anything else can be shown.
 */
export type FieldLabel = Label & { readonly heading?: boolean };

/**
 * Collects the texts of a record that search indexes, in the record's own order, each with its
 * weight (`text` if not given). `Field` is a field of the kind's `fields` table; a `#` in it
 * (`questions.#.answer`) is the text's place `at` in a list, counted from 1.
 */
export interface SearchTexts<Field extends string, Kind extends string> {
  /** A text in one language, or (`lang` null) one that is the same in both: a name, a year. */
  one(field: Field, text: string | null, lang: Lang | null, weight?: Weight, at?: number): void;
  /** A text in both languages. */
  both(field: Field, text: LocalizedText | null, weight?: Weight, at?: number): void;
  /**
   * The linked records as their kind's `reference` names them (a winner, the partners), in one
   * text per language, separated by commas; nothing for null or no ids.
   */
  linked(field: Field, kind: Kind, ids: string | null | readonly (string | null)[], weight?: Weight): void;
}

/** A linked record, by kind and id, where the data check guarantees it exists. */
export type Lookup<Checks extends AnyChecks> = <K extends keyof Checks & string>(
  kind: K,
  id: string,
) => RecordIn<Checks, K>;

/** What search finds of a kind's records, and what it calls them. */
export type SearchDeclaration<R, Field extends string, Checks extends AnyChecks> = {
  /** What one record of the kind is called (`Prisår`, `Prize edition`). */
  label: Label;
  /** What search covers of the kind, for the schema's documentation. */
  description: string;
  /** Every field that `texts` adds, with its label. */
  fields: { readonly [F in Field]: FieldLabel };
  /**
   * The record's searchable texts, its own and its linked records' names (`get` reads a linked
   * record), in the order a reader reads them: when only a heading matched, the snippet is the
   * first text that is neither a heading nor another name of the record (a `title` of its own).
   */
  texts: (record: R, add: SearchTexts<Field, keyof Checks & string>, get: Lookup<Checks>) => void;
  /**
   * How the texts of a record that links to this one name it (a region as `Hallands län
   * (Halmstad)`); a kind without it cannot be `linked`.
   */
  reference?: (record: R, get: Lookup<Checks>) => LocalizedText | string;
};

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
export type Declaration<
  R,
  List,
  Id,
  Links,
  Unique,
  IndexNames extends string,
  Field extends string,
  Checks extends AnyChecks,
> = {
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
  /** What search finds of a record and what it calls it; not searchable when not given. */
  search?: SearchDeclaration<R, Field, Checks>;
};

/**
 * The declaring function of kinds whose checks are `Checks` (a type only: the Worker must not
 * hold the checks). `kind(name, declaration)` declares the rest of the kind whose check is
 * `name`, so its record type is known before the rest is read. The type parameters keep the
 * declaration's literal names (its list, id, links, unique fields and indexes): the store and
 * the schema are typed by them, and an id or a link must be a field of the record.
 */
export function kindsOf<Checks extends AnyChecks>() {
  return function kind<
    K extends keyof Checks & string,
    const List extends string,
    const Id extends StringField<RecordIn<Checks, K>>,
    const Links extends { readonly [F in LinkableField<RecordIn<Checks, K>>]?: string } = Record<never, string>,
    const Unique extends readonly StringField<RecordIn<Checks, K>>[] = [],
    IndexNames extends string = never,
    const Field extends string = never,
  >(
    _name: K,
    declaration: Declaration<RecordIn<Checks, K>, List, Id, Links, Unique, IndexNames, Field, Checks>,
  ): Declaration<RecordIn<Checks, K>, List, Id, Links, Unique, IndexNames, Field, Checks> {
    return declaration;
  };
}

/** Every kind's check, by kind. */
type AnyChecks = Readonly<Record<string, Check<z.ZodType<object>>>>;

/** The record of the kind `K` of `Checks`. */
type RecordIn<Checks extends AnyChecks, K extends keyof Checks> = z.infer<ReturnType<Checks[K]["shape"]>>;

/** Code-point order: ids, codes and ISO dates are ASCII, and a locale collator costs start-up time. */
export const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
