/**
 * The GraphQL route: one request, one path.
 *
 *   the client's request limit ─► read the request once (request.ts) ─► resolve the
 *     operation (graphql/operation.ts) ─► answer key ─► isolate tier ─► edge tier (GET)
 *     ─► the client's expensive-operation limit, with the operation's cost ─► execute
 *     (graphql/execute.ts: Yoga admits a new document, a known one runs directly) ─► keep
 *     ─► respond.ts
 *
 * Every step receives the parsed request; every answer leaves through the one builder.
 */
import { GraphQLError, getOperationAST } from "graphql";
import type { Config } from "../config";
import type { DataStore } from "../data";
import type { Executor } from "../graphql/execute";
import { type Operation, resolveOperation } from "../graphql/operation";
import { renderPlayground } from "../graphql/playground";
import type { MemoryBudget, Space } from "../memory";
import type { Context } from "../schema/builder";
import type { SearchHits } from "../schema/search-index";
import { type Answer, answerOf } from "./answer";
import { type AnswerCache, answerKey, etagOf } from "./answers";
import { HttpProblem } from "./problem";
import type { ClientLimits } from "./rate-limit";
import { type ApiRequest, type Readings, type RequestBasics, readRequest } from "./request";
import type { Kept, Responder } from "./respond";

/**
 * The cost of the operation about to execute, for the expensive-operation limit: the cost
 * model's (`Executor.costOf`, src/graphql/cost.ts), the same number the answer reports as
 * `extensions.cost.requestedQueryCost`; a test may hand in another (`WorkerOptions.operationCost`).
 */
export type OperationCost = (operation: Operation, variables: Record<string, unknown> | undefined) => number;

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
  /** The schema's names that error messages must not show (production), or null. */
  hiddenNames: ReadonlySet<string> | null;
  /** The per-client limits (this env's Rate Limiting bindings); null when RATE_LIMITS is off. */
  limits: ClientLimits | null;
  operationCost: OperationCost | null;
};

const METHODS = "GET, HEAD, POST, OPTIONS";

/** The scheme and host of a URL, for the edge tier's keys. */
const baseOf = (url: string) => url.slice(0, url.indexOf("/", url.indexOf("//") + 2));

export async function serveGraphQL(
  pipeline: Pipeline,
  request: Request,
  basics: RequestBasics,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<Response> {
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
  const key = answerKey(pipeline.salt, req, operation);
  let kept: Kept | undefined = caching ? answers.local(key) : undefined;
  let etag: string | null = null;
  if (kept) {
    if (getLike) etag = kept.etag ??= await etagOf(key);
    return respond.graphql(basics, kept, "HIT", etag, req.ifNoneMatch);
  }
  if (getLike) etag = await etagOf(key);
  if (caching && getLike && etag) {
    kept = await answers.fromEdge(key, etag, baseOf(request.url), req.mediaType);
    if (kept) return respond.graphql(basics, kept, "HIT", etag, req.ifNoneMatch);
  }

  // Only an execution can be expensive: an answer from a cache tier never counts here.
  if (limits && client !== null && pipeline.operationCost) {
    const refused = await limits.execution(client, pipeline.operationCost(operation, req.params.variables));
    if (refused) return respond.rateLimited(basics, refused, operation.operationName ?? null);
  }

  const context: Context = { store: pipeline.store, language: req.language, recentSearches: pipeline.recentSearches };
  const { result, hash, document } = await pipeline.executor.run(
    req.method,
    operation,
    req.params.variables,
    context,
    request,
  );
  const name =
    (document && getOperationAST(document, operation.operationName)?.name?.value) ?? operation.operationName ?? null;
  const answer: Answer = answerOf(result, req.mediaType, name, hash, result.errors ? hiding(operation.source) : null);
  const storable = answer.status === 200 && !answer.errors;
  if (!caching || !storable) return respond.graphql(basics, answer, "BYPASS", storable ? etag : null, req.ifNoneMatch);
  kept = answers.keep(key, answer, etag);
  // An answer larger than the largest kept value (MAX_KEPT_VALUE_BYTES) is not kept: it is
  // kept in no tier, and its X-Cache says so.
  if (answers.local(key) !== kept) return respond.graphql(basics, kept, "BYPASS", etag, req.ifNoneMatch);
  if (getLike) waitUntil(answers.toEdge(kept, baseOf(request.url)));
  return respond.graphql(basics, kept, "MISS", etag, req.ifNoneMatch);
}
