/**
 * The one reading of an HTTP request: everything later steps need (method, GraphQL
 * parameters, negotiated media type, language, request id, start time) is read here, once,
 * into an `ApiRequest` that every later step receives. Nothing after this module looks at the
 * raw request's URL, headers or body again, so no two readers can disagree about a request.
 *
 * Anything a reader would have to guess about is refused with a clear 4xx: a repeated GraphQL
 * parameter, GraphQL parameters both in the URL and in a POST body, a body that is not a JSON
 * object, a parameter of the wrong type, bytes that are not UTF-8.
 */
import type { Config } from "../config";
import type { Lang } from "../data";
import type { MemoryBudget, Space } from "../memory";
import {
  acceptedMediaType,
  MAX_ACCEPT_CHARS,
  MAX_ACCEPT_LANGUAGE_CHARS,
  type MediaType,
  preferredLanguage,
} from "./negotiate";
import { HttpProblem } from "./problem";

/** The GraphQL parameters of a request, as parsed (GET and POST alike). */
export type GraphQLParams = {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  /** The GraphQL-over-HTTP persisted-documents form, `sha256:<hex>`. */
  documentId?: string;
};

/** The names of the GraphQL parameters, in the order of `GraphQLParams`. */
const PARAMETERS = ["query", "operationName", "variables", "extensions", "documentId"] as const;
type Parameter = (typeof PARAMETERS)[number];
const isParameter = (name: string): name is Parameter => (PARAMETERS as readonly string[]).includes(name);

/** What a request asks for: an operation, or the playground (a browser's GET). */
export type ApiRequest = {
  method: "GET" | "HEAD" | "POST";
  /** `graphql`: an operation to answer; `playground`: the GraphiQL page. */
  wants: "graphql" | "playground";
  params: GraphQLParams;
  mediaType: MediaType;
  language: Lang;
  requestId: string;
  /** performance.now() when the request was read: the log line's and Server-Timing's start. */
  started: number;
  /** The request's `Origin` header, for CORS; null when absent. */
  origin: string | null;
  ifNoneMatch: string | null;
  /** The client key of per-client limits (`cf-connecting-ip`); null when absent. */
  client: string | null;
};

/**
 * What every answer needs even when the request could not be read: its id, start, origin, and
 * the client, whose request counts against its limit before anything else is read.
 */
export type RequestBasics = Pick<ApiRequest, "requestId" | "started" | "origin" | "method" | "client"> & {
  /** The method as sent, for the log line (`PUT` when refused). */
  sentMethod: string;
};

/** The client's X-Request-Id when it is sane, else Cloudflare's ray id, else a UUID. */
function requestIdOf(headers: Headers): string {
  const sent = headers.get("x-request-id");
  if (sent && sent.length <= 255 && /^[\w\-=]+$/.test(sent)) return sent;
  return headers.get("cf-ray") ?? crypto.randomUUID();
}

/** The parts of a request every answer uses, read before anything can fail. */
export function basicsOf(request: Request): RequestBasics {
  const method = request.method;
  return {
    requestId: requestIdOf(request.headers),
    started: performance.now(),
    origin: request.headers.get("origin"),
    client: request.headers.get("cf-connecting-ip"),
    method: method === "HEAD" ? "HEAD" : method === "POST" ? "POST" : "GET",
    sentMethod: method,
  };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** `+` is a space and `%XX` an escape; the decoded bytes must be UTF-8. */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.includes("+") ? text.replace(/\+/g, " ") : text);
  } catch {
    throw new HttpProblem(400, "BAD_REQUEST", "The query string is not valid percent-encoded UTF-8.");
  }
}

/**
 * The GraphQL parameters of a query string. Other parameters (a cache buster) are ignored; a
 * GraphQL parameter given twice is refused, whatever its values.
 */
