/**
 * The composition root: `createWorker({ store })` is the Worker. What depends on the settings
 * (the admission Yoga, the executor, the caches and their memory budget, the response builder)
 * is built once per configuration, on its first request; the per-client limits are an env's
 * Rate Limiting bindings, joined to it once per env; what depends on a request is passed to
 * each step explicitly. The data is handed in, so a test or a benchmark serves other data
 * without copying the project (`src/index.ts` hands in the bundled dataset).
 */
import type { GraphQLSchema } from "graphql";
import { Hono } from "hono/tiny";
import { type Config, ConfigError, configFor } from "./config";
import type { DataStore } from "./data";
import { hiddenNamesOf } from "./graphql/errors";
import { Executor } from "./graphql/execute";
import { hidesSuggestions } from "./graphql/limits";
import { persistedDocuments } from "./graphql/persisted";
import { GRAPHQL_PATH } from "./graphql/yoga";
import { AnswerCache, type EdgeCacheOpener } from "./http/answers";
import { type OperationCost, type Pipeline, serveGraphQL } from "./http/pipeline";
import { HttpProblem } from "./http/problem";
import { type ClientLimits, clientLimitsOf } from "./http/rate-limit";
import { basicsOf, Readings } from "./http/request";
import { Responder } from "./http/respond";
import { MemoryBudget } from "./memory";
import { schema } from "./schema";

/**
 * What the isolate keeps between requests (admitted documents, answers, query-string readings and
 * recent searches), in estimated bytes, and the largest single value it keeps.
 */
export const MEMORY_BUDGET_BYTES = 24 * 1024 * 1024;
export const MAX_KEPT_VALUE_BYTES = 1024 * 1024;

export type WorkerOptions = {
  store: DataStore;
  /** The edge tier of the answer cache; `caches.default` unless told (null: none). */
  edgeCache?: EdgeCacheOpener | null;
  /** The memory budget of what the isolate keeps, in bytes. */
  memoryBytes?: number;
  /** The executable schema; the API's own unless a test hands in another. */
  schema?: GraphQLSchema;
  /** The trusted documents by sha256 (hex); the manifest of operations/ unless a test hands in others. */
  persisted?: ReadonlyMap<string, string>;
  /**
   * The cost of the operation about to execute, for the expensive-operation limit (see
   * `OperationCost`): the executor's (src/graphql/cost.ts) unless a test hands in another.
   */
  operationCost?: OperationCost;
};

const defaultEdge: EdgeCacheOpener = async () =>
  (globalThis.caches as (CacheStorage & { default?: Cache }) | undefined)?.default ?? null;

/**
 * Builds the pipeline of one configuration: everything that depends on the settings; `limits`
 * are an env's bindings (none unless told).
 */
export function createPipeline(config: Config, options: WorkerOptions, limits: ClientLimits | null = null): Pipeline {
  const budget = new MemoryBudget(options.memoryBytes ?? MEMORY_BUDGET_BYTES, MAX_KEPT_VALUE_BYTES);
  const executor = new Executor(config, options.schema ?? schema, budget);
  const store = options.store;
  return {
    config,
    store,
    executor,
    answers: new AnswerCache(budget, config, options.edgeCache === undefined ? defaultEdge : options.edgeCache),
    respond: new Responder(config, options.store.datasetVersion),
    persisted: options.persisted ?? persistedDocuments,
    budget,
    readings: new Readings(budget),
    recentSearches: budget.space("searches"),
    salt: `${options.store.datasetVersion}\u0000${JSON.stringify(config)}`,
    hiddenNames: hidesSuggestions(config) ? hiddenNamesOf(options.schema ?? schema) : null,
    limits,
    operationCost:
      options.operationCost ?? ((operation, variables) => executor.costOf(operation, variables, { store })),
  };
}

/**
 * The Worker of `options`. With `env` (the Worker's bindings as `cloudflare:workers` gives them
 * at module scope), its pipeline is built at once, in module scope, which Cloudflare runs while
 * the connection's TLS handshake is under way; without, on the first request.
 */
export function createWorker(options: WorkerOptions, env?: Env): ExportedHandler<Env> {
  const byConfig = new WeakMap<Config, Pipeline>();
  // The env object is the same for every request of an isolate: its settings are read once.
  const byEnv = new WeakMap<object, Pipeline | ConfigError>();
  const misconfigured = new Responder(null);

  function pipelineFor(env: Env): Pipeline | ConfigError {
    let found = byEnv.get(env);
    if (found) return found;
    try {
      const config = configFor(env);
      let shared = byConfig.get(config);
      if (!shared) byConfig.set(config, (shared = createPipeline(config, options)));
      // The limits are the env's bindings; everything else is the configuration's, shared.
      const limits = clientLimitsOf(config, env);
      found = limits ? { ...shared, limits } : shared;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      found = error;
    }
    byEnv.set(env, found);
    return found;
  }

  if (env) pipelineFor(env);

  const app = new Hono<{ Bindings: Env }>();
  app.all(GRAPHQL_PATH, (c) => {
    const basics = basicsOf(c.req.raw);
    const pipeline = pipelineFor(c.env);
    if (pipeline instanceof ConfigError) {
      return misconfigured.problem(
        basics,
        new HttpProblem(500, "SERVER_MISCONFIGURED", "The server is misconfigured; its log says how."),
      );
    }
    return serveGraphQL(pipeline, c.req.raw, basics, (p) => c.executionCtx.waitUntil(p));
  });
  app.all("/", (c) => {
    const basics = basicsOf(c.req.raw);
    const pipeline = pipelineFor(c.env);
    const respond = pipeline instanceof ConfigError ? misconfigured : pipeline.respond;
    return respond.redirect(basics, GRAPHQL_PATH, "/");
  });
  app.notFound((c) => {
    const basics = basicsOf(c.req.raw);
    const pipeline = pipelineFor(c.env);
    const respond = pipeline instanceof ConfigError ? misconfigured : pipeline.respond;
    const path = new URL(c.req.url).pathname;
    return respond.problem(
      basics,
      new HttpProblem(404, "NOT_FOUND", `Nothing here: the API is at ${GRAPHQL_PATH}.`),
      path,
    );
  });
  app.onError((error, c) => {
    console.error(JSON.stringify({ level: "error", message: "unhandled error", error: String(error?.stack ?? error) }));
    return misconfigured.problem(
      basicsOf(c.req.raw),
      new HttpProblem(500, "INTERNAL_SERVER_ERROR", "Unexpected error."),
    );
  });

  return { fetch: app.fetch };
}
