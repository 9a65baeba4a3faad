import SchemaBuilder, { PothosValidationError } from "@pothos/core";
import RelayPlugin, { decodeGlobalID } from "@pothos/plugin-relay";
import { DateResolver, URLResolver } from "graphql-scalars";
import { kindNames, kinds } from "../data/entities";
import type { Lang } from "../data/kit";
import type { DataStore } from "../data/store";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";

/**
 * What every resolver receives, built once per request by the HTTP layer and handed to Yoga and
 * to the direct execution of admitted documents alike: the data to read and the language that
 * text fields answer in when they get no `lang` argument.
 */
export type Context = { store: DataStore; language: Lang };

/**
 * The one SchemaBuilder of the API. Pothos 4 makes every field nullable by default;
 * here fields are non-null unless a field says otherwise, because most values in the
 * dataset are guaranteed and a nullable field must be a deliberate, documented choice
 * (a value that no source gave).
 */
/** The types whose global ids `node(id:)` resolves: every kind of record, and the nominations. */
const nodeTypes = new Set([...kindNames.map((kind) => kinds[kind].type), "Nomination"]);

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  // Every connection counts its items (`pageOf` in ./connection).
  Connection: { totalCount: number };
  Scalars: {
    // Dates travel as ISO 8601 strings (YYYY-MM-DD); the data holds them as strings.
    Date: { Input: Date; Output: string };
    URL: { Input: URL; Output: string };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: "omit",
    // An id naming no node type (`__proto__:1`) is as invalid as one that is no id at all.
    decodeGlobalID: (globalID) => {
      const decoded = decodeGlobalID(globalID);
      if (!nodeTypes.has(decoded.typename)) throw new PothosValidationError(`Invalid global ID: ${globalID}`);
      return decoded;
    },
    cursorType: "String",
    nodeTypeOptions: {
      description: "An entity with a global, opaque id that `node(id:)` resolves.",
    },
    pageInfoTypeOptions: {
      description: "Where a page of a connection sits in the whole list.",
    },
    nodeQueryOptions: {
      description: "Any entity by its global id (`id` of any type), or null when no such entity exists.",
      args: { id: { description: "A global id, as returned in an entity's `id` field." } },
    },
    nodesQueryOptions: {
      description: "Entities by their global ids, in the order given; null for each id that resolves to nothing.",
      args: { ids: { description: "Global ids, as returned in entities' `id` fields (at most 100)." } },
    },
    idFieldOptions: { description: "Global, opaque id: pass it to `node(id:)` to fetch this entity again." },
    cursorFieldOptions: { description: "Opaque cursor of this edge: pass it as `after` or `before`." },
    nodeFieldOptions: { description: "The item at this edge." },
    edgesFieldOptions: { description: "The items of this page, each with its cursor." },
    pageInfoFieldOptions: { description: "Cursors and flags for paging forward and backward." },
    hasNextPageFieldOptions: {
      description: "True when items follow this page (page forward with `after: endCursor`).",
    },
    hasPreviousPageFieldOptions: {
      description: "True when items precede this page (page backward with `before: startCursor`).",
    },
    startCursorFieldOptions: { description: "Cursor of the first item of this page, or null when the page is empty." },
    firstArgOptions: {
      description: `Page forward: at most this many items (${DEFAULT_PAGE_SIZE} when no size is given; at most ${MAX_PAGE_SIZE}).`,
    },
    afterArgOptions: { description: "Page forward from this cursor (an `endCursor` or an edge's `cursor`)." },
    lastArgOptions: { description: `Page backward: at most this many items (at most ${MAX_PAGE_SIZE}).` },
    beforeArgOptions: { description: "Page backward from this cursor (a `startCursor` or an edge's `cursor`)." },
    endCursorFieldOptions: { description: "Cursor of the last item of this page, or null when the page is empty." },
  },
});

/** The builder's type parameters, for helpers that take Pothos' refs and field builders. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.addScalarType("Date", DateResolver, {
  description: "A calendar date in ISO 8601 form, YYYY-MM-DD (for example 2022-08-31).",
});
builder.addScalarType("URL", URLResolver, {
  description: "An absolute URL, such as a source's address.",
});

builder.queryType({
  description: "The entry points of the Swedish export promotion API.",
});
