// The deployable bundle in a new isolate (a Miniflare of its own, asked nothing before): every
// node, first met by its global id, answers `node` and `nodes` with data and no error. The
// worker project's test/worker/schema-node-fresh.test.ts checks the same with a new Worker
// per record; this is the isolate as deployed, each record requested once.
import type { Miniflare } from "miniflare";
import { beforeAll, describe, expect, it } from "vitest";
import { kindNames, kinds, store } from "../../src/data";
import { idOf } from "../../src/data/store";
import { captureLogs, endpoint, useBundle } from "./http-support";

const REFETCH = /* GraphQL */ `
  query Refetch($id: ID!) {
    node(id: $id) { __typename id }
    nodes(ids: [$id]) { __typename id }
  }
`;

const nodes = [
  ...kindNames.flatMap((kind) =>
    store
      .all(kind)
      .map((record) => ({ type: kinds[kind].type, id: btoa(`${kinds[kind].type}:${idOf(kind, record)}`) })),
  ),
  ...store
    .all("edition")
    .flatMap((edition) => store.nominationsOfEdition(edition.id))
    .map((n) => ({ type: "Nomination", id: btoa(`Nomination:${n.id}`) })),
];

const bundle = useBundle();
captureLogs();
let mf: Miniflare;
beforeAll(async () => {
  mf = await bundle.serve();
});

describe("node and nodes in a new isolate", () => {
  it(`every one of ${nodes.length} nodes, first met by its id, answers with data and no errors`, async () => {
    const failed: string[] = [];
    for (const { type, id } of nodes) {
      const response = await mf.dispatchFetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: REFETCH, variables: { id } }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      const expected = { __typename: type, id };
      if (
        response.status !== 200 ||
        body.errors ||
        JSON.stringify(body.data) !== JSON.stringify({ node: expected, nodes: [expected] })
      ) {
        failed.push(`${atob(id)}: ${response.status} ${JSON.stringify(body)}`);
      }
    }
    expect(failed).toEqual([]);
  });
});
