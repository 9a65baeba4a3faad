/**
 * The schema kit: zod and the small shapes every kind of record is made of. The data check
 * hands it to each kind's `shape` (src/data/entities.ts), so that the declarations name zod
 * only in types and zod stays out of the Worker bundle (test/node/data-bundle.test.ts).
 */
import { z } from "zod";

/** True for a YYYY-MM-DD string that names a day of the calendar (no 2022-02-30). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A string that is not blank: every text a reader sees must say something. */
const text = z.string().refine((s) => s.trim().length > 0, { message: "must not be empty" });

/** A web address (http or https). */
const url = z.url({ protocol: /^https?$/ });

export const kit = {
  z,
  isRealDate,
  text,
  url,
  /** A calendar date, YYYY-MM-DD. */
  isoDate: z.string().refine(isRealDate, { message: "must be a calendar date YYYY-MM-DD" }),
  /** Years outside this range are typos, not history of these prizes and statistics. */
  year: z.number().int().min(1900).max(2100),
  /** Where a record's facts came from: at least one URL. */
  sources: z.array(url).min(1, { message: "needs at least one source" }),
  /** Ids are lowercase, readable slugs: `norrbotten`, `arets-exportregion-2022`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a lowercase slug" }),
  /** ISO 3166-2 code of a Swedish region (`SE-BD`). */
  regionCode: z.string().regex(/^SE-[A-Z]{1,2}$/, { message: "must be an ISO 3166-2:SE code" }),
  /** ISO 3166-1 alpha-2 country code (`NO`). */
  countryCode: z.string().regex(/^[A-Z]{2}$/, { message: "must be an ISO 3166-1 alpha-2 code" }),
  /**
   * A human-readable text in Swedish and English, and which of them this project wrote:
   * `"sv"` or `"en"` names the one language that is our translation of a source's words in the
   * other, `"both"` says that both are our words (a paraphrase of the sources: neither is a
   * source's wording), and null says that a source gave both languages.
   */
  localizedText: z.strictObject({
    sv: text,
    en: text,
    translated: z.enum(["sv", "en", "both"]).nullable(),
  }),
  /** The unit of a figure's value. */
  figureUnit: z.enum(["SEK_PER_INHABITANT", "PERCENT", "COUNT_PER_100000_INHABITANTS"]),
};

export type Kit = typeof kit;

/** A text in both languages, as the data holds it. */
export type LocalizedText = z.infer<Kit["localizedText"]>;
/** The two languages of every text. */
export type Lang = Exclude<keyof LocalizedText, "translated">;
