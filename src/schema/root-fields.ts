import type { ObjectRef } from "@pothos/core";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { type ListSpec, listOf, type OrderInput } from "./list";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * A type's root connection, `<field>(filter:, orderBy:, first:, after:, last:, before:)`:
 * the filtered, ordered list of `spec`, a page at a time.
 */
export function rootList<T extends object, Filter extends object>(options: {
  field: string;
  type: ObjectRef<Types, T>;
  connection: ObjectRef<Types, unknown>;
  /** The items in the plural, for the arguments' descriptions ("people"). */
  what: string;
  description: string;
  /** The type's filter input, and its orderBy input where an order is meaningful. */
  filter: unknown;
  order?: unknown;
  spec: ListSpec<T, Filter>;
}) {
  const { field, type, connection, what, description, filter, order, spec } = options;
  builder.queryFields((t) => ({
    [field]: t.connection(
      {
        type,
        description,
        args: {
          filter: t.arg({ type: filter as never, description: `Conditions the ${what} must meet.` }),
          ...(order ? { orderBy: t.arg({ type: order as never, description: `The order of the ${what}.` }) } : {}),
        },
        resolve: (_, args) => {
          const { filter: given, orderBy } = args as { filter?: Filter | null; orderBy?: OrderInput | null };
          return pageOf(args, listOf(spec, given, orderBy));
        },
      },
      connection as never,
    ),
  }));
}

/** `<field>(slug:)`: one record by its slug, or null when there is none. */
export function rootLookup<T extends object>(options: {
  field: string;
  type: ObjectRef<Types, T>;
  description: string;
  slugDescription: string;
  find: (slug: string) => T | undefined;
}) {
  const { field, type, description, slugDescription, find } = options;
  builder.queryFields((t) => ({
    [field]: t.field({
      type,
      nullable: true,
      description,
      args: { slug: t.arg.string({ required: true, description: slugDescription }) },
      // Generic T defeats Pothos' inference of the nullable result; the shape is T or null.
      resolve: (_, { slug }) => (find(slug) ?? null) as never,
    }),
  }));
}
