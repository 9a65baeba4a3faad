// Part of the [build] command (scripts/build.ts): the data for data users, as Static Assets in
// public/data/ (not committed), so a download never runs the Worker. Every data file the API
// answers from (each kind's file, src/data/entities.ts) at /data/<file>.json, byte for byte
// as in data/; and the whole dataset in one file, /data/dataset.json: its version (the one the
// Worker reports as `datasetVersion`), its licence (LICENSE-DATA) and every file's records.
// data/material/ is not published: it is the gathered facts the dataset was written from
// (with a source article's text), not data the API serves.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeIfChanged } from "./write-if-changed.mjs";

/** The whole-dataset file's name in public/data/ (the API's `dataset { download }` says where). */
export const DATASET_FILE = "dataset.json";

/** Writes what changed in public/data/ and removes what is gone. */
export async function buildDataDownloads(root: string): Promise<{ files: number; written: number }> {
  // Imported here, after scripts/generate.ts has brought src/generated/ up to date.
  const { datasetVersion, kindNames, kinds } = await import("../src/data/index");
  const { DATA_LICENCE, REPOSITORY_URL } = await import("../src/data/licence");
  const target = join(root, "public", "data");
  const wanted = new Map<string, string>();
  const records: Record<string, unknown> = {};
  for (const kind of kindNames) {
    const file = kinds[kind].file;
    const text = readFileSync(join(root, "data", file), "utf8");
    wanted.set(file, text);
    records[file.replace(/\.json$/, "")] = JSON.parse(text);
  }
  const dataset = {
    name: "Exportpriser GraphQL dataset",
    version: datasetVersion,
    licence: DATA_LICENCE,
    repository: REPOSITORY_URL,
    files: records,
  };
  wanted.set(DATASET_FILE, `${JSON.stringify(dataset, null, 2)}\n`);
  let written = 0;
  for (const [file, text] of wanted) if (writeIfChanged(join(target, file), text)) written++;
  for (const file of existsSync(target) ? readdirSync(target) : []) {
    if (!wanted.has(file)) rmSync(join(target, file), { recursive: true, force: true });
  }
  return { files: wanted.size, written };
}
