// The whole GraphQL client: fetch, persisted operations, and errors as values a view can show.
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";

/** `{ OperationName: sha256 }` from operations/manifest.json, baked in by scripts/build-examples.mjs. */
declare const PERSISTED_OPERATIONS: Record<string, string>;

const ENDPOINT = "/graphql";

type GraphQLResponse<Result> = {
  data?: Result | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** A request that failed: the network, the HTTP status, or the GraphQL errors. */
export class RequestError extends Error {}

/**
 * Runs one typed operation. Sends only the operation's hash first, by GET, so the answer
 * can be cached by the browser and the edge; when the server does not know the hash, POSTs
 * the whole document instead.
 */
export async function request<Result, Variables>(
  document: DocumentTypeDecoration<Result, Variables> & { toString(): string },
  variables: Variables,
  signal?: AbortSignal,
): Promise<Result> {
  const query = document.toString();
  const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  const sha256Hash = operationName ? PERSISTED_OPERATIONS[operationName] : undefined;
  if (operationName && sha256Hash) {
    const params = new URLSearchParams({
      operationName,
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
    });
    const persisted = await send<Result>(`${ENDPOINT}?${params}`, { method: "GET" }, signal);
    // Apollo's and Yoga's message for an unknown hash (the code differs between servers).
    if (!persisted.errors?.some((e) => e.message.startsWith("PersistedQueryNotFound"))) return unwrap(persisted);
  }
  const body = JSON.stringify({ query, operationName, variables });
  return unwrap(
    await send<Result>(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body }, signal),
  );
}

async function send<Result>(url: string, init: RequestInit, signal?: AbortSignal): Promise<GraphQLResponse<Result>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, accept: "application/graphql-response+json" },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RequestError(`network: ${(error as Error).message}`);
  }
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) throw new RequestError(`HTTP ${response.status}`);
  return (await response.json()) as GraphQLResponse<Result>;
}

function unwrap<Result>(response: GraphQLResponse<Result>): Result {
  if (response.errors?.length) throw new RequestError(response.errors.map((e) => e.message).join("; "));
  if (!response.data) throw new RequestError("no data");
  return response.data;
}
