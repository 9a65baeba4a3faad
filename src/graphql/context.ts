import type { Config } from "../config";
import type { Trace } from "./yoga";

/** Hono's types for the Worker: its bindings, and what middleware hands on to the handler. */
export type AppEnv = {
  Bindings: Env;
  Variables: { config: Config; trace: Trace; requestId: string };
};
