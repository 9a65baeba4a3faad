// The search index is built ahead of time (`npm run search-index`). A bundle whose index was
// built from other data (the data edited, the index not rebuilt) must still search its own
// data: the Worker sees that the index's dataset version is not its own and builds one.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDeployable, projectWithData } from "../../bench/build";
import { root, serveBundle } from "./deployable";
import { post } from "./http-support";

let mf: Miniflare;

beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), "edited-data-"));
  cpSync(join(root, "data"), data, { recursive: true });
  const file = join(data, "regions.json");
  const regions = JSON.parse(readFileSync(file, "utf8"));
  regions.find((r: { isoCode: string }) => r.isoCode === "SE-BD").seat = "Zyxwville";
  writeFileSync(file, JSON.stringify(regions));
  // The copy keeps the real data's prebuilt index: stale for the edited data.
  const bundle = buildDeployable(projectWithData(data), { searchIndex: false });
  mf = await serveBundle(bundle.script, {});
});
afterAll(() => mf?.dispose());

const find = async (q: string) => {
  const response = await post(mf, {
    query:
      "query S($q: String!) { search(query: $q, types: [Region]) { edges { node { ... on Region { isoCode seat } } } } }",
    variables: { q },
  });
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data.search.edges.map((e: { node: { isoCode: string } }) => e.node.isoCode);
};

describe("a search index built from other data", () => {
  it("is not used: search finds the bundled data's words, and not the old ones", async () => {
    expect(await find("Zyxwville")).toEqual(["SE-BD"]);
    expect(await find("Luleå")).toEqual([]);
    expect(await find("Halmstad")).toEqual(["SE-N"]);
  });
});
