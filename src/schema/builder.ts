import SchemaBuilder, { PothosValidationError } from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import RelayPlugin, { decodeGlobalID } from "@pothos/plugin-relay";
import { DateResolver, URLResolver } from "graphql-scalars";
import { kindNames, kinds } from "../data/entities";
import type { Lang } from "../data/kit";
import type { DataStore } from "../data/store";
import type { Space } from "../memory";
import { atMost, between, bounded, cursor, each } from "./bounds";
import { typeNameOf } from "./node";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";
import type { SearchHits } from "./search-index";
import { listCost } from "./sizes";

/**
 * What every resolver receives, built once per request by the HTTP layer and handed to Yoga and
 * to the direct execution of admitted documents alike: the data to read, the language that
 * text fields answer in when they get no `lang` argument, and the recent searches (a space of
 * the isolate's memory budget, kept for paging through them). `languageRead` records that a
 * resolver read `language` (`requestLanguage`): the answer key names the language only when
 * the operation reads it, decided before execution (src/graphql/language-use.ts), and this
 * record holds that decision to what execution did.
 */
export type Context = {
  store: DataStore;
  language: Lang;
  recentSearches: Space<SearchHits>;
  languageRead?: boolean;
};

/** The types whose global ids `node(id:)` resolves: every kind of record, and the nominations. */
const nodeTypes = new Set([...kindNames.map((kind) => kinds[kind].type), "Nomination"]);

/** The most ids `nodes(ids:)` takes. */
export const MAX_NODE_IDS = 100;
/** What finding one node by its global id costs (decoding it, a lookup by its type): about 4 fields' time. */
const NODE_LOOKUP_COST = 4;

/** A global id naming no node type (`__proto__:1`) is as invalid as one that is no id at all. */
function decodeNodeID(globalID: string) {
  const decoded = decodeGlobalID(globalID);
  if (!nodeTypes.has(decoded.typename)) throw new PothosValidationError(`Invalid global ID: ${globalID}`);
  return decoded;
}

/** A global id of a node of this API (checked before execution, so that `ids` cost what they hold). */
const globalId = (value: unknown) => {
  if (typeof value !== "string") return null;
  try {
    decodeNodeID(value);
    return null;
  } catch {
    return `Invalid global ID: ${value}`;
  }
};

/**
 * The one SchemaBuilder of the API. Pothos 4 makes every field nullable by default;
 * here fields are non-null unless a field says otherwise, because most values in the
 * dataset are guaranteed and a nullable field must be a deliberate, documented choice
 * (a value that no source gave).
 */
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
  plugins: [RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  // Fields declare their cost (./sizes.ts): what a field costs is computed before anything
  // resolves, with the variables' values, by src/graphql/cost.ts; the plugin's own check,
  // inside the root resolvers, is off (it would answer a field error with partial data).
  complexity: { disabled: true },
  relay: {
    clientMutationId: "omit",
    decodeGlobalID: decodeNodeID,
    cursorType: "String",
    // A node's type is what the store says the record is. Pothos' own way (a type brand it
    // writes onto each object it loads, else isTypeOf) mutates the store's shared records and
    // lost a race: `nodes` met the promise that `node` was still loading, unbranded, and
    // failed the first time an isolate met a record.
    brandLoadedObjects: false,
    nodeTypeOptions: {
      description: "An entity with a global, opaque id that `node(id:)` resolves.",
      resolveType: (record, context) => typeNameOf(record, context),
    },
    pageInfoTypeOptions: {
      description: "Where a page of a connection sits in the whole list.",
    },
    nodeQueryOptions: {
      description:
        "Any entity by its global id (`id` of any type), or null when no such entity exists. An id this API never gave out (not a global id, or of no node type) is a `BAD_USER_INPUT` error.",
      args: { id: { description: "A global id, as returned in an entity's `id` field.", ...bounded(globalId) } },
    },
    nodesQueryOptions: {
      description:
        "Entities by their global ids, in the order given; null for each id of an entity that does not exist. An id this API never gave out (not a global id, or of no node type) is a `BAD_USER_INPUT` error for the whole field.",
      args: {
        ids: {
          description: `Global ids, as returned in entities' \`id\` fields (at most ${MAX_NODE_IDS}).`,
          ...bounded(atMost(MAX_NODE_IDS, "ids"), each(globalId)),
        },
      },
      complexity: (args) => ({ field: 1 + NODE_LOOKUP_COST * args.ids.length, multiplier: args.ids.length }),
    },
    idFieldOptions: {
      description: "Global, opaque id: pass it to `node(id:)` to fetch this entity again.",
      // Encoding a global id (its resolver returns a promise) takes about two fields' time.
      complexity: 2,
    },
    cursorFieldOptions: { description: "Opaque cursor of this edge: pass it as `after` or `before`." },
    nodeFieldOptions: { description: "The item at this edge." },
    // A connection's page size multiplies its whole selection (./connection.ts): its edges once.
    edgesFieldOptions: { description: "The items of this page, each with its cursor.", complexity: listCost(1) },
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
      ...bounded(between(0, MAX_PAGE_SIZE, "the maximum page size")),
    },
    afterArgOptions: {
      description: "Page forward from this cursor (an `endCursor` or an edge's `cursor`).",
      ...bounded(cursor),
    },
    lastArgOptions: {
      description: `Page backward: at most this many items (at most ${MAX_PAGE_SIZE}).`,
      ...bounded(between(0, MAX_PAGE_SIZE, "the maximum page size")),
    },
    beforeArgOptions: {
      description: "Page backward from this cursor (a `startCursor` or an edge's `cursor`).",
      ...bounded(cursor),
    },
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
