import type { GraphQLParams, Plugin } from "graphql-yoga";
import { requestError } from "./errors";

/** The GraphQL parameters of a GET request, as the strings the client sent. */
export type GetParams = { query?: string; operationName?: string; variables?: string; extensions?: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a query string strictly: percent-escapes that are not UTF-8 are a client error, not
 * text with U+FFFD in it. The last value of a repeated parameter wins.
 */
export function readGetParams(url: URL): GetParams {
  try {
    decodeURIComponent(url.search.replace(/\+/g, " "));
  } catch {
    throw requestError("The query string is not valid percent-encoded UTF-8.", "BAD_REQUEST");
  }
  const params: GetParams = {};
  for (const [name, value] of url.searchParams) {
    if (name === "query" || name === "operationName" || name === "variables" || name === "extensions")
      params[name] = value;
  }
  return params;
}

function parseJsonParam(name: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw requestError(`The "${name}" parameter is not valid JSON.`, "BAD_REQUEST");
  }
}

function isJsonContentType(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || type === "application/graphql-response+json";
}

/** A POST body: UTF-8 (strictly), JSON, one object. Yoga checks the fields themselves. */
async function readPostBody(request: Request): Promise<GraphQLParams> {
  let text: string;
  try {
    text = decoder.decode(await request.arrayBuffer());
  } catch {
    throw requestError("The request body is not valid UTF-8.", "BAD_REQUEST");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw requestError("The request body is not valid JSON.", "BAD_REQUEST");
  }
  if (Array.isArray(body))
    throw requestError("Batching is not supported: send one operation a request.", "BAD_REQUEST");
  if (body === null || typeof body !== "object") {
    throw requestError('The request body must be a JSON object with a "query" string.', "BAD_REQUEST");
  }
  return body as GraphQLParams;
}

/**
 * Replaces Yoga's GET and JSON POST parsers with strict ones: invalid UTF-8 and bad JSON get
 * a 400 with a plain message (Yoga's would echo the parser's internals, or read on with
 * replacement characters). Other content types are left to Yoga, which answers 415.
 */
export const useStrictRequestParsing = (): Plugin => ({
  onRequestParse({ request, url, setRequestParser }) {
    if (request.method === "GET") {
      setRequestParser(() => {
        const p = readGetParams(url);
        return {
          query: p.query,
          operationName: p.operationName || undefined,
          variables: parseJsonParam("variables", p.variables),
          extensions: parseJsonParam("extensions", p.extensions),
        };
      });
    } else if (request.method === "POST" && isJsonContentType(request.headers.get("content-type"))) {
      setRequestParser(readPostBody);
    }
  },
});
