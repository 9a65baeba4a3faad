// The SDL of the Pothos schema, sorted (the Worker's schema is not: sorting costs start-up
// time), as `npm run generate` writes it to schema/schema.graphql.
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../src/schema";

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
