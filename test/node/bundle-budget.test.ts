// The Worker bundle's size budget (issue 6), measured without the data: the dataset grows
// on its own schedule and is reported separately by `npm run bench`. Deterministic: the same
// sources give the same bytes.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { buildDeployable, projectWithData } from "../../bench/build";
import { emptyDataset } from "../../bench/scale";
import { root } from "./deployable";

const KiB = 1024;
/**
 * The budget, 450 KiB minified / 130 KiB gzip without data, is met: 442 KiB / 126.4 KiB
 * (function names not kept, Yoga's LRU on tiny-lru, hono/tiny). The largest parts: graphql
 * 140 KiB, Pothos 68, Yoga and its helpers 60, the schema 54, MiniSearch 18. Lower the
 * budget as the bundle shrinks; growing it is a decision.
 */
const BUDGET = { minified: 450 * KiB, gzip: 130 * KiB };

const full = inject("bundle");
let withoutData: { bytes: number; gzipBytes: number };
let sources: string[];

beforeAll(() => {
  const map = JSON.parse(readFileSync(`${full.script}.map`, "utf8")) as { sources: string[] };
  sources = map.sources.map((s) => relative(root, resolve(dirname(full.script), s)));
  withoutData = buildDeployable(projectWithData(emptyDataset()));
});

describe("the Worker bundle", () => {
  it("stays within its budget without the data", () => {
    expect(withoutData.bytes).toBeLessThanOrEqual(BUDGET.minified);
    expect(withoutData.gzipBytes).toBeLessThanOrEqual(BUDGET.gzip);
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
