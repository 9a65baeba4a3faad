// An A/B of the cold rows: two builds' first answers in the same fresh workerd processes, each
// probe beside the other build's (bench/cold.ts), and their module scope in alternation.
//
//   npx tsx bench/cold-ab.ts build <name> [scale]      keeps this tree's bundle as <name> (bench/tmp/bundles)
//   npx tsx bench/cold-ab.ts run <a> <b> [scale] [runs] the rows of <a>, and of <b> marked [B]
//
// ONLY=<regex> keeps the probes whose names match (the no-op Worker stays); MODULE=1 adds module scope.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";
import { buildComparisonWorkers, buildDeployable, buildWithData, root } from "./build";
import { coldFirstAnswers, coldProbes, moduleScopeCpuMs } from "./cold";
import { scaledDataset } from "./scale";

const kept = join(root, "bench", "tmp", "bundles");
const [command, a, b, scaleArg, runsArg] = process.argv.slice(2);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;
const config = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
const dirOf = (name: string, scale: number) => join(kept, `${name}-${scale}`);

if (command === "build" && a) {
  const scale = Number(b ?? 1);
  const api = scale === 1 ? buildDeployable() : buildWithData(scaledDataset(scale));
  mkdirSync(dirOf(a, scale), { recursive: true });
  cpSync(api.script, join(dirOf(a, scale), "index.js"));
  writeFileSync(join(dirOf(a, scale), "bundle.json"), JSON.stringify(api));
  console.log(`${a} at ${scale}×: ${api.bytes} bytes, ${api.gzipBytes} gzip`);
} else if (command === "run" && a && b) {
  const scale = Number(scaleArg ?? 1);
  const runs = Number(runsArg ?? 5);
  const api = {
    ...JSON.parse(readFileSync(join(dirOf(a, scale), "bundle.json"), "utf8")),
    script: join(dirOf(a, scale), "index.js"),
  };
  const other = join(dirOf(b, scale), "index.js");
  const { reference } = buildComparisonWorkers(config.compatibility_date ?? "");
  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
  const probes = coldProbes().filter((p) => p.noop || !only || only.test(p.name));
  const both = [
    ...probes,
    ...probes.filter((p) => !p.noop && !p.reference).map((p) => ({ ...p, name: `${p.name} [B]`, script: other })),
  ];
  const measured = await coldFirstAnswers(api, reference, both, runs);
  for (const [name, ms] of Object.entries(measured.cpuMs)) {
    const each = (measured.cpuRunsMs[name] ?? []).map((x) => x.toFixed(1)).join(" ");
    console.log(`${name.padEnd(28)} ${ms.toFixed(1).padStart(6)} ms CPU  (runs: ${each})`);
  }
  if (process.env.MODULE) {
    const [ofA, ofB]: number[][] = [[], []];
    for (let run = 0; run < runs; run++) {
      ofA?.push(await moduleScopeCpuMs(api, 1));
      ofB?.push(await moduleScopeCpuMs({ ...api, script: other }, 1));
    }
    console.log(`module scope: ${a} ${median(ofA ?? []).toFixed(1)}, ${b} ${median(ofB ?? []).toFixed(1)} ms CPU`);
  }
} else {
  console.error("usage: npx tsx bench/cold-ab.ts build <name> [scale] | run <a> <b> [scale] [runs]");
  process.exit(2);
}
