import { GraphQLSchema } from "graphql";
import { builder } from "./builder";
// Every kind's type, src/schema/<its type in kebab case>.ts (written from the declarations).
import "../generated/schema-types";
// The types that are no kind of record.
import "./nomination";
import "./search";
import "./dataset";

/**
 * The executable schema, built once when the module is first evaluated. Unsorted: sorting
 * costs start-up time on every cold isolate, and only the printed SDL needs an order
 * (scripts/print-schema.ts sorts it). Assumed valid: graphql-js would otherwise check the
 * whole schema on a fresh isolate's first validation or execution, every time for the same
 * code; test/worker/trusted-documents.test.ts checks it once, at build time.
 */
export const schema = new GraphQLSchema({ ...builder.toSchema({ sortSchema: false }).toConfig(), assumeValid: true });
