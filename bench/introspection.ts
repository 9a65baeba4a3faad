// `npx tsx bench/introspection.ts`: what introspection costs against what it takes, in Node with
// graphql-js (warm, median of 50): for GraphiQL's and GraphQL Code Generator's introspection
// queries, one and fifteen `__schema { types { name fields { name args { name type { name } } } } }`
// and a deep `types { fields { type { fields … } } }` under 15 aliases: the cost
// (src/graphql/introspection-cost.ts), the values and bytes of the answer, the time to count
// the cost and the time to execute. The figures behind INTROSPECTION_VALUES_PER_COST and
// MAX_COUNTED_OBJECTS; no budget is checked here.
import { execute, getIntrospectionQuery, getOperationAST, parse } from "graphql";
import { store } from "../src/data";
import { costOf } from "../src/graphql/cost";
import { schema } from "../src/schema";

const allTypes = "__schema { types { name fields { name args { name type { name } } } } }";
const deep = `__schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } }`;
const aliased = (selection: string, n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;
const documents: Record<string, string> = {
  "GraphiQL's introspection": getIntrospectionQuery({ schemaDescription: true, inputValueDeprecation: true }),
  "codegen's introspection": getIntrospectionQuery(),
  "1 × __schema (all types)": aliased(allTypes, 1),
  "15 × __schema (all types)": aliased(allTypes, 15),
  "15 × deep __schema": aliased(deep, 15),
};

function median(run: () => unknown, times = 50): number {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

function valuesOf(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valuesOf(item), 0);
  if (value !== null && typeof value === "object") {
    return Object.values(value).reduce((sum: number, field) => sum + 1 + valuesOf(field), 0);
  }
  return 0;
}

const rows = Object.entries(documents).map(([name, text]) => {
  const document = parse(text);
  const cost = costOf(schema, document, getOperationAST(document)?.name?.value, {}, { store });
  const answer = execute({ schema, document, contextValue: { store } }) as { data?: unknown };
  return {
    document: name,
    cost,
    values: valuesOf(answer.data),
    KiB: Number((JSON.stringify(answer).length / 1024).toFixed(1)),
    "count ms": Number(median(() => costOf(schema, document, undefined, {}, { store })).toFixed(3)),
    "execute ms": Number(median(() => execute({ schema, document, contextValue: { store } }), 10).toFixed(2)),
  };
});
console.table(rows);
