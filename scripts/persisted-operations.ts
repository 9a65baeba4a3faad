// Compiles the operations kept in operations/**/*.graphql into the persisted-operations
// manifest: one document per operation (with the fragments it spreads), printed by graphql's
// `print` and hashed with sha256, as Apollo's `extensions.persistedQuery.sha256Hash` expects.
//
//   src/graphql/persisted-operations.json  { "<sha256>": "<document>" }  bundled into the Worker
//   operations/manifest.json               { "<OperationName>": "<sha256>" } for clients
//
// Run with `npm run operations`; a test fails when the committed files are stale.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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

const root = join(import.meta.dirname, "..");
export const operationsDir = join(root, "operations");
export const workerManifestPath = join(root, "src", "graphql", "persisted-operations.json");
export const clientManifestPath = join(operationsDir, "manifest.json");

function graphqlFiles(dir: string): string[] {
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

export function buildManifests(): { worker: Record<string, string>; client: Record<string, string> } {
  const operations: { op: OperationDefinitionNode; file: string }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of graphqlFiles(operationsDir)) {
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
  const worker: Record<string, string> = {};
  const client: Record<string, string> = {};
  // In file order (files by name, operations as written): the contract's operations come
  // first, in the order the contract lists them, and so do the playground's tabs.
  for (const { op, file } of operations) {
    const name = op.name!.value;
    if (name in client) throw new Error(`${file}: operation ${name} is defined twice`);
    const used = [...fragmentsUsedBy(op, fragments)].sort().map((f) => fragments.get(f)!);
    const text = print({ kind: Kind.DOCUMENT, definitions: [op, ...used] } satisfies DocumentNode);
    const hash = createHash("sha256").update(text).digest("hex");
    worker[hash] = text;
    client[name] = hash;
  }
  return { worker, client };
}

export function manifestFiles(): Record<string, string> {
  const { worker, client } = buildManifests();
  return {
    [workerManifestPath]: `${JSON.stringify(worker, null, 2)}\n`,
    [clientManifestPath]: `${JSON.stringify(client, null, 2)}\n`,
  };
}

if (process.argv[1] === import.meta.filename) {
  for (const [path, text] of Object.entries(manifestFiles())) {
    writeFileSync(path, text);
    console.log(`wrote ${relative(root, path)}`);
  }
}
