// `npm run generate`: writes every generated file, each only when its content changed. They are
// committed; test/node/generated.test.ts regenerates them into a temporary folder and fails
// when the committed ones differ.
//
//   src/generated/data-files.ts               every kind's data file, for the bundler (scripts/kind-modules.ts)
//   src/generated/schema-types.ts             every kind's GraphQL type file, for the schema (the same)
//   schema/schema.graphql                     the SDL, for clients and codegen (scripts/print-schema.ts)
//   operations/manifest.json                  operation name → sha256, for clients
//   operations/persisted-query-manifest.json  the same in Apollo's manifest format
//   src/generated/persisted-operations.json   sha256 → document, for the Worker (scripts/persisted-operations.ts)
//   examples/web/gql/                         typed documents (GraphQL Code Generator, codegen.ts)
//   src/generated/search-index.ts             the search index (scripts/search-index.ts)
//   worker-configuration.d.ts                 the Worker's types (wrangler types)
//
// What the Worker imports is in src/generated/; what clients read is where they look.
//
//   npm run generate                  brings the project's files up to date
//   npm run generate -- --out <dir>   writes them under <dir> instead (all but the worker types,
//                                     which `wrangler types --check` checks in place)
//
// wrangler's [build] command runs this on every `wrangler dev` start and rebuild (scripts/build.ts):
// a step whose inputs are as at its last run, and whose outputs are as it wrote them, is skipped
// (node_modules/.cache/generate.json).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { kindModules } from "./kind-modules";
import { graphqlFiles, persistedOperationFiles } from "./persisted-operations";
import { writeIfChanged } from "./write-if-changed.mjs";

const projectRoot = join(import.meta.dirname, "..");
const cacheFile = join(projectRoot, "node_modules", ".cache", "generate.json");
const lockfile = join(projectRoot, "package-lock.json");
/** The folder codegen writes; it owns it: a file there that codegen no longer makes is removed. */
const codegenOutput = "examples/web/gql/";

/** Files by path relative to the project. */
type Files = Record<string, string>;
type Cache = Record<string, { inputs: string; outputs: Record<string, string> }>;
export type GenerateResult = { written: string[]; skipped: string[]; files: number };

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const read = (path: string) => (existsSync(path) ? readFileSync(path) : Buffer.alloc(0));

/** A fingerprint of files' paths and contents (a missing file counts as empty). */
function fingerprint(paths: string[], ...extra: string[]): string {
  const hash = createHash("sha256");
  for (const path of [...new Set(paths)].sort()) hash.update(`${relative(projectRoot, path)}\0`).update(read(path));
  for (const value of extra) hash.update(`\0${value}`);
  return hash.digest("hex");
}

