import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
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
 * Depth, aliases, directives, tokens and cost (graphql-armor), and field suggestions hidden
 * in production: checks of the document alone, run once when Yoga admits it.
 */
export function limits(config: Config): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: config.maxDepth, onReject: [asLimitError("depth")] },
    maxAliases: { n: config.maxAliases, onReject: [asLimitError("aliases")] },
    maxDirectives: { n: config.maxDirectives, onReject: [asLimitError("directives")] },
    maxTokens: { n: config.maxTokens, onReject: [asLimitError("tokens")] },
    costLimit: { maxCost: config.maxCost, onReject: [asLimitError("cost")] },
    // "Did you mean …?" tells a stranger the schema's names even with introspection off.
    blockFieldSuggestion: { enabled: config.environment === "production" },
  }) as Plugin;
  return [armor];
}

/**
 * The checks of one execution, which depend on the variables as well as the document: run by
 * both execution paths before anything resolves. Null when the execution may go ahead.
 * (The variable-aware cost model comes here: see the cost issue.)
 */
export function checkExecution(
  _config: Config,
  _schema: GraphQLSchema,
  _document: DocumentNode,
  _operationName: string | undefined,
  _variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  return null;
}
