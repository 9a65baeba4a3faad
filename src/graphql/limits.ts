import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { GraphQLError } from "graphql";
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
    Object.assign(error.extensions, { code: LIMIT_EXCEEDED, limit });
  };
}

/**
 * Depth, aliases, directives, tokens and cost (graphql-armor), and field suggestions hidden
 * in production. A breached limit is a 400 whatever the media type: Yoga marks parse and
 * validation errors as "spec" errors, which legacy application/json answers with 200, so
 * the status is set just before Yoga turns the result into a response.
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
  const limitsAre400: Plugin = {
    onResultProcess({ result }) {
      if (Array.isArray(result) || !("errors" in result)) return;
      for (const error of result.errors ?? []) {
        if (error.extensions?.code === LIMIT_EXCEEDED) Object.assign(error.extensions, { http: { status: 400 } });
      }
    },
  };
  // Two plugins side by side: Envelop does not initialise plugins added by an added plugin.
  return [armor, limitsAre400];
}
