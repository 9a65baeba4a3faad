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

/** The request's language, for a field that gets no `lang` argument (see `parseAcceptLanguage`). */
export const requestLanguage = (ctx: Context): Lang => ctx.language;

/**
 * The first of Swedish or English in an `Accept-Language` header by quality, else Swedish.
 */
export function parseAcceptLanguage(header: string | null): Lang {
  if (!header) return "sv";
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.slice(0, 500).split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const primary = tag.split("-")[0];
    if (primary !== "sv" && primary !== "en") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? "sv";
}
