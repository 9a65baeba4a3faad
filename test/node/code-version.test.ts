// An ETag that follows the code: the project's bundle, built as `npm run deploy` builds it, against
// a copy of the project built after a change in the code that changes an answer (the Query type's
// description, which introspection answers). The two bundles' answers to the same GET never
// share an ETag, the changed answer included: a browser's revalidation against the new build
// never gets a 304 for the old body, nor Workers Cache an entry of the old build.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { codeVersion } from "../../scripts/code-version";
import { buildBundle, root, serveBundle } from "./deployable";
import { captureLogs, get } from "./http-support";

captureLogs();
const copy = mkdtempSync(join(tmpdir(), "code-version-"));
const served: Miniflare[] = [];
afterAll(async () => {
  await Promise.all(served.map((mf) => mf.dispose()));
  rmSync(copy, { recursive: true, force: true });
});

const builderFile = join(copy, "src", "schema", "builder.ts");
const OLD = "The entry points of the Swedish export promotion API.";
const NEW = "The entry points of the Swedish export promotion API (changed in a test).";
const description = { query: "query QueryType { __schema { queryType { description } } }" };
const plain = { query: "query Version { datasetVersion }" };

let before: Miniflare;
let after: Miniflare;
let versions: string[];

beforeAll(async () => {
  // What `wrangler deploy` and its [build] command (scripts/build.ts) read.
  for (const folder of ["src", "data", "scripts", "operations", "schema", "examples", "public", "docs"]) {
    cpSync(join(root, folder), join(copy, folder), { recursive: true });
  }
  for (const file of ["package.json", "package-lock.json", "wrangler.toml", ".env", "README.md", "tsconfig.json"]) {
    cpSync(join(root, file), join(copy, file));
  }
  mkdirSync(join(copy, "node_modules"));
  for (const entry of readdirSync(join(root, "node_modules"))) {
    if (entry !== ".cache") symlinkSync(join(root, "node_modules", entry), join(copy, "node_modules", entry));
  }
  // The first build is the project's own, made once for every node test (test/setup.ts): the
  // copy is the same code until the change below.
  const unchanged = codeVersion(copy);
  expect(unchanged).toBe(codeVersion(root));
  const source = readFileSync(builderFile, "utf8");
  expect(source).toContain(OLD);
  writeFileSync(builderFile, source.replace(OLD, NEW));
  versions = [unchanged, codeVersion(copy)];
  const second = buildBundle(undefined, { project: copy });
  [before, after] = await Promise.all([serveBundle(inject("bundle").script), serveBundle(second.script)]);
  served.push(before, after);
});

describe("two builds whose answers differ", () => {
  it("have two code versions", () => {
    expect(versions[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(versions[1]).not.toBe(versions[0]);
  });

  it("answer the changed operation with other bodies and other ETags", async () => {
    const [old, changed] = await Promise.all([get(before, description), get(after, description)]);
    expect([old.status, changed.status]).toEqual([200, 200]);
    const [oldBody, newBody] = [await old.json(), await changed.json()];
    expect(oldBody.data.__schema.queryType.description).toBe(OLD);
    expect(newBody.data.__schema.queryType.description).toBe(NEW);
    expect(old.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(changed.headers.get("etag")).not.toBe(old.headers.get("etag"));
  });

  it("never share an ETag, even for an answer the change left alone; a revalidation gets the new body", async () => {
    const old = await get(before, plain);
    const etag = old.headers.get("etag")!;
    const revalidated = await get(after, plain, { "if-none-match": etag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get("etag")).not.toBe(etag);
    expect(await revalidated.json()).toEqual(await old.json());
  });
});
