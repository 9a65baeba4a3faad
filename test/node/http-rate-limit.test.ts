// Per-client rate limits on the deployable bundle, with Miniflare simulating the Rate Limiting
// bindings: the request after a client's quota is a 429 with Retry-After, RateLimit-Policy,
// RateLimit and RATE_LIMITED, built like every other answer; other clients are unaffected; the
// settings in wrangler.toml match the bindings beside them, environment by environment.
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { rateLimitsOf, root } from "./deployable";
import { captureLogs, endpoint, get, post, send, useBundle } from "./http-support";

const bundle = useBundle();
const logs = captureLogs();

const QUOTA = 5;
const PERIOD = 60;
const vars = {
  RATE_LIMITS: "on",
  RATE_LIMIT_PERIOD: String(PERIOD),
  RATE_LIMIT_REQUESTS: String(QUOTA),
  RATE_LIMIT_EXPENSIVE: "2",
};
const bindings = {
  REQUEST_LIMITER: { limit: QUOTA, period: PERIOD },
  EXPENSIVE_LIMITER: { limit: 2, period: PERIOD },
} as const;
const POLICY = `"requests";q=${QUOTA};w=${PERIOD}, "expensive";q=2;w=${PERIOD}`;

let limited: Miniflare;
let off: Miniflare;
let unbound: Miniflare;

beforeAll(async () => {
  [limited, off, unbound] = await Promise.all([
    bundle.serve(vars, bindings),
    // Limits off, with bindings so tight that any counting would show.
    bundle.serve(
      { ...vars, RATE_LIMITS: "off" },
      { REQUEST_LIMITER: { limit: 1, period: 60 }, EXPENSIVE_LIMITER: { limit: 1, period: 60 } },
    ),
    bundle.serve(vars),
  ]);
});

/**
 * The simulated binding counts in windows aligned to the clock: a test that must see N
 * requests in one window starts with at least `seconds` of it left.
 */
async function freshWindow(seconds = 8): Promise<void> {
  const left = PERIOD - ((Date.now() / 1000) % PERIOD);
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}

let clients = 0;
/** A client address no other test uses (the simulated counters outlive a test). */
const newClient = () => `192.0.2.${++clients}`;
const from = (client: string) => ({ "cf-connecting-ip": client });
const query = (n: number) => ({ query: `query Limited { regions(first: ${n}) { totalCount } }` });

