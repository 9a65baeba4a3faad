import { GraphQLError } from "graphql";

/** An error the client caused: shown as is, with a code a client can branch on. */
export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...extensions } });
}
