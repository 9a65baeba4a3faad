/**
 * The one response builder: the only code that sets response headers and writes the log
 * line. Every answer the Worker gives goes through it (cache hits, executions, 304s, errors,
 * 429s, preflights, the playground, the redirect, 404s), so each header is written once:
 * Content-Type, Cache-Control, Cache-Tag, ETag and Vary, CORS, X-Request-Id, Server-Timing,
 * X-Cache, RateLimit-Policy, and a 429's Retry-After and RateLimit.
 *
 * Every response has an explicit Cache-Control: Workers Cache (in front of the Worker in staging
 * and production) stores a 200 that has none for two hours.
 *
 * A kept answer's own headers are built once, as a Headers object, and copied per request
 * (inside the runtime, cheaper than setting a dozen pairs from JavaScript each time).
 */
import type { Config } from "../config";
import type { Answer } from "./answer";
import { type LogLine, logRequest } from "./log";
import type { HttpProblem } from "./problem";
import { policyField, type Refusal, refusalMessage, serviceLimitField } from "./rate-limit";
import type { RequestBasics } from "./request";

export type CacheStatus = "HIT" | "MISS" | "BYPASS";

/** An answer as the isolate keeps it: fresh until `expires`, with its headers built on first use. */
export type Kept = Answer & {
  /** The strong ETag of a GET answer (the sha256 of its answer key), once computed. */
  etag: string | null;
  expires: number;
  /** Headers of this answer but the per-request ones, per kind of request, built on first use. */
  built: { get?: Headers; post?: Headers };
};

