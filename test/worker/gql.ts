import { createExecutionContext, SELF, waitOnExecutionContext } from "cloudflare:test";

export type GqlResult<T = any> = { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** POSTs an operation to the Worker and returns the parsed GraphQL response. */
export async function gql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  { operationName, headers = {} }: { operationName?: string; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  const response = await SELF.fetch("http://api.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await response.json()) as GqlResult<T>;
}

/** As gql, but fails the test when the response carries errors. */
export async function data<T = any>(query: string, variables: Record<string, unknown> = {}, options = {}): Promise<T> {
  const result = await gql<T>(query, variables, options);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/**
 * POSTs `query` to a Worker a test built (createWorker), with `env` as its settings, and waits
 * for what it left running (waitUntil).
 */
export async function postTo(worker: ExportedHandler<Env>, query: string, env: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(
    new Request("http://api.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    }) as Request<unknown, IncomingRequestCfProperties>,
    env as unknown as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}
