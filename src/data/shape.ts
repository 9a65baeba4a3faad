/**
 * The declared shape of every file in data/: the one place a record's fields are written.
 * TypeScript types are derived from these schemas with `z.infer`.
 *
 * Runtime code (the Worker) imports this module only with `import type`, so zod never
 * enters the bundle; the data check (`npm run data:check`) and the tests use the schemas.
 */
import { z } from "zod";

/** A string that is not blank: every text a reader sees must say something. */
const text = z.string().refine((s) => s.trim().length > 0, { message: "must not be empty" });

/** True for a YYYY-MM-DD string that names a day of the calendar (no 2022-02-30). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD. */
const isoDate = z.string().refine(isRealDate, { message: "must be a calendar date YYYY-MM-DD" });

/** Years outside this range are typos, not history of these prizes and statistics. */
const year = z.number().int().min(1900).max(2100);

/** Where a record's facts came from: at least one URL. */
const sources = z.array(z.url({ protocol: /^https?$/ })).min(1, { message: "needs at least one source" });

/** Ids are lowercase, readable slugs: `norrbotten`, `arets-exportregion-2022`. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a lowercase slug" });

/** ISO 3166-2 code of a Swedish region (`SE-BD`). */
const regionCode = z.string().regex(/^SE-[A-Z]{1,2}$/, { message: "must be an ISO 3166-2:SE code" });

/** ISO 3166-1 alpha-2 country code (`NO`). */
const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: "must be an ISO 3166-1 alpha-2 code" });

/**
 * A human-readable text in Swedish and English. `translated` names the language that is
 * this project's own translation; null when a source gave both languages.
 */
export const LocalizedText = z.strictObject({
  sv: text,
  en: text,
  translated: z.enum(["sv", "en"]).nullable(),
});

export const Region = z.strictObject({
  isoCode: regionCode,
  slug,
  /** Länskod, two digits (`25`). */
  countyCode: z.string().regex(/^\d{2}$/, { message: "must be a two-digit county code" }),
  nuts3: z.string().regex(/^SE\d{3}$/, { message: "must be a NUTS3 code SEnnn" }),
  /** Swedish and English name, both from sources (`translated: null`). */
  name: LocalizedText,
  /** Residensstad: the seat of the county administrative board. */
  seat: text,
  landAreaKm2: z.number().positive().nullable(),
  /** Null when the land area is from the common SCB table; otherwise the older basis used. */
  landAreaSource: text.nullable(),
  population: z.strictObject({ value: z.number().int().positive(), date: isoDate }),
  /** Bordering regions as a source stated them; null when no source stated any. */
  neighbours: z.array(regionCode).nullable(),
  /** Bordering countries as a source stated them; null when no source stated any. */
  neighbourCountries: z.array(countryCode).nullable(),
  sources,
  /** Sources without a URL (statistics tables, code lists), described in words. */
  sourceNotes: text,
});

export const Award = z.strictObject({
  slug,
  /** The name in Swedish and its English name as sources give it. */
  name: LocalizedText,
  /** Other English names that sources use. */
  otherEnglishNames: z.array(text),
  awardedBy: slug,
  nominatedBy: slug.nullable(),
  nomineeKind: z.enum(["region", "company"]),
  purpose: LocalizedText.nullable(),
  facts: z.array(LocalizedText),
  sources,
});

export const AwardEdition = z.strictObject({
  /** `<award>-<year>`. */
  id: slug,
  award: slug,
  year,
  ceremonyDate: isoDate.nullable(),
  place: LocalizedText.nullable(),
  presentedBy: slug.nullable(),
  /** The presenter's role at the time of the ceremony. */
  presenterRole: LocalizedText.nullable(),
  inPresenceOf: slug.nullable(),
  /** The person who received the prize on the winner's behalf. */
  receivedBy: slug.nullable(),
  /** A region ISO code or a company slug, as the award's `nomineeKind` says. */
  winner: z.string(),
  nominees: z.array(z.string()).min(1),
  motivation: LocalizedText.nullable(),
  notes: LocalizedText.nullable(),
  sources,
});

export const Company = z.strictObject({
  slug,
  name: text,
  city: text.nullable(),
  sources,
});

export const Article = z.strictObject({
  slug,
  title: LocalizedText,
  section: LocalizedText,
  publisher: slug,
  publishedAt: isoDate,
  url: z.url({ protocol: /^https?$/ }),
  /** The language the article was written in. */
  language: z.enum(["sv", "en"]),
  /** The article's text, paragraphs separated by a blank line. */
  body: LocalizedText,
  regions: z.array(regionCode),
  editions: z.array(slug),
  sources,
});

