// Error masking, inside workerd: a resolver that fails unexpectedly must not leak its
// message or stack, whatever the environment says, on either execution path (Yoga admitting
// the document, and the direct execution of the same document afterwards). The API's schema
// has no failing field, so the Worker is built with one. A failing document is executed once
// per request, never twice (the old fast lane ran a known document that failed again on the
// full path).
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { GraphQLError } from "graphql";
import { createSchema } from "graphql-yoga";
import { describe, expect, it, vi } from "vitest";
import { store } from "../../src/data";
import { createWorker } from "../../src/worker";
import { executed } from "../executed";
import { postTo } from "./gql";

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

/**
 * Errors that are GraphQLErrors but no request error of this API: graphql-js' own execution
 * errors (their messages name the schema's types and fields) and a GraphQLError a resolver
 * threw without a code of the error table. One masking rule for them all.
 */
const escaping = createSchema({
  typeDefs: /* GraphQL */ `
    interface Thing {
      id: ID!
    }
    type Widget implements Thing {
      id: ID!
    }
    enum Colour {
      RED
    }
    type Query {
      ok: String
      nonNull: String!
      abstract: Thing
      colour: Colour
      list: [String]
      uncoded: String
      coded: String
    }
  `,
  resolvers: {
    Thing: { __resolveType: () => undefined },
    Query: {
      ok: () => "fine",
      nonNull: () => null,
      abstract: () => ({ id: "1" }),
      colour: () => "SECRET_BLUE",
      list: () => 42,
      uncoded: () => {
        throw new GraphQLError("internal detail of Query.uncoded");
      },
      coded: () => {
        throw new GraphQLError("That cursor names no item.", { extensions: { code: "BAD_USER_INPUT" } });
      },
    },
  },
});

async function ask(worker: ExportedHandler<Env>, query: string) {
  const response = await postTo(worker, query, { ENVIRONMENT: "production" });
  return { status: response.status, text: await response.text() };
}

describe("graphql-js' own execution errors and uncoded GraphQLErrors", () => {
  it.each([
    ["a null in a non-null field", "nonNull", null, /non-nullable|Query\.nonNull/],
    ["an abstract type that does not resolve", "abstract { id }", { abstract: null }, /Abstract type|Thing/],
    ["a value an enum cannot represent", "colour", { colour: null }, /SECRET_BLUE|Colour/],
    ["a list field given no list", "list", { list: null }, /Iterable|Query\.list/],
    ["a GraphQLError without a code", "uncoded", { uncoded: null }, /internal detail/],
  ])("%s is masked on both paths, and logged", async (_, selection, data, leak) => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    const worker = createWorker({ store, schema: escaping });
    const field = selection.split(" ")[0];
    for (const round of ["admitted by Yoga", "executed directly"]) {
      const { status, text } = await ask(worker, `{ ${selection} ok }`);
      const body = JSON.parse(text);
      expect(status, round).toBe(200);
      expect(body.errors, round).toEqual([
        {
          message: "Unexpected error.",
          locations: [{ line: 1, column: 3 }],
          path: [field],
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ]);
      // A null in a non-null root field nulls the whole data.
      expect(body.data, round).toEqual(data === null ? null : { ...data, ok: "fine" });
      expect(text, round).not.toMatch(leak);
    }
    // Logged in full, twice: once per execution.
    const lines = logged.mock.calls.flat().filter((l) => String(l).includes("masked error"));
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).toMatch(leak);
    vi.restoreAllMocks();
  });

  it("a GraphQLError with a code of the error table reaches the client as it is, on both paths", async () => {
    const worker = createWorker({ store, schema: escaping });
    for (const round of ["admitted by Yoga", "executed directly"]) {
      const { status, text } = await ask(worker, "{ coded ok }");
      expect(status, round).toBe(200);
      expect(JSON.parse(text).errors, round).toEqual([
        {
          message: "That cursor names no item.",
          locations: [{ line: 1, column: 3 }],
          path: ["coded"],
          extensions: { code: "BAD_USER_INPUT" },
        },
      ]);
    }
  });
});
