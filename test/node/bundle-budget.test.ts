// The Worker bundle's size budget (issue 6), measured without the data: the dataset grows
// on its own schedule and is reported separately by `npm run bench`. The bundle without data
// is the Worker of an empty store (test/worker/no-data-worker.ts), built with the project's
// wrangler settings. Deterministic: the same sources give the same bytes.
import { readFileSync, rmSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildBundle, root } from "./deployable";

const KiB = 1024;
/**
 * The budget without data: 492 KiB minified / 145 KiB gzip. The largest parts, at 2468dbf:
 * graphql 140 KiB, Pothos 68, Yoga and its helpers 60, the schema 54, MiniSearch 18. It was
 * 450 / 130 KiB while two shims were aliased over Yoga's lru-cache and @graphql-tools/executor
 * to meet it; they bought no speed (a fresh isolate's first answers, `npm run bench -- --only
 * cold`, the same within the machine's noise with and without them; bench/README.md "Cold
 * start") and were removed, Yoga's own dependencies adding 54 KiB (17 KiB gzip): 481 KiB.
 * The search index's own loader (src/schema/search-index-compact.ts, 1.6 KiB minified) took it
 * from 488.9 to 490.5 KiB, and the budget to 492: it took a fresh isolate's first search at
 * 100× from 32 to 17 ms of CPU, and the bundle with data is 8.6 KiB smaller (bench/README.md,
 * "Cold start"). Cloudflare's limit is the compressed size of the whole Worker (3 MiB on the
 * Free plan); this budget keeps the code's growth a decision.
 */
const BUDGET = { minified: 492 * KiB, gzip: 145 * KiB };

const full = inject("bundle");
let withoutData: { bytes: number; gzipBytes: number; sources: string[] };
let sources: string[];

const sourcesOf = (script: string) =>
  (JSON.parse(readFileSync(`${script}.map`, "utf8")) as { sources: string[] }).sources.map((s) =>
    relative(root, resolve(dirname(script), s)),
  );

let noDataDir = "";
beforeAll(() => {
  sources = sourcesOf(full.script);
  const empty = buildBundle(undefined, { entry: "test/worker/no-data-worker.ts" });
  noDataDir = empty.dir;
  const script = readFileSync(empty.script);
  withoutData = { bytes: script.length, gzipBytes: gzipSync(script).length, sources: sourcesOf(empty.script) };
});
afterAll(() => rmSync(noDataDir, { recursive: true, force: true }));

describe("the Worker bundle", () => {
  it("stays within its budget without the data", () => {
    expect(withoutData.sources.filter((s) => s.startsWith("data/"))).toEqual([]);
    expect(withoutData.bytes, `${(withoutData.bytes / KiB).toFixed(1)} KiB minified`).toBeLessThanOrEqual(
      BUDGET.minified,
    );
    expect(withoutData.gzipBytes, `${(withoutData.gzipBytes / KiB).toFixed(1)} KiB gzip`).toBeLessThanOrEqual(
      BUDGET.gzip,
    );
  });

  it("is measured as wrangler reports it", () => {
    // The bench's gzip (zlib's default level) must agree with wrangler's "Total Upload" line.
    const reported = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(full.output);
    expect(reported).not.toBeNull();
    const script = readFileSync(full.script);
    expect((script.length / KiB).toFixed(2)).toBe(reported![1]);
    expect((gzipSync(script).length / KiB).toFixed(2)).toBe(reported![2]);
  });

  it("carries the data files, and nothing that only serves build or test time", () => {
    expect(sources).toContain("data/regions.json");
    expect(sources).toContain("src/data/store.ts");
    const buildOnly = sources.filter(
      (s) =>
        s.includes("node_modules/zod/") ||
        s === "src/data/check.ts" ||
        s === "src/data/shape.ts" ||
        s.startsWith("scripts/") ||
        s.startsWith("test/"),
    );
    expect(buildOnly).toEqual([]);
  });
});
