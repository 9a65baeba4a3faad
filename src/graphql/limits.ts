import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../config";

/**
 * graphql-armor's message says which limit and its value ("Query depth limit of 10
 * exceeded, found 11."). Its "Syntax Error: " prefix is dropped, and the error is made a 400
 * whatever the media type, with a code and the limit's name a client can branch on.
 */
function asLimitError(limit: string) {
  return (_: unknown, error: GraphQLError) => {
    error.message = error.message.replace(/^Syntax Error: /, "");
    Object.assign(error.extensions, { code: "LIMIT_EXCEEDED", limit, http: { status: 400 } });
  };
}

/** Depth, aliases, directives, tokens and cost (graphql-armor), and field suggestions. */
export function limits(config: Config): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: config.maxDepth, onReject: [asLimitError("depth")] },
    maxAliases: { n: config.maxAliases, onReject: [asLimitError("aliases")] },
    maxDirectives: { n: config.maxDirectives, onReject: [asLimitError("directives")] },
    maxTokens: { n: config.maxTokens, onReject: [asLimitError("tokens")] },
    costLimit: { maxCost: config.maxCost, onReject: [asLimitError("cost")] },
    // "Did you mean …?" tells a stranger the schema's names even with introspection off.
    blockFieldSuggestion: { enabled: config.environment === "production" },
  }) as Plugin;
}
