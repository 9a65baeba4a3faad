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
 * (scripts/print-schema.ts sorts it).
 */
export const schema = builder.toSchema({ sortSchema: false });
