// Error masking, inside workerd: a resolver that fails unexpectedly must not leak its
// message or stack, whatever the environment says, on either execution path (Yoga admitting
// the document, and the direct execution of the same document afterwards). The API's schema
// has no failing field, so the Worker is built with one. A failing document is executed once
// per request, never twice (the old fast lane ran a known document that failed again on the
// full path).
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { createSchema } from "graphql-yoga";
import { describe, expect, it, vi } from "vitest";
import { store } from "../../src/data";
import { createWorker } from "../../src/worker";
import { executed } from "../executed";

/** How often `broken` ran. */
let brokenCalls = 0;

const failing = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      ok: String
      broken: String
    }
  `,
  resolvers: {
    Query: {
      ok: () => "fine",
      broken: () => {
        brokenCalls++;
        throw new Error("database password is hunter2 at /srv/app/resolvers.ts:42");
      },
    },
  },
});

describe("unexpected errors", () => {
  for (const ENVIRONMENT of ["development", "staging", "production"]) {
    it(`are masked in ${ENVIRONMENT}, the first time and the next`, async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      vi.spyOn(console, "log").mockImplementation(() => {});
      const worker = createWorker({ store, schema: failing });
      const env = { ENVIRONMENT } as unknown as Env;
      brokenCalls = 0;
      for (const round of [1, 2]) {
        const ctx = createExecutionContext();
        const response = await worker.fetch!(
          new Request("http://api.test/graphql", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: "{ ok broken }" }),
          }) as Request<unknown, IncomingRequestCfProperties>,
          env,
          ctx,
        );
        await waitOnExecutionContext(ctx);
        expect(response.status, `round ${round}`).toBe(200);
        expect(response.headers.get("cache-control")).toBe("no-store");
        const text = await response.text();
        expect(JSON.parse(text)).toEqual(
          executed({
            errors: [
              {
                message: "Unexpected error.",
                locations: [{ line: 1, column: 6 }],
                path: ["broken"],
                extensions: { code: "INTERNAL_SERVER_ERROR" },
              },
            ],
            data: { ok: "fine", broken: null },
          }),
        );
        expect(text).not.toMatch(/hunter2|resolvers\.ts|stack/);
        // Admitted by Yoga the first time, executed directly the second: once each time.
        expect(brokenCalls, `round ${round}`).toBe(round);
      }
      // What was masked is in the log, for the operator.
      expect(logged.mock.calls.flat().join("\n")).toContain("hunter2");
      vi.restoreAllMocks();
    });
  }
});
