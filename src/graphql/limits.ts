import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../config";

const LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

/**
 * graphql-armor's message says which limit and its value ("Query depth limit of 10
 * exceeded, found 11."). Its "Syntax Error: " prefix is dropped, and the error gets a code
 * and the limit's name that a client can branch on.
 */
function asLimitError(limit: string) {
  return (_: unknown, error: GraphQLError) => {
    error.message = error.message.replace(/^Syntax Error: /, "");
    // A breached limit is a 400 whatever the media type (a parse or validation error in
    // legacy application/json is a 200, as the spec says; a limit is not the client's query
    // being wrong but too large).
    Object.assign(error.extensions, { code: LIMIT_EXCEEDED, limit, http: { status: 400 } });
  };
}

/**
 * Depth, aliases, directives, tokens and cost (graphql-armor): checks of the document alone,
 * run once when Yoga admits it. (Field suggestions are graphql-js' own `hideSuggestions`, in
 * src/graphql/yoga.ts and execute.ts.)
 */
export function limits(config: Config): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: config.maxDepth, onReject: [asLimitError("depth")] },
    maxAliases: { n: config.maxAliases, onReject: [asLimitError("aliases")] },
    maxDirectives: { n: config.maxDirectives, onReject: [asLimitError("directives")] },
    maxTokens: { n: config.maxTokens, onReject: [asLimitError("tokens")] },
    costLimit: { maxCost: config.maxCost, onReject: [asLimitError("cost")] },
    blockFieldSuggestion: { enabled: false },
  }) as Plugin;
  return [armor];
}

/** The operation of a document that an execution runs (checked before: src/graphql/operation.ts). */
function operationOf(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | null {
  return getOperationAST(document, operationName) ?? null;
}

/**
 * The checks of one execution, which depend on the variables as well as the document: run by
 * both execution paths before anything resolves. Null when the execution may go ahead.
 *
 * The variables are coerced here first, so that a variable of the wrong type, a missing one or
 * an unknown input field is a `BAD_USER_INPUT` request error (no data) on either path, with
 * suggestions hidden in production. (The variable-aware cost model comes here: the cost issue.)
 */
export function checkExecution(
  config: Config,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  const operation = operationOf(document, operationName);
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: 1,
    hideSuggestions: hidesSuggestions(config),
  });
  if (coerced.errors) {
    const [error] = coerced.errors;
    if (error) Object.assign(error.extensions, { code: "BAD_USER_INPUT" });
    return error ?? null;
  }
  return null;
}

/** Production says nothing of the schema's names that introspection would show. */
export const hidesSuggestions = (config: Config) => config.environment === "production";
