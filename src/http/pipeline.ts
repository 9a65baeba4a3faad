/**
 * The GraphQL route: one request, one path.
 *
 *   the client's request limit ─► read the request once (request.ts) ─► resolve the
 *     operation (graphql/operation.ts) ─► does it read the request's language
 *     (graphql/language-use.ts) ─► answer key ─► isolate tier ─► the client's
 *     expensive-operation limit, with the operation's cost ─► execute (graphql/execute.ts:
 *     Yoga admits a new document, a known one runs directly, with the same cost) ─► keep
 *     ─► respond.ts
 *
 * Every step receives the parsed request; every answer leaves through the one builder.
 */
import { GraphQLError, getOperationAST } from "graphql";
import type { Config } from "../config";
import type { DataStore } from "../data";
import type { Executor } from "../graphql/execute";
import { readsRequestLanguage } from "../graphql/language-use";
import { type Operation, resolveOperation } from "../graphql/operation";
import { renderPlayground } from "../graphql/playground";
import type { MemoryBudget, Space } from "../memory";
import type { Context } from "../schema/builder";
import type { SearchHits } from "../schema/search-index";
import { type Answer, answerOf } from "./answer";
import { type AnswerCache, answerKey, etagOf } from "./answer-cache";
import { HttpProblem } from "./problem";
import type { ClientLimits } from "./rate-limit";
import { type ApiRequest, type Readings, type RequestBasics, readRequest } from "./request";
import type { Kept, Responder } from "./respond";

/**
 * The cost of the operation about to execute, for the expensive-operation limit: the cost
 * model's (`Executor.costOf`, src/graphql/cost.ts); null when it cannot be counted (the
 * execution then refuses the operation). Computed once: the execution's checks and the
 * answer's `extensions.cost.requestedQueryCost` read the same number. A test may hand in
 * another (`WorkerOptions.operationCost`).
 */
export type OperationCost = (operation: Operation, variables: Record<string, unknown> | undefined) => number | null;

/** Everything the route needs, built once per configuration (and env) by the composition root. */
export type Pipeline = {
  config: Config;
  store: DataStore;
  executor: Executor;
  answers: AnswerCache;
  respond: Responder;
  persisted: ReadonlyMap<string, string>;
  /** What the isolate keeps (documents, answers, readings, searches), in estimated bytes. */
  budget: MemoryBudget;
  readings: Readings;
  /** The recent searches, for paging through them: a space of the budget, in every context. */
  recentSearches: Space<SearchHits>;
  /** What makes this configuration's and dataset's answer keys their own. */
  salt: string;
  /** The schema's names that error messages must not show (INTROSPECTION off), or null. */
  hiddenNames: ReadonlySet<string> | null;
  /** The per-client limits (this env's Rate Limiting bindings); null when RATE_LIMITS is off. */
  limits: ClientLimits | null;
  operationCost: OperationCost | null;
};

const METHODS = "GET, HEAD, POST, OPTIONS";

export async function serveGraphQL(pipeline: Pipeline, request: Request, basics: RequestBasics): Promise<Response> {
  const { config, respond } = pipeline;
  const method = request.method;
  if (method === "OPTIONS") return respond.preflight(basics, request.headers.get("access-control-request-headers"));
  // Every other request counts, before anything is read: a refusal costs the least it can.
  const { limits } = pipeline;
  const client = basics.client;
  if (limits && client !== null) {
    const refused = await limits.request(client);
    if (refused) return respond.rateLimited(basics, refused);
  }
  if (method !== "GET" && method !== "HEAD" && method !== "POST") {
    return respond.problem(
      basics,
      new HttpProblem(405, "METHOD_NOT_ALLOWED", `${method} is not allowed here: use GET or POST.`, { allow: METHODS }),
    );
  }

  let req: ApiRequest;
  try {
    req = await readRequest(request, basics, config, pipeline.readings);
  } catch (error) {
    if (error instanceof HttpProblem) return respond.problem(basics, error);
    throw error;
  }
  if (req.wants === "playground") return respond.playground(basics, renderPlayground());

  const operation = await resolveOperation(req.params, config, pipeline.persisted);
  const hiding = (source: string) =>
    pipeline.hiddenNames && {
      names: pipeline.hiddenNames,
      sent: `${source}\u0000${JSON.stringify(req.params.variables ?? {})}`,
    };
  if (operation instanceof GraphQLError) {
    const answer = answerOf(
      { errors: [operation] },
      req.mediaType,
      req.params.operationName ?? null,
      null,
      hiding(req.params.query ?? ""),
    );
    return respond.graphql(basics, answer, "BYPASS", null, null);
  }

  const answers = pipeline.answers;
  const caching = answers.enabled;
  const getLike = req.method !== "POST";
  // The request's language is part of the answer only when a resolver will read it.
  const language = readsRequestLanguage(pipeline.executor.languageUseOf(operation), req.params.variables)
    ? req.language
    : null;
  const key = answerKey(pipeline.salt, req, operation, language);
  let kept: Kept | undefined = caching ? answers.local(key) : undefined;
  let etag: string | null = null;
  if (kept) {
    if (getLike) etag = kept.etag ??= await etagOf(key);
    return respond.graphql(basics, kept, "HIT", etag, req.ifNoneMatch);
  }
  if (getLike) etag = await etagOf(key);

  // Only an execution can be expensive: an answer from a cache tier never counts here. The
  // cost is computed once: the execution's checks and `extensions.cost` take it from here.
  let cost: number | null = null;
  if (limits && client !== null && pipeline.operationCost) {
    cost = pipeline.operationCost(operation, req.params.variables);
    const refused = await limits.execution(client, cost ?? 0);
    if (refused) return respond.rateLimited(basics, refused, operation.operationName ?? null);
  }

  const context: Context = {
    store: pipeline.store,
    language: req.language,
    recentSearches: pipeline.recentSearches,
    languageRead: false,
  };
  const { result, hash, document } = await pipeline.executor.run(
    req.method,
    operation,
    req.params.variables,
    context,
    request,
    cost,
  );
  const name =
    (document && getOperationAST(document, operation.operationName)?.name?.value) ?? operation.operationName ?? null;
  const hidden = result.errors ? hiding(operation.source) : null;
  const answer: Answer = answerOf(result, req.mediaType, name, hash, hidden, language);
  // An answer that read a language its key does not name would be served to every browser:
  // never kept (src/graphql/language-use.ts decides wider than execution reads; a test holds it).
  const canonical = language !== null || !context.languageRead;
  if (!canonical) console.error(JSON.stringify({ level: "error", message: "language read unforeseen", name }));
  const storable = answer.status === 200 && !answer.errors && canonical;
  if (!caching || !storable) return respond.graphql(basics, answer, "BYPASS", storable ? etag : null, req.ifNoneMatch);
  kept = answers.keep(key, answer, etag);
  // An answer larger than the largest kept value (MAX_KEPT_VALUE_BYTES) is not kept, and its
  // X-Cache says so.
  if (answers.local(key) !== kept) return respond.graphql(basics, kept, "BYPASS", etag, req.ifNoneMatch);
  return respond.graphql(basics, kept, "MISS", etag, req.ifNoneMatch);
}
