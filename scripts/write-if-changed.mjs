// Every generated file and built asset is written through this: only when its content changed
// (`wrangler dev` reruns the [build] command on a change in what it watches, and an unchanged
// file must not look changed), and atomically (tests may be serving public/ meanwhile).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export function writeIfChanged(path, contents) {
  const bytes = typeof contents === "string" ? Buffer.from(contents) : contents;
  if (existsSync(path) && readFileSync(path).equals(bytes)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return true;
}
