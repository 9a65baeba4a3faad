// The rows of the bench: every operation of the contract (operations/contract.graphql),
// over POST and GET, cached and uncached, and as a persisted hash.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { root } from "./build";
import type { HttpRequest } from "./load";

/**
 * Which Worker a row drives: the API with response caching on or off, the reference, or the
 * POST floor (bench/floor/) without or with its log line.
 */
export type Target = "api" | "api-uncached" | "api-lifted" | "reference" | "floor" | "floor-log" | `floor-${FloorRead}`;

/** Other ways to read a body than arrayBuffer(), each a floor Worker of its own (`--floors`). */
export const floorReads = ["text", "json", "bytes", "reader", "byob"] as const;
export type FloorRead = (typeof floorReads)[number];

export type Row = {
  name: string;
  operation: string;
  target: Target;
  request: HttpRequest;
  cached: boolean;
  /** Whose answer primes the ceiling (and the floor): the target's own unless said. */
  answeredBy?: Target;
};

export type Variables = Record<string, unknown>;

const accept = "application/graphql-response+json, application/json";

/**
 * The address every row's requests come from (`cf-connecting-ip`, as Cloudflare sets it): each
 * request is counted against the per-client limits, as in production, by bindings whose quota
 * no row reaches (bench/run.ts), so that a row measures being counted, never a refusal.
 */
export const BENCH_CLIENT = "192.0.2.1";

/** The contract's operation names, in file order. */
export function contractOperations(): string[] {
  const document = parse(readFileSync(join(root, "operations", "contract.graphql"), "utf8"));
  return document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
}

