// The expensive-operation limit inside workerd, with the Rate Limiting bindings of
// wrangler.toml's top level as Miniflare simulates them (200 requests and 20 expensive
// operations in 10 s). Here the cost of the operation about to execute comes from the test
// (`operationCost`), the one place the pipeline asks for it; test/worker/http-cost.test.ts
// counts by the cost model's.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { store } from "../../src/data";
import type { OperationCost } from "../../src/http/pipeline";
import { clientKey } from "../../src/http/rate-limit";
import { createWorker } from "../../src/worker";

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

const PERIOD = env.RATE_LIMIT_PERIOD;
const EXPENSIVE = env.RATE_LIMIT_EXPENSIVE;
const THRESHOLD = env.EXPENSIVE_COST;
// One object, as an isolate's env is: the Worker reads its settings and bindings once.
const limitedEnv = { ...env, RATE_LIMITS: "on" } as unknown as Env;

/** A cost model for the test: a regions list costs what its query says, anything else 1. */
const costs: OperationCost = (operation) => Number(/# cost (\d+)/.exec(operation.source)?.[1] ?? 1);

async function freshWindow(seconds = 6): Promise<void> {
  const left = PERIOD - ((Date.now() / 1000) % PERIOD);
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}

/** A client address of this run only: the simulated counters are shared by the test files. */
const run = Math.floor(Math.random() * 200);
let clients = 0;
const newClient = () => `198.51.${run}.${++clients}`;

async function ask(worker: ReturnType<typeof createWorker>, query: string, client: string | null) {
  const ctx = createExecutionContext();
  const headers: Record<string, string> = client ? { "cf-connecting-ip": client } : {};
  const request = new Request(`http://api.test/graphql?query=${encodeURIComponent(query)}`, { headers });
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, limitedEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const expensive = (n: number, cost = THRESHOLD + 1) =>
  `query Expensive { regions(first: ${n}) { totalCount } } # cost ${cost}`;

describe("the expensive-operation limit", () => {
  it("refuses an expensive operation over its tighter limit first, and nothing else", async () => {
    await freshWindow();
    const worker = createWorker({ store, operationCost: costs });
    const client = newClient();
    // Distinct operations, each executed: only an execution can be expensive.
    for (let n = 1; n <= EXPENSIVE; n++) expect((await ask(worker, expensive(n), client)).status, `${n}`).toBe(200);
    const refused = await ask(worker, expensive(EXPENSIVE + 1), client);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(PERIOD);
    expect(refused.headers.get("ratelimit")).toBe(`"expensive";r=0;t=${retryAfter}`);
    expect(refused.headers.get("ratelimit-policy")).toBe(
      `"requests";q=${env.RATE_LIMIT_REQUESTS};w=${PERIOD}, "expensive";q=${EXPENSIVE};w=${PERIOD}`,
    );
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: `Too many expensive operations: a client may run ${EXPENSIVE} operations costing more than ${THRESHOLD} in ${PERIOD} seconds. Retry after ${retryAfter} ${retryAfter === 1 ? "second" : "seconds"}.`,
          extensions: { code: "RATE_LIMITED", policy: "expensive", retryAfter },
        },
      ],
    });

    // Still within the request limit: cheap operations run, kept answers are served.
    const cheap = await ask(worker, "query Cheap { datasetVersion }", client);
    expect(cheap.status).toBe(200);
    expect(((await cheap.json()) as { data: unknown }).data).toEqual({ datasetVersion: store.datasetVersion });
    const kept = await ask(worker, expensive(1), client);
    expect(kept.status).toBe(200);
    expect(kept.headers.get("x-cache")).toBe("HIT");
    // Another client's expensive operation runs.
    expect((await ask(worker, expensive(EXPENSIVE + 1), newClient())).status).toBe(200);
  });

  it("counts only operations costing more than EXPENSIVE_COST", async () => {
    await freshWindow();
    const worker = createWorker({ store, operationCost: costs });
    const client = newClient();
    for (let n = 1; n <= EXPENSIVE + 5; n++) {
      expect((await ask(worker, expensive(n, THRESHOLD), client)).status, `${n}`).toBe(200);
    }
  });

  it("counts nothing without an operationCost (the cost model is to provide it)", async () => {
    await freshWindow();
    const worker = createWorker({ store });
    const client = newClient();
    for (let n = 1; n <= EXPENSIVE + 5; n++) expect((await ask(worker, expensive(n), client)).status).toBe(200);
  });
});

