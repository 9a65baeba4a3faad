/**
 * What introspection costs (src/graphql/cost.ts adds it to the rest of an operation): each
 * `__schema` and `__type` counts the values its answer will hold, read off the schema with
 * graphql-js' own introspection resolvers, so a list (`types`, `fields`, `args`, `enumValues`,
 * `inputFields`, `interfaces`, `possibleTypes`, `directives`…) counts its real items, each
 * with its selection: what the field selects, as the schema is. @pothos/plugin-complexity
 * knows only the schema's own fields: it counts either meta-field as 1 and nothing under it.
 *
 * The schema is fixed, so this is exact, not a bound: `{ __schema { types { name } } }` is
 * 2 values and a value for each type. The same selection is counted once per object it is
 * read from (GraphiQL's `TypeRef` fragment under every field), so counting stays far cheaper
 * than answering, however deep the document nests (graphql-armor's depth limit does not
 * look under `__schema`).
 */
import {
  __Directive,
  __Field,
  __Schema,
  __Type,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeMetaFieldDef,
} from "graphql";

/**
 * How many values of an introspection answer cost as much as one field of the data. A value is
 * read off an object in memory: about 0.6 µs each in Node, against 0.7 to 3.8 µs per cost of
 * the persisted operations (graphql-js' execute, warm, at e1876b5: `npx tsx bench/introspection.ts`
 * for introspection). And the playground must load the schema: GraphiQL's introspection query
 * holds about 7600 values (cost 763 at acaceed: above EXPENSIVE_COST, within MAX_COST), while
 * two of it in one request, or fifteen `__schema { types { name fields { name args { name type
 * { name } } } } }` (about 1350 values each), go over MAX_COST.
 */
export const INTROSPECTION_VALUES_PER_COST = 10;

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;
type Variables = Readonly<Record<string, unknown>>;

/**
 * What the introspection meta-fields of `operation` cost beyond the 1 each that
 * @pothos/plugin-complexity counted: for each `__schema` and `__type`, its values divided by
 * INTROSPECTION_VALUES_PER_COST (rounded up), less 1. The meta-fields are on the query root
 * type only (graphql-js resolves them nowhere else), which no field of this schema returns:
 * they are at the top of the operation, or in fragments spread there.
 */
export function introspectionCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables,
): number {
  if (operation.operation !== "query") return 0;
  const counter = new Counter(schema, fragments, variables);
  let extra = 0;
  for (const field of rootFields(operation.selectionSet, fragments, new Set())) {
    const values = counter.metaField(field);
    if (values > 0) extra += Math.ceil(values / INTROSPECTION_VALUES_PER_COST) - 1;
  }
  return extra;
}

/** The fields of a root selection, through its fragments (each spread once: validation forbids cycles). */
function* rootFields(selectionSet: SelectionSetNode, fragments: Fragments, spread: Set<string>): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* rootFields(selection.selectionSet, fragments, spread);
    else {
      const fragment = fragments[selection.name.value];
      if (!fragment || spread.has(fragment.name.value)) continue;
      spread.add(fragment.name.value);
      yield* rootFields(fragment.selectionSet, fragments, spread);
    }
  }
}

/**
 * The most objects an exact count reads (a selection read from one object is one), so that
 * counting stays cheaper than answering whatever the document: GraphiQL's query reads about 2000.
 * Beyond it, every meta-field not yet counted counts as its bound: every list its largest in
 * the schema (never less than its answer).
 */
export const MAX_COUNTED_OBJECTS = 4000;

class TooManyObjects extends Error {}

/** Per schema: the objects of each introspection type and the largest list each list field returns. */
const largestLists = new WeakMap<GraphQLSchema, Map<GraphQLField<unknown, unknown>, number>>();

function largestListsOf(schema: GraphQLSchema): Map<GraphQLField<unknown, unknown>, number> {
  let largest = largestLists.get(schema);
  if (largest) return largest;
  largest = new Map();
  const types = Object.values(schema.getTypeMap());
  const fields = types.flatMap((type) =>
    isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [],
  );
  const sources: [GraphQLObjectType, readonly unknown[]][] = [
    [__Schema, [schema]],
    [__Type, types],
    [__Field, fields],
    [__Directive, schema.getDirectives()],
  ];
  const info = { schema } as GraphQLResolveInfo;
  for (const [type, objects] of sources) {
    for (const field of Object.values(type.getFields())) {
      let most = 0;
      for (const object of objects) {
        const list: unknown = field.resolve?.(object, { includeDeprecated: true }, undefined, info);
        if (Array.isArray(list)) most = Math.max(most, list.length);
      }
      if (most > 0) largest.set(field, most);
    }
  }
  largestLists.set(schema, largest);
  return largest;
}

/**
 * Per schema: what each introspection object's fields returned, by field and arguments (a few
 * thousand lists at most: the objects of the schema times their fields' argument values).
 */
const resolved = new WeakMap<GraphQLSchema, WeakMap<object, Map<string, unknown>>>();

function resolvedOf(schema: GraphQLSchema): WeakMap<object, Map<string, unknown>> {
  let cache = resolved.get(schema);
  if (!cache) resolved.set(schema, (cache = new WeakMap()));
  return cache;
}

/** Counts the values of introspection selections, each selection once per object it reads. */
class Counter {
  readonly #schema: GraphQLSchema;
  readonly #fragments: Fragments;
  readonly #variables: Variables;
  readonly #info: GraphQLResolveInfo;
  readonly #counted = new Map<SelectionSetNode, Map<unknown, number>>();
  readonly #keys = new Map<FieldNode, string | null>();
  readonly #args = new Map<FieldNode, Record<string, unknown>>();
  #objects = 0;
  readonly #bounds = new Map<SelectionSetNode, Map<GraphQLObjectType, number>>();
  readonly #bounding = new Set<SelectionSetNode>();
  readonly #spreading = new Set<string>();

