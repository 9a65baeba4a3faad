/** Serves `cloudflare:workers` with `env` to every module imported after this call (bench/workers-env.mjs). */
export function provideWorkersEnv(env: Record<string, unknown>): void;
