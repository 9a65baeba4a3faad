/**
 * The cost of an operation as it will run: @pothos/plugin-complexity's count over the
 * operation's selection, with the arguments' values (literals and the variables'), each field
 * costing what its declaration says (src/schema/sizes.ts: 1, and its selection once per item
 * it can return, a connection's page or a list's largest size in the store), and introspection
 * what its answer holds (src/graphql/introspection-cost.ts). Computed on every
 * execution, before anything resolves (`checkExecution`), and reported in every executed
 * answer as `extensions.cost`.
 */
import { PothosValidationError } from "@pothos/core";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, getOperationAST, Kind } from "graphql";
import type { Context } from "../schema/builder";
import { badInput } from "../schema/errors";
import { introspectionCost } from "./introspection-cost";

/** What an answer reports of its operation's cost: `extensions.cost`. */
export type Cost = {
  /** The operation's cost with these variables. */
  requestedQueryCost: number;
  /** The largest cost an operation may have here (`MAX_COST`). */
  maximumAvailable: number;
};

/** What the cost reads of a request's context: the data whose lists it counts. */
export type CostContext = Pick<Context, "store">;

/**
 * The cost of the operation `operationName` (the only one when undefined) of a valid `document`
 * with `variables` as the request sent them (the plugin coerces them, as execution will):
 * deterministic for the same document, variables and data; null when the document has no
 * such operation. Throws a `BAD_USER_INPUT` error for variables or ids that execution would
 * refuse (`checkExecution` has checked both before it asks).
 */
export function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  context: CostContext,
): number | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  // The plugin measures a document's first operation: the one that runs, and its fragments.
  const only: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  try {
    const fields = complexityFromQuery(only, { schema, ctx: context, variables: variables ?? {} }).complexity;
    return fields + introspectionCost(schema, operation, fragmentsByName(fragments), variables ?? {});
  } catch (error) {
    if (error instanceof PothosValidationError) throw badInput(error.message);
    throw error;
  }
}

function fragmentsByName(fragments: readonly FragmentDefinitionNode[]): Record<string, FragmentDefinitionNode> {
  const byName: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const fragment of fragments) byName[fragment.name.value] = fragment;
  return byName;
}
