/**
 * The Worker's settings, read from its `[vars]` (wrangler.toml, per environment) and
 * checked once per isolate. A wrong value stops the Worker with a message that names the
 * variable, the value and what is allowed, rather than running with a surprise.
 *
 * A small table instead of zod: the team keeps zod out of the Worker bundle (see
 * src/data/index.ts), and these are a score of flat values.
 */

/** Which deployment this is (its log lines say it). */
export type Environment = "development" | "staging" | "production";

export type Config = {
  environment: Environment;
  /** Serve the GraphiQL playground on GET /graphql to browsers. */
  graphiql: boolean;
  /**
   * Answer `__schema` / `__type` queries and suggest field names ("Did you mean …?"); off,
   * messages name no type, field or value the client did not send itself.
   */
  introspection: boolean;
  /** Execute only operations from the persisted-operations manifest. */
  persistedOnly: boolean;
  /** Keep answers in the isolate's memory (its byte budget, src/memory.ts). */
  responseCache: boolean;
  /**
   * Workers Cache fronts the Worker (`[cache] enabled` of the same environment in wrangler.toml;
   * a test holds them equal): the public entrypoint folds a GET's Accept and Accept-Language and
   * hands it to the cached entrypoint (src/index.ts). Off, that hop would feed no cache.
   */
  workersCache: boolean;
  /** Origins that may read answers in a browser: `"*"` for any, else a list. */
  corsOrigins: "*" | string[];
  /** Cache-Control max-age and stale-while-revalidate of GET answers, in seconds. */
  cacheMaxAge: number;
  cacheStaleWhileRevalidate: number;
  maxBodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Per-client rate limits (the Rate Limiting bindings, src/http/rate-limit.ts). */
  rateLimits: boolean;
  /**
   * The window of both limits and the quotas in it, as the bindings' `simple` settings in
   * wrangler.toml say (the binding does not tell the Worker; a test holds them equal): for
   * the RateLimit-Policy header and the messages.
   */
  rateLimitPeriod: 10 | 60;
  rateLimitRequests: number;
  rateLimitExpensive: number;
  /** An operation whose cost is above this is expensive: it also counts against the tighter limit. */
  expensiveCost: number;
};

type Parser<T> = (raw: string) => T | undefined;

const onOff: Parser<boolean> = (raw) => (raw === "on" ? true : raw === "off" ? false : undefined);
const count =
  (min: number): Parser<number> =>
  (raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw) && Number.isSafeInteger(n) && n >= min ? n : undefined;
  };
const period: Parser<10 | 60> = (raw) => (raw === "10" ? 10 : raw === "60" ? 60 : undefined);
const environment: Parser<Environment> = (raw) =>
  raw === "development" || raw === "staging" || raw === "production" ? raw : undefined;
const origins: Parser<"*" | string[]> = (raw) => {
  if (raw === "*") return "*";
  const list = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 && list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)) ? list : undefined;
};

/**
 * Each setting: its variable, what values it takes (for the message), its parser, and its
 * default when the variable is missing, which is wrangler.toml's top-level [vars] (a test
 * holds them equal): tests and benchmarks that pass only some vars get development.
 */
const settings: {
  [K in keyof Config]: [variable: string, allowed: string, parse: Parser<Config[K]>, fallback: string];
} = {
  environment: ["ENVIRONMENT", '"development", "staging" or "production"', environment, "development"],
  graphiql: ["GRAPHIQL", '"on" or "off"', onOff, "on"],
  introspection: ["INTROSPECTION", '"on" or "off"', onOff, "on"],
  persistedOnly: ["PERSISTED_ONLY", '"on" or "off"', onOff, "off"],
  responseCache: ["RESPONSE_CACHE", '"on" or "off"', onOff, "on"],
  workersCache: ["WORKERS_CACHE", '"on" or "off"', onOff, "off"],
  corsOrigins: [
    "CORS_ORIGINS",
    '"*" or a comma-separated list of origins such as "https://a.se,https://b.se"',
    origins,
    "*",
  ],
  cacheMaxAge: ["CACHE_MAX_AGE", "a whole number of seconds (0 or more)", count(0), "60"],
  cacheStaleWhileRevalidate: ["CACHE_STALE_WHILE_REVALIDATE", "a whole number of seconds (0 or more)", count(0), "600"],
  maxBodyBytes: ["MAX_BODY_BYTES", "a whole number of bytes (1 or more)", count(1), "32768"],
  maxDepth: ["MAX_DEPTH", "a whole number (1 or more)", count(1), "10"],
  maxAliases: ["MAX_ALIASES", "a whole number (0 or more)", count(0), "15"],
  maxDirectives: ["MAX_DIRECTIVES", "a whole number (0 or more)", count(0), "20"],
  maxTokens: ["MAX_TOKENS", "a whole number (1 or more)", count(1), "500"],
  maxCost: ["MAX_COST", "a whole number (1 or more)", count(1), "1000"],
  rateLimits: ["RATE_LIMITS", '"on" or "off"', onOff, "off"],
  rateLimitPeriod: ["RATE_LIMIT_PERIOD", "10 or 60 (seconds: what the Rate Limiting binding allows)", period, "10"],
  rateLimitRequests: ["RATE_LIMIT_REQUESTS", "a whole number (1 or more)", count(1), "200"],
  rateLimitExpensive: ["RATE_LIMIT_EXPENSIVE", "a whole number (1 or more)", count(1), "20"],
  expensiveCost: ["EXPENSIVE_COST", "a whole number (0 or more)", count(0), "600"],
};

const keys = Object.keys(settings) as (keyof Config)[];
/** The variables this module reads, in a fixed order. */
export const CONFIG_VARIABLES = keys.map((k) => settings[k][0]);

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * The settings from a Worker's env (or wrangler.toml's vars). A missing variable takes its
 * default; a present but wrong one throws a ConfigError naming every wrong variable.
 */
export function parseConfig(vars: object): Config {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of keys) {
    const [variable, allowed, parse, fallback] = settings[key] as [string, string, Parser<unknown>, string];
    const given: unknown = Reflect.get(vars, variable);
    const raw = given === undefined ? fallback : String(given).trim();
    const value = parse(raw);
    if (value === undefined) problems.push(`${variable} must be ${allowed}, but is ${JSON.stringify(given)}`);
    config[key] = value;
  }
  if (problems.length > 0) throw new ConfigError(`Invalid Worker configuration: ${problems.join("; ")}.`);
  return config as Config;
}

/** A string that is equal for two envs exactly when their settings are. */
export function configKey(vars: object): string {
  let key = "";
  for (const variable of CONFIG_VARIABLES) key += `${Reflect.get(vars, variable) ?? ""}\u0000`;
  return key;
}

const parsed = new Map<string, Config | ConfigError>();

/**
 * The settings of this env, parsed once per distinct set of values (one, in a deployment)
 * and the same object afterwards, so that what is built from it can be memoized by it.
 */
export function configFor(vars: object): Config {
  const key = configKey(vars);
  let config = parsed.get(key);
  if (!config) {
    try {
      config = parseConfig(vars);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      config = error;
    }
    parsed.set(key, config);
  }
  if (config instanceof ConfigError) throw config;
  return config;
}
