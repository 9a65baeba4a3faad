// The rows of the bench: every operation of the contract (operations/contract.graphql),
// over POST and GET, cached and uncached, and as a persisted hash.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { root } from "./build";
import type { HttpRequest } from "./load";

/** Which Worker a row drives: the API with response caching on or off, or the reference. */
export type Target = "api" | "api-uncached" | "reference";

export type Row = { name: string; operation: string; target: Target; request: HttpRequest; cached: boolean };

export type Variables = Record<string, unknown>;

const accept = "application/graphql-response+json, application/json";

/** The contract's operation names, in file order. */
export function contractOperations(): string[] {
  const document = parse(readFileSync(join(root, "operations", "contract.graphql"), "utf8"));
  return document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
}

/** The persisted documents: operation name → { hash, the exact text that was hashed }. */
export function persistedDocuments(): Record<string, { hash: string; text: string }> {
  const manifest = JSON.parse(readFileSync(join(root, "operations", "manifest.json"), "utf8")) as Record<string, string>;
  const texts = JSON.parse(readFileSync(join(root, "src", "graphql", "persisted-operations.json"), "utf8")) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(manifest).flatMap(([name, hash]) => (texts[hash] ? [[name, { hash, text: texts[hash] }]] : [])),
  );
}

export function post(body: Record<string, unknown>): HttpRequest {
  return { method: "POST", path: "/graphql", headers: { accept, "content-type": "application/json" }, body: JSON.stringify(body) };
}

export function get(params: Record<string, unknown>): HttpRequest {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  return { method: "GET", path: `/graphql?${search}`, headers: { accept } };
}

export function contractRows(variables: Record<string, Variables | undefined>): Row[] {
  const documents = persistedDocuments();
  const rows: Row[] = [];
  for (const operation of contractOperations()) {
    const document = documents[operation];
    if (!document) throw new Error(`${operation} is not in operations/manifest.json: run npm run operations`);
    const vars = variables[operation];
    const params = { query: document.text, operationName: operation, variables: vars };
    const persisted = { operationName: operation, variables: vars, extensions: { persistedQuery: { version: 1, sha256Hash: document.hash } } };
    for (const cached of [true, false]) {
      const target = cached ? "api" : "api-uncached";
      const label = cached ? "cached" : "uncached";
      rows.push({ name: `${operation} POST ${label}`, operation, target, cached, request: post(params) });
      rows.push({ name: `${operation} GET ${label}`, operation, target, cached, request: get(params) });
      rows.push({ name: `${operation} GET hash ${label}`, operation, target, cached, request: get(persisted) });
    }
  }
  return rows;
}

export const referenceRow: Row = {
  name: "reference { hello } POST",
  operation: "hello",
  target: "reference",
  cached: false,
  request: post({ query: "{ hello }" }),
};
