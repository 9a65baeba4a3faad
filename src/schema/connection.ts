import { type ObjectRef, PothosValidationError } from "@pothos/core";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import { builder, type Types } from "./builder";
import { badInput } from "./errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";

type PageArgs = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
};

/**
 * One page of an already ordered (and filtered) list, with Relay's offset cursors.
 * Slicing costs the page's size, not the list's.
 */
export function pageOf<T>(args: PageArgs, list: readonly T[]) {
  for (const name of ["first", "last"] as const) {
    const size = args[name];
    if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) {
      throw badInput(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE} (the maximum page size); got ${size}.`, {
        argument: name,
        maximum: MAX_PAGE_SIZE,
      });
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
