/**
 * The one response builder: the only code that sets response headers and writes the log
 * line. Every answer the Worker gives goes through it (cache hits, executions, 304s, errors,
 * preflights, the playground, the redirect, 404s), so each header is written once:
 * Content-Type, Cache-Control, ETag and Vary, CORS, X-Request-Id, Server-Timing, X-Cache.
 *
 * A kept answer's own headers are built once, as a Headers object, and copied per request
 * (inside the runtime, cheaper than setting a dozen pairs from JavaScript each time).
 */
import type { Config } from "../config";
import type { Answer } from "./answer";
import { type LogLine, logRequest } from "./log";
import type { HttpProblem } from "./problem";
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
const EXPOSED = "ETag,X-Request-Id,X-Cache,Server-Timing";
const NO_STORE = "no-store";
const VARY = "Accept, Accept-Language";

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

  /** @param config the settings; null when they are wrong (a 500 names them in the log). */
  constructor(config: Config | null) {
    this.#config = config;
    this.#anyOrigin = !config || config.corsOrigins === "*";
    this.#cacheable = config
      ? `public, max-age=${config.cacheMaxAge}, stale-while-revalidate=${config.cacheStaleWhileRevalidate}`
      : NO_STORE;
  }

  /** Cache-Control of a GET answer that may be stored (a 200 without errors). */
  get cacheableControl(): string {
    return this.#cacheable;
  }

  /** The headers every answer starts from: CORS (for any origin) and timing access. */
  #base(): Headers {
    const headers = new Headers();
    if (this.#anyOrigin) headers.set("access-control-allow-origin", "*");
    headers.set("access-control-expose-headers", EXPOSED);
    headers.set("timing-allow-origin", "*");
    return headers;
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
      headers = this.#base();
      headers.set("content-type", `${answer.mediaType}; charset=utf-8`);
      for (const [name, value] of Object.entries(answer.headers)) headers.set(name, value);
      const cacheable = !post && etag !== null && answer.status === 200 && !answer.errors;
      headers.set("cache-control", cacheable ? this.#cacheable : NO_STORE);
      if (etag !== null && !post) {
        headers.set("etag", etag);
        headers.set("vary", VARY);
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
    const headers = this.#base();
    headers.set("content-type", "application/json; charset=utf-8");
    headers.set("cache-control", NO_STORE);
    for (const [name, value] of Object.entries(problem.headers)) headers.set(name, value);
    const body = JSON.stringify({ errors: [{ message: problem.message, extensions: { code: problem.code } }] });
    return this.#send(basics, {
      status: problem.status,
      body: basics.method === "HEAD" ? null : body,
      headers,
      path,
      cache: "BYPASS",
      operationName: null,
      hash: null,
    });
  }

  /** The GraphiQL page. */
  playground(basics: RequestBasics, html: string): Response {
    const headers = this.#base();
    headers.set("content-type", "text/html; charset=utf-8");
    headers.set("cache-control", NO_STORE);
    return this.#send(basics, {
      status: 200,
      body: basics.method === "HEAD" ? null : html,
      headers,
      path: "/graphql",
      cache: "BYPASS",
      operationName: null,
      hash: null,
    });
  }

  /** A CORS preflight: the methods, the headers the browser asked for, a day's max age. */
  preflight(basics: RequestBasics, requestHeaders: string | null): Response {
    const headers = this.#base();
    headers.set("access-control-allow-methods", "GET,HEAD,POST,OPTIONS");
    if (requestHeaders) headers.set("access-control-allow-headers", requestHeaders);
    headers.set("access-control-max-age", "86400");
    headers.set("cache-control", NO_STORE);
    headers.append("vary", "Access-Control-Request-Headers");
    return this.#send(basics, {
      status: 204,
      body: null,
      headers,
      path: "/graphql",
      cache: "BYPASS",
      operationName: null,
      hash: null,
    });
  }

  redirect(basics: RequestBasics, location: string, path: string): Response {
    const headers = this.#base();
    headers.set("location", location);
    headers.set("cache-control", "public, max-age=3600");
    return this.#send(basics, {
      status: 302,
      body: null,
      headers,
      path,
      cache: "BYPASS",
      operationName: null,
      hash: null,
    });
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
