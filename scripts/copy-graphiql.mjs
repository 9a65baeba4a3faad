// Copies GraphiQL's browser build from the npm package into public/graphiql/, so the
// Worker serves the playground from its own Static Assets (no CDN at run time) and the
// ~9 MB of browser code never enters the Worker bundle.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve("@graphql-yoga/graphiql/package.json")), "dist");
const target = join(root, "public", "graphiql");

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const file of ["yoga-graphiql.umd.js", "graphiql.css", "monacoeditorwork"]) {
  cpSync(join(dist, file), join(target, file), { recursive: true });
}
console.log(`GraphiQL assets copied to ${target}`);