  constructor(schema: GraphQLSchema, fragments: Fragments, variables: Variables) {
    this.#schema = schema;
    this.#fragments = fragments;
    this.#variables = variables;
    // What graphql-js' introspection resolvers read of their `info`: the schema (`possibleTypes`).
    this.#info = { schema } as GraphQLResolveInfo;
  }

  /** The values of a root field's answer when it is `__schema` or `__type`; 0 for any other field. */
  metaField(field: FieldNode): number {
    const name = field.name.value;
    if (name !== "__schema" && name !== "__type") return 0;
    const type = name === "__schema" ? __Schema : __Type;
    try {
      if (name === "__schema") return 1 + this.#selection(field.selectionSet, type, this.#schema);
      const { name: typeName } = getArgumentValues(TypeMetaFieldDef, field, this.#variables);
      const named = typeof typeName === "string" ? this.#schema.getType(typeName) : undefined;
      return 1 + (named ? this.#selection(field.selectionSet, type, named) : 0);
    } catch (error) {
      if (!(error instanceof TooManyObjects)) throw error;
      this.#spreading.clear();
      return 1 + this.#bound(field.selectionSet, type, largestListsOf(this.#schema));
    }
  }

  /** The values of `selectionSet` read from `source`, an object of the introspection type `type`. */
  #selection(selectionSet: SelectionSetNode | undefined, type: GraphQLObjectType, source: unknown): number {
    if (!selectionSet) return 0;
    let bySource = this.#counted.get(selectionSet);
    if (!bySource) this.#counted.set(selectionSet, (bySource = new Map()));
    const known = bySource.get(source);
    if (known !== undefined) return known;
    if (++this.#objects > MAX_COUNTED_OBJECTS) throw new TooManyObjects();
    let values = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) values += this.#field(selection, type, source);
      else if (selection.kind === Kind.INLINE_FRAGMENT) values += this.#selection(selection.selectionSet, type, source);
      else {
        // A fragment within itself (validation refuses it; the rate limit counts before validation).
        const name = selection.name.value;
        if (this.#spreading.has(name)) throw new TooManyObjects();
        const fragment = this.#fragments[name];
        this.#spreading.add(name);
        if (fragment) values += this.#selection(fragment.selectionSet, type, source);
        this.#spreading.delete(name);
      }
    }
    bySource.set(source, values);
    return values;
  }

  /** A field is a value; a field that selects adds its selection once for each object it returns. */
  #field(field: FieldNode, type: GraphQLObjectType, source: unknown): number {
    const definition = type.getFields()[field.name.value];
    if (!definition || !field.selectionSet) return 1;
    const of = getNamedType(definition.type);
    if (!isObjectType(of)) return 1;
    const result = this.#resolve(definition, field, source);
    if (result == null) return 1;
    if (!Array.isArray(result)) return 1 + this.#selection(field.selectionSet, of, result);
    let values = 1;
    for (const item of result) values += this.#selection(field.selectionSet, of, item);
    return values;
  }

  /**
   * What `definition` returns for `field` read from `source`: graphql-js' resolver, with the
   * arguments of the field, once per object and arguments in a schema (`resolved`).
   */
  #resolve(definition: GraphQLField<unknown, unknown>, field: FieldNode, source: unknown): unknown {
    let key = this.#keys.get(field);
    if (key === undefined) {
      const args = getArgumentValues(definition, field, this.#variables);
      // Only `includeDeprecated: Boolean` is kept: a variable's value reaches here unchecked.
      const kept = Object.values(args).every((value) => typeof value === "boolean");
      key = kept ? `${definition.name}${JSON.stringify(args)}` : null;
      this.#keys.set(field, key);
      this.#args.set(field, args);
    }
    if (key === null) return definition.resolve?.(source, this.#args.get(field), undefined, this.#info);
    const cache = resolvedOf(this.#schema);
    let byKey = cache.get(source as object);
    if (!byKey) cache.set(source as object, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key);
    const result: unknown = definition.resolve?.(source, this.#args.get(field), undefined, this.#info);
    byKey.set(key, result);
    return result;
  }

  /**
   * The most values `selectionSet` can hold read from one object of `type`: every list its
   * largest. Once per selection and type (a fragment spread in many places is counted once);
   * a fragment within itself (validation refuses it; the rate limit counts before validation)
   * counts nothing more.
   */
  #bound(
    selectionSet: SelectionSetNode | undefined,
    type: GraphQLObjectType,
    largest: Map<GraphQLField<unknown, unknown>, number>,
  ): number {
    if (!selectionSet || this.#bounding.has(selectionSet)) return 0;
    let byType = this.#bounds.get(selectionSet);
    if (!byType) this.#bounds.set(selectionSet, (byType = new Map()));
    const known = byType.get(type);
    if (known !== undefined) return known;
    this.#bounding.add(selectionSet);
    let values = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) values += this.#bound(selection.selectionSet, type, largest);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        values += this.#bound(this.#fragments[selection.name.value]?.selectionSet, type, largest);
      } else {
        const definition = type.getFields()[selection.name.value];
        const of = definition && getNamedType(definition.type);
        const items = definition ? (largest.get(definition) ?? 1) : 0;
        values += 1 + (isObjectType(of) ? items * this.#bound(selection.selectionSet, of, largest) : 0);
      }
    }
    this.#bounding.delete(selectionSet);
    byType.set(type, values);
    return values;
  }
}
