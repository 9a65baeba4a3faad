// Every header and path tells what happened, and a bound on input refuses it rather than
// cutting it into another request: the README's HTTP promises, one test each.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { createSchema } from "graphql-yoga";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { store } from "../../src/data";
import { createWorker, MAX_KEPT_VALUE_BYTES } from "../../src/worker";

const CHROME_NAVIGATION =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** The log lines written so far, parsed. */
const logLines = () => log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);

async function fetchFrom(worker: ExportedHandler<Env>, url: string, init: RequestInit = {}, env: object = {}) {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(
    new Request(url, init) as Request<unknown, IncomingRequestCfProperties>,
    env as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

const QUERY = `?query=${encodeURIComponent('{ region(code: "SE-BD") { slug } }')}`;

describe("a bound on a header refuses it, never cuts it", () => {
  const worker = createWorker({ store });

  it("an Accept over 1000 characters ending in application/json;q=0 is a 400, not a JSON answer", async () => {
    const accept = `${"application/x-padding;q=0.1, ".repeat(34)}application/json;q=0`;
    expect(accept.length).toBeGreaterThan(1000);
    const response = await fetchFrom(worker, `http://api.test/graphql${QUERY}`, { headers: { accept } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: "The accept header is longer than 1000 characters.", extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("an Accept of exactly 1000 characters is read whole: its last range counts", async () => {
    const tail = ", application/json;q=0";
    const accept = `${"x".repeat(1000 - tail.length - "a/".length)}`;
    const whole = `a/${accept}${tail}`;
    expect(whole.length).toBe(1000);
    const response = await fetchFrom(worker, `http://api.test/graphql${QUERY}`, { headers: { accept: whole } });
    expect(response.status).toBe(406);
  });

  it("an Accept-Language over 500 characters ending in en;q=0 is a 400, not an English answer", async () => {
    const language = `${"de;q=0.1, ".repeat(50)}en;q=0`;
    expect(language.length).toBeGreaterThan(500);
    const response = await fetchFrom(worker, `http://api.test/graphql${QUERY}`, {
      headers: { accept: "application/json", "accept-language": language },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: "The accept-language header is longer than 500 characters.",
          extensions: { code: "BAD_REQUEST" },
        },
      ],
    });
  });

  it("an Accept-Language within its bound is read whole: its last range counts", async () => {
    const language = `${"de;q=0.1, ".repeat(49)}en`;
    expect(language.length).toBeLessThanOrEqual(500);
    const query = `?query=${encodeURIComponent('{ region(code: "SE-BD") { name } }')}`;
    const response = await fetchFrom(worker, `http://api.test/graphql${query}`, {
      headers: { accept: "application/json", "accept-language": language },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { region: { name: "Norrbotten County" } } });
  });
});

describe("X-Cache says what happened", () => {
  const big = createSchema({
    typeDefs: /* GraphQL */ "type Query { big: String! small: String! }",
    resolvers: { Query: { big: () => "x".repeat(MAX_KEPT_VALUE_BYTES), small: () => "y" } },
  });

  it.each(["GET", "POST"])(
    "an answer larger than the largest kept value is BYPASS, every time (%s)",
    async (method) => {
      const worker = createWorker({ store, schema: big });
      const init =
        method === "GET"
          ? { url: `http://api.test/graphql?query=${encodeURIComponent("{ big }")}`, init: {} }
          : {
              url: "http://api.test/graphql",
              init: { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ big }"}' },
            };
      for (const round of [1, 2]) {
        const response = await fetchFrom(worker, init.url, init.init);
        expect(response.status).toBe(200);
        expect((await response.text()).length).toBeGreaterThan(MAX_KEPT_VALUE_BYTES);
        expect(response.headers.get("x-cache"), `round ${round}`).toBe("BYPASS");
      }
      expect(logLines().map((l) => l["cache"])).toEqual(["bypass", "bypass"]);
    },
  );

  it("a small answer is MISS, then HIT", async () => {
    const worker = createWorker({ store, schema: big });
    const url = `http://api.test/graphql?query=${encodeURIComponent("{ small }")}`;
    expect((await fetchFrom(worker, url)).headers.get("x-cache")).toBe("MISS");
    expect((await fetchFrom(worker, url)).headers.get("x-cache")).toBe("HIT");
  });
});

describe("paths", () => {
  const worker = createWorker({ store });

  it.each(["GET", "POST"])(
    "%s /graphql/ (a trailing slash) is a 404 like any other path, logged as sent",
    async (method) => {
      const init =
        method === "GET"
          ? {}
          : { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' };
      const response = await fetchFrom(worker, `http://api.test/graphql/${method === "GET" ? QUERY : ""}`, init);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        errors: [{ message: "Nothing here: the API is at /graphql.", extensions: { code: "NOT_FOUND" } }],
      });
      expect(logLines()).toMatchObject([{ path: "/graphql/", status: 404 }]);
    },
  );

  it("/graphql itself is the API", async () => {
    const response = await fetchFrom(worker, `http://api.test/graphql${QUERY}`);
    expect(response.status).toBe(200);
    expect(logLines()).toMatchObject([{ path: "/graphql", status: 200 }]);
  });
});

describe("a browser's navigation", () => {
  const worker = createWorker({ store });
  const off = { GRAPHIQL: "off" };

  it.each([
    ["Chrome's", CHROME_NAVIGATION],
    ["Firefox's", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
    ["Safari's", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
    ["one naming JSON lower", "text/html, application/json;q=0.5"],
  ])("with the playground off, %s Accept gets the documented 406", async (_, accept) => {
    for (const url of ["http://api.test/graphql", `http://api.test/graphql${QUERY}`]) {
      const response = await fetchFrom(worker, url, { headers: { accept } }, off);
      expect(response.status, url).toBe(406);
      expect(await response.json()).toEqual({
        errors: [
          {
            message:
              "Not acceptable: the playground is off here; accept application/graphql-response+json or application/json.",
            extensions: { code: "NOT_ACCEPTABLE" },
          },
        ],
      });
    }
  });

  it("with the playground on, Chrome's Accept gets the playground", async () => {
    const response = await fetchFrom(worker, "http://api.test/graphql", { headers: { accept: CHROME_NAVIGATION } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("with the playground off, a client naming JSON as high as text/html gets JSON", async () => {
    const response = await fetchFrom(
      worker,
      `http://api.test/graphql${QUERY}`,
      { headers: { accept: "text/html, application/json" } },
      off,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { region: { slug: "norrbotten" } } });
  });
});
