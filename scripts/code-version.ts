// The version of the code a bundle is built from, for the answer key and the ETag
// (src/worker.ts `codeVersion`): the sha256 of every file under src/, of package-lock.json (the
// libraries that answer with it) and of wrangler.toml (its compatibility date and aliases), by
// path and content. `npm run build`, `npm run deploy` and the tests' bundle define it as
// CODE_VERSION (esbuild's define, through `wrangler --define`), so two builds whose answers may
// differ never share an ETag; the data's version is in the key already.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The code version of the project at `root`: 16 hex digits. */
export function codeVersion(root: string): string {
  const hash = createHash("sha256");
  const files = [...filesUnder(join(root, "src")), join(root, "package-lock.json"), join(root, "wrangler.toml")];
  for (const file of files.map((f) => relative(root, f)).sort()) {
    hash.update(`${file}\u0000`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 16);
}

/** wrangler's argument that defines CODE_VERSION in the bundle. */
export const defineCodeVersion = (root: string): string[] => [
  "--define",
  `CODE_VERSION:${JSON.stringify(codeVersion(root))}`,
];
