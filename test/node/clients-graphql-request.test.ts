// graphql-request 7 against the deployable bundle, by POST (its default) and by GET.
import { ClientError, GraphQLClient } from "graphql-request";
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Execute,
  endpoint,
  expectContractAnswers,
  expectRegionsByCursor,
  invalidQuery,
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

/** A client as a frontend builds one, with `fetch` reaching the Worker. */
function graphqlRequest(method: "GET" | "POST") {
  const wire = workerFetch(mf);
  const client = new GraphQLClient(endpoint, { fetch: wire.fetch, method });
  const execute: Execute = (document, variables) => client.request(document, variables);
  return { execute, exchanges: wire.exchanges };
}

for (const method of ["POST", "GET"] as const) {
  describe(`graphql-request by ${method}`, () => {
    it("gets every contract operation's data, as the Worker sent it", async () => {
      const { execute, exchanges } = graphqlRequest(method);
      await expectContractAnswers(execute, exchanges);
      expect(exchanges.map((e) => e.method)).toEqual(Array(5).fill(method));
    });

    it("pages through all 21 regions by cursor", async () => {
      await expectRegionsByCursor(graphqlRequest(method).execute);
    });

    it("sees a page size over the maximum as a ClientError with BAD_USER_INPUT", async () => {
      const error = await graphqlRequest(method)
        .execute(tooLargePage.document, tooLargePage.variables)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).response.status).toBe(200);
      expect((error as ClientError).response.errors).toMatchObject([
        {
          message: "`first` must be between 0 and 100 (the maximum page size); got 101.",
          extensions: { code: "BAD_USER_INPUT", argument: "first", maximum: 100 },
        },
      ]);
    });

    it("sees a validation error as a ClientError with the status and GRAPHQL_VALIDATION_FAILED", async () => {
      const { execute, exchanges } = graphqlRequest(method);
      const error = await execute(invalidQuery, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClientError);
      const { status, errors } = (error as ClientError).response;
      // graphql-request asks for application/graphql-response+json, so the Worker answers 400.
      expect(exchanges[0]!.accept).toContain("application/graphql-response+json");
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    });
  });
}
