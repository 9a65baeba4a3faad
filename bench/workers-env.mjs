// The bundle imports its bindings from `cloudflare:workers` (src/index.ts), which only workerd
// provides: the bench's in-process probes (bench/isolate-probe.mjs, bench/adversary-probe.ts)
// call this before importing the bundle, so that its `env` is the probe's.
import { registerHooks } from "node:module";

const MODULE_URL = "bench:cloudflare-workers";

/** Serves `cloudflare:workers` with `env` to every module imported after this call. */
export function provideWorkersEnv(env) {
  globalThis.__benchWorkersEnv = env;
  registerHooks({
    resolve: (specifier, context, next) =>
      specifier === "cloudflare:workers" ? { url: MODULE_URL, shortCircuit: true } : next(specifier, context),
    load: (url, context, next) =>
      url === MODULE_URL
        ? {
            format: "module",
            source: "export const env = globalThis.__benchWorkersEnv; export class WorkerEntrypoint {}",
            shortCircuit: true,
          }
        : next(url, context),
  });
}