function readQueryString(search: string): Partial<Record<Parameter, string>> {
  const found: Partial<Record<Parameter, string>> = {};
  if (!search) return found;
  for (const pair of search.split("&")) {
    if (!pair) continue;
    const equals = pair.indexOf("=");
    const name = decodeComponent(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? "" : decodeComponent(pair.slice(equals + 1));
    if (!isParameter(name)) continue;
    if (found[name] !== undefined) {
      throw new HttpProblem(
        400,
        "BAD_REQUEST",
        `The query string gives the parameter "${name}" more than once: send each GraphQL parameter once.`,
      );
    }
    found[name] = value;
  }
  return found;
}

function parseJsonParameter(name: "variables" | "extensions", text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, "BAD_REQUEST", `The "${name}" parameter is not valid JSON.`);
  }
  return objectParameter(name, value);
}

/** A parameter that must be an object; null or absent is no value. */
function objectParameter(name: string, value: unknown): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new HttpProblem(
      400,
      "BAD_REQUEST",
      `Expected "${name}" param to be empty or an object, but given ${describe(value)}.`,
    );
  }
  return value as Record<string, unknown>;
}

/** A parameter that must be a string; null or absent is no value. */
function stringParameter(name: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "string") {
    throw new HttpProblem(400, "BAD_REQUEST", `Expected "${name}" param to be a string, but given ${describe(value)}.`);
  }
  return value;
}

const describe = (value: unknown) => (Array.isArray(value) ? "array" : value === null ? "null" : typeof value);

function paramsOfQueryString(search: string): GraphQLParams {
  const raw = readQueryString(search);
  return {
    query: raw.query,
    // An empty operationName (as forms send it) names no operation.
    operationName: raw.operationName || undefined,
    variables: raw.variables ? parseJsonParameter("variables", raw.variables) : undefined,
    extensions: raw.extensions ? parseJsonParameter("extensions", raw.extensions) : undefined,
    documentId: raw.documentId || undefined,
  };
}

function paramsOfBody(body: unknown): GraphQLParams {
  if (Array.isArray(body))
    throw new HttpProblem(400, "BAD_REQUEST", "Batching is not supported: send one operation a request.");
  if (body === null || typeof body !== "object") {
    throw new HttpProblem(400, "BAD_REQUEST", 'The request body must be a JSON object with a "query" string.');
  }
  const fields = body as Record<string, unknown>;
  return {
    query: stringParameter("query", fields["query"]),
    operationName: stringParameter("operationName", fields["operationName"]) || undefined,
    variables: objectParameter("variables", fields["variables"]),
    extensions: objectParameter("extensions", fields["extensions"]),
    documentId: stringParameter("documentId", fields["documentId"]) || undefined,
  };
}

/** `application/json`, with no charset or UTF-8: the only request body this API reads. */
function isJsonBody(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = "", ...parameters] = contentType.toLowerCase().split(";");
  if (type.trim() !== "application/json") return false;
  return parameters.every((p) => {
    const [name = "", value = ""] = p.split("=").map((s) => s.trim());
    return name !== "charset" || value.replace(/"/g, "") === "utf-8";
  });
}

/**
 * The body, at most `limit` bytes: refused by Content-Length before reading, and counted
 * while it streams in when there is none (or it lies).
 */
async function readBody(request: Request, limit: number): Promise<ArrayBuffer> {
  const tooLarge = () =>
    new HttpProblem(413, "PAYLOAD_TOO_LARGE", `The request body is larger than the limit of ${limit} bytes.`);
  const length = request.headers.get("content-length");
  if (length !== null) {
    const declared = Number(length);
    if (declared > limit) throw tooLarge();
    if (Number.isSafeInteger(declared)) {
      const bytes = await request.arrayBuffer();
      if (bytes.byteLength > limit) throw tooLarge();
      return bytes;
    }
  }
  if (!request.body) return new ArrayBuffer(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}

async function paramsOfPost(request: Request, search: string, config: Config): Promise<GraphQLParams> {
  if (!isJsonBody(request.headers.get("content-type"))) {
    throw new HttpProblem(
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "Unsupported Content-Type: send a JSON body with content-type application/json.",
    );
  }
  if (search) {
    const inUrl = new URLSearchParams(search);
    const name = PARAMETERS.find((n) => inUrl.has(n));
    if (name) {
      throw new HttpProblem(
        400,
        "BAD_REQUEST",
        `A POST carries its GraphQL parameters in the body: the query string must not give "${name}".`,
      );
    }
  }
  const bytes = await readBody(request, config.maxBodyBytes);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new HttpProblem(400, "BAD_REQUEST", "The request body is not valid UTF-8.");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, "BAD_REQUEST", "The request body is not valid JSON.");
  }
  return paramsOfBody(body);
}

