import type { Context } from "hono";
import type { Config } from "../config";
// Part of every ETag and cache key: a new dataset is a new cache.
import { store as bundled, datasetVersion } from "../data";
// The schema answers in the language this picks from Accept-Language: the key holds it, not the header.
import { parseAcceptLanguage } from "../schema/language";
import type { AppEnv } from "./context";
import { errorResponse } from "./errors";
import { readGetParams } from "./request";
import { yogaFor } from "./yoga";

/** A GET answer as cached: enough to rebuild the response and its log line. */
type Entry = { body: string; contentType: string; etag: string; hash?: string; operationName?: string };

export const VARY = "Accept, Accept-Language";

/** Per configuration: the salt that makes its keys its own, and its Cache-Control. */
type Store = { salt: string; cacheControl: string };
const stores = new WeakMap<Config, Store>();

function storeFor(config: Config): Store {
  let store = stores.get(config);
  if (!store) {
    store = {
      // Settings that change an answer (introspection, persisted-only, limits) are part of its key.
      salt: JSON.stringify(config),
      cacheControl: `public, max-age=${config.cacheMaxAge}, stale-while-revalidate=${config.cacheStaleWhileRevalidate}`,
    };
    stores.set(config, store);
  }
  return store;
}

/**
 * The normalized GET request: what decides its answer (dataset, settings, the four GraphQL
 * parameters, media type, language), or null for requests that are not cached (the
 * playground, streams, malformed query strings: Yoga answers those).
 */
function requestKey(request: Request, store: Store): string | null {
  const accept = (request.headers.get("accept") ?? "").trim().toLowerCase();
  if (/text\/html|text\/event-stream|multipart\/mixed/.test(accept)) return null;
  let params: ReturnType<typeof readGetParams>;
  try {
    params = readGetParams(new URL(request.url));
  } catch {
    return null;
  }
  if (params.query === undefined && params.extensions === undefined) return null;
  const language = parseAcceptLanguage(request.headers.get("accept-language"));
  return JSON.stringify([
    datasetVersion,
    store.salt,
    accept,
    language,
    params.query ?? "",
    params.operationName ?? "",
    params.variables ?? "",
    params.extensions ?? "",
  ]);
}

/** The strong ETag and Cache-Control the full path gives a GET answer; null when it is not cached. */
export async function getValidators(
  request: Request,
  config: Config,
): Promise<{ etag: string; cacheControl: string } | null> {
  const store = storeFor(config);
  const key = requestKey(request, store);
  return key === null ? null : { etag: `"${await sha256(key)}"`, cacheControl: store.cacheControl };
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const encoder = new TextEncoder();

export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  let hex = "";
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 prescribes for it). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function respond(entry: Entry, request: Request, cacheControl: string, status: "HIT" | "MISS" | "BYPASS"): Response {
  const headers = { etag: entry.etag, "cache-control": cacheControl, vary: VARY, "x-cache": status };
  if (matches(request.headers.get("if-none-match"), entry.etag)) return new Response(null, { status: 304, headers });
  return new Response(entry.body, { status: 200, headers: { ...headers, "content-type": entry.contentType } });
}

// Workers' CacheStorage has `default`; the Node types that the test types bring in do not.
const edgeCache = (): Cache => (caches as unknown as { default: Cache }).default;

function edgeKey(request: Request, etagHash: string): Request {
  return new Request(new URL(`/graphql/__cache/${etagHash}`, request.url));
}

async function edgeLookup(request: Request, etagHash: string): Promise<Entry | undefined> {
  try {
    const cached = await edgeCache().match(edgeKey(request, etagHash));
    if (!cached) return undefined;
    return {
      body: await cached.text(),
      contentType: cached.headers.get("content-type") ?? "application/json; charset=utf-8",
      etag: `"${etagHash}"`,
      hash: cached.headers.get("x-document-hash") ?? undefined,
      operationName: cached.headers.get("x-operation-name") ?? undefined,
    };
  } catch {
    // No Cache API behind this runtime (plain workerd): the fast lane's memory still serves.
    return undefined;
  }
}

function edgeStore(request: Request, etagHash: string, entry: Entry, cacheControl: string): Promise<void> {
  const headers: Record<string, string> = { "content-type": entry.contentType, "cache-control": cacheControl };
  if (entry.hash) headers["x-document-hash"] = entry.hash;
  if (entry.operationName) headers["x-operation-name"] = entry.operationName;
  try {
    return edgeCache()
      .put(edgeKey(request, etagHash), new Response(entry.body, { headers }))
      .catch(() => undefined);
  } catch {
    // No Cache API behind this runtime (plain workerd): nothing to store.
    return Promise.resolve();
  }
}

/** Yoga answers 406 and 415 with an empty body; a client gets a GraphQL error it can read. */
function withErrorBody(response: Response): Response {
  if (response.status < 400 || response.headers.has("content-type")) return response;
  const extra: Record<string, string> = {};
  for (const name of ["allow", "accept"]) {
    const value = response.headers.get(name);
    if (value) extra[name] = value;
  }
  if (response.status === 415) {
    return errorResponse(
      415,
      "Unsupported Content-Type: send a JSON body with content-type application/json.",
      "UNSUPPORTED_MEDIA_TYPE",
      extra,
    );
  }
  if (response.status === 406) {
    return errorResponse(
      406,
      "Not acceptable: accept application/graphql-response+json or application/json (the playground is off here).",
      "NOT_ACCEPTABLE",
      extra,
    );
  }
  return errorResponse(response.status, "The request could not be served.", "BAD_REQUEST", extra);
}

function noStore(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}

/**
 * The GraphQL route. A GET whose answer is known is served before Yoga parses anything, from
 * the Workers Cache API. Only a 200 without GraphQL errors is
 * stored; POST is never cached. ETags come from the normalized request, not the body.
 */
export async function serveGraphQL(c: Context<AppEnv>): Promise<Response> {
  const { config, trace } = c.var;
  const request = c.req.raw;
  const context = { store: bundled, language: parseAcceptLanguage(request.headers.get("accept-language")) };
  const execute = () => yogaFor(config).fetch(request, { env: c.env, ctx: c.executionCtx, trace, ...context });
  const store = request.method === "GET" ? storeFor(config) : undefined;
  const key = store ? requestKey(request, store) : null;
  if (!store || key === null) {
    trace.cache = "bypass";
    return noStore(withErrorBody(await execute()));
  }

  // The isolate's memory is the fast lane's (src/graphql/fast-lane.ts); here, the edge cache.
  const caching = config.responseCache && config.cacheMaxAge > 0;
  const etagHash = await sha256(key);
  const cached = caching ? await edgeLookup(request, etagHash) : undefined;
  if (cached) {
    trace.cache = "hit";
    trace.hash = cached.hash;
    trace.operationName = cached.operationName;
    return respond(cached, request, store.cacheControl, "HIT");
  }

  trace.cache = caching ? "miss" : "bypass";
  const response = await execute();
  const contentType = response.headers.get("content-type");
  if (response.status !== 200 || trace.errors || !contentType?.includes("json"))
    return noStore(withErrorBody(response));
  trace.hash ??= trace.query === undefined ? undefined : await sha256(trace.query);
  const entry: Entry = {
    body: await response.text(),
    contentType,
    etag: `"${etagHash}"`,
    hash: trace.hash,
    operationName: trace.operationName,
  };
  if (caching) c.executionCtx.waitUntil(edgeStore(request, etagHash, entry, store.cacheControl));
  return respond(entry, request, store.cacheControl, caching ? "MISS" : "BYPASS");
}
