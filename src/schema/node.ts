import { type KindName, kinds, type RecordOf } from "../data/entities";
import { idOf } from "../data/store";
import type { Context } from "./builder";

/**
 * What makes a kind's type a Relay node, from its declaration: the global id of a record is
 * its type and its id, and `node(id:)` finds it in the request's store.
 */
export function nodeOf<K extends KindName>(kind: K) {
  return {
    id: { resolve: (record: RecordOf<K>) => idOf(kind, record) },
    loadOne: (id: string, { store }: Context) => store.find(kind, id) ?? null,
  };
}

/**
 * The object type of a record, from what the store says it is: how every interface and union of
 * the schema (`Node`, `SearchResult`) resolves a value. A value of no kind is a bug, masked.
 */
export function typeNameOf(record: unknown, { store }: Pick<Context, "store">): string {
  const kind = store.kindOf(record);
  if (!kind) throw new Error("a value of no known kind where a record was expected");
  return kind === "nomination" ? "Nomination" : kinds[kind].type;
}
