// The typed client in examples/web/gql/ must be what GraphQL Code Generator makes from
// today's schema and operations: regenerate into a temp folder and compare, file by file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "./deployable";

const committed = join(root, "examples", "web", "gql");
const fresh = mkdtempSync(join(tmpdir(), "codegen-"));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe("the typed client (examples/web/gql/)", () => {
  it("is up to date with schema/schema.graphql and operations/", () => {
    const run = spawnSync(
      join(root, "node_modules", ".bin", "graphql-codegen"),
      ["--config", "codegen.ts", "--silent"],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, CODEGEN_OUTPUT: `${fresh}/` },
      },
    );
    expect(run.status, `graphql-codegen failed:\n${run.stdout}\n${run.stderr}`).toBe(0);

    const files = readdirSync(fresh).sort();
    expect(readdirSync(committed).sort(), "run `npm run codegen`: the generated files differ").toEqual(files);
    for (const file of files) {
      expect(
        readFileSync(join(committed, file), "utf8"),
        `examples/web/gql/${file} is stale: run \`npm run codegen\``,
      ).toBe(readFileSync(join(fresh, file), "utf8"));
    }
  });
});
