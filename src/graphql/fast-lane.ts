/**
 * The hot path, in front of Hono and Yoga. Most requests to a read-only API repeat: the same
 * operation, the same variables, or a document already validated. For those the Worker
 * answers from what it learned in this isolate, doing a fraction of the work:
 *
 * - a repeated request (GET or POST) is answered from an in-isolate response cache;
 * - a known document (one the full path parsed, validated, checked against the limits and
 *   executed without errors) is executed directly with graphql-js, skipping Yoga's pipeline.
 *
 * Everything else (first sight of a document, errors, the playground, CORS allow-lists,
 * unusual headers or bodies) takes the full path: Hono's middleware and Yoga with every
 * plugin. The fast lane answers only what the full path would answer the same way, and
 * learns from each full-path answer. Its answers carry the same headers and log line.
 */
import { type DocumentNode, execute } from "graphql";
import { type Config, configFor } from "../config";
import { store } from "../data";
import { schema } from "../schema";
import type { Context } from "../schema/builder";
import { parseAcceptLanguage } from "../schema/language";
import { getValidators, matches, VARY } from "./cache";
import { logRequest, traces } from "./observe";
import { GRAPHQL_PATH } from "./yoga";

/** An answer as kept in the isolate. */
type Entry = {
  body: string;
  contentType: string;
  etag?: string;
  cacheControl: string;
  expires: number;
  operation: Operation;
  /** The answer's headers but the per-request ones, built on first use. */
  headers?: Headers;
};
/** What the log line says of the operation. */
type Operation = { name: string | null; hash: string | null };
/** A document the full path accepted. */
type Known = { document: DocumentNode; operationName: string | undefined; operation: Operation };

/** The isolate's answers, all variants together: at most this many, and this many bytes. */
const MAX_ENTRIES = 256;
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_ENTRY_BYTES = 64 * 1024;
const MAX_DOCUMENTS = 256;
const MAX_VARIANTS = 16;

type Lane = {
  /** Answers by variant (method, media type, language), then by the request's own bytes. */
  responses: Map<string, Map<string, Entry>>;
  /** Every kept answer, oldest first, with its size: evicted from here, whatever its variant. */
  kept: { answers: Map<string, Entry>; payload: string; bytes: number }[];
  bytes: number;
  documents: Map<string, Known>;
  /** The media type Yoga answered for each Accept header value seen. */
  contentTypes: Map<string, string>;
  /** Headers every GraphQL answer carries here (CORS for any origin, timing). */
  common: Record<string, string>;
};

const lanes = new WeakMap<Config, Lane>();
/** The env object is the same for every request of an isolate: its settings are read once. */
const configs = new WeakMap<object, Config>();

function configOf(env: Env): Config {
  let config = configs.get(env);
  if (!config) configs.set(env, (config = configFor(env as unknown as Record<string, unknown>)));
  return config;
}

function laneFor(config: Config): Lane {
  let lane = lanes.get(config);
  if (!lane) {
    lane = {
      responses: new Map(),
      kept: [],
      bytes: 0,
      documents: new Map(),
      contentTypes: new Map(),
      common: {
        "access-control-allow-origin": "*",
        "access-control-expose-headers": "ETag,X-Request-Id,X-Cache,Server-Timing",
        "timing-allow-origin": "*",
      },
    };
    lanes.set(config, lane);
  }
  return lane;
}

