// The Worker's view of the data (src/data/index.ts) carries the JSON, not the validator:
// zod is for the data check only, and runtime code imports shape.ts with `import type`.

import { join } from "node:path";
import { build } from "esbuild";
import { expect, test } from "vitest";
import { root } from "./deployable";

test("src/data bundles without zod, with every data file", async () => {
  const result = await build({
    entryPoints: [join(root, "src", "data", "index.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => path.includes("node_modules"))).toEqual([]);
  expect(inputs.filter((path) => path.startsWith("data/")).sort()).toEqual([
    "data/articles.json",
    "data/award-editions.json",
    "data/awards.json",
    "data/companies.json",
    "data/export-cooperations.json",
    "data/export-figures.json",
    "data/interviews.json",
    "data/organizations.json",
    "data/people.json",
    "data/quotes.json",
    "data/regions.json",
  ]);
  expect(inputs).not.toContain("src/data/shape.ts");
});
