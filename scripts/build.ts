// wrangler's [build] command (wrangler.toml): wrangler runs it before `wrangler dev` (and again
// on every change it watches), `wrangler deploy` and `wrangler deploy --dry-run`. It brings the
// generated files up to date (scripts/generate.ts) and makes the Static Assets the Worker
// serves, public/ (not committed): GraphiQL's browser build, the example frontend, /docs/ and
// the data downloads. This is the one place public/ is made, so it is there whenever wrangler
// runs or builds the Worker.
//
// The tests build the bundle with SKIP_GENERATE=1: they test the generated files as committed,
// and test/node/generated.test.ts fails when those are stale.
import { join } from "node:path";
import { buildDataDownloads } from "./build-data-downloads";
import { buildDocs } from "./build-docs";
import { buildExamples } from "./build-examples.mjs";
import { copyGraphiql } from "./copy-graphiql.mjs";
import { generate, summary } from "./generate";

const root = join(import.meta.dirname, "..");
const started = performance.now();
/** Which wrangler command runs this (wrangler sets it), if one does. */
const command = process.env.WRANGLER_COMMAND;

// `wrangler types` runs the [build] command too, to find the entry: it needs nothing built.
if (command === "types") process.exit(0);
const lines: string[] = [];
if (process.env.SKIP_GENERATE !== "1") lines.push(summary(await generate(), started));
const graphiql = copyGraphiql(root);
const examples = await buildExamples(root);
const downloads = await buildDataDownloads(root);
const docs = buildDocs(root);
const changed = graphiql.copied + examples.written + downloads.written + docs.written;
lines.push(
  changed
    ? `assets: ${changed} of ${graphiql.files + examples.files + downloads.files + docs.files} files in public/ written`
    : `assets: public/ up to date (${((performance.now() - started) / 1000).toFixed(1)} s in all)`,
);
// wrangler prefixes every line of a chunk with "[custom build]", a final empty one too.
process.stdout.write(command ? lines.join("\n") : `${lines.join("\n")}\n`);
