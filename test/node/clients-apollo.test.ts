// Apollo Client 4 against the deployable bundle: plain (POST), and with its persisted-queries
// link by GET and by POST, using the manifest's hashes or computing its own.
import { createHash } from "node:crypto";
import { ApolloClient, type ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import type { DocumentNode } from "graphql";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import {
  contract,
  type Execute,
  endpoint,
  expectContractAnswers,
  expectRegionsByCursor,
  invalidQuery,
  manifestHash,
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

/** A client as a frontend builds one, with `fetch` reaching the Worker; `persisted` goes before the HTTP link. */
function apollo(persisted?: ApolloLink) {
  const wire = workerFetch(mf);
  const http = new HttpLink({ uri: endpoint, fetch: wire.fetch });
  const client = new ApolloClient({ link: persisted ? persisted.concat(http) : http, cache: new InMemoryCache() });
  // network-only: each call goes over the wire, so the test sees what the Worker answered.
  const execute: Execute = async (query: DocumentNode, variables) =>
    (await client.query({ query, variables, fetchPolicy: "network-only" })).data as Record<string, any>;
  return { client, execute, exchanges: wire.exchanges };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("Apollo Client with an HttpLink", () => {
  it("gets every contract operation's data, as the Worker sent it", async () => {
    const { execute, exchanges } = apollo();
    await expectContractAnswers(execute, exchanges);
    expect(exchanges.map((e) => e.method)).toEqual(["POST", "POST", "POST", "POST", "POST"]);
    // Apollo asks for the GraphQL over HTTP media type; the Worker answers in it.
    expect(exchanges[0]!.accept).toBe("application/graphql-response+json,application/json;q=0.9");
    expect(exchanges[0]!.contentType).toBe("application/graphql-response+json; charset=utf-8");
  });

  it("pages through all 21 regions by cursor", async () => {
    await expectRegionsByCursor(apollo().execute);
  });

  it("sees a page size over the maximum as CombinedGraphQLErrors with BAD_USER_INPUT", async () => {
    const { execute } = apollo();
    const error = await execute(tooLargePage.document, tooLargePage.variables).catch((e: unknown) => e);
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    expect((error as CombinedGraphQLErrors).errors).toMatchObject([
      {
        message: "`first` must be between 0 and 100 (the maximum page size); got 101.",
        extensions: { code: "BAD_USER_INPUT", argument: "first", maximum: 100 },
      },
    ]);
  });

  it("sees a validation error's 400 as CombinedGraphQLErrors, because the answer is application/graphql-response+json", async () => {
    const { execute, exchanges } = apollo();
    const error = await execute(invalidQuery, {}).catch((e: unknown) => e);
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    expect((error as CombinedGraphQLErrors).errors[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // Apollo reads the errors of a non-2xx answer only in this media type (any other is a ServerError).
    expect(exchanges[0]).toMatchObject({
      status: 400,
      contentType: "application/graphql-response+json; charset=utf-8",
    });
  });
});

describe("Apollo Client with the persisted-queries link", () => {
  for (const method of ["GET", "POST"] as const) {
    const useGETForHashedQueries = method === "GET";

    it(`by ${method} with the manifest's hashes: one request each, no query text`, async () => {
      const { execute, exchanges } = apollo(
        new PersistedQueryLink({ generateHash: manifestHash, useGETForHashedQueries }),
      );
      await expectContractAnswers(execute, exchanges);
      expect(exchanges).toHaveLength(5);
      for (const exchange of exchanges) {
        expect(exchange).toMatchObject({ method, status: 200 });
        expect(exchange.params.query).toBeUndefined();
        // Apollo Client 4 also sends extensions.clientLibrary; the Worker ignores it.
        expect(exchange.params.extensions).toEqual({
          persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
          clientLibrary: { name: "@apollo/client", version: expect.any(String) },
        });
      }
    });

    it(`by ${method} with hashes of its own: PERSISTED_QUERY_NOT_FOUND, then the query by POST`, async () => {
      // Apollo hashes the document it sends, which has a __typename in every selection: not
      // a document of the manifest, so the Worker does not know the hash.
      const { execute, exchanges } = apollo(new PersistedQueryLink({ sha256, useGETForHashedQueries }));
      const data = await execute(contract.PrizeHistory!, {});
      expect(data.award.name).toBe("Årets exportregion");
      expect(exchanges.map((e) => [e.method, e.status])).toEqual([
        [method, 400],
        ["POST", 200],
      ]);
      const [miss, retry] = exchanges;
      expect(miss!.params.query).toBeUndefined();
      // Apollo retries on the message "PersistedQueryNotFound" or on this code.
      expect(miss!.answer.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(retry!.params.query).toContain("query PrizeHistory");
      expect(retry!.params.extensions).toEqual(miss!.params.extensions);
    });
  }

  it("still sees a client error as CombinedGraphQLErrors", async () => {
    const { execute } = apollo(new PersistedQueryLink({ sha256, useGETForHashedQueries: true }));
    const error = await execute(tooLargePage.document, tooLargePage.variables).catch((e: unknown) => e);
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    expect((error as CombinedGraphQLErrors).errors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
