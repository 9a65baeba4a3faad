/**
 * The one execution path of an operation. A document seen for the first time is admitted by
 * Yoga (strict parsing, the limits, the introspection rule, validation) and executed there;
 * Yoga's own request parsing and response building are never used, only
 * `getResultForParams`. What Yoga executed is kept (keyed by the source text it parsed), so
 * that the very same document is executed next time directly with graphql-js, with the same
 * context, the same per-execution checks and the same error masking. A result with errors is
 * returned as it is: nothing is ever executed twice.
 */
import { type DocumentNode, type ExecutionResult, execute, GraphQLError, type GraphQLSchema } from "graphql";
import type { YogaServerInstance } from "graphql-yoga";
import type { Config } from "../config";
import { sha256 } from "../digest";
import type { MemoryBudget, Space } from "../memory";
import type { Context } from "../schema/builder";
import { type Cost, type CostContext, costOf } from "./cost";
import { maskApiError } from "./errors";
import { type LanguageUse, languageUseOf, NO_LANGUAGE_USE } from "./language-use";
import { checkExecution, hidesSuggestions, parseWithin } from "./limits";
import { checkOperation, type Operation } from "./operation";
import { type Admission, createAdmission } from "./yoga";

/**
 * A document Yoga admitted: parsed, validated and within the limits, with its sha256 and, once
 * asked, the language use of its operations (by name).
 */
type Admitted = { document: DocumentNode; hash: string; languageUses?: Map<string, LanguageUse> };

/**
 * What a kept document costs in the isolate's memory: its source text (two bytes a character
 * at worst: V8 keeps a text with any character above U+00FF in UTF-16) and its AST without
 * token chains (see `withoutTokens`), about 210 bytes a node (a field is two: the field and
 * its name). Measured in V8 after a full GC: a document of 3800 nodes in 9.5 KB of text keeps
 * 800 KB, one of 32 KB of comment 33 KB; the bench's memory row (`npm run bench -- --only
 * memory`) checks what 2000 of the largest documents leave in the heap.
 */
export const DOCUMENT_BYTES_PER_CHAR = 2;
export const DOCUMENT_BYTES_PER_NODE = 220;
const DOCUMENT_OVERHEAD_BYTES = 1024;

export type Executed = {
  result: ExecutionResult;
  /** The sha256 of the document executed; null when none was (it did not parse or validate). */
  hash: string | null;
  /** The document executed; null when none was. */
  document: DocumentNode | null;
  /**
   * What the operation cost, as its answer reports it (`extensions.cost`); null when nothing
   * was executed (a request error, a limit, a document that did not validate).
   */
  cost: Cost | null;
};

/** An executed result reports its cost (`extensions.cost`), the same for the same request. */
function withCost(result: ExecutionResult, cost: Cost | null): ExecutionResult {
  if (!cost || !("data" in result)) return result;
  return { ...result, extensions: { ...result.extensions, cost } };
}

/**
 * Cuts every node's `loc` (a Location) off the chain of the document's tokens, keeping its
 * start, end and source, which is all an error's `locations` need: a kept document then costs
 * a fraction of what the parser made. (Writing two fields of each Location is three times
 * faster than replacing it, and keeps the nodes' shapes.) Returns how many nodes the document
 * has, for its accounted size.
 */
export function withoutTokens(document: DocumentNode): number {
  let nodes = 0;
  const pending: object[] = [document];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (Array.isArray(node)) {
      for (const child of node) if (child && typeof child === "object") pending.push(child);
      continue;
    }
    nodes++;
    for (const key in node) {
      const value: unknown = Reflect.get(node, key);
      if (!value || typeof value !== "object") continue;
      if (key === "loc") {
        Reflect.set(value, "startToken", null);
        Reflect.set(value, "endToken", null);
      } else pending.push(value);
    }
  }
  return nodes;
}

export class Executor {
  readonly #schema: GraphQLSchema;
  readonly #config: Config;
  readonly #yoga: YogaServerInstance<Admission, object>;
  readonly #documents: Space<Admitted>;
  /** A new document's parse (or its error), per resolved operation: whoever reads it first parses it. */
  readonly #parsed = new WeakMap<Operation, DocumentNode | GraphQLError>();

  constructor(config: Config, schema: GraphQLSchema, budget: MemoryBudget) {
    this.#config = config;
    this.#schema = schema;
    this.#yoga = createAdmission(config, schema);
    this.#documents = budget.space("documents");
  }

