/**
 * Every root list and root lookup of a kind of record, through one helper each (as
 * swapi-graphql's `rootConnection` and `rootFieldByID`): the list's filter input and order
 * input come from its tables, and both read the store of the request's context.
 */
import type { ObjectRef } from "@pothos/core";
import { type KindName, kinds, type UniqueField } from "../data/entities";
import { bounded, exactlyOneOf } from "./bounds";
import { builder, type Types } from "./builder";
import { type connectionType, pageOf } from "./connection";
import { type FilterTable, filterCost, filterInput } from "./filters";
import { filteredList, type GivenFilter, type OrderInput, type Orders, orderInput } from "./list";
import { connectionOf, refOf } from "./refs";
import { pageCost } from "./sizes";

/** A filter as GraphQL coerced it: an object of operator inputs (what the cost reads of it). */
const isFilter = (value: unknown): value is GivenFilter => typeof value === "object" && value !== null;

/**
 * `<field>(filter:, orderBy:, first:, after:, last:, before:)`: a kind's records, filtered by
 * the `filter` table and ordered by the `orders` table (each only where given), a page at a time.
 */
export function rootList<K extends KindName>(
  kind: K,
  options: { field: string; description: string; filter?: FilterTable<K>; orders?: Orders<K> },
) {
  const { type, plural } = kinds[kind];
  const { field, description, filter, orders } = options;
  const filterType = filter ? filterInput(type, plural, filter) : null;
  const costOfFilter = filter ? filterCost(kind, filter) : null;
  const orderType = orders ? orderInput(type, orders) : null;
  // A root field's result only flows into its type's own resolvers, typed by the type's ref:
  // here any record will do, which spares Pothos' inference a generic type.
  const node: ObjectRef<Types, object> = refOf(kind);
  const connection: ReturnType<typeof connectionType<object>> = connectionOf(kind);
  builder.queryFields((t) => ({
    [field]: t.connection(
      {
        type: node,
        description,
        args: {
          ...(filterType
            ? { filter: t.arg({ type: filterType, description: `Conditions the ${plural} must meet.` }) }
            : {}),
          ...(orderType ? { orderBy: t.arg({ type: orderType, description: `The order of the ${plural}.` }) } : {}),
        },
        // A page of the kind's records, after the filter read them.
        complexity: (args, { store }) => {
          const given = "filter" in args && isFilter(args.filter) ? args.filter : null;
          return pageCost(args, store.all(kind).length, 1 + (costOfFilter?.(store, given) ?? 0));
        },
        resolve: (_, args, { store }) => {
          const given: GivenFilter | null | undefined = "filter" in args ? args.filter : null;
          const orderBy: OrderInput | null | undefined = "orderBy" in args ? args.orderBy : null;
          return pageOf(args, filteredList(store, kind, filter, orders, given, orderBy));
        },
      },
      connection,
    ),
  }));
}

/**
 * `<field>(<key>: String)`: one record of a kind by its id or a unique field, or null when
 * there is none. With several keys (`region(code:, slug:)`), exactly one must be given.
 */
export function rootLookup<K extends KindName>(
  kind: K,
  options: {
    field: string;
    description: string;
    keys: Readonly<Record<string, { key: "id" | UniqueField<K>; description: string }>>;
  },
) {
  const { field, description, keys } = options;
  const names = Object.keys(keys);
  const required = names.length === 1;
  const type: ObjectRef<Types, object> = refOf(kind);
  builder.queryFields((t) => ({
    [field]: t.field({
      type,
      nullable: true,
      description,
      ...(required ? {} : bounded(exactlyOneOf(names))),
      args: Object.fromEntries(
        names.map((name) => [name, t.arg.string({ required, description: keys[name]?.description })]),
      ),
      resolve: (_, args, { store }) => {
        // Exactly one key is given: the field's bound, checked before execution.
        const name = names.find((n) => args[n] != null);
        const value = name === undefined ? undefined : args[name];
        if (name === undefined || typeof value !== "string") return null;
        const key = keys[name]?.key ?? "id";
        return (key === "id" ? store.find(kind, value) : store.findBy(kind, key, value)) ?? null;
      },
    }),
  }));
}
