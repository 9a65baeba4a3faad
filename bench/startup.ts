// Cold start and isolate memory of a built bundle.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HttpRequest } from "./load";

const wrangler = join(import.meta.dirname, "..", "node_modules", ".bin", "wrangler");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
};

/**
 * `wrangler check startup` in the project at `cwd`: it builds the Worker and profiles its
 * module-scope evaluation in workerd. Returns the busy (not idle) time of the profile, in
 * ms, the median of `runs`.
 */
export function wranglerStartupMs(cwd: string, entry?: string, runs = 3): number {
  const out = mkdtempSync(join(tmpdir(), "bench-startup-"));
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const outfile = join(out, `startup-${run}.cpuprofile`);
    const result = spawnSync(
      wrangler,
      ["check", "startup", "--outfile", outfile, ...(entry ? ["--args", entry] : [])],
      {
        cwd,
        encoding: "utf8",
        // SKIP_GENERATE: the [build] command makes only public/ (scripts/build.ts).
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", SKIP_GENERATE: "1", FORCE_COLOR: "0" },
      },
    );
    if (result.status !== 0) throw new Error(`wrangler check startup failed:\n${result.stdout}\n${result.stderr}`);
    const profile = JSON.parse(readFileSync(outfile, "utf8")) as CpuProfile;
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
    // timeDeltas[i + 1] is the time spent in samples[i].
    let busy = 0;
    for (let i = 0; i < profile.samples.length - 1; i++) {
      if (!idle.has(profile.samples[i]!)) busy += profile.timeDeltas[i + 1]!;
    }
    times.push(busy / 1000);
  }
  return median(times);
}

export type IsolateProbe = {
  moduleMs: number;
  moduleHeapBytes: number;
  /** After one call of each request (lazily built indexes included). */
  heapAfterFirstRequestsBytes: number;
  /** After every measured call (Yoga's caches, the response cache's memory included). */
  heapAfterRequestsBytes: number;
  /** Wall time of the first call of each request in a fresh isolate. */
  firstRequestMs: Record<string, number>;
  cpuMsPerRequest: Record<string, number>;
};

/**
 * Evaluates the bundle in fresh Node processes (bench/isolate-probe.mjs): module-scope time
 * and retained heap (medians of `runs`), and the CPU time per request of each of `requests`.
 */
export function probeIsolate(
  script: string,
  env: Record<string, unknown>,
  requests: Record<string, HttpRequest | HttpRequest[]>,
  options: { runs?: number; repeat?: number; ratelimits?: Record<string, { limit: number; period: number }> } = {},
): IsolateProbe {
  const probeFile = join(mkdtempSync(join(tmpdir(), "bench-probe-")), "probe.json");
  const runs: IsolateProbe[] = [];
  for (let run = 0; run < (options.runs ?? 3); run++) {
    // CPU per request only once: it averages over `repeat` calls already.
    writeFileSync(
      probeFile,
      JSON.stringify({
        env,
        ratelimits: options.ratelimits ?? {},
        requests: run === 0 ? requests : {},
        repeat: options.repeat ?? 200,
      }),
    );
    const result = spawnSync(
      process.execPath,
      ["--expose-gc", join(import.meta.dirname, "isolate-probe.mjs"), script, probeFile],
      {
        encoding: "utf8",
        // The Worker writes a log line per request.
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    if (result.status !== 0) throw new Error(`isolate probe failed:\n${result.stdout}\n${result.stderr}`);
    runs.push(JSON.parse(result.stdout.trim().split("\n").at(-1)!) as IsolateProbe);
  }
  return {
    moduleMs: median(runs.map((r) => r.moduleMs)),
    moduleHeapBytes: median(runs.map((r) => r.moduleHeapBytes)),
    heapAfterFirstRequestsBytes: runs[0]!.heapAfterFirstRequestsBytes,
    heapAfterRequestsBytes: runs[0]!.heapAfterRequestsBytes,
    firstRequestMs: runs[0]!.firstRequestMs,
    cpuMsPerRequest: runs[0]!.cpuMsPerRequest,
  };
}

/**
 * The isolate's heap (V8's used heap after a full GC, in a fresh Node) after `count` distinct
 * documents (`%i` in `document` numbered), each executed once with `env`: what the memory
 * budget lets the isolate keep of them, beside the Worker itself.
 */
export function probeMemory(
  script: string,
  env: Record<string, unknown>,
  document: string,
  count: number,
  options: { ratelimits?: Record<string, { limit: number; period: number }> } = {},
): { heapAfterStartBytes: number; heapAfterDocumentsBytes: number } {
  const probeFile = join(mkdtempSync(join(tmpdir(), "bench-memory-")), "probe.json");
  writeFileSync(
    probeFile,
    JSON.stringify({ env, ratelimits: options.ratelimits ?? {}, requests: {}, repeat: 0, memory: { count, document } }),
  );
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", join(import.meta.dirname, "isolate-probe.mjs"), script, probeFile],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`memory probe failed:\n${result.stdout}\n${result.stderr}`);
  const probe = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as IsolateProbe & {
    heapAfterDocumentsBytes: number;
  };
  return { heapAfterStartBytes: probe.moduleHeapBytes, heapAfterDocumentsBytes: probe.heapAfterDocumentsBytes };
}