/** Bounded, oldest first out: a hit does not reorder (cheaper than an LRU, as good for a hot set). */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number) {
  if (map.size >= max && !map.has(key)) map.delete(map.keys().next().value!);
  map.set(key, value);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** A request the fast lane may serve, read once. */
type Candidate = {
  method: "GET" | "POST";
  /** What besides the payload decides the answer: method, media type, language ("" when unusable). */
  variant: string;
  accept: string;
  /** GET: the query string; POST: the body. */
  payload: string;
  /** POST: the body bytes, to hand to the full path unchanged. */
  bytes?: ArrayBuffer;
};

function pathOf(url: string): { path: string; search: string } {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const q = url.indexOf("?", start);
  return q < 0 ? { path: url.slice(start), search: "" } : { path: url.slice(start, q), search: url.slice(q + 1) };
}

async function candidate(request: Request, search: string, config: Config): Promise<Candidate | null> {
  if (config.corsOrigins !== "*") return null;
  const method = request.method;
  if (method !== "GET" && method !== "POST") return null;
  const accept = request.headers.get("accept") ?? "";
  if (/text\/html|text\/event-stream|multipart\//i.test(accept)) return null;
  const lang = parseAcceptLanguage(request.headers.get("accept-language"));
  if (method === "GET") {
    if (!search) return null;
    return { method, variant: `G\u0000${accept}\u0000${lang}`, accept, payload: search };
  }
  const type = request.headers.get("content-type");
  if (type !== "application/json" && type !== "application/json; charset=utf-8") return null;
  const length = Number(request.headers.get("content-length"));
  if (!(length > 0 && length <= config.maxBodyBytes)) return null;
  const bytes = await request.arrayBuffer();
  let body: string;
  try {
    body = decoder.decode(bytes);
  } catch {
    return { method, variant: "", accept, payload: "", bytes };
  }
  return { method, variant: `P\u0000${accept}\u0000${lang}`, accept, payload: body, bytes };
}

type Params = { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };

function paramsOf(c: Candidate): Params | null {
  try {
    if (c.method === "POST") {
      const body: unknown = JSON.parse(c.payload);
      return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Params) : null;
    }
    const search = new URLSearchParams(c.payload);
    const json = (name: string) => {
      const text = search.get(name);
      return text ? JSON.parse(text) : undefined;
    };
    return {
      query: search.get("query") ?? undefined,
      operationName: search.get("operationName") || undefined,
      variables: json("variables"),
      extensions: json("extensions"),
    };
  } catch {
    return null;
  }
}

/** Which document a request names: its text, or its persisted hash alone. */
function documentKey(p: Params): string | null {
  if (p.operationName != null && typeof p.operationName !== "string") return null;
  const name = (p.operationName as string | undefined) ?? "";
  if (p.extensions === undefined && typeof p.query === "string") return `q\u0000${name}\u0000${p.query}`;
  const hash = (p.extensions as { persistedQuery?: { sha256Hash?: unknown; version?: unknown } } | null)?.persistedQuery
    ?.sha256Hash;
  const keys = p.extensions && typeof p.extensions === "object" ? Object.keys(p.extensions) : [];
  if (p.query === undefined && typeof hash === "string" && keys.length === 1) return `h\u0000${name}\u0000${hash}`;
  return null;
}

/** As Hono's requestId middleware: the client's X-Request-Id when it is sane, else Cloudflare's ray id, else a UUID. */
function requestIdOf(request: Request): string {
  const sent = request.headers.get("x-request-id");
  if (sent && sent.length <= 255 && /^[\w\-=]+$/.test(sent)) return sent;
  return request.headers.get("cf-ray") ?? crypto.randomUUID();
}

function answer(
  entry: Entry,
  request: Request,
  lane: Lane,
  cache: "HIT" | "MISS" | "BYPASS",
  started: number,
  config: Config,
): Response {
  const requestId = requestIdOf(request);
  let status = 200;
  let body: string | null = entry.body;
  // A kept answer's prebuilt Headers are copied inside the runtime, cheaper than turning an
  // array of pairs into headers on every request; an answer not kept has its own, used once.
  const headers = cache === "BYPASS" ? staticHeaders(entry, lane) : new Headers(staticHeaders(entry, lane));
  if (entry.etag && matches(request.headers.get("if-none-match"), entry.etag)) {
    status = 304;
    body = null;
    headers.delete("content-type");
  }
  const duration = performance.now() - started;
  headers.set("x-request-id", requestId);
  headers.set("x-cache", cache);
  headers.set("server-timing", `cache;desc="${cache.toLowerCase()}",total;dur=${duration.toFixed(1)};desc="worker"`);
  logRequest({
    requestId,
    method: request.method,
    path: GRAPHQL_PATH,
    operationName: entry.operation.name,
    hash: entry.operation.hash,
    status,
    durationMs: Math.round(duration * 100) / 100,
    cache: cache === "HIT" ? "hit" : cache === "MISS" ? "miss" : "bypass",
    environment: config.environment,
  });
  return new Response(body, { status, headers });
}

function staticHeaders(entry: Entry, lane: Lane): Headers {
  if (!entry.headers) {
    entry.headers = new Headers([
      ...Object.entries(lane.common),
      ["content-type", entry.contentType],
      ["cache-control", entry.cacheControl],
    ]);
    if (entry.etag) {
      entry.headers.set("etag", entry.etag);
      entry.headers.set("vary", VARY);
    }
  }
  return entry.headers;
}

/**
 * Keeps an answer, within a budget for the whole isolate: a client varying its headers or
 * requests can only displace older answers, never grow the memory past MAX_BYTES.
 */
function keep(lane: Lane, config: Config, c: Candidate, entry: Entry) {
  if (!config.responseCache || config.cacheMaxAge <= 0) return;
  const bytes = 2 * (entry.body.length + c.payload.length);
  if (entry.body.length > MAX_ENTRY_BYTES || bytes > MAX_BYTES) return;
  let answers = lane.responses.get(c.variant);
  if (!answers) remember(lane.responses, c.variant, (answers = new Map()), MAX_VARIANTS);
  if (answers.has(c.payload)) {
    answers.set(c.payload, entry); // an expired answer, renewed: already counted
    return;
  }
  answers.set(c.payload, entry);
  lane.kept.push({ answers, payload: c.payload, bytes });
  lane.bytes += bytes;
  while (lane.kept.length > MAX_ENTRIES || lane.bytes > MAX_BYTES) {
    const oldest = lane.kept.shift()!;
    oldest.answers.delete(oldest.payload);
    lane.bytes -= oldest.bytes;
  }
}

/** Executes a known document directly; null when the full path must answer (errors, unknown media type). */
async function executeKnown(c: Candidate, request: Request, lane: Lane, config: Config): Promise<Entry | null> {
  const contentType = lane.contentTypes.get(c.accept);
  if (!contentType) return null;
  const params = paramsOf(c);
  const docKey = params && documentKey(params);
  const known = docKey ? lane.documents.get(docKey) : undefined;
  if (!known || !params) return null;
  const variables = params.variables;
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) return null;
  const result = await execute({
    schema,
    document: known.document,
    operationName: known.operationName,
    variableValues: variables as Record<string, unknown> | null | undefined,
    contextValue: { store, language: parseAcceptLanguage(request.headers.get("accept-language")) } satisfies Context,
  });
  if (result.errors?.length) return null;
  const body = JSON.stringify(result);
  if (c.method === "POST") {
    return {
      body,
      contentType,
      cacheControl: "no-store",
      expires: Date.now() + config.cacheMaxAge * 1000,
      operation: known.operation,
    };
  }
  const validators = await getValidators(request, config);
  if (!validators) return null;
  return {
    body,
    contentType,
    ...validators,
    expires: Date.now() + config.cacheMaxAge * 1000,
    operation: known.operation,
  };
}

