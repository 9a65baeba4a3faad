// Compiles the operations kept in operations/**/*.graphql into the persisted-operations
// manifests: one document per operation (with the fragments it spreads), printed by graphql's
// `print` and hashed with sha256, as Apollo's `extensions.persistedQuery.sha256Hash` expects.
//
//   src/generated/persisted-operations.json   { "<sha256>": "<document>" }  bundled into the Worker
//   operations/manifest.json                  { "<OperationName>": "<sha256>" } for clients
//   operations/persisted-query-manifest.json  the same operations in Apollo's persisted-query
//                                             manifest format, which Apollo's and The Guild's tools read
//
// `npm run generate` writes them (scripts/generate.ts).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from "graphql";

/** The .graphql files under `dir`, in a stable order. */
export function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".graphql"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The fragments an operation needs, transitively, in a stable order. */
function fragmentsUsedBy(
  node: OperationDefinitionNode | FragmentDefinitionNode,
  all: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (seen.has(name)) return;
      const fragment = all.get(name);
      if (!fragment) throw new Error(`Operation ${node.name?.value} spreads unknown fragment ${name}`);
      seen.add(name);
      fragmentsUsedBy(fragment, all, seen);
    },
  });
  return seen;
}

/** One persisted operation: its name, kind, the exact text that is hashed, and the hash. */
export type PersistedOperation = {
  name: string;
  type: OperationDefinitionNode["operation"];
  body: string;
  sha256: string;
};

/** Every operation of the project's operations/ folder, in file order. */
export function persistedOperations(root: string): PersistedOperation[] {
  const operations: { op: OperationDefinitionNode; file: string }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of graphqlFiles(join(root, "operations"))) {
    const where = relative(root, file);
    const document = parse(readFileSync(file, "utf8"));
    for (const def of document.definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) {
        if (!def.name) throw new Error(`${where}: every persisted operation needs a name`);
        operations.push({ op: def, file: where });
      } else if (def.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(def.name.value)) throw new Error(`${where}: fragment ${def.name.value} is defined twice`);
        fragments.set(def.name.value, def);
      }
    }
  }
  // In file order (files by name, operations as written): the contract's operations come
  // first, in the order the contract lists them, and so do the playground's tabs.
  const names = new Set<string>();
  return operations.map(({ op, file }) => {
    const name = op.name!.value;
    if (names.has(name)) throw new Error(`${file}: operation ${name} is defined twice`);
    names.add(name);
    const used = [...fragmentsUsedBy(op, fragments)].sort().map((f) => fragments.get(f)!);
    const body = print({ kind: Kind.DOCUMENT, definitions: [op, ...used] } satisfies DocumentNode);
    return { name, type: op.operation, body, sha256: createHash("sha256").update(body).digest("hex") };
  });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The three manifests, by path relative to the project. */
export function persistedOperationFiles(root: string): Record<string, string> {
  const operations = persistedOperations(root);
  return {
    "src/generated/persisted-operations.json": json(Object.fromEntries(operations.map((o) => [o.sha256, o.body]))),
    "operations/manifest.json": json(Object.fromEntries(operations.map((o) => [o.name, o.sha256]))),
    "operations/persisted-query-manifest.json": json({
      format: "apollo-persisted-query-manifest",
      version: 1,
      operations: operations.map((o) => ({ id: o.sha256, name: o.name, type: o.type, body: o.body })),
    }),
  };
}
