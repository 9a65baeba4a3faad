/**
 * The composition root: `createWorker({ store })` is the Worker. What depends on the settings
 * (the admission Yoga, the executor, the caches and their memory budget, the response builder)
 * is built once per configuration, in module scope when the Worker is given its env (else on
 * the first request); the per-client limits are an env's Rate Limiting bindings and the
 * Worker's version its version metadata, joined to it once per env; what depends on a request
 * is passed to each step explicitly. The data is handed in, so a test or a benchmark serves
 * other data without copying the project (`src/index.ts` hands in the bundled dataset).
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
import { AnswerCache } from "./http/answer-cache";
import { folded } from "./http/fold";
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

/**
 * The version of the code, from the build: `npm run build` and `npm run deploy`
 * (scripts/wrangler.ts) define it as a hash of what the bundle is made of; "unbuilt" where
 * nothing defined it (the tests in workerd, `wrangler dev`). With the Worker's version id
 * (`CF_VERSION_METADATA`, where the runtime has one) it is part of every answer key and ETag:
 * two builds whose answers differ never share one.
 */
declare const CODE_VERSION: string | undefined;
export const codeVersion: string = typeof CODE_VERSION === "string" ? CODE_VERSION : "unbuilt";

export type WorkerOptions = {
  store: DataStore;
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

/**
 * Builds the pipeline of one configuration: everything that depends on the settings; `limits`
 * are an env's bindings (none unless told).
 */
export function createPipeline(config: Config, options: WorkerOptions, limits: ClientLimits | null = null): Pipeline {
  const budget = new MemoryBudget(options.memoryBytes ?? MEMORY_BUDGET_BYTES, MAX_KEPT_VALUE_BYTES);
  const executor = new Executor(config, options.schema ?? schema, budget);
  const store = options.store;
  const ownCost: OperationCost = (operation, variables) => executor.costOf(operation, variables, { store });
  return {
    config,
    store,
    executor,
    answers: new AnswerCache(budget, config),
    respond: new Responder(config, options.store.datasetVersion),
    persisted: options.persisted ?? persistedDocuments,
    budget,
    readings: new Readings(budget),
    recentSearches: budget.space("searches"),
    salt: `${codeVersion}\u0000${options.store.datasetVersion}\u0000${JSON.stringify(config)}`,
    hiddenNames: hidesSuggestions(config) ? hiddenNamesOf(options.schema ?? schema) : null,
    limits,
    operationCost: options.operationCost ?? ownCost,
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
  // Answers where no configuration's responder can: a wrong setting, an unhandled error.
  const lastResort = new Responder(null);

  function pipelineFor(env: Env): Pipeline | ConfigError {
    let found = byEnv.get(env);
    if (found) return found;
    try {
      const config = configFor(env);
      let shared = byConfig.get(config);
      if (!shared) byConfig.set(config, (shared = createPipeline(config, options)));
      // The limits and the version are the env's; everything else is the configuration's, shared.
      const limits = clientLimitsOf(config, env);
      const version = (env as Partial<Env>).CF_VERSION_METADATA?.id;
      found =
        limits || version
          ? { ...shared, limits, salt: version ? `${version}\u0000${shared.salt}` : shared.salt }
          : shared;
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
    // Only the path itself: `/graphql/` is another path (Workers Cache keys it apart), a 404.
    if (c.req.path !== GRAPHQL_PATH) return c.notFound();
    const basics = basicsOf(c.req.raw);
    const pipeline = pipelineFor(c.env);
    if (pipeline instanceof ConfigError) {
      return lastResort.problem(
        basics,
        new HttpProblem(500, "SERVER_MISCONFIGURED", "The server is misconfigured; its log says how."),
      );
    }
    return serveGraphQL(pipeline, c.req.raw, basics);
  });
  app.all("/", (c) => {
    const basics = basicsOf(c.req.raw);
    const pipeline = pipelineFor(c.env);
    const respond = pipeline instanceof ConfigError ? lastResort : pipeline.respond;
    return respond.redirect(basics, GRAPHQL_PATH, "/");
  });
  app.notFound((c) => {
    const basics = basicsOf(c.req.raw);
    const pipeline = pipelineFor(c.env);
    const respond = pipeline instanceof ConfigError ? lastResort : pipeline.respond;
    const path = new URL(c.req.url).pathname;
    return respond.problem(
      basics,
      new HttpProblem(404, "NOT_FOUND", `Nothing here: the API is at ${GRAPHQL_PATH}.`),
      path,
    );
  });
  app.onError((error, c) => {
    console.error(JSON.stringify({ level: "error", message: "unhandled error", error: String(error?.stack ?? error) }));
    return lastResort.problem(basicsOf(c.req.raw), new HttpProblem(500, "INTERNAL_SERVER_ERROR", "Unexpected error."));
  });

  return { fetch: app.fetch };
}

/**
 * The public entrypoint in front of `answers` (the cached entrypoint, through `ctx.exports`): a
 * GET or HEAD to /graphql goes there with its Accept and Accept-Language folded (src/http/fold.ts);
 * anything else `worker` answers itself. Where `answers` gives none (no Workers Cache to feed),
 * `worker` answers everything.
 */
export function createGateway(
  worker: ExportedHandler<Env>,
  answers: (ctx: ExecutionContext, env: Env) => Fetcher | undefined,
): ExportedHandler<Env> {
  return {
    fetch(request, env, ctx) {
      const cached = answers(ctx, env);
      const inner = cached && folded(request);
      return inner && cached ? cached.fetch(inner) : worker.fetch!(request, env, ctx);
    },
  };
}
