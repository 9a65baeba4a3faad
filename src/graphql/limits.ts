import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  parse,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../config";
import { checkArguments } from "./bounds";
import { type Cost, type CostContext, costOf } from "./cost";
import { overlapsOf } from "./overlaps";

const LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

/** A breached limit is a 400 whatever the media type: the document is not wrong but too large. */
const limitExtensions = (limit: string) => ({ code: LIMIT_EXCEEDED, limit, http: { status: 400 } });

/**
 * graphql-armor's message says which limit and its value ("Query depth limit of 10
 * exceeded, found 11."). Its "Syntax Error: " prefix is dropped, and the error gets a code
 * and the limit's name that a client can branch on.
 */
function asLimitError(limit: string) {
  return (_: unknown, error: GraphQLError) => {
    error.message = error.message.replace(/^Syntax Error: /, "");
    // (A parse or validation error in legacy application/json is a 200, as the spec says; a
    // limit is not the client's query being wrong but too large.)
    Object.assign(error.extensions, limitExtensions(limit));
  };
}

/**
 * A new document, parsed once for everything that reads it (the cost, Yoga's admission), within
 * MAX_TOKENS: graphql-js' own `maxTokens` stops the parser at the first token over the limit,
 * which is graphql-armor's max-tokens check (its message, kept) without its proxied lexer.
 */
export function parseWithin(source: string, maxTokens: number): DocumentNode {
  try {
    return parse(source, { maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError && error.message.endsWith(" tokens. Parsing aborted.")) {
      throw new GraphQLError(`Token limit of ${maxTokens} exceeded.`, { extensions: limitExtensions("tokens") });
    }
    throw error;
  }
}

/**
 * The most pairs of same-named fields at one place that a document may ask validation to
 * compare (src/graphql/overlaps.ts). The operations of operations/ have fewer than 30; what
 * 500 cost is measured by the bench's shape "a field repeated $n×20 times, for validation"
 * (`npm run bench -- --only adversarial`), held to its CPU budget there.
 */
export const MAX_OVERLAPS = 500;

/** Refuses a parsed document whose overlapping fields would cost validation more than MAX_OVERLAPS comparisons. */
const useOverlapLimit = (): Plugin => ({
  onParse() {
    return ({ result }) => {
      if (result instanceof Error || !result) return;
      const found = overlapsOf(result, MAX_OVERLAPS);
      if (found > MAX_OVERLAPS) {
        throw new GraphQLError(`Overlapping fields limit of ${MAX_OVERLAPS} exceeded, found ${found}.`, {
          extensions: limitExtensions("overlaps"),
        });
      }
    };
  },
});

/**
 * Depth, aliases and directives (graphql-armor), and the overlapping fields that validation
 * would compare: checks of the document alone, run once when Yoga admits it (the tokens are
 * counted by the parser: `parseWithin`). The
 * cost depends on the variables too: `checkExecution`. (Field suggestions are graphql-js' own
 * `hideSuggestions`, in src/graphql/yoga.ts and execute.ts.)
 */
export function limits(config: Config): Plugin[] {
  // graphql-armor's plugins one by one: its cost limit (literal sizes only) and its field
  // suggestion blocking (graphql-js' own does it) are not wanted, nor their bytes.
  return [
    maxAliasesPlugin({ n: config.maxAliases, onReject: [asLimitError("aliases")] }) as Plugin,
    maxDirectivesPlugin({ n: config.maxDirectives, onReject: [asLimitError("directives")] }) as Plugin,
    maxDepthPlugin({ n: config.maxDepth, onReject: [asLimitError("depth")] }) as Plugin,
    useOverlapLimit(),
  ];
}

/** What the checks of an execution found: a refusal, or the operation's cost. */
export type ExecutionCheck = { refused: GraphQLError; cost: null } | { refused: null; cost: Cost | null };

const refuse = (refused: GraphQLError): ExecutionCheck => ({ refused, cost: null });

/**
 * The checks of one execution, which depend on the variables as well as the document: run by
 * both execution paths before anything resolves, on every execution (a persisted operation
 * and a document already admitted alike). In order:
 * - the variables are coerced, so that a variable of the wrong type, a missing one or an
 *   unknown input field is a `BAD_USER_INPUT` request error (no data), with suggestions hidden
 *   where introspection is off;
 * - every argument within its declared bounds (src/graphql/bounds.ts), a request error too;
 * - the cost (src/graphql/cost.ts) within `MAX_COST`: over it, a 400 `LIMIT_EXCEEDED`. The
 *   cost is `requestedCost` when the caller computed it already (for the expensive-operation
 *   limit), so that one number serves the limit, this check and `extensions.cost`.
 */
export function checkExecution(
  config: Config,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  context: CostContext,
  requestedCost: number | null = null,
): ExecutionCheck {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { refused: null, cost: null };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: 1,
    hideSuggestions: hidesSuggestions(config),
  });
  if (coerced.errors) {
    const [error] = coerced.errors;
    if (!error) return { refused: null, cost: null };
    Object.assign(error.extensions, { code: "BAD_USER_INPUT" });
    return refuse(error);
  }
  const outOfBounds = checkArguments(schema, document, operation, coerced.coerced);
  if (outOfBounds) return refuse(outOfBounds);
  let requestedQueryCost: number | null;
  try {
    requestedQueryCost = requestedCost ?? costOf(schema, document, operationName, variables, context);
  } catch (error) {
    if (error instanceof GraphQLError) return refuse(error);
    throw error;
  }
  if (requestedQueryCost === null) return { refused: null, cost: null };
  const maximumAvailable = config.maxCost;
  if (requestedQueryCost > maximumAvailable) {
    return refuse(
      new GraphQLError(`Query Cost limit of ${maximumAvailable} exceeded, found ${requestedQueryCost}.`, {
        extensions: limitExtensions("cost"),
      }),
    );
  }
  return { refused: null, cost: { requestedQueryCost, maximumAvailable } };
}

/** With introspection off, nothing tells a client the schema's names that introspection would show. */
export const hidesSuggestions = (config: Config) => !config.introspection;
