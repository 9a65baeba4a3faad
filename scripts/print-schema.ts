// Writes schema/schema.graphql: the SDL printed from the Pothos schema.
import { writeFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../src/schema";

const file = new URL("../schema/schema.graphql", import.meta.url);
writeFileSync(file, `${printSchema(lexicographicSortSchema(schema))}\n`);
console.log(`wrote ${file.pathname}`);
