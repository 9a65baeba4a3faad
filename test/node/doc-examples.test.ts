// Every example in README.md and docs/*.md that shows an answer is run against the deployable
// bundle and compared with what the page shows. The convention (test/node/doc-examples.ts):
//
//   ```graphql                      or   ```sh
//   { region(code: "SE-BD") { … } }      curl -s localhost:8787/graphql -H 'content-type: application/json' \
//   ```                                    -d '{"query":"…"}'
//                                        ```
//   ```json response
//   {"data": …, "extensions": {"cost": …}}
//   ```
//
// The shown JSON may be laid out over several lines; its values and key order must be the answer's.
// README.md is also held to its size: at most 250 lines, none over 200 characters.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { root } from "./deployable";
import { documentationFiles, examplesOf } from "./doc-examples";
import { captureLogs, useBundle } from "./http-support";

const bundle = useBundle();
captureLogs();
let mf: Miniflare;

beforeAll(async () => {
  mf = await bundle.serve();
});

const files = documentationFiles(root);
const examples = files.flatMap((file) => examplesOf(root, file));

describe("the documentation's examples", () => {
  it("are found in the README and the docs pages", () => {
    const where = new Set(examples.map((e) => e.where.split(":")[0]));
    expect(where).toContain("README.md");
    expect(where).toContain("docs/http-api.md");
    expect(where).toContain("docs/limits-and-cost.md");
  });

  it.each(examples.map((e) => [e.where, e] as const))("%s shows what the API answers", async (_, example) => {
    const response = await mf.dispatchFetch("http://localhost:8787/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: example.body,
    });
    const answer = await response.text();
    expect(JSON.stringify(JSON.parse(example.response))).toBe(answer);
  });
});

describe("README.md", () => {
  const lines = readFileSync(join(root, "README.md"), "utf8").split("\n");

  it("is at most 250 lines", () => {
    expect(lines.length).toBeLessThanOrEqual(250);
  });

  it("has no line over 200 characters", () => {
    expect(lines.filter((line) => [...line].length > 200)).toEqual([]);
  });
});