  /**
   * Executes `operation` with `variables` in `context`; `method` is the request's (GET, HEAD or
   * POST) and `request` what Yoga sees of the HTTP request; `requestedCost` the operation's cost
   * when the caller has computed it (`costOf`), so that it is computed once.
   */
  async run(
    method: string,
    operation: Operation,
    variables: Record<string, unknown> | undefined,
    context: Context,
    request: Request,
    requestedCost: number | null = null,
  ): Promise<Executed> {
    const known = this.#documents.get(operation.source);
    if (known) {
      const { result, cost } = await this.#direct(method, known.document, operation, variables, context, requestedCost);
      return { result: withCost(result, cost), hash: known.hash, document: known.document, cost };
    }

    const admission: Admission = {
      ...context,
      parsed: this.#parse(operation),
      trusted: operation.trusted,
      admitted: null,
      cost: null,
      method,
      requestedCost,
    };
    const yielded = (await this.#yoga.getResultForParams(
      { params: { query: operation.source, operationName: operation.operationName, variables }, request },
      admission,
    )) as ExecutionResult;
    const { admitted: document, cost } = admission;
    // The resolvers ran in the admission's copy of the context: what they read is the request's.
    if (admission.languageRead) context.languageRead = true;
    const result = withCost(yielded, cost);
    if (!document) return { result, hash: null, document: null, cost };
    const hash = operation.hash ?? (await sha256(operation.source));
    const nodes = withoutTokens(document);
    this.#documents.set(
      operation.source,
      { document, hash },
      DOCUMENT_OVERHEAD_BYTES + operation.source.length * DOCUMENT_BYTES_PER_CHAR + nodes * DOCUMENT_BYTES_PER_NODE,
    );
    return { result, hash, document, cost };
  }

  /**
   * The cost of `operation` with `variables` before it executes (for the expensive-operation
   * limit): of the admitted document, or of its text parsed here (within MAX_TOKENS) when it is
   * new. Null when it does not parse or its cost cannot be counted: its execution refuses it then.
   */
  costOf(operation: Operation, variables: Record<string, unknown> | undefined, context: CostContext): number | null {
    const document = this.#documents.get(operation.source)?.document ?? this.#parse(operation);
    if (document instanceof GraphQLError) return null;
    try {
      return costOf(this.#schema, document, operation.operationName, variables, context);
    } catch {
      return null;
    }
  }

  /**
   * Whether `operation` reads the request's language, and through which variables
   * (src/graphql/language-use.ts): of the admitted document, worked out once, or of its text
   * parsed once (within MAX_TOKENS) when it is new. A text that does not parse reads nothing:
   * its answer is an error, never kept.
   */
  languageUseOf(operation: Operation): LanguageUse {
    const name = operation.operationName;
    const known = this.#documents.get(operation.source);
    if (known) {
      known.languageUses ??= new Map();
      let use = known.languageUses.get(name ?? "");
      if (!use) known.languageUses.set(name ?? "", (use = languageUseOf(this.#schema, known.document, name)));
      return use;
    }
    const document = this.#parse(operation);
    return document instanceof GraphQLError ? NO_LANGUAGE_USE : languageUseOf(this.#schema, document, name);
  }

  /** The new document of `operation`, parsed once (within MAX_TOKENS), or why it does not parse. */
  #parse(operation: Operation): DocumentNode | GraphQLError {
    let parsed = this.#parsed.get(operation);
    if (!parsed) {
      try {
        parsed = parseWithin(operation.source, this.#config.maxTokens);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        parsed = error;
      }
      this.#parsed.set(operation, parsed);
    }
    return parsed;
  }

  async #direct(
    method: string,
    document: DocumentNode,
    operation: Operation,
    variables: Record<string, unknown> | undefined,
    context: Context,
    requestedCost: number | null,
  ): Promise<{ result: ExecutionResult; cost: Cost | null }> {
    const wrongOperation = checkOperation(method, document, operation.operationName);
    if (wrongOperation) return { result: { errors: [wrongOperation] }, cost: null };
    const { refused, cost } = checkExecution(
      this.#config,
      this.#schema,
      document,
      operation.operationName,
      variables,
      context,
      requestedCost,
    );
    if (refused) return { result: { errors: [refused] }, cost: null };
    const result = await execute({
      schema: this.#schema,
      document,
      operationName: operation.operationName,
      variableValues: variables,
      contextValue: context,
      hideSuggestions: hidesSuggestions(this.#config),
    });
    if (result.errors?.length) result.errors = result.errors.map((e) => maskApiError(e));
    return { result, cost };
  }
}
