// Shared by the test/node/clients-*.test.ts files: real GraphQL clients (Apollo Client, urql,
// graphql-request) against the deployable bundle. Each client gets `workerFetch(mf).fetch` as
// its `fetch`, which reaches the Worker served by Miniflare and records what went over the
// wire, so a test can show the method, the parameters and the answer a client relied on.
import { readFileSync } from "node:fs";
import { type DocumentNode, Kind, parse } from "graphql";
import type { Miniflare } from "miniflare";
import { expect } from "vitest";
import { send } from "./http-support";

export { endpoint } from "./http-support";

/** One request a client sent and the answer it got, as parsed JSON. */
export type Exchange = {
  method: string;
  /** The GraphQL request parameters, from the query string (GET) or the JSON body (POST). */
  params: { query?: string; operationName?: string; variables?: unknown; extensions?: unknown };
  accept: string | null;
  status: number;
  contentType: string | null;
  answer: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
};

/**
 * A standard `fetch` that hands each request to the served Worker. The request is rebuilt as
 * a plain method, headers and body because Miniflare's `dispatchFetch` has its own undici
 * types (a client's AbortSignal or Request object is not one of them), and the answer as a
 * standard Response, which is what the clients read.
 */
export function workerFetch(mf: Miniflare): { fetch: typeof fetch; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const workerFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === "GET" ? undefined : await request.text();
    const headers = Object.fromEntries(request.headers);
    const response = await send(mf, request.url, { method: request.method, headers, body });
    const text = await response.text();
    const url = new URL(request.url);
    const fromUrl = (name: string) => {
      const value = url.searchParams.get(name);
      return value === null ? undefined : name === "variables" || name === "extensions" ? JSON.parse(value) : value;
    };
    exchanges.push({
      method: request.method,
      params: body
        ? JSON.parse(body)
        : {
            query: fromUrl("query"),
            operationName: fromUrl("operationName"),
            variables: fromUrl("variables"),
            extensions: fromUrl("extensions"),
          },
      accept: request.headers.get("accept"),
      status: response.status,
      contentType: response.headers.get("content-type"),
      answer: JSON.parse(text),
    });
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: workerFetch, exchanges };
}

const contractFile = new URL("../../operations/contract.graphql", import.meta.url);

/** The persisted-operations manifest clients are given: operation name → sha256. */
export const manifest: Record<string, string> = JSON.parse(
  readFileSync(new URL("../../operations/manifest.json", import.meta.url), "utf8"),
);

/** Each operation of operations/contract.graphql as a document of its own, as clients take them. */
export const contract: Record<string, DocumentNode> = Object.fromEntries(
  parse(readFileSync(contractFile, "utf8")).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.name
      ? [[definition.name.value, { kind: Kind.DOCUMENT, definitions: [definition] } satisfies DocumentNode]]
      : [],
  ),
);

/** The manifest's hash for a document, by its operation's name: how a client uses the manifest. */
export function manifestHash(document: DocumentNode): string {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const hash = operation?.name && manifest[operation.name.value];
  if (!hash) throw new Error(`operations/manifest.json has no ${operation?.name?.value ?? "anonymous"} operation`);
  return hash;
}

type Variables = Record<string, unknown>;
type Data = Record<string, any>;
/** Runs one operation with a client and returns its `data`; a client error is thrown. */
export type Execute = (document: DocumentNode, variables: Variables) => Promise<Data>;

/** Drops the `__typename` fields some clients add to every selection, to compare with the wire. */
export function withoutTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypenames);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "__typename")
      .map(([key, v]) => [key, withoutTypenames(v)]),
  );
}

/**
 * Runs every contract operation through `execute` and checks what the client returns: the
 * facts the operations exist to show, and (when `wire` is given) that it is exactly the data of
 * the last answer the Worker sent, so a client that drops or reshapes a field fails.
 */
