// Shared by the test/node/http-*.test.ts files: the run's one bundle (built by test/setup.ts),
// served with chosen [vars], and the Worker's log lines as Miniflare prints them.

import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, inject, vi } from "vitest";
import { type RateLimits, serveBundle } from "./deployable";

export const endpoint = "http://localhost/graphql";

/** The run's deployable bundle; `serve` starts a Worker of it with some vars (and bindings), stopped after the file. */
export function useBundle() {
  const { script } = inject("bundle");
  const servers: Miniflare[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((mf) => mf.dispose()));
  });
  return {
    /** `ratelimits`: Rate Limiting bindings, simulated by Miniflare (none unless given). */
    async serve(vars: Record<string, string> = {}, ratelimits: RateLimits = {}): Promise<Miniflare> {
      const mf = await serveBundle(script, vars, {}, ratelimits);
      servers.push(mf);
      return mf;
    },
  };
}

/** Lines the Worker wrote with console.log / console.error, as Miniflare relays them. */
export function captureLogs() {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  beforeAll(() => {
    vi.spyOn(console, "log").mockImplementation(record);
    vi.spyOn(console, "error").mockImplementation(record);
  });
  afterAll(() => vi.restoreAllMocks());
  return {
    lines,
    /** The structured request lines, parsed. */
    requests(): Record<string, unknown>[] {
      return lines.flatMap((line) => {
        const start = line.indexOf('{"requestId"');
        return start < 0 ? [] : [JSON.parse(line.slice(start))];
      });
    },
  };
}

export const json = { "content-type": "application/json" };

/** A request to a served Worker, answered as a standard Response (Miniflare's types differ). */
export function send(mf: Miniflare, url: string, init: RequestInit = {}): Promise<Response> {
  return mf.dispatchFetch(url, init as never) as unknown as Promise<Response>;
}

export function post(mf: Miniflare, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return send(mf, endpoint, {
    method: "POST",
    headers: { ...json, ...headers },
    body: (typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body)) as BodyInit,
  });
}

export function get(
  mf: Miniflare,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return send(mf, `${endpoint}?${new URLSearchParams(params)}`, { headers });
}
