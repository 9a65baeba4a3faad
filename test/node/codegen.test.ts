// The copyable frontend, examples/typed-client/, works as the README's "Typed documents" says:
// a copy of the folder (with the project's packages, so nothing new is installed) runs its
// codegen.ts against a running Worker (the deployable bundle on 127.0.0.1) and, with the API
// unreachable, against the schema file beside it; the generated types check; and its Apollo
// Client and urql calls print what the README shows.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root, serveBundle } from "./deployable";

const example = join(root, "examples", "typed-client");
const readme = readFileSync(join(root, "README.md"), "utf8");
/** The README's commands for the folder: the ```sh block that starts with `cd examples/typed-client`. */
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .find((block) => block.startsWith("cd examples/typed-client"));
/** What the README says `npm run <script>` prints: the comment after it. */
const shownOutput = (script: string) => new RegExp(`^npm run ${script} +# (.+)$`, "m").exec(commands ?? "")?.[1];

// The copy sits where the folder sits in the repository, so its fallback, ../../schema/schema.graphql, is there.
const workspace = mkdtempSync(join(tmpdir(), "typed-client-"));
const frontend = join(workspace, "examples", "typed-client");
const bin = join(root, "node_modules", ".bin");
let mf: Miniflare;
let api: string;

beforeAll(async () => {
  cpSync(example, frontend, { recursive: true, filter: (path) => !/\/(node_modules|gql)$/.test(path) });
  mkdirSync(join(workspace, "schema"));
  cpSync(join(root, "schema", "schema.graphql"), join(workspace, "schema", "schema.graphql"));
  symlinkSync(join(root, "node_modules"), join(frontend, "node_modules"));
  mf = await serveBundle(inject("bundle").script, {}, { port: 0, host: "127.0.0.1" }, {}, () => {});
  api = new URL("/graphql", await mf.ready).href;
});
afterAll(async () => {
  await mf?.dispose();
  rmSync(workspace, { recursive: true, force: true });
});

/** Runs a tool of the project's in the copy, as the folder's npm scripts would. */
function run(command: string, args: string[], env: Record<string, string>): SpawnSyncReturns<string> {
  const result = spawnSync(join(bin, command), args, {
    cwd: frontend,
    encoding: "utf8",
    env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  expect(result.status, `${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

const scripts = JSON.parse(readFileSync(join(example, "package.json"), "utf8")).scripts as Record<string, string>;
const region = JSON.parse(readFileSync(join(root, "data", "regions.json"), "utf8")).find(
  (r: { isoCode: string }) => r.isoCode === "SE-BD",
);

describe("examples/typed-client, as the README says", () => {
  it("is in the README: install, codegen, and a call by each client, with their output", () => {
    expect(commands?.split("\n").filter((l) => l && !l.startsWith("npm run"))).toEqual([
      "cd examples/typed-client",
      "npm install",
    ]);
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(["codegen", "apollo", "urql"]));
    expect(shownOutput("codegen")).toBeDefined();
  });

  it("types its operation from the running API's schema", () => {
    const codegen = run("graphql-codegen", ["--config", "codegen.ts"], { API_URL: api });
    expect(codegen.stderr).toContain(`codegen: the schema of ${api}`);
    const types = readFileSync(join(frontend, "src", "gql", "graphql.ts"), "utf8");
    expect(types).toContain("export type RegionNameQueryVariables = Exact<{\n  code: string;\n}>;");
    // The answer's type follows the schema: a region may be missing, its name and population not.
    expect(types).toContain(
      "export type RegionNameQuery = { region: { name: string, population: { value: number, year: number } } | null };",
    );
    expect(types).toContain("export const RegionNameDocument =");
    // The two calls check against it (`npm run typecheck`).
    run("tsc", ["--noEmit", "-p", "."], {});
  });

  it.each([
    ["apollo", "Apollo Client"],
    ["urql", "urql"],
  ])("sends it with %s and prints what the README shows", (script, client) => {
    expect(scripts[script]).toBe(`tsx src/${script}.ts`);
    const { stdout } = run("tsx", [`src/${script}.ts`], { API_URL: api });
    const printed = `${client}: ${region.name.en}, ${region.population.value} inhabitants (${region.population.date.slice(0, 4)})`;
    expect(stdout).toBe(`${printed}\n`);
    expect(shownOutput(script)).toBe(printed);
  });

  it("falls back to the schema file when the API does not answer", () => {
    // A port nobody listens on: the first port of the API's, closed, would do; 9 is discard.
    rmSync(join(frontend, "src", "gql"), { recursive: true, force: true });
    const codegen = run("graphql-codegen", ["--config", "codegen.ts"], { API_URL: "http://127.0.0.1:9/graphql" });
    expect(codegen.stderr).toContain("codegen: the schema of ../../schema/schema.graphql");
    expect(readFileSync(join(frontend, "src", "gql", "graphql.ts"), "utf8")).toContain(
      "export type RegionNameQuery = { region: { name: string, population: { value: number, year: number } } | null };",
    );
  });
});
