/**
 * Content negotiation: which media type an answer takes (`Accept`, with its q-values), and
 * which language texts answer in (`Accept-Language`).
 */
import type { Lang } from "../data";

/** The media types of GraphQL answers (GraphQL over HTTP). */
export type MediaType = "application/graphql-response+json" | "application/json";
type Offer = MediaType | "text/html";

type Range = { type: string; subtype: string; q: number };

/**
 * The longest `Accept` and `Accept-Language` this API reads. A longer header is refused
 * (src/http/request.ts), never cut: a cut header is another request (its last range, perhaps
 * a `q=0` refusal, gone).
 */
export const MAX_ACCEPT_CHARS = 1000;
export const MAX_ACCEPT_LANGUAGE_CHARS = 500;

/** The ranges of an Accept header; a range with a charset other than UTF-8 is left out. */
function rangesOf(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.split(",")) {
    const [mediaRange = "", ...parameters] = part.split(";");
    const [type = "", subtype = ""] = mediaRange.trim().toLowerCase().split("/");
    if (!type || !subtype) continue;
    let q = 1;
    let utf8 = true;
    for (const parameter of parameters) {
      const [name = "", value = ""] = parameter.split("=").map((s) => s.trim().toLowerCase());
      if (name === "q") q = Number(value);
      else if (name === "charset") utf8 = value.replace(/"/g, "") === "utf-8";
    }
    if (!Number.isFinite(q) || q < 0 || q > 1 || !utf8) continue;
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** How closely a range names an offer: 2 exactly, 1 by `type/*`, 0 by `*\/*`, -1 not at all. */
function specificity(range: Range, offer: Offer): number {
  const [type, subtype] = offer.split("/");
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === "*") return 1;
  if (range.type === "*" && range.subtype === "*") return 0;
  return -1;
}

/**
 * The media type to answer in, or null when the client accepts none that this API speaks.
 * Each offer takes the q of the most specific range that names it (RFC 9110); q=0 refuses it.
 * Without an Accept header the answer is application/json, as GraphQL over HTTP asks. Ties go
 * to a type the client named over one it reached by a wildcard, then to
 * application/graphql-response+json when named, application/json otherwise. The playground's
 * text/html counts only where it is on and named explicitly (a browser's navigation).
 */
export function acceptedMediaType(header: string | null, html: boolean): Offer | null {
  if (header === null || header.trim() === "") return "application/json";
  const ranges = rangesOf(header);
  const offers: Offer[] = ["application/graphql-response+json", "application/json"];
  if (html) offers.push("text/html");
  let best: { offer: Offer; q: number; specific: number; rank: number } | null = null;
  for (const offer of offers) {
    let q = -1;
    let specific = -1;
    for (const range of ranges) {
      const s = specificity(range, offer);
      if (s > specific) {
        specific = s;
        q = range.q;
      }
    }
    if (specific < 0 || q <= 0 || (offer === "text/html" && specific < 2)) continue;
    const rank = specific === 2 ? offers.indexOf(offer) : offer === "application/json" ? 0 : 1;
    const better =
      !best ||
      q > best.q ||
      (q === best.q && (specific > best.specific || (specific === best.specific && rank < best.rank)));
    if (better) best = { offer, q, specific, rank };
  }
  return best?.offer ?? null;
}

/**
 * The first of Swedish or English in an `Accept-Language` header by quality, else Swedish.
 */
export function preferredLanguage(header: string | null): Lang {
  if (!header) return "sv";
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(",")) {
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
