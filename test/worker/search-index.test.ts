// The search index is built ahead of time (`npm run search-index`, at install and before
// start, test and deploy) and loaded on an isolate's first search. It must be the index of
// the bundled dataset, and answer as one built in the isolate does.
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { datasetVersion } from "../../src/data";
import * as prebuilt from "../../src/generated/search-index";
import { buildSearchIndex } from "../../src/schema/search-index";

describe("the prebuilt search index", () => {
  it("was built from the bundled dataset (else run npm run search-index)", () => {
    expect(prebuilt.datasetVersion).toBe(datasetVersion);
  });

  it("answers every query as an index built in the isolate", () => {
    const built = buildSearchIndex();
    const loaded = MiniSearch.loadJSON(prebuilt.json(), (built as unknown as { _options: object })._options as never);
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
      "xyzzy",
    ]) {
      expect(results(loaded, query), query).toEqual(results(built, query));
    }
    expect(loaded.search("export").length).toBeGreaterThan(5);
  });
});
