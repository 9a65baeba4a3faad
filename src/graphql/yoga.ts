import { createYoga } from "graphql-yoga";
import { schema } from "../schema";
import { renderPlayground } from "./playground";

/** The one route of the API; Yoga's endpoint must equal the Hono route. */
export const GRAPHQL_PATH = "/graphql";

/** Per-request context that the Worker passes to Yoga: its bindings and execution context. */
export type ServerContext = { env: Env; ctx: Pick<ExecutionContext, "waitUntil"> };

/** Built once per isolate, at module scope. */
export const yoga = createYoga<ServerContext>({
  schema,
  graphqlEndpoint: GRAPHQL_PATH,
  landingPage: false,
  graphiql: { title: "Swedish export promotion API" },
  renderGraphiQL: renderPlayground,
});
