// What a fresh isolate does not check again: the schema (assumed valid, src/schema/index.ts) and
// the trusted documents against it (their admission runs only the limits' rules,
// src/graphql/yoga.ts). Both are checked here, against the very schema the Worker serves.
import { GraphQLSchema, parse, specifiedRules, validate, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { persistedDocuments } from "../../src/graphql/persisted";
import { schema } from "../../src/schema";

describe("what a fresh isolate assumes", () => {
  it("the schema is valid", () => {
    expect(validateSchema(new GraphQLSchema({ ...schema.toConfig(), assumeValid: false }))).toEqual([]);
  });

  it("every trusted document passes graphql-js' validation rules against the schema", () => {
    expect(persistedDocuments.size).toBeGreaterThan(5);
    for (const [hash, text] of persistedDocuments) {
      expect(validate(schema, parse(text), specifiedRules), hash).toEqual([]);
    }
  });
});
