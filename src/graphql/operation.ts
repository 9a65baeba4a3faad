/**
 * Which document a request asks to execute: its query text, or a trusted document named by
 * its sha256, in either of the two forms clients send (`documentId: "sha256:<hex>"` from the
 * GraphQL-over-HTTP persisted-documents appendix, or Apollo's
 * `extensions.persistedQuery.sha256Hash`). Read once per request, before any cache or
 * execution, so that every later step (the answer key, the admitted-document cache, Yoga, the
 * log line) sees the same document, and PERSISTED_ONLY holds for all of them.
 */
import { type DocumentNode, type GraphQLError, getOperationAST } from "graphql";
import type { Config } from "../config";
import { sha256 } from "../digest";
import { requestError } from "./errors";

/** The GraphQL parameters an operation is resolved from (GET and POST alike). */
export type OperationParams = {
  query?: string;
  operationName?: string;
  extensions?: Record<string, unknown>;
  documentId?: string;
};

/** A resolved operation: the document's source text, and its sha256 when the request named it. */
export type Operation = {
  source: string;
  operationName: string | undefined;
  /** The trusted document's hash (hex); null for a query text (hashed when first admitted). */
  hash: string | null;
  /**
   * Whether the document is a trusted one (named by its hash, or sent as its very text): valid
   * against the schema, which a test checks at build time (test/worker/persisted-valid.test.ts),
   * so its admission skips the schema's validation rules and runs only the limits'.
   */
  trusted: boolean;
};

/** The texts of the trusted documents, per manifest. */
const textsOf = new WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>();
function trustedTexts(documents: ReadonlyMap<string, string>): ReadonlySet<string> {
  let texts = textsOf.get(documents);
  if (!texts) textsOf.set(documents, (texts = new Set(documents.values())));
  return texts;
}

/** The exact message urql's and Apollo's persisted-query links fall back on. */
export const PERSISTED_QUERY_NOT_FOUND = "PersistedQueryNotFound";

const notFound = () => requestError(PERSISTED_QUERY_NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND", 400);
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The hash a request names, or undefined when it names none; throws for a malformed form. */
function namedHash(params: OperationParams): string | undefined {
  const persisted = params.extensions?.["persistedQuery"];
  if (params.documentId !== undefined) {
    if (persisted !== undefined) {
      throw requestError("Send either documentId or extensions.persistedQuery, not both.", "BAD_REQUEST");
    }
    if (params.query !== undefined) throw requestError("Send either documentId or query, not both.", "BAD_REQUEST");
    return params.documentId.startsWith("sha256:") ? params.documentId.slice(7) : params.documentId;
  }
  if (persisted === undefined) return undefined;
  if (persisted === null || typeof persisted !== "object" || Array.isArray(persisted)) {
    throw requestError("extensions.persistedQuery must be an object with version and sha256Hash.", "BAD_REQUEST");
  }
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  if (version !== 1) {
    throw requestError(
      `extensions.persistedQuery.version must be 1 (the only version); got ${JSON.stringify(version) ?? "none"}.`,
      "BAD_REQUEST",
    );
  }
  if (typeof sha256Hash !== "string") {
    throw requestError("extensions.persistedQuery.sha256Hash must be a string.", "BAD_REQUEST");
  }
  return sha256Hash;
}

/**
 * The operation a request asks for, or a request error: an unknown hash
 * (`PersistedQueryNotFound`), a query text where only trusted documents run
 * (`PERSISTED_QUERY_ONLY`), a hash that is not the query's, or neither a query nor a hash.
 */
export async function resolveOperation(
  params: OperationParams,
  config: Config,
  documents: ReadonlyMap<string, string>,
): Promise<Operation | GraphQLError> {
  let hash: string | undefined;
  try {
    hash = namedHash(params);
  } catch (error) {
    return error as GraphQLError;
  }
  const { query, operationName } = params;
  if (hash !== undefined) {
    const trusted = HEX_SHA256.test(hash) ? documents.get(hash) : undefined;
    if (query !== undefined && (await sha256(query)) !== hash) {
      return requestError("extensions.persistedQuery.sha256Hash is not the sha256 of query.", "BAD_REQUEST");
    }
    if (trusted !== undefined) return { source: trusted, operationName, hash, trusted: true };
    if (query === undefined) return notFound();
  }
  if (query === undefined) {
    return requestError(
      config.persistedOnly
        ? "Must provide a persisted document: documentId or extensions.persistedQuery.sha256Hash."
        : "Must provide a query string, or a persisted document: documentId or extensions.persistedQuery.sha256Hash.",
      "BAD_REQUEST",
    );
  }
  if (config.persistedOnly) {
    return requestError(
      "This endpoint executes only persisted documents: send documentId or extensions.persistedQuery.sha256Hash instead of a query.",
      "PERSISTED_QUERY_ONLY",
    );
  }
  return { source: query, operationName, hash: hash ?? null, trusted: trustedTexts(documents).has(query) };
}

/**
 * Which operation of a document runs, and whether this method may run it: an unknown
 * `operationName`, or several operations and none named, is a 400; a mutation or subscription
 * over GET is a 405 (GET is for reads that caches may repeat), and by POST a 400: the schema
 * has neither. The first check of every
 * execution, on both paths: Yoga runs it as soon as it has parsed a new document (before its
 * own check of the same rules, which it then never fails), the direct path before executing.
 */
export function checkOperation(
  method: string,
  document: DocumentNode,
  operationName: string | undefined,
): GraphQLError | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message =
      operationName === undefined
        ? "The document has several operations: name the one to run with operationName."
        : `The document has no operation named "${operationName}".`;
    return requestError(message, "OPERATION_RESOLUTION_FAILURE", 400);
  }
  if (operation.operation === "query") return null;
  if (method !== "POST") {
    // GraphQL over HTTP: a mutation (or subscription) over GET is a 405, whatever the schema has.
    const error = requestError(`A ${operation.operation} can only be sent with POST.`, "BAD_REQUEST", 405);
    Object.assign(error.extensions, { http: { status: 405, headers: { allow: "POST" } } });
    return error;
  }
  return requestError(
    `This API is read-only: it answers queries, and has no ${operation.operation}s.`,
    "OPERATION_NOT_SUPPORTED",
    400,
  );
}