export async function expectContractAnswers(client: Execute, wire?: Exchange[]): Promise<void> {
  const execute: Execute = async (document, variables) => {
    const data = await client(document, variables);
    if (wire) expect(withoutTypenames(data)).toEqual(withoutTypenames(wire.at(-1)?.answer.data));
    return data;
  };
  const region = await execute(contract.RegionProfile!, { code: "SE-BD" });
  expect(region.region).toMatchObject({
    isoCode: "SE-BD",
    slug: "norrbotten",
    countyCode: "25",
    name: "Norrbotten County",
    seat: "Luleå",
    population: { value: 248480, year: 2023 },
    neighbours: expect.arrayContaining([expect.objectContaining({ isoCode: "SE-AC" })]),
    nominations: expect.arrayContaining([
      expect.objectContaining({ won: true, edition: expect.objectContaining({ year: 2022 }) }),
    ]),
  });
  expect(region.region.interviews.edges.map((e: Data) => e.node.slug)).toContain("lars-ake-isaksson-een-norrbotten");

  const prize = await execute(contract.PrizeHistory!, {});
  expect(prize.award.name).toBe("Årets exportregion");
  const edition2022 = prize.award.editions.find((e: Data) => e.year === 2022);
  expect(edition2022).toMatchObject({ ceremonyDate: "2022-08-31", winner: { isoCode: "SE-BD" } });
  expect(edition2022.nominees.map((n: Data) => n.isoCode)).toEqual(["SE-BD", "SE-M", "SE-C"]);
  // Without $lang every text is in the language Accept-Language picks: Swedish by default.
  expect(edition2022.motivation).toMatch(/^Trots att Norrbotten är en stor region/);

  const interviews = await execute(contract.InterviewPage!, {});
  expect(interviews.interviews.edges[0].node).toMatchObject({
    interviewee: { name: "Lars-Åke Isaksson", organization: { name: "LTU Business" } },
    article: { publishedAt: "2022-09-08" },
  });
  expect(interviews.interviews.edges[0].node.questions).toHaveLength(3);

  const found = await execute(contract.Find!, { q: "Norrbotten" });
  expect(found.search.totalCount).toBeGreaterThan(0);
  expect(found.search.edges[0].node.__typename).toBe("Region");

  const refetched = await execute(contract.Refetch!, { id: region.region.id });
  expect(refetched.node).toEqual({ id: region.region.id, __typename: "Region" });
}

/** Sweden's 21 regions by ISO 3166-2 code. */
export const regionCodes = [
  "SE-AB",
  "SE-AC",
  "SE-BD",
  "SE-C",
  "SE-D",
  "SE-E",
  "SE-F",
  "SE-G",
  "SE-H",
  "SE-I",
  "SE-K",
  "SE-M",
  "SE-N",
  "SE-O",
  "SE-S",
  "SE-T",
  "SE-U",
  "SE-W",
  "SE-X",
  "SE-Y",
  "SE-Z",
];

/** A page of regions; the page size is a variable, as a frontend's would be. */
export const RegionPage = parse(/* GraphQL */ `
  query RegionPage($first: Int!, $after: String) {
    regions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          isoCode
        }
      }
    }
  }
`);

/**
 * Pages through `regions` five at a time, following `endCursor` until `hasNextPage` is false,
 * and checks that every region arrives exactly once.
 */
export async function expectRegionsByCursor(execute: Execute): Promise<void> {
  const codes: string[] = [];
  const pageSizes: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const { regions }: Data = await execute(RegionPage, { first: 5, after });
    expect(regions.totalCount).toBe(21);
    pageSizes.push(regions.edges.length);
    codes.push(...regions.edges.map((e: Data) => e.node.isoCode));
    if (!regions.pageInfo.hasNextPage) break;
    expect(regions.pageInfo.endCursor).toBe(regions.edges.at(-1).cursor);
    after = regions.pageInfo.endCursor;
  }
  expect(pageSizes).toEqual([5, 5, 5, 5, 1]);
  expect(codes).toHaveLength(21);
  expect([...codes].sort()).toEqual([...regionCodes].sort());
}

/** A page larger than the API's maximum, with the size in a variable: `BAD_USER_INPUT`. */
export const tooLargePage = { document: RegionPage, variables: { first: 101, after: null } };

/** A field that does not exist: a validation error, `GRAPHQL_VALIDATION_FAILED`. */
export const invalidQuery = parse(/* GraphQL */ `
  query NoSuchField {
    regions(first: 1) {
      population
    }
  }
`);

/** What unknown persisted operations are answered with: the message and code clients match. */
export const persistedQueryNotFound = {
  message: "PersistedQueryNotFound",
  extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
};
