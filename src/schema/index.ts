import { builder } from "./builder";
import "./about";

/** The executable schema, built once when the module is first evaluated. */
export const schema = builder.toSchema();
