// Found by the schema-aware fuzzer (`npm run fuzz -- --count 4000 --seed 42`): a nested
// connection given a cursor that names no item of some records' lists, inside a list where other
// items were still resolving, left their errors unhandled (graphql-js 16 abandons a list's
// pending items when a later one throws synchronously). The answer was right; the isolate
// logged uncaught rejections.
import { SELF } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cursorOf } from "../../src/schema/cursor";

const QUERY = /* GraphQL */ `
  query Editions($after: String) {
    awardEditions {
      edges {
        node {
          inPresenceOf { id }
          quotes(after: $after, last: 3) { totalCount }
        }
      }
    }
  }
`;

let unhandled: unknown[] = [];
const record = (event: Event) => {
  unhandled.push((event as PromiseRejectionEvent).reason);
  event.preventDefault();
};
beforeEach(() => {
  unhandled = [];
  addEventListener("unhandledrejection", record);
});
afterEach(() => removeEventListener("unhandledrejection", record));

describe("a cursor that names no item of a nested list", () => {
  it("is a BAD_USER_INPUT for each record whose list it does not name, and nothing is left unhandled", async () => {
    const response = await SELF.fetch("http://api.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: QUERY, variables: { after: cursorOf(1) } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(body.errors.length).toBeGreaterThan(0);
    expect(new Set(body.errors.map((e) => e.extensions.code))).toEqual(new Set(["BAD_USER_INPUT"]));
    // Let every abandoned promise settle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
