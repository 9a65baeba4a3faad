// What search reads of a record: its texts as its kind declares them (src/data/entities.ts,
// `search.texts`), the names of the records it links to (their kind's `search.reference`),
// each text with its field, label, language, translation marker and weight.
import { type KindName, kindNames, kinds } from "../data/entities";
import type { FieldLabel, Label, SearchTexts, Weight as WeightName } from "../data/kind";
import type { Lang, LocalizedText } from "../data/kit";
import type { DataStore } from "../data/store";

type Lookup = (kind: KindName, id: string) => object;

/**
 * A declaration as search reads it, for any kind (its functions take that kind's records; as
 * methods, their parameters are compared both ways).
 */
interface Searchable {
  type: string;
  search?: {
    label: Label;
    description: string;
    fields: Readonly<Record<string, FieldLabel>>;
    texts(record: object, add: SearchTexts<string, KindName>, get: Lookup): void;
    reference?(record: object, get: Lookup): LocalizedText | string;
  };
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

const noLabel: Label = { sv: "", en: "" };

/** What one record of a kind is called, in both languages (`Prisår`, `Prize edition`). */
export const kindLabel = (kind: KindName): Label => searchOf(kind)?.label ?? noLabel;

/** How much a match in a text counts: a name most, then titles, then any other text. */
export const Weight = { text: 1, title: 2, name: 3 } as const;
export type Weight = (typeof Weight)[WeightName];

/**
 * One searchable text of a record: a field in one language, or (`lang` null) a text that is the
 * same in both (a name, a year). The two languages of one text share its `group`.
 */
export type SearchText = {
  /** The field's stable path: `name`, `winner`, `questions.2.answer`. */
  field: string;
  /** The field's label, its `#` replaced as in the path. */
  label: Label;
  /** Whether a list of results shows this field as the hit's title. */
  heading: boolean;
  /** Whether the text names linked records (`linked`) rather than being the record's own words. */
  linked: boolean;
  lang: Lang | null;
  text: string;
  /** The marker of the text it comes from (`LocalizedText.translated`); null for a source's words. */
  translated: LocalizedText["translated"];
  weight: Weight;
  group: number;
};

/** The one marker of texts joined into one: the languages that any of them has as this project's words. */
function joinedMarker(markers: readonly LocalizedText["translated"][]): LocalizedText["translated"] {
  const sv = markers.some((m) => m === "sv" || m === "both");
  const en = markers.some((m) => m === "en" || m === "both");
  return sv && en ? "both" : sv ? "sv" : en ? "en" : null;
}

/**
 * Every searchable text of a record, in the record's own order, as the kind declares them.
 * A linked record is named by its kind's `reference`; a kind without one cannot be linked (a
 * declaration error, thrown when its first record is indexed).
 */
function eachText(store: DataStore, kind: KindName, record: object, add: (text: SearchText) => void): void {
  const declared = searchOf(kind);
  if (!declared) return;
  const get: Lookup = (k, id) => store.get(k, id);
  let group = 0;
  const labelOf = (field: string, at: number | undefined): [string, Label, boolean] => {
    const label = declared.fields[field];
    if (!label || !Object.hasOwn(declared.fields, field)) throw new Error(`${kind}.search.fields has no "${field}"`);
    if (at === undefined) return [field, label, label.heading === true];
    const n = String(at);
    return [
      field.replace("#", n),
      { sv: label.sv.replace("#", n), en: label.en.replace("#", n) },
      label.heading === true,
    ];
  };
  const push = (
    field: string,
    texts: readonly [Lang | null, string][],
    translated: LocalizedText["translated"],
    linked: boolean,
    weight: WeightName = "text",
    at?: number,
  ) => {
    const [path, label, heading] = labelOf(field, at);
    group++;
    for (const [lang, text] of texts) {
      if (text) add({ field: path, label, heading, linked, lang, text, translated, weight: Weight[weight], group });
    }
  };
  const one: SearchTexts<string, KindName>["one"] = (field, text, lang, weight, at) => {
    if (text) push(field, [[lang, text]], null, false, weight, at);
  };
  const both: SearchTexts<string, KindName>["both"] = (field, text, weight, at) => {
    if (text) push(field, bilingual(text.sv, text.en), text.translated, false, weight, at);
  };
  const linked: SearchTexts<string, KindName>["linked"] = (field, target, ids, weight) => {
    const list = (typeof ids === "string" ? [ids] : (ids ?? [])).filter((id): id is string => id !== null);
    if (!list.length) return;
    const reference = searchOf(target)?.reference;
    if (!reference) throw new Error(`${kind}.${field} links to ${target}, whose search declares no reference`);
    const names = list.map((id) => reference(store.get(target, id), get));
    const inLang = (lang: Lang) => names.map((name) => (typeof name === "string" ? name : name[lang])).join(", ");
    if (names.every((name) => typeof name === "string")) return push(field, [[null, inLang("sv")]], null, true, weight);
    const markers = names.map((name) => (typeof name === "string" ? null : name.translated));
    push(field, bilingual(inLang("sv"), inLang("en")), joinedMarker(markers), true, weight);
  };
  declared.texts(record, { one, both, linked }, get);
}

const bilingual = (sv: string, en: string): [Lang | null, string][] => [
  ["sv", sv],
  ["en", en],
];

/** The record's texts, each with its field, label, language and weight. The index does not keep them. */
export function textsOf(store: DataStore, kind: KindName, record: object): SearchText[] {
  const texts: SearchText[] = [];
  eachText(store, kind, record, (text) => texts.push(text));
  return texts;
}
