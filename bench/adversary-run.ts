// Runs the adversarial search (bench/adversary-probe.ts) against a built bundle in a fresh Node.
//   npx tsx bench/adversary-run.ts [--scale N] [--random 150] [--seed 1]   on its own, quickly
// `npm run bench` runs it too (its rows "adversarial: ...").
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

export type AdversaryResult = {
  candidates: number;
  admittedScales: number;
  refusals: number;
  worst: Measured | undefined;
  measured: Measured[];
  largestAnswer: { name: string; aliases: number; n: number; bytes: number; query: string } | undefined;
};
type Measured = {
  name: string;
  aliases: number;
  n: number;
  cpuMs: number;
  freshCpuMs: number;
  bytes: number;
  query: string;
  variables: Record<string, unknown>;
};

export function probeAdversary(
  script: string,
  env: Record<string, unknown>,
  options: { random?: number; seed?: number; top?: number; repeat?: number } = {},
): AdversaryResult {
  const file = join(mkdtempSync(join(tmpdir(), "bench-adversary-")), "options.json");
  writeFileSync(file, JSON.stringify({ env, random: 150, seed: 1, top: 8, repeat: 50, ...options }));
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(import.meta.dirname, "adversary-probe.ts"), script, file],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, cwd: join(import.meta.dirname, "..") },
  );
  if (result.status !== 0) throw new Error(`adversary probe failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as AdversaryResult;
}

/**
 * A result as the bench writes and prints it: the worst operation and the largest answer keep
 * their query; the other measured ones are named, which with the seed reproduces them (a
 * query of 15 aliases is most of a result file's bytes).
 */
export function forTheRecord(found: AdversaryResult, seed: number) {
  return { seed, ...found, measured: found.measured.map(({ query: _, ...m }) => m) };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { scale: { type: "string" }, random: { type: "string" }, seed: { type: "string" } },
  });
  const { unstable_readConfig } = await import("wrangler");
  const { buildDeployable, buildWithData, root } = await import("./build");
  const { scaledDataset } = await import("./scale");
  const config = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
  const env = { ...(config.vars as Record<string, unknown>), RESPONSE_CACHE: "off", RATE_LIMITS: "off" };
  const scale = Number(values.scale ?? 1);
  const bundle = scale > 1 ? buildWithData(scaledDataset(scale)) : buildDeployable();
  const seed = Number(values.seed ?? 1);
  const found = probeAdversary(bundle.script, env, { random: Number(values.random ?? 150), seed });
  console.log(JSON.stringify(forTheRecord(found, seed), null, 2));
}
