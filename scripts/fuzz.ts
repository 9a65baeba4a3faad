// `npm run fuzz -- --count N --seed S`: the schema-aware fuzzer of `npm test`
// (test/worker/fuzz.test.ts, inside workerd) with more operations or another seed. On a
// failure, vitest prints the smallest failing operation (the generator's shrink: selections,
// arguments and aliases dropped while it still fails), with its variables and what is wrong.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "2000" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error("usage: npm run fuzz -- --count N --seed S (whole numbers)");
  process.exit(2);
}
console.log(`fuzzing ${count} operations, seed ${seed} (replay: npm run fuzz -- --count ${count} --seed ${seed})`);
const run = spawnSync("npx", ["vitest", "run", "--project", "worker", "test/worker/fuzz.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_COUNT: String(count), FUZZ_SEED: String(seed), WRANGLER_SEND_METRICS: "false" },
});
process.exit(run.status ?? 1);
