// The schema-aware fuzzer (test/fuzz/operations.ts): valid operations generated from the
// schema, each sent to a fresh Worker, then twice to a warm one (test/fuzz/check.ts says what
// each answer must be). `npm run fuzz -- --count N --seed S` runs more of them.
//
// What "fresh" must mean. The bug this fuzzer exists for was a Node that failed to resolve
// the first time an isolate met a record: Pothos wrote its type brand onto the record object
// itself, so a new Worker over the same objects (the bundled dataset, shared by every Worker of
// this runtime) was already warm, and only a new isolate showed the failure. A new isolate per
// operation costs seconds; what an isolate carries over is module state, and the module state
// that depends on requests is keyed by objects of the data (Pothos' brands, WeakMaps keyed by
// records) or lives in the Worker (its pipeline, caches and memory budget). So a fresh Worker
// here is a new `createWorker` over a new store of a deep copy of the dataset: new records, new
// indexes and nominations, a new pipeline with empty caches; nothing an earlier request did can
// reach it. (Before the fix, test/worker/schema-node-fresh.test.ts fails in exactly this setup.)
// The warm Worker is one Worker over the bundled store for the whole run, its caches filled by
// every earlier operation, in the same runtime as every other test file.
//
// Beside it: test/worker/http-differential.test.ts sends hand-picked request shapes (GET and
// POST, persisted hashes, settings) fresh and warm, comparing headers too; test/node/http-fuzz
// sends malformed and hostile requests. This one is about documents: every field, argument and
// type of the schema, in valid operations.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import {
  type GraphQLEnumType,
  type GraphQLInputType,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isObjectType,
} from "graphql";
import { describe, expect, inject, it, vi } from "vitest";
import { createStore, dataset, kindNames, kinds, store } from "../../src/data";
import { idOf } from "../../src/data/store";
import { schema } from "../../src/schema";
import { cursorOf } from "../../src/schema/cursor";
import { createWorker } from "../../src/worker";
import { type Fetch, type FuzzCase, fuzz, smallestFailing, type Workers } from "../fuzz/check";
import { generateOperations, requestOf, type Selection, type ValuePool } from "../fuzz/operations";
import { prng } from "../prng";

const { count: COUNT, seed: SEED } = inject("fuzz");

/** Every global id, and every id, code and slug of the data, for the arguments. */
function poolOf(): ValuePool {
  const globalIds: string[] = [];
  const keys = new Set<string>();
  for (const kind of kindNames) {
    for (const record of store.all(kind)) {
      const id = idOf(kind, record);
      globalIds.push(btoa(`${kinds[kind].type}:${id}`));
      keys.add(id);
      for (const field of ["slug", "isoCode", "countyCode", "award"]) {
        const value = (record as Record<string, unknown>)[field];
        if (typeof value === "string") keys.add(value);
      }
    }
  }
  for (const edition of store.all("edition")) {
    for (const n of store.nominationsOfEdition(edition.id)) globalIds.push(btoa(`Nomination:${n.id}`));
  }
  return { globalIds, keys: [...keys], cursors: Array.from({ length: 3 }, (_, i) => cursorOf(i)) };
}

// The same env objects on every request, as an isolate sees them (the Worker keys its pipeline by env).
const development = {};
const production = {
  ENVIRONMENT: "production",
  GRAPHIQL: "off",
  INTROSPECTION: "off",
};

function fetchOf(worker: ExportedHandler<Env>): Fetch {
  return async (request, inProduction) => {
    const ctx = createExecutionContext();
    const response = await worker.fetch!(
      request as Request<unknown, IncomingRequestCfProperties>,
      (inProduction ? production : development) as unknown as Env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return response;
  };
}

/** Rejections nobody handled (workerd's `unhandledrejection`), counted while the fuzzer runs. */
let unhandled = 0;
const countUnhandled = (event: Event) => {
  unhandled++;
  event.preventDefault();
};

const workers: Workers = {
  unhandled: async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const count = unhandled;
    unhandled = 0;
    return count;
  },
  fresh: () =>
    fetchOf(
      createWorker({
        store: createStore(structuredClone(dataset), { searchIndex: store.prebuiltSearchIndex }),
      }),
    ),
  warm: fetchOf(createWorker({ store })),
};

