// urql 6 against the deployable bundle: plain (by POST, and by GET, its default for queries),
// and with @urql/exchange-persisted, using the manifest's hashes or computing its own.

import { Client, CombinedError, cacheExchange, type Exchange, fetchExchange } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import {
  contract,
  type Execute,
  endpoint,
  expectContractAnswers,
  expectRegionsByCursor,
  invalidQuery,
  manifest,
  manifestHash,
  persistedQueryNotFound,
  tooLargePage,
  workerFetch,
} from "./clients-support";
import { captureLogs, useBundle } from "./http-support";

const bundle = useBundle();
captureLogs();
let mf: Miniflare;

beforeAll(async () => {
  mf = await bundle.serve();
});

/** A client as a frontend builds one (the document cache first), with `fetch` reaching the Worker. */
function urql(options: { preferGetMethod?: boolean | "force" | "within-url-limit"; persisted?: Exchange } = {}) {
  const wire = workerFetch(mf);
  const client = new Client({
    url: endpoint,
    fetch: wire.fetch,
    preferGetMethod: options.preferGetMethod,
    exchanges: options.persisted ? [cacheExchange, options.persisted, fetchExchange] : [cacheExchange, fetchExchange],
  });
  // network-only: each call goes over the wire, so the test sees what the Worker answered.
  const execute: Execute = async (query, variables) => {
    const result = await client.query(query, variables, { requestPolicy: "network-only" }).toPromise();
    if (result.error) throw result.error;
    return result.data;
  };
  return { execute, exchanges: wire.exchanges };
}

/** The persisted exchange, hashing by operation name from operations/manifest.json. */
const fromManifest = () => persistedExchange({ generateHash: async (_query, document) => manifestHash(document) });

for (const [method, preferGetMethod] of [
  ["POST", false],
  ["GET", undefined],
] as const) {
  describe(`urql by ${method}${preferGetMethod === undefined ? " (its default for queries)" : ""}`, () => {
    it("gets every contract operation's data, as the Worker sent it", async () => {
      const { execute, exchanges } = urql({ preferGetMethod });
      await expectContractAnswers(execute, exchanges);
      expect(exchanges.map((e) => e.method)).toEqual(Array(5).fill(method));
      // urql's cacheExchange adds __typename to every selection of what it sends.
      expect(exchanges[1]!.params.query).toContain("__typename");
    });

    it("pages through all 21 regions by cursor", async () => {
      await expectRegionsByCursor(urql({ preferGetMethod }).execute);
    });

    it("sees a page size over the maximum as a CombinedError with BAD_USER_INPUT", async () => {
      const error = await urql({ preferGetMethod })
        .execute(tooLargePage.document, tooLargePage.variables)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CombinedError);
      expect((error as CombinedError).networkError).toBeUndefined();
      expect((error as CombinedError).graphQLErrors).toMatchObject([
        {
          message: "`first` must be between 0 and 100 (the maximum page size); got 101.",
          extensions: { code: "BAD_USER_INPUT", argument: "first", maximum: 100 },
        },
      ]);
    });

    it("sees a validation error's 400 as a CombinedError with GRAPHQL_VALIDATION_FAILED", async () => {
      const { execute, exchanges } = urql({ preferGetMethod });
      const error = await execute(invalidQuery, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CombinedError);
      expect((error as CombinedError).graphQLErrors[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(exchanges[0]).toMatchObject({ method, status: 400 });
    });
  });
}

describe("urql with @urql/exchange-persisted", () => {
  it("with the manifest's hashes: one GET each, no query text", async () => {
    const { execute, exchanges } = urql({ persisted: fromManifest() });
    await expectContractAnswers(execute, exchanges);
    expect(exchanges).toHaveLength(5);
    for (const exchange of exchanges) {
      expect(exchange).toMatchObject({ method: "GET", status: 200 });
      expect(exchange.params.query).toBeUndefined();
    }
  });

  it("with hashes of its own: falls back to the query on PersistedQueryNotFound, and gets the answer", async () => {
    // urql hashes the document it sends (with __typename added): not one of the manifest's.
    // It sends the query only when an error's message is exactly "PersistedQueryNotFound".
    const { execute, exchanges } = urql({ persisted: persistedExchange() });
    const data = await execute(contract.PrizeHistory!, {});
    expect(data.award.name).toBe("Årets exportregion");
    const [miss, retry] = exchanges;
    expect(miss).toMatchObject({ method: "GET", status: 400, answer: { errors: [persistedQueryNotFound] } });
    expect(miss!.params.query).toBeUndefined();
    expect(retry).toMatchObject({ method: "GET", status: 200 });
    expect(retry!.params.query).toContain("query PrizeHistory");
    expect(exchanges).toHaveLength(2);
  });

  it("with hashes of its own: every contract operation after the fallback", async () => {
    const { execute, exchanges } = urql({ persisted: persistedExchange() });
    await expectContractAnswers(execute, exchanges);
    expect(exchanges.map((e) => [e.params.operationName, e.status])).toEqual([
      ["RegionProfile", 400],
      ["RegionProfile", 200],
      ["PrizeHistory", 400],
      ["PrizeHistory", 200],
      ["InterviewPage", 400],
      ["InterviewPage", 200],
      ["Find", 400],
      ["Find", 200],
      ["Refetch", 200],
    ]);
    // Refetch selects __typename wherever urql would add one, so urql sends the contract's
    // document unchanged, prints it as graphql-js does, and its sha256 is the manifest's.
    expect(exchanges.at(-1)!.params).toMatchObject({
      query: undefined,
      extensions: { persistedQuery: { sha256Hash: manifest.Refetch } },
    });
  });

  it("with the manifest's hashes: a client error is a CombinedError", async () => {
    const { execute, exchanges } = urql({ persisted: fromManifest() });
    const error = await execute(contract.Find!, { q: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CombinedError);
    expect((error as CombinedError).graphQLErrors).toMatchObject([
      { message: "`query` must contain at least one word.", extensions: { code: "BAD_USER_INPUT" } },
    ]);
    expect(exchanges).toHaveLength(1);
  });
});
