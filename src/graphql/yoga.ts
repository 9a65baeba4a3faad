import { type DocumentNode, type GraphQLSchema, getOperationAST, NoSchemaIntrospectionCustomRule } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Config } from "../config";
import { schema as apiSchema } from "../schema";
import type { Context } from "../schema/builder";
import { limits } from "./limits";
import { persistedOperations } from "./persisted";
import { renderPlayground } from "./playground";
import { useStrictRequestParsing } from "./request";

/** The one route of the API; Yoga's endpoint must equal the Hono route. */
export const GRAPHQL_PATH = "/graphql";

/** What one request did, for its log line and the response cache. Filled in as it goes. */
export type Trace = {
  operationName?: string;
  /** sha256 of the document: the persisted hash sent, else computed for the log. */
  hash?: string;
  /** The query text sent, to hash for the log when no persisted hash was sent. */
  query?: string;
  /** The result carried GraphQL errors: never cached as a success. */
  errors: boolean;
  cache: "hit" | "miss" | "bypass";
  /** The document Yoga executed (parsed, validated, within the limits): the fast lane may reuse it. */
  document?: DocumentNode;
};

/** Per-request context that the Worker passes to Yoga. */
export type ServerContext = Context & { env: Env; ctx: Pick<ExecutionContext, "waitUntil">; trace: Trace };

/** Records the operation's name, hash and whether errors came back, into the request's trace. */
const useTrace = (): Plugin<ServerContext> => ({
  onParams({ params, context }) {
    const trace = (context as Partial<ServerContext>).trace;
    if (!trace) return;
    trace.operationName = params.operationName;
    const persisted = params.extensions?.persistedQuery?.sha256Hash;
    if (typeof persisted === "string") trace.hash = persisted.slice(0, 64);
    else if (typeof params.query === "string") trace.query = params.query;
  },
  onValidate({ params, context }) {
    const trace = (context as Partial<ServerContext>).trace;
    if (trace)
      trace.operationName =
        getOperationAST(params.documentAST, trace.operationName)?.name?.value ?? trace.operationName;
  },
  onExecute({ args }) {
    const trace = (args.contextValue as Partial<ServerContext>).trace;
    if (trace) trace.document = args.document;
  },
  onResultProcess({ result, serverContext }) {
    const results = Array.isArray(result) ? result : [result];
    const trace = (serverContext as Partial<ServerContext>).trace;
    if (trace && results.some((r) => "errors" in r && r.errors?.length)) trace.errors = true;
  },
});

/** Turns introspection off with graphql-js' own validation rule. */
const useNoIntrospection = (): Plugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
});

/** A Yoga server with the production settings of `config`. */
export function createApiYoga(
  config: Config,
  schema: GraphQLSchema = apiSchema,
): YogaServerInstance<ServerContext, object> {
  return createYoga<ServerContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: config.graphiql ? { title: "Swedish export promotion API" } : false,
    renderGraphiQL: renderPlayground,
    // Masked whatever NODE_ENV or the environment says: no stack, no internal message.
    maskedErrors: { isDev: false },
    // CORS is Hono's (src/graphql/cors.ts): Yoga's default reflects any origin with credentials.
    cors: false,
    batching: false,
    // A read-only API takes no file uploads: multipart request bodies are refused.
    multipart: false,
    logging: "error",
    plugins: [
      useStrictRequestParsing(),
      persistedOperations(config),
      ...limits(config),
      ...(config.introspection ? [] : [useNoIntrospection()]),
      useTrace(),
    ],
  });
}

const built = new WeakMap<Config, YogaServerInstance<ServerContext, object>>();

/** One Yoga per configuration, built on first use: once per isolate in a deployment. */
export function yogaFor(config: Config): YogaServerInstance<ServerContext, object> {
  let yoga = built.get(config);
  if (!yoga) built.set(config, (yoga = createApiYoga(config)));
  return yoga;
}
