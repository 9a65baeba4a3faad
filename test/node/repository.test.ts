// What the repository promises about itself, beside the code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./deployable";

const KiB = 1024;

describe("one Node runs everything", () => {
  // The `node` devDependency runs every npm script (npm puts node_modules/.bin first on the
  // PATH). package.json's `engines` names the oldest Node that runs `npm install`, which
  // installs it; CI's setup-node must be the same major, or CI tests another Node.
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const major = Number(/\d+/.exec(pkg.devDependencies.node)?.[0]);

  it("is the devDependency's major in the deploy workflow", () => {
    const workflow = readFileSync(join(root, ".github", "workflows", "deploy.yml"), "utf8");
    const versions = [...workflow.matchAll(/node-version:\s*["']?([^\s"']+)/g)].map((m) => m[1]);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual(versions.map(() => String(major)));
  });

  it("runs these tests", () => {
    expect(Number(process.versions.node.split(".")[0])).toBe(major);
  });
});

describe("bench/results", () => {
  // The latest result of each kind (bench/README.md): earlier runs are in git, not in files.
  it("stays within 100 KiB", () => {
    const dir = join(root, "bench", "results");
    const bytes = readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(100 * KiB);
  });
});
