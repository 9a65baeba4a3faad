/**
 * How much work graphql-js' OverlappingFieldsCanBeMerged rule has with a document, estimated
 * before validation: the pairs of fields it compares, those of one response name at one place
 * of the result (fragments and inline fragments merged in, places below merged fields
 * merged too). The rule is quadratic in them, and gives up ("Validation aborted.") only after
 * the work is done (bench/README.md has the figures from before this limit; the bench's shape
 * "a field repeated $n×20 times, for validation" measures it now). Counting them is linear in
 * the document, and stops once over the limit.
 */
import { type DocumentNode, type FieldNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from "graphql";

/** The pairs of same-named fields in one place of the result, over `limit` as soon as it is passed. */
export function overlapsOf(document: DocumentNode, limit: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let pairs = 0;
  // Fields visited: a fragment spread at several places is read at each, so this is bounded too.
  let visits = 0;
  const visitLimit = 50 * limit + 10_000;

  const collect = (set: SelectionSetNode, into: Map<string, FieldNode[]>, spread: Set<string>) => {
    for (const selection of set.selections) {
      if (++visits > visitLimit) return;
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        const same = into.get(name);
        if (same) same.push(selection);
        else into.set(name, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, into, spread);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet, into, spread);
      }
    }
  };

  const place = (sets: readonly SelectionSetNode[]) => {
    const fields = new Map<string, FieldNode[]>();
    const spread = new Set<string>();
    for (const set of sets) collect(set, fields, spread);
    for (const same of fields.values()) {
      pairs += (same.length * (same.length - 1)) / 2;
      if (pairs > limit || visits > visitLimit) return;
      const below = same.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
      if (below.length) place(below);
      if (pairs > limit || visits > visitLimit) return;
    }
  };

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      place([definition.selectionSet]);
    }
    if (pairs > limit || visits > visitLimit) return Math.max(pairs, limit + 1);
  }
  return pairs;
}
