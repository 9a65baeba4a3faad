// `npm run data:check`: validates data/*.json and prints every problem as
// `file: id: field: message`. Exits 1 when there is any, so a broken file never deploys.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type Problem, checkDataset, formatProblem } from "../src/data/check";

const dataDir = join(import.meta.dirname, "..", "data");

const files: Record<string, unknown> = {};
const problems: Problem[] = [];
const unreadable = new Set<string>();
for (const name of readdirSync(dataDir).filter((f) => f.endsWith(".json")).sort()) {
  try {
    files[name] = JSON.parse(readFileSync(join(dataDir, name), "utf8"));
  } catch (error) {
    // Reported once here (not again as "missing"); the check still reports everything else.
    unreadable.add(name);
    problems.push({ file: name, id: "", field: "", message: `not valid JSON: ${(error as Error).message}` });
  }
}
problems.push(...checkDataset(files).filter((p) => !unreadable.has(p.file)));

for (const p of problems) console.error(formatProblem(p));
if (problems.length > 0) {
  console.error(`data:check: ${problems.length} problem${problems.length === 1 ? "" : "s"} in data/`);
  process.exit(1);
}
const records = Object.values(files).reduce<number>((n, f) => n + (f as unknown[]).length, 0);
console.log(`data:check: ${Object.keys(files).length} files, ${records} records, no problems`);
