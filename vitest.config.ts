import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        // Runs inside workerd, against the Worker as wrangler.toml describes it.
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          // workerd loads the modules on a file's first request; that can take seconds.
          testTimeout: 30_000,
        },
      },
      {
        // Runs in Node: builds things (the bundle, the data check) and drives them.
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Runs in Node and drives Debian's Chromium (playwright-core) against the built
        // bundle, served on 127.0.0.1 by the global setup. Skipped when Chromium is missing.
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/browser/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
