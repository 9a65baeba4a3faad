import { GraphQLError } from "graphql";
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
