// The Worker with an empty dataset, built with the project's wrangler settings by
// test/node/bundle-budget.test.ts: what the bundle weighs without the data.
import { type Dataset, kindNames, kinds } from "../../src/data/entities";
import { createStore } from "../../src/data/store";
import { createWorker } from "../../src/worker";

const empty = Object.fromEntries(kindNames.map((kind) => [kinds[kind].list, []])) as unknown as Dataset;

export default createWorker({ store: createStore(empty) });
