/**
 * A GraphQL answer as the HTTP layer keeps and sends it: its status, its body as JSON text and
 * its media type, and what the log line says of it. Built once from an execution result (or a
 * request error), then served as often as a cache tier keeps it.
 */
import type { ExecutionResult, GraphQLError } from "graphql";
import type { Lang } from "../data";
import { withoutSchemaNames } from "../graphql/errors";
import type { MediaType } from "./negotiate";

export type Answer = {
  status: number;
  body: string;
  mediaType: MediaType;
  /** GraphQL errors came back: never kept by any cache. */
  errors: boolean;
  /** The operation executed, for the log line. */
  operationName: string | null;
  /** The sha256 of the document executed; null when none was. */
  hash: string | null;
  /** Headers the status needs (`Allow` with a 405). */
  headers: Readonly<Record<string, string>>;
  /**
   * The request's language, when a resolver reads it (a text asked without `lang`): the answer
   * then varies by Accept-Language. Null when it does not: one answer for every browser.
   */
  language: Lang | null;
};

type HttpExtension = { status?: number; spec?: boolean; headers?: Record<string, string> };

const httpOf = (error: GraphQLError): HttpExtension | undefined => {
  const http = error.extensions["http"];
  return http && typeof http === "object" ? (http as HttpExtension) : undefined;
};

/**
 * The status of a result, as GraphQL over HTTP asks for each media type:
 * - no errors: 200;
 * - an error with its own status (a limit, a method, a persisted document: `extensions.http`)
 *   takes it; a parse or validation error (`spec`) is a 400 in application/graphql-response+json
 *   and a 200 in legacy application/json;
 * - in application/graphql-response+json, a result without `data` (the request failed before
 *   execution: a variable of the wrong type) is a 400;
 * - a masked, unexpected error without data is a 500; anything else with data is a 200.
 */
function statusOf(result: ExecutionResult, mediaType: MediaType, headers: Record<string, string>): number {
  if (!result.errors?.length) return 200;
  let status = 0;
  let unexpected = false;
  for (const error of result.errors) {
    const http = httpOf(error);
    if (http) {
      if (http.headers) Object.assign(headers, http.headers);
      // A limit is a 400 whatever the media type: the document is not wrong but too large.
      if (mediaType === "application/json" && http.spec && error.extensions["code"] !== "LIMIT_EXCEEDED") continue;
      if (http.status && http.status > status) status = http.status;
    } else if (error.extensions["unexpected"] || error.extensions["code"] === "INTERNAL_SERVER_ERROR") {
      unexpected = true;
    }
  }
  if (status) return status;
  if (!("data" in result)) return unexpected ? 500 : mediaType === "application/graphql-response+json" ? 400 : 200;
  return 200;
}

/** What INTROSPECTION = "off" hides of error messages: the schema's names the client did not send. */
export type Hiding = { names: ReadonlySet<string>; sent: string };

/** An error as a client sees it: the HTTP layer's internals (`http`, `unexpected`) left out. */
function publicError(error: GraphQLError, hiding: Hiding | null): object {
  const original = error.toJSON();
  const json = hiding
    ? { ...original, message: withoutSchemaNames(original.message, hiding.names, hiding.sent) }
    : original;
  if (!json.extensions) return json;
  const { http: _http, unexpected: _unexpected, ...extensions } = json.extensions;
  const { extensions: _all, ...rest } = json;
  return Object.keys(extensions).length ? { ...rest, extensions } : rest;
}

/** The JSON text of a result, its members always in the same order. */
function bodyOf(result: ExecutionResult, hiding: Hiding | null): string {
  const out: { errors?: object[]; data?: unknown; extensions?: object } = {};
  if (result.errors?.length) out.errors = result.errors.map((error) => publicError(error, hiding));
  if ("data" in result) out.data = result.data;
  if (result.extensions) {
    const { http: _http, ...extensions } = result.extensions;
    if (Object.keys(extensions).length) out.extensions = extensions;
  }
  return JSON.stringify(out);
}

export function answerOf(
  result: ExecutionResult,
  mediaType: MediaType,
  operationName: string | null,
  hash: string | null,
  hiding: Hiding | null = null,
  language: Lang | null = null,
): Answer {
  const headers: Record<string, string> = {};
  const status = statusOf(result, mediaType, headers);
  return {
    status,
    body: bodyOf(result, hiding),
    mediaType,
    errors: !!result.errors?.length,
    operationName,
    hash,
    headers,
    language,
  };
}
