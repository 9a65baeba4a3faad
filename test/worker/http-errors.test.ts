// Error masking, inside workerd: a resolver that fails unexpectedly must not leak its
// message or stack, whatever the environment says. The API's schema has no failing field,
// so this drives the Worker's own Yoga factory with one.
import { createSchema } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { createApiYoga, type ServerContext } from "../../src/graphql/yoga";

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
        throw new Error("database password is hunter2 at /srv/app/resolvers.ts:42");
      },
    },
  },
});

describe("unexpected errors", () => {
  for (const ENVIRONMENT of ["development", "staging", "production"]) {
    it(`are masked in ${ENVIRONMENT}`, async () => {
      const yoga = createApiYoga(parseConfig({ ENVIRONMENT }), failing);
      const context = { trace: { errors: false, cache: "bypass" } } as unknown as ServerContext;
      const response = await yoga.fetch(
        "http://api.test/graphql",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ ok broken }" }),
        },
        context,
      );
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        data: { ok: "fine", broken: null },
        errors: [
          {
            message: "Unexpected error.",
            locations: [{ line: 1, column: 6 }],
            path: ["broken"],
            extensions: { code: "INTERNAL_SERVER_ERROR" },
          },
        ],
      });
      expect(text).not.toMatch(/hunter2|resolvers\.ts|stack/);
      expect(context.trace.errors).toBe(true);
    });
  }
});
