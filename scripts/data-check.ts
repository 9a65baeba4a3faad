// `npm run data:check [-- <dir>]`: validates data/*.json (or <dir>/*.json) and prints every
// problem as `file: id: field: message`. Exits 1 when there is any, so a broken file never deploys.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkDataset, formatProblem, type Problem } from "../src/data/check";

export const dataDir = join(import.meta.dirname, "..", "data");

/** The data files of a folder, parsed, and a problem for each one that is not valid JSON. */
export function readDataDir(dir: string): { files: Record<string, unknown>; problems: Problem[] } {
  const files: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    try {
      files[name] = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (error) {
      problems.push({ file: name, id: "", field: "", message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { files, problems };
}

/** Every problem of a folder's data files. */
export function checkDataDir(dir: string): { files: Record<string, unknown>; problems: Problem[] } {
  const { files, problems } = readDataDir(dir);
  // A file that is not JSON is reported once, not again as missing.
  const unreadable = new Set(problems.map((p) => p.file));
  problems.push(...checkDataset(files).filter((p) => !unreadable.has(p.file)));
  return { files, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2] ?? dataDir;
  const { files, problems } = checkDataDir(dir);
  for (const p of problems) console.log(formatProblem(p));
  if (problems.length > 0) {
    console.error(`data:check: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}`);
    process.exit(1);
  }
  const records = Object.values(files).reduce<number>((n, f) => n + (f as unknown[]).length, 0);
  console.log(`data:check: ${Object.keys(files).length} files, ${records} records, no problems`);
}
