/**
 * The one execution path of an operation. A document seen for the first time is admitted by
 * Yoga (strict parsing, the limits, the introspection rule, validation) and executed there;
 * Yoga's own request parsing and response building are never used, only
 * `getResultForParams`. What Yoga executed is kept (keyed by the source text it parsed), so
 * that the very same document is executed next time directly with graphql-js, with the same
 * context, the same per-execution checks and the same error masking. A result with errors is
 * returned as it is: nothing is ever executed twice.
 */
import { type DocumentNode, type ExecutionResult, execute, type GraphQLSchema } from "graphql";
import type { YogaServerInstance } from "graphql-yoga";
import type { Config } from "../config";
import { sha256 } from "../digest";
import type { MemoryBudget, Space } from "../memory";
import type { Context } from "../schema/builder";
import { maskApiError } from "./errors";
import { checkExecution, hidesSuggestions } from "./limits";
import { checkOperation, type Operation } from "./operation";
import { type Admission, createAdmission } from "./yoga";

/** A document Yoga admitted: parsed, validated and within the limits, with its sha256. */
type Admitted = { document: DocumentNode; hash: string };

/**
 * What a kept document costs in the isolate's memory per character of its source: the AST
 * without token chains (see `withoutTokens`). Measured by the bench's memory row.
 */
export const DOCUMENT_BYTES_PER_CHAR = 24;
const DOCUMENT_OVERHEAD_BYTES = 512;

export type Executed = {
  result: ExecutionResult;
  /** The sha256 of the document executed; null when none was (it did not parse or validate). */
  hash: string | null;
  /** The document executed; null when none was. */
  document: DocumentNode | null;
};

/**
 * Replaces every node's `loc` (a Location with the chain of every token of the document) with
 * its start, end and source, which is all an error's `locations` need: a kept document
 * then costs a fraction of what the parser made.
 */
function withoutTokens(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) withoutTokens(child);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" && value && typeof value === "object" && "source" in value) {
      const { start, end, source } = value;
      Object.defineProperty(node, "loc", { value: { start, end, source }, enumerable: false, writable: true });
    } else if (typeof value === "object") withoutTokens(value);
  }
}

export class Executor {
  readonly #schema: GraphQLSchema;
  readonly #config: Config;
  readonly #yoga: YogaServerInstance<Admission, object>;
  readonly #documents: Space<Admitted>;

  constructor(config: Config, schema: GraphQLSchema, budget: MemoryBudget) {
    this.#config = config;
    this.#schema = schema;
    this.#yoga = createAdmission(config, schema);
    this.#documents = budget.space("documents");
  }

  /**
   * Executes `operation` with `variables` in `context`; `method` is the request's (GET, HEAD or
   * POST) and `request` what Yoga sees of the HTTP request.
   */
  async run(
    method: string,
    operation: Operation,
    variables: Record<string, unknown> | undefined,
    context: Context,
    request: Request,
  ): Promise<Executed> {
    const known = this.#documents.get(operation.source);
    if (known) {
      const result = await this.#direct(method, known.document, operation, variables, context);
      return { result, hash: known.hash, document: known.document };
    }

    const admission: Admission = { ...context, admitted: null, method };
    const result = await this.#yoga.getResultForParams(
      { params: { query: operation.source, operationName: operation.operationName, variables }, request },
      admission,
    );
    const document = admission.admitted;
    if (!document) return { result: result as ExecutionResult, hash: null, document: null };
    const hash = operation.hash ?? (await sha256(operation.source));
    withoutTokens(document);
    this.#documents.set(
      operation.source,
      { document, hash },
      DOCUMENT_OVERHEAD_BYTES + operation.source.length * DOCUMENT_BYTES_PER_CHAR,
    );
    return { result: result as ExecutionResult, hash, document };
  }

  async #direct(
    method: string,
    document: DocumentNode,
    operation: Operation,
    variables: Record<string, unknown> | undefined,
    context: Context,
  ): Promise<ExecutionResult> {
    const refused =
      checkOperation(method, document, operation.operationName) ??
      checkExecution(this.#config, this.#schema, document, operation.operationName, variables);
    if (refused) return { errors: [refused] };
    const result = await execute({
      schema: this.#schema,
      document,
      operationName: operation.operationName,
      variableValues: variables,
      contextValue: context,
      hideSuggestions: hidesSuggestions(this.#config),
    });
    if (result.errors?.length) result.errors = result.errors.map((e) => maskApiError(e));
    return result;
  }
}