/** The query string of a URL, without the `?`: a slice, not a URL object, on the hot path. */
function searchOf(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return "";
  const hash = url.indexOf("#", q);
  return hash < 0 ? url.slice(q + 1) : url.slice(q + 1, hash);
}

/**
 * What reading the same text gives again, within the isolate's memory budget: a query string's
 * parameters and an Accept header's media type are pure functions of their text, and popular
 * GET URLs repeat. The readings are the same functions' results, not a second reader.
 */
export class Readings {
  readonly #queryStrings: Space<GraphQLParams>;
  readonly #accepts: Space<ReturnType<typeof acceptedMediaType>>;

  constructor(budget: MemoryBudget) {
    this.#queryStrings = budget.space("query strings");
    this.#accepts = budget.space("accept headers");
  }

  /** The GraphQL parameters of a query string; throws an HttpProblem as `paramsOfQueryString`. */
  queryString(search: string): GraphQLParams {
    let params = this.#queryStrings.get(search);
    if (!params) {
      params = paramsOfQueryString(search);
      // The text twice (key and parsed strings, UTF-16) and the objects around it.
      this.#queryStrings.set(search, params, 4 * search.length + 256);
    }
    return params;
  }

  accept(header: string | null, html: boolean): ReturnType<typeof acceptedMediaType> {
    if (header === null) return acceptedMediaType(null, html);
    const key = html ? `h${header}` : `j${header}`;
    let found = this.#accepts.get(key);
    if (found === undefined) {
      found = acceptedMediaType(header, html);
      this.#accepts.set(key, found, 2 * key.length + 64);
    }
    return found;
  }
}

/** A header read whole, or refused when it is longer than this API reads (never cut). */
function bounded(headers: Headers, name: string, max: number): string | null {
  const value = headers.get(name);
  if (value !== null && value.length > max) {
    throw new HttpProblem(400, "BAD_REQUEST", `The ${name} header is longer than ${max} characters.`);
  }
  return value;
}

/**
 * Reads a GET, HEAD or POST to the GraphQL endpoint. Throws an HttpProblem for anything it
 * cannot read unambiguously.
 */
export async function readRequest(
  request: Request,
  basics: RequestBasics,
  config: Config,
  readings: Readings,
): Promise<ApiRequest> {
  const headers = request.headers;
  const method = basics.method;
  const accept = bounded(headers, "accept", MAX_ACCEPT_CHARS);
  const acceptLanguage = bounded(headers, "accept-language", MAX_ACCEPT_LANGUAGE_CHARS);
  // The playground's text/html is weighed on every GET, on or off, so that a browser's
  // navigation (text/html named, `*/*;q=0.8` after it) is recognised as one whatever the
  // setting: where the playground is off it is refused, not answered as a GraphQL request
  // without a query.
  const negotiated = readings.accept(accept, method !== "POST");
  if (negotiated === null || (negotiated === "text/html" && !config.graphiql)) {
    const html = negotiated === "text/html" || (method !== "POST" && /text\/html/i.test(accept ?? ""));
    throw new HttpProblem(
      406,
      "NOT_ACCEPTABLE",
      html && !config.graphiql
        ? "Not acceptable: the playground is off here; accept application/graphql-response+json or application/json."
        : "Not acceptable: accept application/graphql-response+json or application/json.",
    );
  }
  const search = searchOf(request.url);
  const params = method === "POST" ? await paramsOfPost(request, search, config) : readings.queryString(search);
  return {
    method,
    wants: negotiated === "text/html" ? "playground" : "graphql",
    params,
    mediaType: negotiated === "text/html" ? "application/json" : negotiated,
    language: preferredLanguage(acceptLanguage),
    requestId: basics.requestId,
    started: basics.started,
    origin: basics.origin,
    ifNoneMatch: headers.get("if-none-match"),
    client: basics.client,
  };
}
