import { builder } from "./builder";
import "./region";
import "./award";
import "./award-edition";
import "./nomination";
import "./company";
import "./interview";
import "./article";
import "./quote";
import "./person";
import "./organization";
import "./export-cooperation";
import "./export-figure";
import "./search";
import "./dataset";

/**
 * The executable schema, built once when the module is first evaluated. Unsorted: sorting
 * costs start-up time on every cold isolate, and only the printed SDL needs an order
 * (scripts/print-schema.ts sorts it).
 */
export const schema = builder.toSchema({ sortSchema: false });
