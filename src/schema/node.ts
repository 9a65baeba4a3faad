import type { KindName, RecordOf } from "../data/entities";
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