/** The persisted documents: operation name → { hash, the exact text that was hashed }. */
export function persistedDocuments(): Record<string, { hash: string; text: string }> {
  const manifest = JSON.parse(readFileSync(join(root, "operations", "manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const texts = JSON.parse(readFileSync(join(root, "src", "generated", "persisted-operations.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.fromEntries(
    Object.entries(manifest).flatMap(([name, hash]) => (texts[hash] ? [[name, { hash, text: texts[hash] }]] : [])),
  );
}

export function post(body: Record<string, unknown>): HttpRequest {
  return {
    method: "POST",
    path: "/graphql",
    headers: { accept, "content-type": "application/json", "cf-connecting-ip": BENCH_CLIENT },
    body: JSON.stringify(body),
  };
}

export function get(params: Record<string, unknown>): HttpRequest {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  return { method: "GET", path: `/graphql?${search}`, headers: { accept, "cf-connecting-ip": BENCH_CLIENT } };
}

export function contractRows(variables: Record<string, Variables | undefined>): Row[] {
  const documents = persistedDocuments();
  const rows: Row[] = [];
  for (const operation of contractOperations()) {
    const document = documents[operation];
    if (!document) throw new Error(`${operation} is not in operations/manifest.json: run npm run generate`);
    const vars = variables[operation];
    const params = { query: document.text, operationName: operation, variables: vars };
    const persisted = {
      operationName: operation,
      variables: vars,
      extensions: { persistedQuery: { version: 1, sha256Hash: document.hash } },
    };
    for (const cached of [true, false]) {
      const target = cached ? "api" : "api-uncached";
      const label = cached ? "cached" : "uncached";
      rows.push({ name: `${operation} POST ${label}`, operation, target, cached, request: post(params) });
      // Its own floor, next to it: the same POST (its body's size) read, logged and answered with
      // the same bytes by a Worker that does nothing else (\`postAgainstFloor\`).
      if (cached) rows.push(postFloorRow(operation, post(params)));
      rows.push({ name: `${operation} GET ${label}`, operation, target, cached, request: get(params) });
      rows.push({ name: `${operation} GET hash ${label}`, operation, target, cached, request: get(persisted) });
    }
  }
  return rows;
}

/** The name of an operation's POST floor row. */
export const postFloorName = (operation: string) => `floor: ${operation} POST, body read + log line`;

/**
 * The POST floor of an operation: a Worker that reads the same POST body, writes one log line
 * of the API's shape and answers the API's bytes. No Worker that must read the body and log can
 * pass it; the gap between it and "<operation> POST cached" is the API's own work.
 */
function postFloorRow(operation: string, request: HttpRequest): Row {
  return { name: postFloorName(operation), operation, target: "floor-log", cached: true, request, answeredBy: "api" };
}

/**
 * A repeated POST against its floor: the ratio of their ratios to the ceiling (each row is
 * measured interleaved with the ceiling, so the machine's drift between rows cancels).
 */
export function postAgainstFloor(results: { name: string; ratio: number }[]): { operation: string; ratio: number }[] {
  const byName = new Map(results.map((r) => [r.name, r.ratio]));
  return results.flatMap((r) => {
    const operation = / POST cached$/.exec(r.name) ? r.name.slice(0, -" POST cached".length) : null;
    const floor = operation ? byName.get(postFloorName(operation)) : undefined;
    return operation && floor ? [{ operation, ratio: r.ratio / floor }] : [];
  });
}

/**
 * The floors of RegionProfile's requests besides its POST floor (which \`contractRows\` puts
 * beside each operation's POST): a Worker that only writes the log line, for the GET, and one
 * that only reads the POST body. No Worker that reads the body (or logs) can pass them.
 */
export function floorRows(variables: Variables, everyRead = false): Row[] {
  const document = persistedDocuments().RegionProfile;
  if (!document) throw new Error("RegionProfile is not in operations/manifest.json: run npm run generate");
  const request = post({ query: document.text, operationName: "RegionProfile", variables });
  const params = { query: document.text, operationName: "RegionProfile", variables };
  return [
    // A GET has no body: this floor is the log line alone.
    {
      name: "floor: RegionProfile GET, log line",
      operation: "RegionProfile",
      target: "floor-log",
      cached: true,
      request: get(params),
      answeredBy: "api",
    },
    {
      name: "floor: RegionProfile POST, body read",
      operation: "RegionProfile",
      target: "floor",
      cached: true,
      request,
      answeredBy: "api",
    },
    ...(everyRead
      ? floorReads.map(
          (read): Row => ({
            name: `floor: RegionProfile POST, body read by ${read}`,
            operation: "RegionProfile",
            target: `floor-${read}`,
            cached: true,
            request,
            answeredBy: "api",
          }),
        )
      : []),
  ];
}

export const referenceRow: Row = {
  name: "reference { hello } POST",
  operation: "hello",
  target: "reference",
  cached: false,
  request: post({ query: "{ hello }" }),
};

/**
 * Operations at the edge of what the limits admit (depth, aliases, cost: the production
 * settings), for "any operation the limits admit: under 5 ms of CPU". Each shape is one field,
 * repeated under as many aliases as the limits admit (the bench asks the Worker, `widest`).
 * Search takes a fresh word each time (variants, cycled): a prefix of three letters or more
 * (shorter words match whole words only) of one of the dataset's common words, so that no
 * kept result helps and each matches many documents.
 */
export type HeavyShape = { name: string; field: (alias: number, variant: number) => string; variants: number };

const commonWords = [
  "exportregion",
  "regionförbund",
  "norrbotten",
  "sverige",
  "sweden",
  "stockholm",
  "internationell",
  "företagen",
  "utvecklingen",
  "kommunerna",
];
const prefixes = commonWords.flatMap((word) => Array.from({ length: word.length - 2 }, (_, n) => word.slice(0, n + 3)));
const freshWords = (alias: number, variant: number) => prefixes[(variant * 3 + alias) % prefixes.length]!;

export const heaviestShapes: HeavyShape[] = [
  {
    name: "searches of 100 with snippets, fresh words",
    variants: prefixes.length,
    field: (i, v) =>
      `search(query: "${freshWords(i, v)}", first: 100) { totalCount edges { snippet node { __typename } } }`,
  },
  {
    name: "searches of 100, fresh words",
    variants: prefixes.length,
    field: (i, v) =>
      `search(query: "${freshWords(i, v)}", first: 100) { totalCount edges { score node { __typename } } }`,
  },
  {
    name: "100 interviews with every question and answer",
    variants: 1,
    field: () => "interviews(first: 100) { edges { node { title questions { question answer } } } }",
  },
  {
    name: "interview lists filtered by text contains",
    variants: 1,
    field: (i) =>
      `interviews(first: 100, filter: { text: { contains: "${["e", "ö", "export", "a", "s"][i % 5]}" } }) { totalCount edges { node { title } } }`,
  },
  { name: "100 article bodies", variants: 1, field: () => "articles(first: 100) { edges { node { title body } } }" },
  { name: "100 quotes", variants: 1, field: () => "quotes(first: 100) { edges { node { text saidAs } } }" },
];

/** The shape's operation with `aliases` aliases: one request per variant. */
export function heavyRequests(shape: HeavyShape, aliases: number): HttpRequest[] {
  return Array.from({ length: shape.variants }, (_, v) =>
    post({ query: `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: ${shape.field(i, v)}`).join(" ")} }` }),
  );
}

/**
 * Two clients at once (bench/run.ts, "two clients"): one well-behaved, asking for RegionProfile
 * by hash (a kept answer) at a steady rate under its request limit; one over its limit, posting
 * a new document each time (each one, when admitted, parsed, validated and executed: no cache
 * tier helps) on as many connections as the bench drives, as fast as the Worker answers.
 */
export const WELL_BEHAVED = "192.0.2.10";
export const OVER_LIMIT = "192.0.2.66";

export function twoClients(variables: Variables): {
  wellBehaved: HttpRequest;
  overLimit: HttpRequest;
  overLimitBody: (n: number) => string;
} {
  const document = persistedDocuments().RegionProfile;
  if (!document) throw new Error("RegionProfile is not in operations/manifest.json: run npm run generate");
  const wellBehaved = get({
    operationName: "RegionProfile",
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: document.hash } },
  });
  wellBehaved.headers["cf-connecting-ip"] = WELL_BEHAVED;
  const overLimitBody = (n: number) =>
    JSON.stringify({
      query: `query Flood { regions(first: 21) { totalCount edges { node { name population { value } } } } } # ${n}`,
    });
  const overLimit = post({});
  overLimit.headers["cf-connecting-ip"] = OVER_LIMIT;
  overLimit.body = overLimitBody(-1);
  return { wellBehaved, overLimit, overLimitBody };
}
