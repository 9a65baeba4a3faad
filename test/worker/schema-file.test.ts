import { lexicographicSortSchema, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import committed from "../../schema/schema.graphql?raw";
import { schema } from "../../src/schema";

describe("schema/schema.graphql", () => {
  it("is the SDL printed from the Pothos schema", () => {
    const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
    expect(committed === printed, "schema/schema.graphql is stale: run `npm run schema` and commit the result").toBe(
      true,
    );
  });
});
