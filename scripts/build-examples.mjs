// Builds the example frontend (examples/web/) into public/examples/, where the Worker's
// Static Assets serve it under /examples/. Runs at `npm install` and before the browser
// tests; `npm run build:examples` runs it by hand.
//
// The page sends persisted operations: the hashes come from operations/manifest.json
// (written by `npm run operations`) and are baked in at build time; without a manifest
// the page sends full queries.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "examples", "web");
const target = join(root, "public", "examples");
const manifestPath = join(root, "operations", "manifest.json");
const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : {};

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
await build({
  entryPoints: [join(source, "main.ts")],
  outfile: join(target, "main.js"),
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  define: { PERSISTED_OPERATIONS: JSON.stringify(manifest) },
  logLevel: "warning",
});
for (const file of ["index.html", "style.css"]) copyFileSync(join(source, file), join(target, file));
console.log(`Example frontend built into ${target} (${Object.keys(manifest).length} persisted operations)`);
