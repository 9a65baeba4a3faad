/**
 * Per-client limits, counted by Cloudflare's Rate Limiting binding: one on the requests a client
 * sends, and a tighter one on the expensive operations it runs (those whose cost is above
 * `EXPENSIVE_COST`). The binding counts per Cloudflare location, from counters cached on the
 * machine and shared in the background: a call is not a network round trip, and the count is
 * eventually consistent (a burst may pass a few requests over the limit before it holds).
 *
 * The client is `cf-connecting-ip` (Cloudflare sets it on every request from the internet and a
 * client cannot forge it); an IPv6 address counts as its /64, which one subscriber holds whole.
 * A request without it (a test, a service binding) is not counted: there is no client to limit.
 * The binding answers only whether a call is within the limit, so the policy (quota and window)
 * is read from the settings, which a test holds equal to wrangler.toml's `simple` settings.
 */
import { type Config, ConfigError } from "../config";

/** The bindings' names in wrangler.toml (`[[ratelimits]]`, per environment). */
export const REQUEST_LIMITER = "REQUEST_LIMITER";
export const EXPENSIVE_LIMITER = "EXPENSIVE_LIMITER";

/** The policies as the RateLimit-Policy and RateLimit headers name them. */
export type PolicyName = "requests" | "expensive";

/** What a refused request is told: the policy it broke, and in how many seconds its window ends. */
export type Refusal = { policy: PolicyName; retryAfter: number };

/** The Rate Limiting binding's API, as far as this module uses it. */
type Limiter = { limit(options: { key: string }): Promise<{ success: boolean }> };

const isLimiter = (value: unknown): value is Limiter =>
  typeof value === "object" && value !== null && typeof Reflect.get(value, "limit") === "function";

/**
 * The key a client counts under: its address, an IPv6 address cut to its /64 (a subscriber's
 * whole prefix, which it could otherwise walk through address by address).
 */
export function clientKey(address: string): string {
  // IPv4, and IPv4-mapped IPv6 (`::ffff:192.0.2.1`), count by the address.
  if (!address.includes(":") || address.includes(".")) return address;
  const [head = "", tail, ...more] = address.split("::");
  if (more.length > 0) return address;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? 0 : Math.max(0, 8 - left.length - right.length);
  const groups = [...left, ...Array.from({ length: zeros }, () => "0"), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * Seconds until the current window ends (1 to the period): the binding's windows are fixed and
 * aligned to the clock (as Miniflare counts them; on Cloudflare, eventually consistent), so a
 * refused client is told when its count starts again.
 */
export const secondsLeftInWindow = (period: number, now = Date.now()): number =>
  Math.ceil((period * 1000 - (now % (period * 1000))) / 1000);

/** RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers, a structured-field list): both policies. */
export const policyField = (config: Config): string =>
  `"requests";q=${config.rateLimitRequests};w=${config.rateLimitPeriod}, "expensive";q=${config.rateLimitExpensive};w=${config.rateLimitPeriod}`;

/** RateLimit for a refused request: nothing left under the policy it broke until its window ends. */
export const serviceLimitField = (refusal: Refusal): string => `"${refusal.policy}";r=0;t=${refusal.retryAfter}`;

/** The 429's message: what the limit is and when to come back. */
export function refusalMessage(config: Config, refusal: Refusal): string {
  const window = `${config.rateLimitPeriod} seconds`;
  const retry = `Retry after ${refusal.retryAfter} ${refusal.retryAfter === 1 ? "second" : "seconds"}.`;
  return refusal.policy === "requests"
    ? `Too many requests: a client may send ${config.rateLimitRequests} requests in ${window}. ${retry}`
    : `Too many expensive operations: a client may run ${config.rateLimitExpensive} operations costing more than ${config.expensiveCost} in ${window}. ${retry}`;
}

export class ClientLimits {
  readonly #config: Config;
  readonly #requests: Limiter;
  readonly #expensive: Limiter;

  constructor(config: Config, requests: Limiter, expensive: Limiter) {
    this.#config = config;
    this.#requests = requests;
    this.#expensive = expensive;
  }

  /** Counts one request of `client`; a refusal when it is over the request limit. */
  async request(client: string): Promise<Refusal | null> {
    return (await this.#within(this.#requests, client)) ? null : this.#refusal("requests");
  }

  /**
   * Counts the execution of an operation costing `cost` (the cost of the operation about to
   * execute) when it is expensive; a refusal when the client is over the expensive limit.
   */
  async execution(client: string, cost: number): Promise<Refusal | null> {
    if (!(cost > this.#config.expensiveCost)) return null;
    return (await this.#within(this.#expensive, client)) ? null : this.#refusal("expensive");
  }

  #refusal(policy: PolicyName): Refusal {
    return { policy, retryAfter: secondsLeftInWindow(this.#config.rateLimitPeriod) };
  }

  /** A binding that fails lets the request through: the limits protect the API, never stop it. */
  async #within(limiter: Limiter, client: string): Promise<boolean> {
    try {
      return (await limiter.limit({ key: clientKey(client) })).success;
    } catch (error) {
      console.error(JSON.stringify({ level: "error", message: "rate limit binding failed", error: String(error) }));
      return true;
    }
  }
}

/**
 * The limits of an env: none when RATE_LIMITS is off; a ConfigError (a 500 that names it)
 * when it is on and a binding is missing.
 */
export function clientLimitsOf(config: Config, env: object): ClientLimits | null {
  if (!config.rateLimits) return null;
  const requests: unknown = Reflect.get(env, REQUEST_LIMITER);
  const expensive: unknown = Reflect.get(env, EXPENSIVE_LIMITER);
  if (isLimiter(requests) && isLimiter(expensive)) return new ClientLimits(config, requests, expensive);
  const missing = [
    ...(isLimiter(requests) ? [] : [REQUEST_LIMITER]),
    ...(isLimiter(expensive) ? [] : [EXPENSIVE_LIMITER]),
  ];
  throw new ConfigError(
    `Invalid Worker configuration: RATE_LIMITS is "on", but the Worker has no ${missing.join(" or ")} binding; add it under [[ratelimits]] in wrangler.toml, or set RATE_LIMITS to "off".`,
  );
}
