// Unexpected errors are masked whatever the environment, in the API's own schema. The real data
// never makes a resolver fail, so the Worker is given a store of it with one source URL broken:
// `Source.host` then throws a TypeError inside a resolver, deep in a list.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createStore, dataset } from "../../src/data";
import { createWorker } from "../../src/worker";
import { postTo } from "./gql";

const broken = structuredClone(dataset);
const norrbotten = broken.regions.find((r) => r.isoCode === "SE-BD");
if (!norrbotten) throw new Error("test setup: no SE-BD");
norrbotten.sources[0] = "//secret-internal-host:99999/ no scheme";
const worker = createWorker({ store: createStore(broken) });

const query = `{ region(code: "SE-BD") { slug sources { host } } ok: region(code: "SE-N") { slug } }`;

const post = (ENVIRONMENT: string) => postTo(worker, query, { ENVIRONMENT });

// The masked error's trace goes to the log, for the operator: not to this run's output.
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

describe("an unexpected error in a resolver", () => {
  it.each(["development", "staging", "production"])(
    "is masked in %s: no message, no stack, the rest of the answer intact",
    async (environment) => {
      const response = await post(environment);
      expect(response.status).toBe(200);
      const text = await response.text();
      const body = JSON.parse(text);
      expect(body.data).toEqual({ region: null, ok: { slug: "halland" } });
      expect(body.errors).toEqual([
        {
          message: "Unexpected error.",
          locations: [{ line: 1, column: 42 }],
          path: ["region", "sources", 0, "host"],
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ]);
      expect(text).not.toMatch(/Invalid URL|TypeError|secret-internal-host|stack|\.ts:\d/);
      // Errors are never cached: the same request is executed again and fails the same way.
      const again = await post(environment);
      expect(again.headers.get("x-cache")).toBe("BYPASS");
      expect(await again.json()).toEqual(body);
    },
  );
});
