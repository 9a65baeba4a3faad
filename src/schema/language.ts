import { builder, type Context } from "./builder";

/** The two languages of every text: data keys are lower case. */
export type Lang = "sv" | "en";

export const LanguageEnum = builder.enumType("Language", {
  description: "A language that the API's texts are written in.",
  values: {
    SV: { value: "sv", description: "Swedish: the language of the sources." },
    EN: { value: "en", description: "English: a source's English text, or this project's translation." },
  } as const,
});

const fromHeader = new WeakMap<Request, Lang>();

/**
 * The request's language when a field gets no `lang` argument: the first of Swedish or
 * English in `Accept-Language` by quality, else Swedish. Parsed once per request.
 */
export function requestLanguage(ctx: Context): Lang {
  const known = fromHeader.get(ctx.request);
  if (known) return known;
  const lang = parseAcceptLanguage(ctx.request.headers.get("accept-language"));
  fromHeader.set(ctx.request, lang);
  return lang;
}

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
