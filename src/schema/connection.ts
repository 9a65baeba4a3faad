import { type ObjectRef, PothosValidationError } from "@pothos/core";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import type { KindName, RecordOf } from "../data/entities";
import type { DataStore } from "../data/store";
import { builder, type Context, type Types } from "./builder";
import { offsetOf } from "./cursor";
import { badInput } from "./errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";
import { largestOf, pageCost } from "./sizes";

type PageArgs = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
};

/**
 * One page of an already ordered (and filtered) list, with Relay's offset cursors.
 * Slicing costs the page's size, not the list's. The sizes and the cursors' form were checked
 * before execution (the arguments' bounds, ./builder.ts); whether a cursor names an item of
 * this very list only the list can say: one that does not is a `BAD_USER_INPUT`.
 */
export function pageOf<T>(args: PageArgs, list: readonly T[]) {
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    const offset = offsetOf(cursor);
    if (offset === null || offset >= list.length) {
      throw badInput(
        `\`${name}\` is not a cursor of this list (of ${list.length} items). Use cursors exactly as this API returned them.`,
        { argument: name },
      );
    }
  }
  try {
    const page = resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, list);
    return { ...page, totalCount: list.length };
  } catch (error) {
    if (error instanceof PothosValidationError) {
      throw badInput(`Invalid paging arguments: ${error.message}. Use cursors exactly as this API returned them.`);
    }
    throw error;
  }
}

/**
 * A connection of a record of `kind` over a list: its resolver and its cost, from one function
 * (`interviews: t.connection({ ...pagedListOf("region", (r, store) => store.backlinks(...)) })`).
 * It costs its page, at most the longest such list in the store.
 */
export function pagedListOf<K extends KindName, T>(
  kind: K,
  list: (record: RecordOf<K>, store: DataStore) => readonly T[],
) {
  const largest = largestOf(kind, (record, store) => list(record, store).length);
  return {
    // A cursor that names no item of this record's list fails asynchronously: this field is
    // resolved once per item of a list, and graphql-js 16 (completeListValue) abandons the
    // pending items of a list when a later item throws synchronously, so their errors became
    // unhandled rejections (the answer stayed right; the isolate logged an uncaught error).
    resolve: (record: RecordOf<K>, args: PageArgs, { store }: Context) => {
      try {
        return pageOf(args, list(record, store));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    complexity: (args: PageArgs, { store }: Context) => pageCost(args, largest(store)),
  };
}

/** A shared connection type (`<Name>Connection`) with `totalCount`. */
export function connectionType<T>(node: ObjectRef<Types, T>, name: string, what: string) {
  return builder.connectionObject(
    {
      type: node,
      name: `${name}Connection`,
      description: `A page of ${what}, with cursors to page forward and backward.`,
      fields: (t) => ({
        totalCount: t.int({
          description: `How many ${what} match, in all pages together.`,
          resolve: (connection) => connection.totalCount,
        }),
      }),
    },
    { name: `${name}Edge`, description: `One of ${what} in a page, with its cursor.` },
  );
}
