// A seeded flood of malformed and hostile requests against the bundle: every one gets an
// answer below 500 with a JSON error body (or a GraphQL result), and the Worker throws nothing.
import { describe, expect, it } from "vitest";
import { prng } from "../prng";
import { captureLogs, endpoint, send, useBundle } from "./http-support";

const bundle = useBundle();
const logs = captureLogs();

type Case = { name: string; url: string; init: RequestInit };

function generate(random: () => number, n: number): Case[] {
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const bytes = (len: number) => Uint8Array.from({ length: len }, () => int(256));
  const fields = [
    "__typename",
    'node(id: "x") { id }',
    "regions { totalCount }",
    "__schema { types { name } }",
    "nope",
  ];
  const nested = (depth: number) => `${"{ a ".repeat(depth)}${"}".repeat(depth)}`;
  const queries = [
    () => `{ ${Array.from({ length: 1 + int(200) }, (_, i) => `a${i}: ${pick(fields)}`).join(" ")} }`,
    () => nested(1 + int(300)),
    () => `{ ${"__typename @include(if: true) ".repeat(1 + int(100))}}`,
    () => `query Q($v: ${pick(["Int", "String!", "[ID]", "Nope"])}) { __typename }`,
    () => `"${"x".repeat(int(40_000))}"`,
    () => `{ __typename ${"# ".repeat(int(5000))}}`,
    () => `fragment F on Query { ...F } { ...F }`,
    () => `mutation { __typename }`,
    () => `subscription { __typename }`,
    () => `{ ${pick(fields)} }`.slice(0, int(20)),
    () => String.fromCharCode(...Array.from({ length: int(100) }, () => int(0xffff))),
  ];
  const values = [
    () => null,
    () => 42,
    () => true,
    () => [1, 2],
    () => ({ a: { b: {} } }),
    () => "x".repeat(int(1000)),
    () => pick(queries)(),
  ];
  const bodies = [
    () => JSON.stringify({ query: pick(queries)() }),
    () =>
      JSON.stringify({
        query: pick(values)(),
        variables: pick(values)(),
        operationName: pick(values)(),
        extensions: pick(values)(),
      }),
    () =>
      JSON.stringify({ extensions: { persistedQuery: { version: pick([1, 2, "1"]), sha256Hash: pick(values)() } } }),
    () => JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    () => JSON.stringify({ query: "{ __typename }", [`k${int(9)}`]: 1 }),
    () => JSON.stringify({ query: "{ __typename }" }).slice(0, int(30)),
    () => `${"[".repeat(int(5000))}`,
    () => `{"query":"{ __typename }","variables":${'{"a":'.repeat(int(3000))}1${"}".repeat(int(3000))}}`,
    () => bytes(int(2000)),
    () =>
      Uint8Array.from([
        0x7b,
        0x22,
        0x71,
        0x75,
        0x65,
        0x72,
        0x79,
        0x22,
        0x3a,
        0x22,
        ...bytes(int(50)).map((b) => b | 0x80),
        0x22,
        0x7d,
      ]),
    () => JSON.stringify({ query: `{ __typename }`, variables: { big: "x".repeat(int(60_000)) } }),
  ];
  const contentTypes = [
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/graphql",
    "",
  ];
  const accepts = [
    "application/json",
    "application/graphql-response+json",
    "text/html",
    "*/*",
    "application/xml",
    "text/event-stream",
    "multipart/mixed",
    "",
  ];
  // A lone surrogate cannot be percent-encoded; send its CESU-8 bytes, which are not UTF-8.
  const encode = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return "%ED%A0%80";
    }
  };
  const cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    const headers: Record<string, string> = {};
    const accept = pick(accepts);
    if (accept) headers.accept = accept;
    if (random() < 0.2) headers["accept-language"] = pick(["sv", "en-GB,en;q=0.9", "*", "x".repeat(300)]);
    if (random() < 0.1) headers["if-none-match"] = pick(["*", '"x"', 'W/"y", "z"']);
    const kind = int(10);
    if (kind < 6) {
      const contentType = pick(contentTypes);
      if (contentType) headers["content-type"] = contentType;
      cases.push({ name: `POST #${i}`, url: endpoint, init: { method: "POST", headers, body: pick(bodies)() } });
    } else if (kind < 9) {
      const params = pick([
        () => `query=${encode(pick(queries)())}`,
        () => `query=${encodeURIComponent("{ __typename }")}&variables=${encode(String(pick(values)()))}`,
        () =>
          `extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: String(pick(values)()) } }))}`,
        () => `query=%${pick(["FF", "C3%28", "E2%82", "ZZ", ""])}&operationName=${int(9)}`,
        () => `query=${"%7B".repeat(int(3000))}`,
        () => "",
      ])();
      cases.push({ name: `GET #${i}`, url: `${endpoint}?${params}`, init: { method: "GET", headers } });
    } else {
      const method = pick(["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]);
      if (method === "OPTIONS") headers.origin = pick(["https://a.example", "null", "x"]);
      cases.push({ name: `${method} #${i}`, url: endpoint, init: { method, headers } });
    }
  }
  return cases;
}

describe("hostile and malformed requests", () => {
  it("1200 generated requests: no 5xx, no uncaught exception", async () => {
    const mf = await bundle.serve();
    const cases = generate(prng(20260501), 1200);
    const statuses = new Map<number, number>();
    for (let i = 0; i < cases.length; i += 24) {
      await Promise.all(
        cases.slice(i, i + 24).map(async ({ name, url, init }) => {
          const response = await send(mf, url, init);
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${name}: ${text.slice(0, 200)}`).toBeLessThan(500);
          if (response.status >= 400 && init.method !== "HEAD") {
            // Yoga answers `Accept: text/event-stream` (SSE) and `multipart/mixed` (incremental
            // delivery) in those formats: the GraphQL result is one line of them.
            const json = /^(?:application\/json|application\/graphql-response\+json)/.test(
              response.headers.get("content-type") ?? "",
            )
              ? text
              : (/^(?:data: )?(\{"errors".*)$/m.exec(text)?.[1] ?? text);
            let body: any;
            try {
              body = JSON.parse(json);
            } catch {
              expect.fail(
                `${name} (${response.status}) has no JSON error body: ${JSON.stringify(text.slice(0, 200))} ${JSON.stringify(init.headers)} ${String(init.body).slice(0, 100)}`,
              );
            }
            expect(body.errors[0].message, name).toEqual(expect.any(String));
            expect(text, name).not.toMatch(/"stack"|originalError|Unexpected error/);
          }
        }),
      );
    }
    // The generator reaches the interesting answers, not just one kind of 400.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 204, 400, 405, 406, 413, 415]));
    expect(logs.lines.filter((l) => /Uncaught|ERR|Error:/.test(l))).toEqual([]);
  });
});