/** The project's own files that `entries` import, transitively (generated files left out). */
async function moduleGraph(entries: string[]): Promise<string[]> {
  const result = await build({
    entryPoints: entries.map((e) => join(projectRoot, e)),
    absWorkingDir: projectRoot,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    outdir: "out",
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith("src/generated/"))
    .map((input) => join(projectRoot, input));
}

/** What the generators' own code is: a change in it reruns every step. */
const generatorFiles = () => [
  import.meta.filename,
  lockfile,
  join(projectRoot, "scripts", "kind-modules.ts"),
  join(projectRoot, "scripts", "print-schema.ts"),
  join(projectRoot, "scripts", "persisted-operations.ts"),
  join(projectRoot, "scripts", "search-index.ts"),
  join(projectRoot, "codegen.ts"),
];

/** The project's tools run on the project's Node (the `node` devDependency), however this was started. */
const toolEnv = {
  ...process.env,
  PATH: `${join(projectRoot, "node_modules", ".bin")}:${process.env.PATH}`,
  FORCE_COLOR: "0",
};

function run(command: string, args: string[], what: string): { status: number | null; output: string } {
  const done = spawnSync(command, args, { cwd: projectRoot, encoding: "utf8", env: toolEnv });
  const output = `${done.stdout}\n${done.stderr}`;
  if (done.status !== 0 && what) throw new Error(`${what} failed:\n${output}`);
  return { status: done.status, output };
}

async function printedSchema(): Promise<string> {
  return (await import("./print-schema")).printedSchema();
}

async function typedDocuments(sdl: string): Promise<Files> {
  const [{ generate }, { default: config }] = await Promise.all([import("@graphql-codegen/cli"), import("../codegen")]);
  // The schema is the SDL just printed, so that a regeneration elsewhere (--out) needs nothing
  // from the project's own schema/schema.graphql.
  // Without watch mode, generate answers its files (its type says `any` for watch mode's sake).
  const outputs: { filename: string; content: string }[] = await generate(
    { ...config, schema: sdl, cwd: projectRoot, silent: true },
    false,
  );
  return Object.fromEntries(
    outputs.map((file) => [relative(projectRoot, resolve(projectRoot, file.filename)), file.content]),
  );
}

function searchIndex(): Files {
  const scratch = mkdtempSync(join(tmpdir(), "search-index-"));
  try {
    // `tsx scripts/search-index.ts <folder>` writes search-index.ts into that folder.
    run(
      "node",
      ["--import", "tsx", join(projectRoot, "scripts", "search-index.ts"), scratch],
      "scripts/search-index.ts",
    );
    return { "src/generated/search-index.ts": readFileSync(join(scratch, "search-index.ts"), "utf8") };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `wrangler types` writes its file itself, naming its own path in it: it runs only in place.
 * (It runs the [build] command too, to find the entry: scripts/build.ts does nothing for it.)
 */
function workerTypes(): boolean {
  if (run("wrangler", ["types", "--check"], "").status === 0) return false;
  run("wrangler", ["types"], "wrangler types");
  return true;
}

export async function generate({ out }: { out?: string } = {}): Promise<GenerateResult> {
  const target = out ? resolve(out) : projectRoot;
  // Elsewhere every step runs: that is how the freshness test sees what the inputs give.
  const useCache = !out;
  const cache: Cache = useCache && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")) : {};
  const generators = generatorFiles();
  const result: GenerateResult = { written: [], skipped: [], files: 0 };

  const current = (step: string, inputs: string) => {
    const last = cache[step];
    return (
      last?.inputs === inputs &&
      Object.entries(last.outputs).every(([path, hash]) => sha256(read(join(target, path))) === hash)
    );
  };
  const write = (step: string, inputs: string, files: Files, owns?: string) => {
    for (const [path, text] of Object.entries(files)) {
      if (writeIfChanged(join(target, path), text)) result.written.push(path);
    }
    if (owns && existsSync(join(target, owns))) {
      for (const name of readdirSync(join(target, owns))) {
        const path = `${owns}${name}`;
        if (!(path in files)) {
          rmSync(join(target, path));
          result.written.push(`${path} (removed)`);
        }
      }
    }
    result.files += Object.keys(files).length;
    cache[step] = { inputs, outputs: Object.fromEntries(Object.entries(files).map(([p, t]) => [p, sha256(t)])) };
  };
  const skip = (step: string) => {
    result.skipped.push(step);
    result.files += Object.keys(cache[step]!.outputs).length;
  };

  // The modules that import each kind's files: from the declarations, always (it takes
  // milliseconds), and first, since the schema and the data read them.
  write("kinds", "", kindModules(projectRoot));

  // The SDL: from the Pothos schema, which reads src/schema, src/data and data/.
  const schemaInputs = fingerprint([...(await moduleGraph(["src/schema/index.ts"])), ...generators]);
  let sdl: string;
  if (current("schema", schemaInputs)) {
    skip("schema");
    sdl = readFileSync(join(target, "schema", "schema.graphql"), "utf8");
  } else {
    sdl = await printedSchema();
    write("schema", schemaInputs, { "schema/schema.graphql": sdl });
  }

  // The persisted operations and the typed documents: from operations/ (and the SDL).
  const operations = graphqlFiles(join(projectRoot, "operations"));
  const operationInputs = fingerprint([...operations, ...generators]);
  if (current("operations", operationInputs)) skip("operations");
  else write("operations", operationInputs, persistedOperationFiles(projectRoot));
  const codegenInputs = fingerprint([...operations, ...generators], sdl);
  if (current("codegen", codegenInputs)) skip("codegen");
  else write("codegen", codegenInputs, await typedDocuments(sdl), codegenOutput);

  // The search index: from the data files as src/data/index.ts bundles them, through the code
  // that indexes them (scripts/search-index.ts reads the files itself: they are no import of it).
  const indexInputs = fingerprint([
    ...(await moduleGraph(["src/schema/search-index.ts", "src/data/index.ts"])),
    ...generators,
  ]);
  if (current("search-index", indexInputs)) skip("search-index");
  else write("search-index", indexInputs, searchIndex());

  // The worker types: from wrangler.toml (and .env, which can choose an environment).
  if (!out) {
    const wranglerVersion = JSON.parse(
      readFileSync(join(projectRoot, "node_modules", "wrangler", "package.json"), "utf8"),
    );
    const typesFile = "worker-configuration.d.ts";
    const typesInputs = fingerprint(
      [join(projectRoot, "wrangler.toml"), join(projectRoot, ".env"), lockfile],
      wranglerVersion.version,
    );
    if (current("types", typesInputs)) skip("types");
    else {
      if (workerTypes()) result.written.push(typesFile);
      result.files += 1;
      cache.types = { inputs: typesInputs, outputs: { [typesFile]: sha256(read(join(target, typesFile))) } };
    }
  }

  if (useCache) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, `${JSON.stringify(cache, null, 2)}\n`);
  }
  return result;
}

export function summary(result: GenerateResult, started: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = result.written.map((path) => `generate: wrote ${path}`);
  if (!result.written.length) lines.push(`generate: ${result.files} generated files up to date (${seconds} s)`);
  return lines.join("\n");
}

if (process.argv[1] === import.meta.filename) {
  const started = performance.now();
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  console.log(summary(await generate({ out: values.out }), started));
}
