import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { WorkerProjectFirst } from "./test/sequencer";

// wrangler reads its own settings from .env (CLOUDFLARE_ENV, CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV,
// CLOUDFLARE_CF_FETCH_ENABLED); the test pool's wrangler reads them only from the environment.
// Without this it takes .env for the Worker's secrets ("Using secrets defined in .env").
process.loadEnvFile(".env");

export default defineConfig({
  test: {
    // Makes what each selected project needs: the Static Assets the worker project's pool
    // serves; the deployable bundle, built once, for the node and browser projects (and
    // served for the browser tests).
    globalSetup: ["test/setup.ts"],
    // A green run is quiet: a test's console output (the Worker's request log lines, the
    // stack traces of errors a test provokes on purpose) is printed only when it fails.
    silent: "passed-only",
    // One line per file; a test is listed on its own only when it takes more than this.
    slowTestThreshold: 3_000,
    sequence: { sequencer: WorkerProjectFirst },
    // Three test workers on two cores: much of a test's time is spent waiting on workerd,
    // Miniflare, wrangler or Chromium in processes of their own, which other workers overlap
    // (Vitest's default here is one). Two and three were equal within this machine's noise
    // (`npx vitest run --maxWorkers=N`, two runs each, 2026-12-07: 74 and 74 s against 81
    // and 66 s).
    maxWorkers: 3,
    projects: [
      {
        // Runs inside workerd, against the Worker as wrangler.toml describes it.
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          // Files share one workerd runtime and its modules: each reaches the Worker through
          // SELF, whose answers depend only on the request, or builds Workers of its own with
          // createWorker. A fresh runtime per file cost half the project's time.
          isolate: false,
          // workerd loads the modules on a file's first request; that can take seconds.
          testTimeout: 30_000,
          // The schema-aware fuzzer's size and seed (test/worker/fuzz.test.ts); `npm run fuzz`
          // sets them for longer runs.
          provide: {
            fuzz: {
              count: Number(process.env["FUZZ_COUNT"] ?? 2000),
              seed: Number(process.env["FUZZ_SEED"] ?? 20261207),
            },
          },
        },
      },
      {
        // Runs in Node: drives the bundle through Miniflare, runs the data check and the generators.
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts"],
          environment: "node",
          // Files share a worker process (they share no state but the bundle on disk): spawning
          // one per file cost more than most of these files take.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Runs in Node and drives Debian's Chromium (playwright-core) against the bundle,
        // served on 127.0.0.1 by the global setup. Skipped when Chromium is missing.
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          isolate: false,
          // Chromium loads GraphiQL's 9 MB while the other projects run on the same two cores:
          // a page's state is polled for up to 10 s (vitest's default is 1 s).
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
