// Every generated file is what `npm run generate` makes from today's sources: regenerated into
// a temporary folder and compared with the committed file, one by one. The worker types name
// their own path, so wrangler checks them in place (`wrangler types --check`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./deployable";

const fresh = mkdtempSync(join(tmpdir(), "generated-"));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

const run = (command: string, args: string[]) =>
  spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}`, FORCE_COLOR: "0" },
  });

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

let generated: string[] = [];
beforeAll(() => {
  const done = run("node", ["--import", "tsx", "scripts/generate.ts", "--out", fresh]);
  expect(done.status, `npm run generate -- --out failed:\n${done.stdout}\n${done.stderr}`).toBe(0);
  generated = filesUnder(fresh);
}, 120_000);

describe("the generated files", () => {
  it("are all regenerated", () => {
    expect(generated).toEqual([
      "examples/web/gql/gql.ts",
      "examples/web/gql/graphql.ts",
      "examples/web/gql/index.ts",
      "operations/manifest.json",
      "operations/persisted-query-manifest.json",
      "schema/schema.graphql",
      "src/generated/data-files.ts",
      "src/generated/persisted-operations.json",
      "src/generated/schema-types.ts",
      "src/generated/search-index.ts",
    ]);
  });

  it("are marked as generated (.gitattributes), all but the SDL, whose diff is the API's change", () => {
    const files = [...generated, "worker-configuration.d.ts"];
    const check = run("git", ["check-attr", "linguist-generated", "--", ...files]);
    const marked = check.stdout
      .split("\n")
      .filter((line) => line.endsWith(": linguist-generated: true"))
      .map((line) => line.slice(0, line.indexOf(":")));
    expect(marked).toEqual(files.filter((file) => file !== "schema/schema.graphql"));
  });

  it("are as committed: else run `npm run generate` and commit the result", () => {
    const stale = generated.filter((file) => {
      const committed = (() => {
        try {
          return readFileSync(join(root, file), "utf8");
        } catch {
          return undefined;
        }
      })();
      return committed !== readFileSync(join(fresh, file), "utf8");
    });
    expect(stale, "stale: run `npm run generate` and commit the result").toEqual([]);
  });

  it("leave nothing else in the folder codegen owns", () => {
    expect(filesUnder(join(root, "examples", "web", "gql"))).toEqual(filesUnder(join(fresh, "examples", "web", "gql")));
  });

  it("include worker-configuration.d.ts as `wrangler types` makes it", () => {
    const done = run(join(root, "node_modules", ".bin", "wrangler"), ["types", "--check"]);
    expect(done.status, `${done.stdout}\n${done.stderr}\nrun \`npm run generate\``).toBe(0);
  });
});

describe("operations/persisted-query-manifest.json", () => {
  it("is Apollo's persisted-query manifest of the same operations and hashes as operations/manifest.json", () => {
    const apollo = JSON.parse(readFileSync(join(root, "operations", "persisted-query-manifest.json"), "utf8"));
    const byName: Record<string, string> = JSON.parse(readFileSync(join(root, "operations", "manifest.json"), "utf8"));
    const documents: Record<string, string> = JSON.parse(
      readFileSync(join(root, "src", "generated", "persisted-operations.json"), "utf8"),
    );
    expect(apollo.format).toBe("apollo-persisted-query-manifest");
    expect(apollo.version).toBe(1);
    expect(apollo.operations.map((o: { name: string; id: string }) => [o.name, o.id])).toEqual(Object.entries(byName));
    for (const operation of apollo.operations) {
      expect(Object.keys(operation)).toEqual(["id", "name", "type", "body"]);
      expect(operation.type).toBe("query");
      expect(documents[operation.id]).toBe(operation.body);
    }
  });
});
