// `npm run cost`: the cost of every persisted operation (operations/**/*.graphql) under the
// production settings (wrangler.toml's [env.production.vars]), as the Worker computes it before
// executing (`checkExecution`: the variables, the arguments' bounds, the cost), with the
// playground's example variables. Fails when one is refused: every operation a frontend sends
// must run under the production limits. Then the introspection queries of GraphiQL (the
// playground) and of GraphQL Code Generator (graphql-js' getIntrospectionQuery with their options).
//   npm run cost              the table
//   npm run cost -- --json    the same as JSON
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getIntrospectionQuery, parse } from "graphql";
import { unstable_readConfig } from "wrangler";
import manifest from "../operations/manifest.json";
import { parseConfig } from "../src/config";
import { store } from "../src/data";
import persistedOperations from "../src/generated/persisted-operations.json";
import { checkExecution } from "../src/graphql/limits";
import { operationTabs } from "../src/graphql/playground";
import { schema } from "../src/schema";

const { values: args } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const root = join(import.meta.dirname, "..");
const production = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
const config = parseConfig(production.vars as Record<string, unknown>);

// The playground's example variables; an `id` is Norrbotten's.
const examples = new Map(operationTabs().map((tab) => [tab.query, JSON.parse(tab.variables ?? "{}")]));
const documents: Readonly<Record<string, string>> = persistedOperations;

type Row = { operation: string; cost: number | null; maximum: number; refused: string | null };
function row(operation: string, text: string, operationName: string, variables: Record<string, unknown>): Row {
  const { refused, cost } = checkExecution(config, schema, parse(text), operationName, variables, { store });
  return {
    operation,
    cost: cost?.requestedQueryCost ?? null,
    maximum: config.maxCost,
    refused: refused ? refused.message : null,
  };
}
const rows: Row[] = Object.entries(manifest).map(([operation, hash]) => {
  const text = documents[hash] ?? "";
  const variables: Record<string, unknown> = { ...examples.get(text) };
  if ("id" in variables) variables["id"] = btoa("Region:SE-BD");
  return row(operation, text, operation, variables);
});
const introspection = getIntrospectionQuery({ schemaDescription: true, inputValueDeprecation: true });
rows.push(row("IntrospectionQuery (GraphiQL)", introspection, "IntrospectionQuery", {}));
rows.push(row("IntrospectionQuery (codegen)", getIntrospectionQuery(), "IntrospectionQuery", {}));

if (args.json) console.log(JSON.stringify(rows, null, 2));
else {
  const width = Math.max(...rows.map((r) => r.operation.length));
  console.log(`MAX_COST ${config.maxCost} (production)\n`);
  console.log(`${"operation".padEnd(width)}    cost`);
  for (const r of rows) console.log(`${r.operation.padEnd(width)}  ${String(r.cost ?? r.refused).padStart(6)}`);
}
const refused = rows.filter((r) => r.refused !== null);
if (refused.length) {
  console.error(
    `refused under the production limits: ${refused.map((r) => `${r.operation} (${r.refused})`).join(", ")}`,
  );
  process.exit(1);
}
