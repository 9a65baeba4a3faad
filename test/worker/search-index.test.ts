// The search index of the bundled dataset is built ahead of time (scripts/search-index.ts,
// into src/generated/) and loaded on the bundled store's first search. It must be the index
// of the bundled dataset, and answer as one built in the isolate does.
import type MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { createStore, dataset, store } from "../../src/data";
import * as generated from "../../src/generated/search-index";
import { buildSearchIndex, loadSearchIndex, serializeSearchIndex } from "../../src/schema/search-index";

describe("the prebuilt search index", () => {
  it("was built from the bundled dataset (else run npm run generate), and the bundled store has it", () => {
    // The bundled store takes its version from the generated file: it must be the data's hash.
    expect(generated.datasetVersion).toBe(createStore(dataset).datasetVersion);
    expect(store.datasetVersion).toBe(generated.datasetVersion);
    expect(store.prebuiltSearchIndex?.datasetVersion).toBe(store.datasetVersion);
    expect(store.prebuiltSearchIndex?.json()).toBe(generated.json?.());
  });

  it("loads into the very state MiniSearch built (its own serialization, terms in the built tree's order)", () => {
    const json = generated.json?.();
    if (!json) throw new Error("the bundled dataset's index is not shipped");
    const built = buildSearchIndex(store);
    expect(loadSearchIndex(json).toJSON()).toEqual(built.toJSON());
    expect(serializeSearchIndex(built)).toBe(json);
  });

  it("answers every query as an index built in the isolate", () => {
    const built = buildSearchIndex(store);
    const json = generated.json?.();
    if (!json) throw new Error("the bundled dataset's index is not shipped");
    const loaded = loadSearchIndex(json);
    expect(loaded.documentCount).toBe(built.documentCount);
    expect(loaded.documentCount).toBeGreaterThan(60);
    // What search uses of a result: which document, in which place, with which score. The
    // loaded index sums a document's term scores in another order: the last bits may differ.
    const results = (index: MiniSearch, query: string) =>
      index
        .search(query)
        .map((r) => [Number(r.score.toPrecision(12)), r.id as number] as const)
        .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const query of [
      "export",
      "luleå",
      "Norrbotten region",
      "exp",
      "år",
      "role model",
      "EEN",
      "stockholm",
      "nomination",
      "halland",
      "2021",
      "prins daniel",
      "lulea export",
      "xyzzy",
    ]) {
      expect(results(loaded, query), query).toEqual(results(built, query));
    }
    expect(loaded.search("export").length).toBeGreaterThan(5);
  });
});
