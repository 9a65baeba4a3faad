import {
  GraphQLError,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from "graphql";
import { createGraphQLError, maskError } from "graphql-yoga";

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
 * Masks an error that is not a GraphQLError the API raised on purpose (Yoga's own rule, with
 * `isDev` off whatever the environment), and logs what was masked. Both execution paths use it:
 * Yoga's, for documents it admits, and the direct one, for documents already admitted.
 */
export function maskApiError(error: unknown, message = UNEXPECTED): GraphQLError {
  const masked = maskError(error, message, false);
  if (masked !== error) {
    console.error(JSON.stringify({ level: "error", message: "masked error", error: describe(error) }));
  }
  return masked instanceof GraphQLError
    ? masked
    : createGraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
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
