// Builds the example frontend (examples/web/) into public/examples/, where the Worker's
// Static Assets serve it under /examples/ (the page works with no internet). Part of the
// [build] command (scripts/build.ts), so it is there whenever wrangler runs the Worker.
//
// The page sends persisted operations: the hashes come from operations/manifest.json
// (written by `npm run generate`) and are baked in at build time; without a manifest
// the page sends full queries.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { writeIfChanged } from "./write-if-changed.mjs";

export async function buildExamples(root) {
  const source = join(root, "examples", "web");
  const target = join(root, "public", "examples");
  const manifestPath = join(root, "operations", "manifest.json");
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : {};

  const built = await build({
    entryPoints: [join(source, "main.ts")],
    outfile: join(target, "main.js"),
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    define: { PERSISTED_OPERATIONS: JSON.stringify(manifest) },
    logLevel: "warning",
    write: false,
  });
  const files = new Map(built.outputFiles.map((f) => [f.path, Buffer.from(f.contents)]));
  for (const file of ["index.html", "style.css"]) files.set(join(target, file), readFileSync(join(source, file)));

  // Tests may serve public/ while this runs: a file is replaced only when it changed, and atomically.
  let written = 0;
  for (const [path, contents] of files) if (writeIfChanged(path, contents)) written++;
  return { target, files: files.size, written, operations: Object.keys(manifest).length };
}
