import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";

/**
 * An error the client caused, answered with `status`: Yoga reads `extensions.http` for the
 * status and leaves it out of the response body.
 */
export function requestError(
  message: string,
  code: string,
  status = 400,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...extra, http: { status } } });
}

/** A GraphQL error response for answers that Hono gives before or instead of Yoga. */
export function errorResponse(
  status: number,
  message: string,
  code: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