/** After the full path answered: keep what a later request can reuse. */
async function learn(c: Candidate, request: Request, response: Response, lane: Lane, config: Config) {
  const trace = traces.get(request);
  const contentType = response.headers.get("content-type");
  if (response.status !== 200 || !trace || trace.errors || !trace.document || !contentType?.includes("json")) return;
  remember(lane.contentTypes, c.accept, contentType, 32);
  const params = paramsOf(c);
  const docKey = params && documentKey(params);
  const operation: Operation = { name: trace.operationName ?? null, hash: trace.hash ?? null };
  if (docKey) {
    remember(
      lane.documents,
      docKey,
      {
        document: trace.document,
        operationName: (params!.operationName as string | undefined) || undefined,
        operation,
      },
      MAX_DOCUMENTS,
    );
  }
  const body = await response.clone().text();
  const etag = response.headers.get("etag") ?? undefined;
  const cacheControl = response.headers.get("cache-control") ?? "no-store";
  keep(lane, config, c, {
    body,
    contentType,
    etag,
    cacheControl,
    expires: Date.now() + config.cacheMaxAge * 1000,
    operation,
  });
}

/**
 * Answers `request` on the fast lane when it can, else through `fullPath` (and learns from
 * that answer).
 */
export async function serve(
  request: Request,
  env: Env,
  fullPath: (request: Request) => Promise<Response>,
): Promise<Response> {
  const { path, search } = pathOf(request.url);
  if (path !== GRAPHQL_PATH) return fullPath(request);
  let config: Config;
  try {
    config = configOf(env);
  } catch {
    return fullPath(request);
  }
  const started = performance.now();
  const c = await candidate(request, search, config);
  if (!c) return fullPath(request);
  // The body was read here: the full path gets a request with the same bytes.
  const forward = () => (c.bytes ? new Request(request, { body: c.bytes }) : request);
  if (!c.variant) return fullPath(forward());
  const lane = laneFor(config);

  const cached = lane.responses.get(c.variant)?.get(c.payload);
  if (cached && cached.expires > Date.now()) return answer(cached, request, lane, "HIT", started, config);

  // A GET with the response cache on goes through the full path on a miss: it also looks in
  // and fills the Workers Cache API.
  const edgeCached = c.method === "GET" && config.responseCache && config.cacheMaxAge > 0;
  if (!edgeCached) {
    const entry = await executeKnown(c, request, lane, config);
    if (entry) {
      keep(lane, config, c, entry);
      const caching = config.responseCache && config.cacheMaxAge > 0;
      return answer(entry, request, lane, caching ? "MISS" : "BYPASS", started, config);
    }
  }

  const forwarded = forward();
  const response = await fullPath(forwarded);
  await learn(c, forwarded, response, lane, config);
  return response;
}
