// What each layer carries into the Worker. src/data/index.ts carries the JSON and its prebuilt
// search index, not the validator: zod and the schema kit are for the data check only, and
// the declarations name zod only in types. The schema carries no data at all: it reads the
// store its context hands it.
import { join } from "node:path";
import { build } from "esbuild";
import { expect, test } from "vitest";
import { root } from "./deployable";

async function bundle(entry: string) {
  return build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "neutral",
    metafile: true,
    logLevel: "silent",
    // Only the project's own modules matter here.
    external: ["graphql", "graphql-scalars", "@pothos/*", "minisearch"],
  });
}

async function inputsOf(entry: string): Promise<string[]> {
  return Object.keys((await bundle(entry)).metafile.inputs);
}

test("src/data bundles without zod and the kit, with every data file and the prebuilt index", async () => {
  const inputs = await inputsOf("src/data/index.ts");
  expect(inputs.filter((path) => path.includes("node_modules"))).toEqual([]);
  expect(inputs.filter((path) => path.startsWith("data/")).sort()).toEqual([
    "data/articles.json",
    "data/award-editions.json",
    "data/awards.json",
    "data/companies.json",
    "data/export-cooperations.json",
    "data/export-figures.json",
    "data/interviews.json",
    "data/nomination-reasons.json",
    "data/organizations.json",
    "data/people.json",
    "data/quotes.json",
    "data/regions.json",
  ]);
  expect(inputs).toContain("src/generated/search-index.ts");
  expect(inputs).toContain("src/data/entities.ts");
  expect(inputs).not.toContain("src/data/kit.ts");
  expect(inputs).not.toContain("src/data/check.ts");
});

test("the declarations' checks (shapes and rules) are left out of the bundle, the rest is in it", async () => {
  const [output] = (await bundle("src/data/index.ts")).outputFiles;
  const code = output?.text ?? "";
  // A rule's message, a shape's message and zod's method: the check's part of the declarations.
  for (const text of ["is not among the nominees", "must be a two-digit county code", "strictObject"]) {
    expect(code).not.toContain(text);
  }
  // The Worker's part: the kinds' names, links and search descriptions.
  for (const text of ["nomination-reasons.json", "Regions: names and seats.", "awardYear"]) {
    expect(code).toContain(text);
  }
});

test("src/schema bundles without the bundled dataset, its index or its store", async () => {
  const inputs = await inputsOf("src/schema/index.ts");
  expect(inputs).toContain("src/data/entities.ts");
  expect(inputs).toContain("src/data/store.ts");
  // Of the generated files, only the imports of the kinds' type files (no data, no index).
  expect(inputs.filter((path) => path.startsWith("data/") || path.startsWith("src/generated/"))).toEqual([
    "src/generated/schema-types.ts",
  ]);
  expect(inputs).not.toContain("src/data/index.ts");
  expect(inputs.filter((path) => path.includes("node_modules/zod"))).toEqual([]);
});
