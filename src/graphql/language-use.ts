/**
 * Whether an operation's answer depends on the request's language (Accept-Language), decided
 * from the document and the variables before anything executes, so that the answer key, the
 * ETag and `Vary` can name the language only when a resolver will read it.
 *
 * A resolver reads the request's language when a field that takes `lang` (a text, a search
 * edge's label or snippet) gets none: no argument, `lang: null`, or a variable whose value is
 * null or absent with no default. Every selection counts, whatever `@skip`/`@include` or type
 * conditions say, so the decision is never narrower than what execution reads (the tests hold
 * it against the language reads execution records, `Context.languageRead`).
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/** The argument through which a field is told its language. */
const LANG = "lang";

/**
 * What an operation's use of the request language depends on: `always` (a field without a
 * language), or the variables that give fields their language (each one's default, if any).
 */
export type LanguageUse = { always: boolean; variables: ReadonlyMap<string, boolean> };

export const NO_LANGUAGE_USE: LanguageUse = { always: false, variables: new Map() };
const ALWAYS: LanguageUse = { always: true, variables: new Map() };

/**
 * The language use of the operation `operationName` of `document` (valid or not: an unknown
 * field reads nothing). Fragments are walked where they are spread, so a fragment that the
 * operation does not use does not count.
 */
export function languageUseOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): LanguageUse {
  const operation = getOperationAST(document, operationName);
  if (!operation) return NO_LANGUAGE_USE;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // The fields that execution can reach: the operation's, with the fragments it spreads.
  const reached: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      operation,
      ...Array.from(fragments.values()).filter((fragment) =>
        spreads(operation.selectionSet, fragments, fragment.name.value),
      ),
    ],
  };
  const defaults = new Map<string, boolean>();
  for (const definition of operation.variableDefinitions ?? []) {
    const value = definition.defaultValue;
    defaults.set(definition.variable.name.value, !!value && value.kind !== Kind.NULL);
  }
  let always = false;
  const variables = new Map<string, boolean>();
  const typeInfo = new TypeInfo(schema);
  visit(
    reached,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field?.args.some((arg) => arg.name === LANG)) return;
        const given = node.arguments?.find((arg) => arg.name.value === LANG)?.value;
        if (!given || given.kind === Kind.NULL) always = true;
        else if (given.kind === Kind.VARIABLE) {
          const name = given.name.value;
          variables.set(name, defaults.get(name) ?? false);
        }
      },
    }),
  );
  if (always) return ALWAYS;
  return variables.size ? { always, variables } : NO_LANGUAGE_USE;
}

/** Whether a selection set spreads the fragment `name`, at any depth. */
function spreads(
  selections: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  name: string,
  seen = new Set<string>(),
): boolean {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const spread = selection.name.value;
      if (spread === name) return true;
      if (seen.has(spread)) continue;
      seen.add(spread);
      const fragment = fragments.get(spread);
      if (fragment && spreads(fragment.selectionSet, fragments, name, seen)) return true;
    } else if (selection.selectionSet && spreads(selection.selectionSet, fragments, name, seen)) return true;
  }
  return false;
}

/** Whether an operation of this use, with these variables (as sent), reads the request's language. */
export function readsRequestLanguage(use: LanguageUse, variables: Record<string, unknown> | undefined): boolean {
  if (use.always) return true;
  for (const [name, hasDefault] of use.variables) {
    // Own values only: a variable named like a built-in (`$__proto__`, `$constructor`) that was
    // not sent is absent, not Object.prototype's.
    const value = variables && Object.hasOwn(variables, name) ? variables[name] : undefined;
    // An absent variable takes its default (a language); null, sent, is no language.
    if (value === null || (value === undefined && !hasDefault)) return true;
  }
  return false;
}