export const Quote = z.strictObject({
  id: slug,
  person: slug,
  text: LocalizedText,
  /** How the source names the speaker's role when quoting (`handelsministern`). */
  saidAs: LocalizedText.nullable(),
  article: slug,
  edition: slug.nullable(),
  region: regionCode.nullable(),
  sources,
});

export const InterviewQuestion = z.strictObject({
  question: LocalizedText,
  answer: LocalizedText,
});

export const Interview = z.strictObject({
  slug,
  title: LocalizedText,
  /** `article`: the title is the article's; `editorial`: written by this project. */
  titleSource: z.enum(["article", "editorial"]),
  interviewee: slug,
  /** The organization the interviewee speaks for. */
  organization: slug,
  region: regionCode,
  article: slug,
  intro: LocalizedText.nullable(),
  /** In the order of the article. */
  questions: z.array(InterviewQuestion).min(1),
  sources,
});

export const Person = z.strictObject({
  slug,
  name: text,
  role: LocalizedText.nullable(),
  organization: slug.nullable(),
  facts: z.array(LocalizedText),
  sources,
});

export const Organization = z.strictObject({
  slug,
  name: text,
  shortName: text.nullable(),
  /** The English name a source gives; null when none did. */
  englishName: text.nullable(),
  description: LocalizedText.nullable(),
  /** ISO date, or a year as YYYY, when a source gives it. */
  founded: z
    .string()
    .refine((s) => (s.length === 4 ? Number(s) >= 1000 && Number(s) <= 2100 : isRealDate(s)), {
      message: "must be a year YYYY or a calendar date YYYY-MM-DD",
    })
    .nullable(),
  parent: slug.nullable(),
  /** The region the organization works in or for, where a source says so. */
  region: regionCode.nullable(),
  website: z.url({ protocol: /^https?$/ }).nullable(),
  facts: z.array(LocalizedText),
  sources,
});

export const ExportCooperation = z.strictObject({
  slug,
  region: regionCode,
  name: LocalizedText,
  ledBy: slug,
  /** Organization slugs, the lead included. */
  partners: z.array(slug).min(1),
  facts: z.array(LocalizedText),
  sources,
});

export const ExportFigure = z.strictObject({
  id: slug,
  /** Null when the scope is all of Sweden. */
  region: regionCode.nullable(),
  scope: z.enum(["region", "country"]),
  measure: z.strictObject({ key: slug, label: LocalizedText }),
  unit: z.enum(["SEK_PER_INHABITANT", "PERCENT"]),
  /** The year, or the end year of a period. */
  year,
  /** The first year of a period; null for a single year. */
  periodStart: year.nullable(),
  value: z.number(),
  note: LocalizedText.nullable(),
  sources,
});

/** Each file of data/ and the schema of one of its records. Every file is a JSON array. */
export const files = {
  "regions.json": Region,
  "awards.json": Award,
  "award-editions.json": AwardEdition,
  "companies.json": Company,
  "articles.json": Article,
  "quotes.json": Quote,
  "interviews.json": Interview,
  "people.json": Person,
  "organizations.json": Organization,
  "export-cooperations.json": ExportCooperation,
  "export-figures.json": ExportFigure,
} as const;

export type FileName = keyof typeof files;

export type LocalizedText = z.infer<typeof LocalizedText>;
/** The two languages of every text. */
export type Lang = Exclude<keyof LocalizedText, "translated">;
export type Region = z.infer<typeof Region>;
export type Award = z.infer<typeof Award>;
export type AwardEdition = z.infer<typeof AwardEdition>;
export type Company = z.infer<typeof Company>;
export type Article = z.infer<typeof Article>;
export type Quote = z.infer<typeof Quote>;
export type InterviewQuestion = z.infer<typeof InterviewQuestion>;
export type Interview = z.infer<typeof Interview>;
export type Person = z.infer<typeof Person>;
export type Organization = z.infer<typeof Organization>;
export type ExportCooperation = z.infer<typeof ExportCooperation>;
export type ExportFigure = z.infer<typeof ExportFigure>;

/** Which Dataset list each file fills. */
export const datasetKeyOfFile = {
  "regions.json": "regions",
  "awards.json": "awards",
  "award-editions.json": "editions",
  "companies.json": "companies",
  "articles.json": "articles",
  "quotes.json": "quotes",
  "interviews.json": "interviews",
  "people.json": "people",
  "organizations.json": "organizations",
  "export-cooperations.json": "cooperations",
  "export-figures.json": "figures",
} as const satisfies Record<FileName, string>;

/** The whole dataset, one list per file, named as `datasetKeyOfFile` says. */
export type Dataset = {
  -readonly [F in FileName as (typeof datasetKeyOfFile)[F]]: z.infer<(typeof files)[F]>[];
};