describe("binding calls", () => {
  /** A binding that admits everything and counts its calls. */
  const counting = () => {
    const keys: string[] = [];
    const limit = async ({ key }: { key: string }) => {
      keys.push(key);
      return { success: true };
    };
    return { keys, limit };
  };

  it("are one per request, none more for a kept answer, one more for an expensive execution", async () => {
    const requests = counting();
    const expensiveCalls = counting();
    const countingEnv = {
      ...limitedEnv,
      REQUEST_LIMITER: requests,
      EXPENSIVE_LIMITER: expensiveCalls,
    } as unknown as Env;
    const worker = createWorker({ store, operationCost: costs });
    const call = async (query: string) => {
      const ctx = createExecutionContext();
      const request = new Request(`http://api.test/graphql?query=${encodeURIComponent(query)}`, {
        headers: { "cf-connecting-ip": "2001:db8:5:6:7:8:9:a" },
      });
      const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, countingEnv, ctx);
      await waitOnExecutionContext(ctx);
      return response.headers.get("x-cache");
    };
    expect(await call(expensive(30))).toBe("MISS");
    expect([requests.keys.length, expensiveCalls.keys.length]).toEqual([1, 1]);
    expect(await call(expensive(30))).toBe("HIT");
    expect([requests.keys.length, expensiveCalls.keys.length]).toEqual([2, 1]);
    expect(await call("query Cheap { __typename }")).toBe("MISS");
    expect([requests.keys.length, expensiveCalls.keys.length]).toEqual([3, 1]);
    expect(new Set([...requests.keys, ...expensiveCalls.keys])).toEqual(new Set(["2001:db8:5:6::/64"]));
  });
});

describe("the client", () => {
  it("is not counted without cf-connecting-ip (a test, a service binding): there is no client to limit", async () => {
    const worker = createWorker({ store, operationCost: costs });
    for (let n = 1; n <= EXPENSIVE + 5; n++) expect((await ask(worker, expensive(n), null)).status).toBe(200);
    for (let i = 0; i <= env.RATE_LIMIT_REQUESTS; i++) {
      const response = await ask(worker, expensive(1), null);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });

  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:DB8:0:0:1:2:3:4", "2001:db8:0:0::/64"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:8d3::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::", "fe80:0:0:0::/64"],
    ["::ffff:192.0.2.1", "::ffff:192.0.2.1"],
    // Not an address: counted as given, never a crash.
    ["1::2::3", "1::2::3"],
    ["2001:db8:1:2:3:4:5:6:7", "2001:db8:1:2:3:4:5:6:7"],
    ["zz::1", "zz::1"],
    ["", ""],
  ])("%j counts as %j", (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});

describe("the cost, with the limits on", () => {
  it("is computed once: the limit, the execution's checks and extensions.cost read the same number", async () => {
    let asked = 0;
    // A number the cost model would never give this operation: whatever reports it read this one.
    const counted: OperationCost = () => {
      asked++;
      return 777;
    };
    const worker = createWorker({ store, operationCost: counted });
    const uncachedEnv = { ...limitedEnv, RESPONSE_CACHE: "off" } as unknown as Env;
    const query = "query Once { regions(first: 2) { totalCount } }";
    // Admitted by Yoga first, then executed directly: the same number on both paths.
    for (const round of [1, 2]) {
      const ctx = createExecutionContext();
      const request = new Request(`http://api.test/graphql?query=${encodeURIComponent(query)}`, {
        headers: { "cf-connecting-ip": newClient() },
      });
      const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, uncachedEnv, ctx);
      await waitOnExecutionContext(ctx);
      const body = (await response.json()) as { extensions?: { cost?: { requestedQueryCost: number } } };
      expect(response.status, `round ${round}`).toBe(200);
      expect(body.extensions?.cost?.requestedQueryCost, `round ${round}`).toBe(777);
      expect(asked).toBe(round);
    }
  });
});