describe("the request limit", () => {
  it(`refuses a client's request ${QUOTA + 1} in the window with a 429 that says when to retry`, async () => {
    await freshWindow();
    const client = newClient();
    // Whatever a request is (an execution, a cache hit, a POST, an error), it counts.
    const counted = [
      () => get(limited, query(1), from(client)),
      () => get(limited, query(1), from(client)),
      () => post(limited, query(2), from(client)),
      () => get(limited, { query: "{ nope }" }, from(client)),
      () => send(limited, endpoint, { method: "DELETE", headers: from(client) }),
    ];
    const statuses = [];
    for (const request of counted) {
      const response = await request();
      expect(response.headers.get("ratelimit-policy")).toBe(POLICY);
      expect(response.headers.get("ratelimit")).toBeNull();
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 405]);

    const refused = await get(limited, query(1), from(client));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(PERIOD);
    expect(Object.fromEntries(refused.headers)).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(retryAfter),
      ratelimit: `"requests";r=0;t=${retryAfter}`,
      "ratelimit-policy": POLICY,
      "access-control-allow-origin": "*",
      "x-cache": "BYPASS",
    });
    expect(refused.headers.get("access-control-expose-headers")).toContain("RateLimit-Policy,RateLimit,Retry-After");
    expect(refused.headers.get("etag")).toBeNull();
    expect(refused.headers.get("cache-tag")).toBeNull();
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: `Too many requests: a client may send ${QUOTA} requests in ${PERIOD} seconds. Retry after ${retryAfter} ${retryAfter === 1 ? "second" : "seconds"}.`,
          extensions: { code: "RATE_LIMITED", policy: "requests", retryAfter },
        },
      ],
    });
    const id = refused.headers.get("x-request-id");
    await expect.poll(() => logs.requests().find((l) => l.requestId === id)).toMatchObject({ status: 429 });

    // Every kind of request is refused from now on, before it is read; a preflight is not counted.
    const post429 = await post(limited, query(1), from(client));
    expect(post429.status).toBe(429);
    expect((await post429.json()).errors[0].extensions.code).toBe("RATE_LIMITED");
    const head = await send(limited, `${endpoint}?query=%7B__typename%7D`, { method: "HEAD", headers: from(client) });
    expect(head.status).toBe(429);
    expect(head.headers.get("retry-after")).toBeTruthy();
    const preflight = await send(limited, endpoint, {
      method: "OPTIONS",
      headers: { ...from(client), origin: "https://a.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("ratelimit-policy")).toBeNull();
  });

  it("leaves another client alone", async () => {
    await freshWindow();
    const greedy = newClient();
    const other = newClient();
    for (let i = 0; i < QUOTA; i++) await (await get(limited, query(3), from(greedy))).arrayBuffer();
    expect((await get(limited, query(3), from(greedy))).status).toBe(429);
    for (let i = 0; i < QUOTA; i++) {
      const response = await get(limited, query(3), from(other));
      expect(response.status).toBe(200);
      expect((await response.json()).data).toEqual({ regions: { totalCount: 21 } });
    }
  });

  it("counts an IPv6 client by its /64, whatever address of it asks", async () => {
    await freshWindow();
    const prefix = `2001:db8:${++clients}:7`;
    const addresses = [`${prefix}::1`, `${prefix}:0:0:0:2`, `${prefix}:ffff::3`, `${prefix}::abcd`, `${prefix}::1`];
    for (const address of addresses) expect((await get(limited, query(4), from(address))).status).toBe(200);
    expect((await get(limited, query(4), from(`${prefix}:1234:5678:9abc:def0`))).status).toBe(429);
    expect((await get(limited, query(4), from(`2001:db8:${clients}:8::1`))).status).toBe(200);
  });

  it("counts a request without cf-connecting-ip as 127.0.0.1 under Miniflare, as under wrangler dev", async () => {
    await freshWindow();
    for (let i = 0; i < QUOTA; i++) expect((await get(limited, query(5))).status).toBe(200);
    expect((await get(limited, query(5), from("127.0.0.1"))).status).toBe(429);
    expect((await get(limited, query(5))).status).toBe(429);
  });

  it("is off with RATE_LIMITS off: no 429, no RateLimit-Policy", async () => {
    const client = newClient();
    for (let i = 0; i < 5; i++) {
      const response = await post(off, query(6), from(client));
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-policy")).toBeNull();
      await response.arrayBuffer();
    }
  });

  it("is a misconfiguration when on without its bindings: a 500 that the log explains", async () => {
    const response = await get(unbound, query(1), from(newClient()));
    expect(response.status).toBe(500);
    expect((await response.json()).errors[0].extensions.code).toBe("SERVER_MISCONFIGURED");
    await expect
      .poll(() => logs.lines.some((l) => l.includes("has no REQUEST_LIMITER or EXPENSIVE_LIMITER binding")))
      .toBe(true);
  });
});

describe("wrangler.toml", () => {
  const environments = [undefined, "staging", "production"];
  const configOf = (env?: string) => unstable_readConfig({ config: `${root}/wrangler.toml`, env });

  it("gives each environment both bindings, with the quota and window its settings advertise", () => {
    for (const env of environments) {
      const config = configOf(env);
      const vars = config.vars as Record<string, number | string>;
      const simple = Object.fromEntries(rateLimitsOf(env).map((r) => [r.name, r.simple]));
      expect(simple, env ?? "top level").toEqual({
        REQUEST_LIMITER: { limit: Number(vars.RATE_LIMIT_REQUESTS), period: Number(vars.RATE_LIMIT_PERIOD) },
        EXPENSIVE_LIMITER: { limit: Number(vars.RATE_LIMIT_EXPENSIVE), period: Number(vars.RATE_LIMIT_PERIOD) },
      });
      // The expensive limit is the tighter one.
      expect(Number(vars.RATE_LIMIT_EXPENSIVE)).toBeLessThan(Number(vars.RATE_LIMIT_REQUESTS));
      expect(Number(vars.EXPENSIVE_COST)).toBeLessThan(Number(vars.MAX_COST));
    }
  });

  it("counts each environment in namespaces of its own, on in staging and production", () => {
    const ids = environments.flatMap((env) => rateLimitsOf(env).map((r) => r.namespace_id));
    expect(new Set(ids).size).toBe(6);
    expect(environments.map((env) => (configOf(env).vars as Record<string, string>).RATE_LIMITS)).toEqual([
      "off",
      "on",
      "on",
    ]);
  });
});
