/**
 * Valid operations, generated from the schema itself: every root field with its arguments,
 * nested selections through every link, inline and named fragments on interfaces and unions,
 * aliases, and arguments given inline or as variables with edge values (empty, long and
 * Unicode strings, zero and negative numbers, every enum value, every input field, so every
 * filter operator). Seeded: the same seed gives the same operations. An operation is a small
 * tree, printed as GraphQL text, that `shrink` takes apart while a check still fails.
 *
 * Used by test/worker/fuzz.test.ts (`npm test`) and `npm run fuzz` (scripts/fuzz.ts).
 */
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

/** An argument's value: GraphQL text given inline, or a variable with its type and JSON value. */
type Value = { inline: string } | { variable: string; type: string; json: unknown };
type Argument = { name: string; value: Value };

export type Selection =
  | { kind: "field"; alias: string | null; name: string; args: Argument[]; selections: Selection[] }
  | { kind: "inline"; on: string | null; selections: Selection[] }
  | { kind: "fragment"; name: string; on: string; selections: Selection[] };

/** One request: its document (as a tree), how it is sent, and in which language. */
export type FuzzOperation = {
  name: string | null;
  selections: Selection[];
  method: "GET" | "POST";
  accept: string;
  acceptLanguage: string | null;
};

/**
 * Values of the data, so that arguments find records: global ids, every id, code and slug, and
 * the cursors of the first items of a list.
 */
export type ValuePool = { globalIds: readonly string[]; keys: readonly string[]; cursors: readonly string[] };

const EDGE_STRINGS = [
  "",
  " ",
  "a",
  "x".repeat(201),
  "å".repeat(300),
  "Luleå",
  "LULEA",
  "Göteborg",
  "export",
  "regional",
  "näringsliv",
  "😀🚀",
  "e\u0301",
  "\u202etxet",
  "\u0000",
  "Ω≈ç√∫",
  '"quoted" \\ back',
  "__proto__",
  "constructor",
  "%7B",
  "SE-ZZ",
  "null",
];
const EDGE_INTS = [0, -1, 1, 2, 3, 5, 20, 100, 101, -100, 2008, 2021, 2022, 2147483647, -2147483648];
const EDGE_FLOATS = [0, -1, 0.5, -0.25, 1.5, 100, 1e6, 123456.75, -1e9];
const EDGE_DATES = ["2022-08-31", "2000-01-01", "1999-12-31", "2030-02-28"];
const EDGE_URLS = ["https://www.regeringen.se/", "https://example.com/a?b=c#d", "http://localhost/"];
const EDGE_IDS = ["", "abc", "UmVnaW9uOlNFLVpa", "X19wcm90b19fOjE=", "Tm9taW5hdGlvbjp4"];

/** What one operation may hold: kept within the API's limits (depth 10, aliases 15, tokens 500). */
const MAX_DEPTH = 5;
const MAX_FIELDS = 14;

class OperationMaker {
  readonly #random: () => number;
  readonly #schema: GraphQLSchema;
  readonly #pool: ValuePool;
  #fields = 0;
  #variables = 0;
  #fragments = 0;
  #aliases = 0;

  constructor(schema: GraphQLSchema, random: () => number, pool: ValuePool) {
    this.#schema = schema;
    this.#random = random;
    this.#pool = pool;
  }

