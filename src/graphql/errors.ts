import {
  GraphQLError,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from "graphql";
import { createGraphQLError } from "graphql-yoga";

/**
 * An error the client caused before anything could execute, answered with `status`: the
 * response builder reads `extensions.http` for the status and leaves it out of the body.
 */
export function requestError(message: string, code: string, status = 400): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { status } } });
}

/** The message of every error that is not the client's: no stack, no internal message. */
export const UNEXPECTED = "Unexpected error.";

/**
 * The codes of the errors a client can cause (the README's error table): an error carrying one
 * is a request error this API raised on purpose, and the client sees it as it is.
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "NOT_ACCEPTABLE",
  "METHOD_NOT_ALLOWED",
  "OPERATION_NOT_SUPPORTED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_ONLY",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_USER_INPUT",
  "LIMIT_EXCEEDED",
  "RATE_LIMITED",
  "NOT_FOUND",
]);

/** The codes of the server's own errors: the masked error, and a wrong setting. */
export const SERVER_ERROR_CODES: ReadonlySet<string> = new Set(["INTERNAL_SERVER_ERROR", "SERVER_MISCONFIGURED"]);

const codeOf = (error: GraphQLError): unknown => error.extensions["code"];

/** An error already masked (by the other execution path, or by Yoga calling this twice). */
const isMasked = (error: GraphQLError) => error.message === UNEXPECTED && codeOf(error) === "INTERNAL_SERVER_ERROR";

/**
 * The one masking rule, of both execution paths (Yoga's, for documents it admits, and the
 * direct one, for documents already admitted): an error reaches the client only when it is a
 * request error this API raised on purpose, one with a code of REQUEST_ERROR_CODES. Everything
 * else, graphql-js' own execution errors included (an abstract type that did not resolve, a
 * null in a non-null field: GraphQLErrors with the schema's internals in their message), is
 * `message` with `INTERNAL_SERVER_ERROR`, at the same place of the answer, and logged in full.
 */
export function maskApiError(error: unknown, message = UNEXPECTED): GraphQLError {
  if (error instanceof GraphQLError) {
    const code = codeOf(error);
    if ((typeof code === "string" && REQUEST_ERROR_CODES.has(code)) || isMasked(error)) return error;
  }
  console.error(JSON.stringify({ level: "error", message: "masked error", error: describe(error) }));
  const at =
    error instanceof GraphQLError
      ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path }
      : {};
  return createGraphQLError(message, { ...at, extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

function describe(error: unknown): string {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  return original instanceof Error
    ? `${original.name}: ${original.message}\n${original.stack ?? ""}`
    : String(original);
}

/**
 * The names a client cannot learn without introspection: every type, field, argument, input
 * field and enum value of the schema but the root type and the built-in scalars.
 */
export function hiddenNamesOf(schema: GraphQLSchema): ReadonlySet<string> {
  const names = new Set<string>();
  const open = new Set(["Query", "String", "Int", "Float", "Boolean", "ID"]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (!open.has(type.name)) names.add(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        names.add(field.name);
        for (const arg of "args" in field ? field.args : []) names.add(arg.name);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) names.add(value.name);
  }
  return names;
}

const QUOTED_NAME = /"([_A-Za-z][_0-9A-Za-z]*)"/g;
const SUGGESTION = /\s*(?:Did you mean [^?]*\?|\[Suggestion hidden\])/g;

/**
 * An error message where introspection is off: no suggestion, and no quoted schema name that the
 * client did not send itself (`sent`: its document and variables). "Cannot query field
 * \"nmae\"" keeps the client's own word; "not defined by type \"RegionFilter\"" does not name
 * the type.
 */
export function withoutSchemaNames(message: string, hidden: ReadonlySet<string>, sent: string): string {
  return message
    .replace(SUGGESTION, "")
    .replace(QUOTED_NAME, (quoted, name: string) => (hidden.has(name) && !sent.includes(name) ? '"[hidden]"' : quoted));
}