describe("schema-aware fuzzing", () => {
  it(`${COUNT} generated operations (seed ${SEED}): fresh and warm agree, no 5xx, only the table's codes`, {
    timeout: 60_000 + COUNT * 100,
  }, async () => {
    // The Worker's log lines and the traces of masked errors: a failure's problems say what matters.
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    addEventListener("unhandledrejection", countUnhandled);
    let outcome: Awaited<ReturnType<typeof fuzz>>;
    let smallest: string | null;
    try {
      const operations = generateOperations(schema, prng(SEED), poolOf(), COUNT);
      const cases: FuzzCase[] = operations.map((operation, i) => ({ operation, production: i % 3 === 2 }));
      outcome = await fuzz(cases, workers);
      smallest = outcome.failures[0] ? await smallestFailing(outcome.failures[0], workers) : null;
    } finally {
      removeEventListener("unhandledrejection", countUnhandled);
      vi.restoreAllMocks();
    }
    const { tally, failures } = outcome;
    expect(smallest, `${failures.length} of ${COUNT} failed; the smallest failing operation:\n${smallest}`).toBeNull();
    // The corpus reaches the data: most operations are answered with data and no error.
    expect(tally["data"] ?? 0, JSON.stringify(tally)).toBeGreaterThan(COUNT / 2);
  });
});

describe("the fuzzer's corpus", () => {
  // At least the 2000 of `npm test`, whatever `npm run fuzz` asked for.
  const operations = generateOperations(schema, prng(SEED), poolOf(), Math.max(COUNT, 2000));

  it("names every root field, with every one of its arguments, and fragments on every type of every interface and union", () => {
    const rootsAndArgs = new Set<string>();
    const fragmentTypes = new Set<string>();
    const walk = (selections: readonly Selection[]) => {
      for (const s of selections) {
        if (s.kind !== "field" && s.on) fragmentTypes.add(s.on);
        walk(s.selections);
      }
    };
    for (const { selections } of operations) {
      for (const s of selections) {
        if (s.kind !== "field") continue;
        rootsAndArgs.add(s.name);
        for (const arg of s.args) rootsAndArgs.add(`${s.name}(${arg.name}:)`);
      }
      walk(selections);
    }
    const query = schema.getQueryType()!;
    const expected = Object.values(query.getFields()).flatMap((f) => [
      f.name,
      ...f.args.map((a) => `${f.name}(${a.name}:)`),
    ]);
    expect(expected.filter((name) => !rootsAndArgs.has(name))).toEqual([]);
    const possible = ["Node", "SearchResult"].flatMap((name) => {
      const type = schema.getType(name);
      return type && isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [];
    });
    expect(possible.length).toBeGreaterThan(10);
    expect(possible.filter((name) => !fragmentTypes.has(name))).toEqual([]);
  });

  it("gives every filter operator and every enum value somewhere", () => {
    const text = operations.map((o) => {
      const { query, variables } = requestOf(o);
      return `${query} ${JSON.stringify(variables)}`;
    });
    const all = text.join("\n");
    const operators = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (isInputObjectType(type) && type.name.endsWith("Filter")) {
        for (const field of Object.keys(type.getFields())) operators.add(field);
      }
    }
    expect([...operators].filter((op) => !new RegExp(`[{,(\\s"]${op}"?:`).test(all))).toEqual([]);
    // Every value of every enum an argument or input field takes.
    const inputEnums = new Set<GraphQLEnumType>();
    const inputsOf = (type: GraphQLInputType, seen = new Set<string>()) => {
      const named = getNamedType(type);
      if (isEnumType(named)) inputEnums.add(named);
      if (isInputObjectType(named) && !seen.has(named.name)) {
        seen.add(named.name);
        for (const field of Object.values(named.getFields())) inputsOf(field.type, seen);
      }
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) for (const arg of field.args) inputsOf(arg.type);
    }
    const enumValues = [...inputEnums].flatMap((type) => type.getValues().map((v) => v.name));
    expect(enumValues.length).toBeGreaterThan(20);
    expect(enumValues.filter((value) => !new RegExp(`\\b${value}\\b`).test(all))).toEqual([]);
  });
});
