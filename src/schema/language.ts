import type { Lang } from "../data/kit";
import { builder, type Context } from "./builder";

export type { Lang };

export const LanguageEnum = builder.enumType("Language", {
  description: "A language that the API's texts are written in.",
  values: {
    SV: { value: "sv", description: "Swedish: the language of the sources." },
    EN: { value: "en", description: "English: a source's English text, or this project's translation." },
  } as const,
});

/**
 * The request's language (from Accept-Language, src/http/negotiate.ts), for a field that gets no
 * `lang` argument; the context records that it was read.
 */
export function requestLanguage(ctx: Context): Lang {
  ctx.languageRead = true;
  return ctx.language;
}