/** Headers a script in a browser may read. */
const EXPOSED = "ETag,X-Request-Id,X-Cache,Server-Timing,RateLimit-Policy,RateLimit,Retry-After";
const NO_STORE = "no-store";
/** An answer varies by its media type, and by the language only when a resolver read it. */
const VARY = "Accept";
const VARY_LANGUAGE = "Accept, Accept-Language";
/** The redirect from `/` to the API: stored for an hour, and no longer while the Worker errors. */
const REDIRECT_CONTROL = "public, max-age=3600, stale-if-error=3600";
/** A GraphQL name (the spec's Name), the only operation name a Cache-Tag carries. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,199}$/;

type Sent = {
  status: number;
  body: BodyInit | null;
  headers: Headers;
  path: string;
  cache: CacheStatus;
  operationName: string | null;
  hash: string | null;
};

export class Responder {
  readonly #config: Config | null;
  /** CORS for any origin is the same on every answer: part of the built headers. */
  readonly #anyOrigin: boolean;
  readonly #cacheable: string;
  /** RateLimit-Policy of every counted answer; null when the limits are off. */
  readonly #policy: string | null;
  /** The Cache-Tag every GET answer starts with: its dataset. */
  readonly #datasetTag: string;

  /**
   * @param config the settings; null when they are wrong (a 500 names them in the log).
   * @param datasetVersion the dataset's version, for the Cache-Tag of GET answers.
   */
  constructor(config: Config | null, datasetVersion = "none") {
    this.#config = config;
    this.#anyOrigin = !config || config.corsOrigins === "*";
    // stale-if-error bounds how long Workers Cache (and a browser) may serve a stale answer
    // while the Worker errors: without it, Workers Cache serves it indefinitely.
    this.#cacheable = config
      ? `public, max-age=${config.cacheMaxAge}, stale-while-revalidate=${config.cacheStaleWhileRevalidate}, stale-if-error=${config.cacheStaleWhileRevalidate}`
      : NO_STORE;
    this.#policy = config?.rateLimits ? policyField(config) : null;
    this.#datasetTag = `dataset:${datasetVersion}`;
  }

  /** Cache-Control of a GET answer that may be stored (a 200 without errors). */
  get cacheableControl(): string {
    return this.#cacheable;
  }

  /**
   * The headers every answer starts from: CORS (for any origin), timing access, and the rate
   * limit policy when the request counted against it (`counted`: every request to /graphql
   * but a preflight).
   */
  #base(counted: boolean): Headers {
    const headers = new Headers();
    if (this.#anyOrigin) headers.set("access-control-allow-origin", "*");
    headers.set("access-control-expose-headers", EXPOSED);
    headers.set("timing-allow-origin", "*");
    if (counted && this.#policy) headers.set("ratelimit-policy", this.#policy);
    return headers;
  }

  /**
   * The tags a GET answer that may be stored is kept under in Workers Cache, to purge by: its
   * dataset, the operation's name (when it has one) and the executed document's sha256.
   */
  #cacheTags(answer: Answer): string {
    let tags = this.#datasetTag;
    if (answer.operationName && NAME.test(answer.operationName)) tags += `,operation:${answer.operationName}`;
    if (answer.hash) tags += `,document:${answer.hash}`;
    return tags;
  }

  /** A GraphQL answer (kept or just executed) to a GET, HEAD or POST. */
  graphql(
    basics: RequestBasics,
    answer: Answer | Kept,
    cache: CacheStatus,
    etag: string | null,
    ifNoneMatch: string | null,
  ): Response {
    const post = basics.method === "POST";
    const stored = "built" in answer ? answer : null;
    let headers: Headers;
    const prebuilt = stored && (post ? stored.built.post : stored.built.get);
    if (prebuilt) {
      headers = new Headers(prebuilt);
    } else {
      headers = this.#base(true);
      headers.set("content-type", `${answer.mediaType}; charset=utf-8`);
      for (const [name, value] of Object.entries(answer.headers)) headers.set(name, value);
      const cacheable = !post && etag !== null && answer.status === 200 && !answer.errors;
      headers.set("cache-control", cacheable ? this.#cacheable : NO_STORE);
      if (cacheable) headers.set("cache-tag", this.#cacheTags(answer));
      if (etag !== null && !post) {
        headers.set("etag", etag);
        headers.set("vary", answer.language ? VARY_LANGUAGE : VARY);
      }
      if (stored) {
        if (post) stored.built.post = headers;
        else stored.built.get = headers;
        headers = new Headers(headers);
      }
    }
    let status = answer.status;
    let body: string | null = basics.method === "HEAD" ? null : answer.body;
    if (!post && etag !== null && matches(ifNoneMatch, etag)) {
      status = 304;
      body = null;
      headers.delete("content-type");
    }
    return this.#send(basics, {
      status,
      body,
      headers,
      path: "/graphql",
      cache,
      operationName: answer.operationName,
      hash: answer.hash,
    });
  }

  /** A request that could not be answered by GraphQL (405, 406, 413, 415, 404, ...). */
  problem(basics: RequestBasics, problem: HttpProblem, path = "/graphql"): Response {
    const headers = this.#base(path === "/graphql");
    headers.set("content-type", "application/json; charset=utf-8");
    headers.set("cache-control", NO_STORE);
    for (const [name, value] of Object.entries(problem.headers)) headers.set(name, value);
    const body = JSON.stringify({ errors: [{ message: problem.message, extensions: { code: problem.code } }] });
    return this.#bypass(basics, problem.status, headers, body, path);
  }

  /**
   * A request over a per-client limit: 429, Retry-After and RateLimit (both the seconds left in
   * the window), and a GraphQL error body with `extensions.code: "RATE_LIMITED"`. Never stored.
   */
  rateLimited(basics: RequestBasics, refusal: Refusal, operationName: string | null = null): Response {
    const config = this.#config;
    const headers = this.#base(true);
    headers.set("content-type", "application/json; charset=utf-8");
    headers.set("cache-control", NO_STORE);
    headers.set("retry-after", String(refusal.retryAfter));
    headers.set("ratelimit", serviceLimitField(refusal));
    const message = config ? refusalMessage(config, refusal) : "Too many requests.";
    const extensions = { code: "RATE_LIMITED", policy: refusal.policy, retryAfter: refusal.retryAfter };
    const body = JSON.stringify({ errors: [{ message, extensions }] });
    return this.#bypass(basics, 429, headers, body, "/graphql", operationName);
  }

  /** The GraphiQL page. */
  playground(basics: RequestBasics, html: string): Response {
    const headers = this.#base(true);
    headers.set("content-type", "text/html; charset=utf-8");
    headers.set("cache-control", NO_STORE);
    return this.#bypass(basics, 200, headers, html);
  }

  /** A CORS preflight: the methods, the headers the browser asked for, a day's max age. */
  preflight(basics: RequestBasics, requestHeaders: string | null): Response {
    const headers = this.#base(false);
    headers.set("access-control-allow-methods", "GET,HEAD,POST,OPTIONS");
    if (requestHeaders) headers.set("access-control-allow-headers", requestHeaders);
    headers.set("access-control-max-age", "86400");
    headers.set("cache-control", NO_STORE);
    headers.append("vary", "Access-Control-Request-Headers");
    return this.#bypass(basics, 204, headers, null);
  }

  redirect(basics: RequestBasics, location: string, path: string): Response {
    const headers = this.#base(false);
    headers.set("location", location);
    headers.set("cache-control", REDIRECT_CONTROL);
    return this.#bypass(basics, 302, headers, null, path);
  }

  /** An answer that no cache tier holds (a problem, a refusal, a page): its body not sent to a HEAD. */
  #bypass(
    basics: RequestBasics,
    status: number,
    headers: Headers,
    body: string | null,
    path = "/graphql",
    operationName: string | null = null,
  ): Response {
    const sent = basics.method === "HEAD" ? null : body;
    return this.#send(basics, { status, body: sent, headers, path, cache: "BYPASS", operationName, hash: null });
  }

  /** The per-request headers and the log line, for every answer. */
  #send(basics: RequestBasics, sent: Sent): Response {
    const { headers } = sent;
    const config = this.#config;
    if (!this.#anyOrigin && config && config.corsOrigins !== "*") {
      if (basics.origin && config.corsOrigins.includes(basics.origin)) {
        headers.set("access-control-allow-origin", basics.origin);
      }
      headers.append("vary", "Origin");
    }
    const duration = performance.now() - basics.started;
    headers.set("x-request-id", basics.requestId);
    headers.set("x-cache", sent.cache);
    headers.set(
      "server-timing",
      `cache;desc="${sent.cache.toLowerCase()}",total;dur=${duration.toFixed(1)};desc="worker"`,
    );
    const line: LogLine = {
      requestId: basics.requestId,
      method: basics.sentMethod,
      path: sent.path,
      operationName: sent.operationName,
      hash: sent.hash,
      status: sent.status,
      durationMs: Math.round(duration * 100) / 100,
      cache: sent.cache === "HIT" ? "hit" : sent.cache === "MISS" ? "miss" : "bypass",
      environment: config?.environment ?? null,
    };
    logRequest(line);
    return new Response(sent.body, { status: sent.status, headers });
  }
}

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 prescribes for it). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
