// Copies GraphiQL's browser build from the npm package into public/graphiql/, so the
// Worker serves the playground from its own Static Assets (no CDN at run time) and the
// ~9 MB of browser code never enters the Worker bundle. Part of the [build] command
// (scripts/build.ts).
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { writeIfChanged } from "./write-if-changed.mjs";

const require = createRequire(import.meta.url);
const FILES = ["yoga-graphiql.umd.js", "graphiql.css", "monacoeditorwork"];

/** Copies what changed (a test may be serving public/ meanwhile) and removes what is gone. */
export function copyGraphiql(root) {
  const dist = join(dirname(require.resolve("@graphql-yoga/graphiql/package.json")), "dist");
  const target = join(root, "public", "graphiql");
  const wanted = new Set();
  let copied = 0;
  for (const source of FILES.flatMap((entry) => filesUnder(join(dist, entry)))) {
    const path = join(target, relative(dist, source));
    wanted.add(path);
    if (writeIfChanged(path, readFileSync(source))) copied++;
  }
  for (const path of existsSync(target) ? filesUnder(target) : []) if (!wanted.has(path)) rmSync(path);
  return { target, files: wanted.size, copied };
}

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
