// The README's codegen.ts for an outside frontend works as written: GraphQL Code Generator,
// run in a folder of its own, reads the schema from a running Worker (the deployable bundle on
// 127.0.0.1, with the development settings: introspection on) and types an operation.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root, serveBundle } from "./deployable";

const readme = readFileSync(join(root, "README.md"), "utf8");
/** The README's example configuration: the TypeScript block that declares a CodegenConfig. */
const example = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .find((c) => c.includes("CodegenConfig"));

const frontend = mkdtempSync(join(tmpdir(), "outside-frontend-"));
let mf: Miniflare;
let url: URL;

beforeAll(async () => {
  mf = await serveBundle(inject("bundle").script, {}, { port: 0, host: "127.0.0.1" }, {}, () => {});
  url = await mf.ready;
});
afterAll(async () => {
  await mf?.dispose();
  rmSync(frontend, { recursive: true, force: true });
});

describe("the README's codegen.ts for an outside frontend", () => {
  it("is in the README, pointing at a local `npm start`", () => {
    expect(example).toContain('schema: "http://localhost:8787/graphql"');
  });

  it("types an operation from the running endpoint's schema", () => {
    // The frontend's own packages would be these; here they are the project's.
    symlinkSync(join(root, "node_modules"), join(frontend, "node_modules"));
    writeFileSync(
      join(frontend, "codegen.ts"),
      example!.replace("http://localhost:8787/graphql", new URL("/graphql", url).href),
    );
    mkdirSync(join(frontend, "src"));
    writeFileSync(
      join(frontend, "src", "region.graphql"),
      /* GraphQL */ `query RegionName($code: String!) { region(code: $code) { name(lang: EN) population { value } } }\n`,
    );
    const run = spawnSync(join(root, "node_modules", ".bin", "graphql-codegen"), ["--config", "codegen.ts"], {
      cwd: frontend,
      encoding: "utf8",
      env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}`, FORCE_COLOR: "0" },
    });
    expect(run.status, `graphql-codegen failed:\n${run.stdout}\n${run.stderr}`).toBe(0);

    expect(readdirSync(join(frontend, "src", "gql")).sort()).toEqual([
      "fragment-masking.ts",
      "gql.ts",
      "graphql.ts",
      "index.ts",
    ]);
    const types = readFileSync(join(frontend, "src", "gql", "graphql.ts"), "utf8");
    expect(types).toContain("export type RegionNameQueryVariables = Exact<{\n  code: string;\n}>;");
    // The answer's type follows the schema: a region may be missing, its name and population not.
    expect(types).toContain(
      "export type RegionNameQuery = { region: { name: string, population: { value: number } } | null };",
    );
    expect(types).toContain("export const RegionNameDocument =");
  });
});
