/**
 * The public entrypoint's one job in front of Workers Cache: a GET or HEAD to the GraphQL route
 * is handed to the cached entrypoint (`Answers`, src/index.ts) with `Accept` and
 * `Accept-Language` folded to what an answer can depend on: the negotiated media type and the
 * language (`sv`, `en`). Workers Cache keys an entry by the path and query and by the verbatim
 * value of each header the answer's `Vary` names, so browsers' own strings (`sv-SE,sv;q=0.9,…`,
 * `fi-FI,fi;q=0.9,sv;q=0.8,…`) reach it as one of two values, and clients' Accept headers as one
 * of two. Everything else of the request travels as sent.
 */
import { GRAPHQL_PATH } from "../graphql/yoga";
import { acceptedMediaType, MAX_ACCEPT_CHARS, MAX_ACCEPT_LANGUAGE_CHARS, preferredLanguage } from "./negotiate";

/** The path of a URL without parsing it: on every request. */
function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  let end = url.length;
  for (const stop of ["?", "#"]) {
    const at = url.indexOf(stop, start);
    if (at >= 0 && at < end) end = at;
  }
  return url.slice(start, end);
}

/**
 * The request as the cached entrypoint gets it, or null when it goes nowhere near the cache
 * (POST, OPTIONS, another path): then the public entrypoint answers it itself. An Accept that
 * names no GraphQL media type this API speaks (the playground's text/html, or nothing
 * acceptable) travels verbatim: those answers are never stored.
 */
export function folded(request: Request): Request | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (pathOf(request.url) !== GRAPHQL_PATH) return null;
  const accept = request.headers.get("accept");
  const acceptLanguage = request.headers.get("accept-language");
  // A header over its bound is refused whole by the pipeline (src/http/request.ts): it goes
  // to no cache: the public entrypoint answers it itself, with that refusal, never folded into
  // another request.
  if ((accept?.length ?? 0) > MAX_ACCEPT_CHARS || (acceptLanguage?.length ?? 0) > MAX_ACCEPT_LANGUAGE_CHARS) {
    return null;
  }
  const headers = new Headers(request.headers);
  const mediaType = acceptedMediaType(accept, true);
  if (mediaType === "application/json" || mediaType === "application/graphql-response+json") {
    headers.set("accept", mediaType);
  }
  headers.set("accept-language", preferredLanguage(acceptLanguage));
  return new Request(request.url, { method: request.method, headers });
}
