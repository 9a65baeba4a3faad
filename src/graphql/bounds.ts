/**
 * The one checker of the arguments' bounds (declared beside each argument: src/schema/bounds.ts):
 * every field of the operation, with its arguments' values as they will run (literals, and the
 * variables' coerced values), each argument and input field that declares a bound, and each
 * field that declares one over its arguments. Run on every execution, before anything resolves.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Bound } from "../schema/bounds";

const boundOf = (extensions: Readonly<Record<string, unknown>> | null | undefined): Bound | null => {
  const bound = extensions?.["bound"];
  return typeof bound === "function" ? (bound as Bound) : null;
};

/** What is out of bounds: the message, and the argument or input field (its path) when it is one. */
type Problem = { message: string; argument: string | null };

const atPath = (message: string | null | undefined, argument: string | null): Problem | null =>
  message ? { message, argument } : null;

/** The first problem of a value of `type` at `path`, within input objects and lists. */
function problemOfValue(type: GraphQLInputType, value: unknown, path: string): Problem | null {
  if (value == null) return null;
  if (isNonNullType(type)) return problemOfValue(type.ofType, value, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return null;
    for (const item of value) {
      const problem = problemOfValue(type.ofType, item, path);
      if (problem) return problem;
    }
    return null;
  }
  if (!isInputObjectType(type) || typeof value !== "object") return null;
  for (const field of Object.values(type.getFields())) {
    const given: unknown = Reflect.get(value, field.name);
    if (given == null) continue;
    const at = `${path}.${field.name}`;
    const problem = atPath(boundOf(field.extensions)?.(given, at), at) ?? problemOfValue(field.type, given, at);
    if (problem) return problem;
  }
  return null;
}

/** Whether values of `type` can be out of a declared bound (an input field of it, at any depth, declares one). */
function typeHasBounds(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named)) return false;
  seen.add(named);
  return Object.values(named.getFields()).some((f) => boundOf(f.extensions) !== null || typeHasBounds(f.type, seen));
}

// Per field of the schema: most fields (a text's `lang`) declare no bound, and their arguments
// are then not read at all.
const fieldHasBounds = new WeakMap<GraphQLField<unknown, unknown>, boolean>();
function hasBounds(field: GraphQLField<unknown, unknown>): boolean {
  let known = fieldHasBounds.get(field);
  if (known === undefined) {
    known =
      boundOf(field.extensions) !== null ||
      field.args.some((arg) => boundOf(arg.extensions) !== null || typeHasBounds(arg.type));
    fieldHasBounds.set(field, known);
  }
  return known;
}

function problemOfField(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): Problem | null {
  for (const arg of field.args) {
    const value = args[arg.name];
    if (value == null) continue;
    const problem =
      atPath(boundOf(arg.extensions)?.(value, arg.name), arg.name) ?? problemOfValue(arg.type, value, arg.name);
    if (problem) return problem;
  }
  return atPath(boundOf(field.extensions)?.(args, field.name), null);
}

/**
 * The first argument of `operation` out of its declared bounds, as a `BAD_USER_INPUT` error at
 * its field naming it (`extensions.argument`: `first`, `filter.slug.in`); null when every
 * argument is within bounds. `variables` are the coerced values.
 */
export function checkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A selection set's arguments are the same wherever a fragment is spread: each is read once.
  const seen = new Set<SelectionSetNode>();

  function visit(selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined): GraphQLError | null {
    if (!type || seen.has(selectionSet)) return null;
    seen.add(selectionSet);
    for (const selection of selectionSet.selections) {
      let found: GraphQLError | null = null;
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        if (hasBounds(field)) {
          const problem = problemOfField(field, getArgumentValues(field, selection, variables));
          if (problem) {
            const { message, argument } = problem;
            const extensions = argument ? { code: "BAD_USER_INPUT", argument } : { code: "BAD_USER_INPUT" };
            return new GraphQLError(message, { nodes: [selection], extensions });
          }
        }
        if (selection.selectionSet) found = visit(selection.selectionSet, getNamedType(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        found = visit(selection.selectionSet, condition ?? type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) found = visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      }
      if (found) return found;
    }
    return null;
  }

  const root = schema.getRootType(operation.operation);
  return root ? visit(operation.selectionSet, root) : null;
}
