// Every record is reachable by its global id the first time a Worker meets it. "Fresh" here is a
// new Worker over a deep copy of the dataset (new record objects, a new store, new pipeline and
// caches): whatever an earlier request left on a record or in a cache keyed by a record's
// identity (a Pothos type brand, a WeakMap of kinds) cannot help it. The records of the bundled
// dataset are shared by every Worker of this runtime, so a warm SELF would hide exactly that.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createStore, dataset, kindNames, kinds } from "../../src/data";
import { idOf } from "../../src/data/store";
import { createWorker } from "../../src/worker";

const NODE = /* GraphQL */ `
  query Refetch($id: ID!) {
    node(id: $id) { __typename id }
    nodes(ids: [$id]) { __typename id }
  }
`;

const globalId = (type: string, id: string) => btoa(`${type}:${id}`);

/** Every node of the dataset: each kind's records, and the nominations of every edition. */
function everyNode(): { type: string; id: string }[] {
  const store = createStore(dataset);
  const records = kindNames.flatMap((kind) =>
    store.all(kind).map((record) => ({ type: kinds[kind].type, id: globalId(kinds[kind].type, idOf(kind, record)) })),
  );
  const nominations = store
    .all("edition")
    .flatMap((edition) => store.nominationsOfEdition(edition.id))
    .map((n) => ({ type: "Nomination", id: globalId("Nomination", n.id) }));
  return [...records, ...nominations];
}

async function post(worker: ExportedHandler<Env>, query: string, variables: object) {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(
    new Request("http://api.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    }) as Request<unknown, IncomingRequestCfProperties>,
    {} as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

const nodes = everyNode();

describe("node and nodes in a fresh Worker", () => {
  it("the dataset has a node of every node type", () => {
    const types = new Set(nodes.map((n) => n.type));
    expect([...types].sort()).toEqual([...kindNames.map((k) => kinds[k].type), "Nomination"].sort());
  });

  it("every record, first met by its id, answers with data and no errors", async () => {
    const failed: string[] = [];
    for (const { type, id } of nodes) {
      const worker = createWorker({ store: createStore(structuredClone(dataset)) });
      const { status, body } = await post(worker, NODE, { id });
      const expected = { __typename: type, id };
      if (status !== 200 || body.errors || body.data?.node?.id !== id || body.data?.nodes?.[0]?.id !== id) {
        failed.push(`${atob(id)}: ${status} ${JSON.stringify(body)}`);
      } else {
        expect(body.data).toEqual({ node: expected, nodes: [expected] });
      }
    }
    expect(failed).toEqual([]);
  });

  it("every record at once, in one fresh Worker, in any order", async () => {
    const worker = createWorker({ store: createStore(structuredClone(dataset)) });
    const ids = nodes.map((n) => n.id).reverse();
    const chunks = [];
    for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100));
    for (const chunk of chunks) {
      const { status, body } = await post(
        worker,
        `query Many($ids: [ID!]!) { nodes(ids: $ids) { __typename id } first: node(id: "${chunk[0]}") { id } }`,
        { ids: chunk },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.nodes.map((n: { id: string }) => n.id)).toEqual(chunk);
    }
  });
});