  chance(p: number): boolean {
    return this.#random() < p;
  }
  int(n: number): number {
    return Math.floor(this.#random() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** The selections of a root field, `first` of them the root field named (every one gets its turn). */
  operation(first: string): Selection[] {
    const query = this.#schema.getQueryType()!;
    const fields = Object.values(query.getFields());
    const keys = new Set<string>();
    const chosen = [query.getFields()[first]!];
    const more = this.int(3);
    for (let i = 0; i < more; i++) chosen.push(this.pick(fields));
    return chosen.map((field) => this.field(field, keys, 1));
  }

  field(field: GraphQLField<unknown, unknown>, keys: Set<string>, depth: number): Selection {
    let alias: string | null = null;
    // A response key is used once in a selection set and the fragments merged into it, so that
    // no two fields need merging (an operation that would not validate).
    if (keys.has(field.name) || this.chance(0.08)) {
      if (this.#aliases >= 12) return this.typename(keys);
      this.#aliases++;
      alias = `${field.name}${keys.size}`;
      while (keys.has(alias)) alias += "_";
    }
    this.#fields++;
    keys.add(alias ?? field.name);
    const args = field.args.flatMap((arg) => (isNonNullType(arg.type) || this.chance(0.3) ? [this.argument(arg)] : []));
    const type = getNamedType(field.type);
    const selections = isCompositeType(type) ? this.selections(type, depth + 1) : [];
    return { kind: "field", alias, name: field.name, args, selections };
  }

  /** A selection set on an object, interface or union: a few fields, fragments on abstract types. */
  selections(type: GraphQLNamedType, depth: number, keys = new Set<string>()): Selection[] {
    const out: Selection[] = [];
    const tight = depth >= MAX_DEPTH || this.#fields >= MAX_FIELDS;
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const leaves = fields.filter(
        (f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)),
      );
      const count = tight ? 1 : 1 + this.int(3);
      for (let i = 0; i < count; i++) {
        if (tight && leaves.length === 0) break;
        out.push(this.field(this.pick(tight ? leaves : fields), keys, depth));
      }
      if (out.length === 0) out.push(this.typename(keys));
    } else {
      out.push(this.typename(keys));
    }
    if (isAbstractType(type) && !tight) {
      const possible = this.#schema.getPossibleTypes(type);
      const count = 1 + this.int(2);
      for (let i = 0; i < count; i++) {
        const on = this.pick(possible);
        const inner = this.selections(on, depth, keys);
        if (this.chance(0.3)) {
          out.push({ kind: "fragment", name: `F${this.#fragments++}`, on: on.name, selections: inner });
        } else out.push({ kind: "inline", on: on.name, selections: inner });
      }
      if (isInterfaceType(type) && this.chance(0.2)) {
        out.push({
          kind: "fragment",
          name: `F${this.#fragments++}`,
          on: type.name,
          selections: this.selections(type, depth, keys),
        });
      }
    } else if (this.chance(0.05)) {
      out.push({ kind: "inline", on: this.chance(0.5) ? type.name : null, selections: [this.typename(keys)] });
    }
    return out;
  }

  typename(keys: Set<string>): Selection {
    keys.add("__typename");
    return { kind: "field", alias: null, name: "__typename", args: [], selections: [] };
  }

  argument(arg: GraphQLArgument): Argument {
    const json = this.value(arg.type, arg.name, 0);
    if (this.chance(0.4)) {
      return { name: arg.name, value: { variable: `v${this.#variables++}`, type: String(arg.type), json } };
    }
    return { name: arg.name, value: { inline: printValue(json, arg.type) } };
  }

  /** A JSON value of an input type (an enum's value is its name). */
  value(type: GraphQLInputType, name: string, depth: number, nullable = true): unknown {
    if (isNonNullType(type)) return this.value(type.ofType, name, depth, false);
    if (nullable && this.chance(0.04)) return null;
    if (isListType(type)) {
      const count = this.int(4);
      return Array.from({ length: count }, () => this.value(type.ofType, name, depth + 1));
    }
    if (isEnumType(type)) return this.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const out: Record<string, unknown> = {};
      for (const field of fields) {
        if (isNonNullType(field.type) || (depth < 2 && this.chance(0.3))) {
          out[field.name] = this.value(field.type, field.name, depth + 1);
        }
      }
      if (Object.keys(out).length === 0 && fields.length && depth < 2) {
        const field = this.pick(fields);
        out[field.name] = this.value(field.type, field.name, depth + 1);
      }
      return out;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case "Int":
          return name === "first" || name === "last"
            ? this.pick([0, 1, 1, 2, 2, 3, 5, 10, 100, 101, -1])
            : this.pick(EDGE_INTS);
        case "Float":
          return this.pick(EDGE_FLOATS);
        case "Boolean":
          return this.chance(0.5);
        case "ID":
          return this.chance(0.85) ? this.pick(this.#pool.globalIds) : this.pick(EDGE_IDS);
        case "Date":
          return this.pick(EDGE_DATES);
        case "URL":
          return this.pick(EDGE_URLS);
        default:
          if (name === "after" || name === "before") {
            return this.chance(0.95) ? this.pick(this.#pool.cursors) : this.pick(EDGE_STRINGS);
          }
          return this.chance(0.6) ? this.pick(this.#pool.keys) : this.pick(EDGE_STRINGS);
      }
    }
    throw new Error(`no value for ${String(type)}`);
  }
}

/** A JSON value as a GraphQL literal of its type. */
function printValue(json: unknown, type: GraphQLInputType): string {
  if (json === null) return "null";
  if (isNonNullType(type)) return printValue(json, type.ofType);
  if (isListType(type)) return `[${(json as unknown[]).map((item) => printValue(item, type.ofType)).join(", ")}]`;
  if (isEnumType(type)) return String(json);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const parts = Object.entries(json as Record<string, unknown>).map(
      ([name, value]) => `${name}: ${printValue(value, fields[name]!.type)}`,
    );
    return `{${parts.join(", ")}}`;
  }
  return JSON.stringify(json);
}

/** Operations of a seed: the i-th names the i-th root field (in turn) first. */
export function generateOperations(
  schema: GraphQLSchema,
  random: () => number,
  pool: ValuePool,
  count: number,
): FuzzOperation[] {
  const roots = Object.keys(schema.getQueryType()!.getFields());
  return Array.from({ length: count }, (_, i) => {
    const generator = new OperationMaker(schema, random, pool);
    const selections = generator.operation(roots[i % roots.length]!);
    return {
      name: generator.chance(0.7) ? `Fuzz${i}` : null,
      selections,
      method: generator.chance(0.3) ? "GET" : "POST",
      accept: generator.pick([
        "application/graphql-response+json",
        "application/json",
        "application/graphql-response+json, application/json;q=0.9",
        "*/*",
      ]),
      acceptLanguage: generator.pick([null, "sv", "en", "en-GB,en;q=0.9,sv;q=0.8"]),
    };
  });
}

/** The variables an operation's selections use, each once, in order. */
function variablesOf(selections: readonly Selection[], out = new Map<string, { type: string; json: unknown }>()) {
  for (const selection of selections) {
    if (selection.kind === "field") {
      for (const { value } of selection.args) {
        if ("variable" in value) out.set(value.variable, { type: value.type, json: value.json });
      }
    }
    variablesOf(selection.selections, out);
  }
  return out;
}

function fragmentsOf(selections: readonly Selection[], out: Selection[] = []): Selection[] {
  for (const selection of selections) {
    if (selection.kind === "fragment") out.push(selection);
    fragmentsOf(selection.selections, out);
  }
  return out;
}

function printSelections(selections: readonly Selection[]): string {
  return `{ ${selections
    .map((s) => {
      if (s.kind === "fragment") return `...${s.name}`;
      if (s.kind === "inline") return `...${s.on ? ` on ${s.on}` : ""} ${printSelections(s.selections)}`;
      const args = s.args.length
        ? `(${s.args.map((a) => `${a.name}: ${"inline" in a.value ? a.value.inline : `$${a.value.variable}`}`).join(", ")})`
        : "";
      const sub = s.selections.length ? ` ${printSelections(s.selections)}` : "";
      return `${s.alias ? `${s.alias}: ` : ""}${s.name}${args}${sub}`;
    })
    .join(" ")} }`;
}

/** The request of an operation: its document's text and its variables' values. */
export function requestOf(operation: FuzzOperation): { query: string; variables: Record<string, unknown> } {
  const variables = variablesOf(operation.selections);
  const definitions = [...variables].map(([name, { type }]) => `$${name}: ${type}`);
  const head = operation.name || definitions.length ? `query ${operation.name ?? ""}` : "";
  const declared = definitions.length ? `(${definitions.join(", ")})` : "";
  const fragments = fragmentsOf(operation.selections).map(
    (f) => `fragment ${(f as { name: string }).name} on ${(f as { on: string }).on} ${printSelections(f.selections)}`,
  );
  const query = [`${head}${declared} ${printSelections(operation.selections)}`.trim(), ...fragments].join("\n");
  return { query, variables: Object.fromEntries([...variables].map(([name, { json }]) => [name, json])) };
}

/** Every operation one step smaller: a selection or an optional argument dropped. */
function* smaller(operation: FuzzOperation): Generator<FuzzOperation> {
  const paths: number[][] = [];
  const walk = (selections: readonly Selection[], path: number[]) =>
    selections.forEach((s, i) => {
      paths.push([...path, i]);
      walk(s.selections, [...path, i]);
    });
  walk(operation.selections, []);
  // The largest steps first: a root field before what it selects.
  paths.sort((a, b) => a.length - b.length);
  for (const path of paths) {
    const removed = edit(operation.selections, path, () => null);
    if (removed?.length) yield { ...operation, selections: removed };
    const leaf = edit(operation.selections, path, (s) =>
      s.kind === "field" && s.selections.some((inner) => inner.kind !== "field" || inner.name !== "__typename")
        ? { ...s, selections: [typenameField()] }
        : undefined,
    );
    if (leaf) yield { ...operation, selections: leaf };
    const dropArgs = edit(operation.selections, path, (s) =>
      s.kind === "field" && s.args.length ? { ...s, args: s.args.slice(1) } : undefined,
    );
    if (dropArgs) yield { ...operation, selections: dropArgs };
    const noAlias = edit(operation.selections, path, (s) =>
      s.kind === "field" && s.alias ? { ...s, alias: null } : undefined,
    );
    if (noAlias) yield { ...operation, selections: noAlias };
  }
}

const typenameField = (): Selection => ({ kind: "field", alias: null, name: "__typename", args: [], selections: [] });

/**
 * The selections with the one at `path` replaced by `change`'s result (null drops it);
 * undefined when `change` has nothing to change there, or a selection set would be left empty.
 */
function edit(
  selections: readonly Selection[],
  path: readonly number[],
  change: (s: Selection) => Selection | null | undefined,
): Selection[] | undefined {
  const [at, ...rest] = path;
  if (at === undefined) return undefined;
  const target = selections[at]!;
  let replaced: Selection | null | undefined;
  if (rest.length === 0) replaced = change(target);
  else {
    const inner = edit(target.selections, rest, change);
    replaced = inner?.length ? { ...target, selections: inner } : undefined;
  }
  if (replaced === undefined) return undefined;
  const out = [...selections];
  if (replaced === null) out.splice(at, 1);
  else out[at] = replaced;
  return out;
}

/**
 * The smallest operation that still fails: drops selections, arguments and aliases, one at a
 * time, while `fails` says the smaller one fails too (greedy; each step keeps a failing one).
 */
export async function shrink(
  operation: FuzzOperation,
  fails: (operation: FuzzOperation) => Promise<boolean>,
  budget = 2000,
): Promise<FuzzOperation> {
  let smallest = operation;
  let tries = 0;
  for (let progress = true; progress && tries < budget; ) {
    progress = false;
    for (const candidate of smaller(smallest)) {
      if (++tries > budget) break;
      if (await fails(candidate)) {
        smallest = candidate;
        progress = true;
        break;
      }
    }
  }
  return smallest;
}
