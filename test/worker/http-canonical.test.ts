// Canonical answers: an answer's key, ETag and Vary name only what it depends on. The request's
// language is part of an answer only where a resolver reads it (a text asked without `lang`),
// decided before execution from the document and the variables (src/graphql/language-use.ts);
// here that decision is held to what execution reads, and the deployed shape (the public
// entrypoint folding Accept and Accept-Language for `Answers`, src/index.ts) is replayed through
// a model of Workers Cache (test/workers-cache-model.ts) under browsers' real headers.
import { createExecutionContext, SELF, waitOnExecutionContext } from "cloudflare:test";
import { Kind, type OperationDefinitionNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import contract from "../../operations/contract.graphql?raw";
import manifest from "../../operations/manifest.json";
import web from "../../operations/web.graphql?raw";
import { parseConfig } from "../../src/config";
import { store } from "../../src/data";
import persistedOperations from "../../src/generated/persisted-operations.json";
import { readsRequestLanguage } from "../../src/graphql/language-use";
import { folded } from "../../src/http/fold";
import { preferredLanguage } from "../../src/http/negotiate";
import type { Context } from "../../src/schema/builder";
import { createGateway, createPipeline, createWorker } from "../../src/worker";
import {
  ACCEPT_LANGUAGES,
  CLIENT_ACCEPTS,
  corpus,
  langOfOperations,
  OPERATION_VARIABLES,
  replay,
} from "../workers-cache-model";

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

const hashes: Record<string, string> = manifest;
const texts: Record<string, string> = persistedOperations;

const VARIABLES = OPERATION_VARIABLES;
const takesLang = langOfOperations(hashes, texts);

const byHash = (name: string, variables: Record<string, unknown>) => {
  const search = new URLSearchParams({ operationName: name, variables: JSON.stringify(variables) });
  search.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashes[name] } }));
  return `http://api.test/graphql?${search}`;
};

describe("a persisted operation asked with `lang`", () => {
  const withLang = Object.keys(hashes).filter((name) => takesLang[name] !== "none");

  it("is the ten the manifest lists, five of them taking lang", () => {
    expect(Object.keys(hashes)).toHaveLength(10);
    expect(withLang.sort()).toEqual(
      [
        "InterviewPage",
        "PrizeHistory",
        "WebInterview",
        "WebPrizeHistory",
        "WebRegion",
        "WebRegions",
        "WebSearch",
      ].sort(),
    );
  });

  it.each(withLang)("%s: one ETag, one body, no Accept-Language in Vary, under 20 browsers' headers", async (name) => {
    const url = byHash(name, { ...VARIABLES[name], lang: "EN" });
    const answers = await Promise.all(
      ACCEPT_LANGUAGES.slice(0, 20).map(async (language) => {
        const response = await SELF.fetch(url, { headers: { "accept-language": language } });
        return {
          status: response.status,
          etag: response.headers.get("etag"),
          vary: response.headers.get("vary"),
          body: await response.text(),
        };
      }),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(answers[0]!.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(new Set(answers.map((a) => a.vary))).toEqual(new Set(["Accept"]));
  });
});

describe("an operation that asks a text without `lang`", () => {
  it("answers Swedish to a Swedish browser and English to an English one, varying by Accept-Language", async () => {
    const answer = async (headers: Record<string, string>, lang?: string) => {
      const response = await SELF.fetch(byHash("PrizeHistory", lang ? { lang } : {}), { headers });
      return { vary: response.headers.get("vary"), etag: response.headers.get("etag"), body: await response.text() };
    };
    const swedish = await answer({ "accept-language": "sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7" });
    const finnish = await answer({ "accept-language": "fi-FI,fi;q=0.9,sv;q=0.8,en;q=0.7" });
    const english = await answer({ "accept-language": "en-GB,en;q=0.9" });
    expect(swedish.body).toBe((await answer({}, "SV")).body);
    expect(english.body).toBe((await answer({}, "EN")).body);
    expect(swedish.body).not.toBe(english.body);
    expect(finnish).toEqual(swedish);
    expect(swedish.vary).toBe("Accept, Accept-Language");
    expect(english.etag).not.toBe(swedish.etag);
  });
});

describe("Workers Cache in front of the folded entrypoint (the model)", () => {
  it("shares every answer that does not depend on the browser's language, and keeps one entry per language and media type of those that do", async () => {
    const requests = corpus("http://api.test", hashes, VARIABLES, takesLang);
    expect(requests.length).toBeGreaterThan(2000);
    const result = await replay(
      requests,
      (request) => SELF.fetch(request),
      (request) => folded(request) ?? request,
      preferredLanguage,
    );
    expect(result.neutral.requests).toBeGreaterThan(1000);
    expect(result.localized.requests).toBeGreaterThan(300);
    expect(result.neutral.hits / result.neutral.ideal).toBeGreaterThanOrEqual(0.9);
    expect(result.mostEntriesPerLanguageAndMediaType).toBe(1);
    // Every request of an operation by hash with its variables is at most 2 media types × 2 languages.
    expect(result.entries).toBeLessThanOrEqual(4 * 13);
    expect(Object.keys(CLIENT_ACCEPTS)).toHaveLength(4);
  });
});

describe("the language an answer depends on, decided before execution", () => {
  const config = parseConfig({});
  const documents = [contract, web].flatMap((source) =>
    parse(source)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => [source, d.name!.value] as const),
  );
  const extra: [string, string | undefined][] = [
    ['{ region(code: "SE-BD") { slug name } }', undefined],
    ['{ region(code: "SE-BD") { name(lang: EN) } }', undefined],
    ['{ region(code: "SE-BD") { name(lang: null) } }', undefined],
    ['query ($s: Boolean!) { region(code: "SE-BD") { name @skip(if: $s) } }', undefined],
    ['query ($l: Language = EN) { region(code: "SE-BD") { name(lang: $l) } }', undefined],
    ['query ($l: Language) { region(code: "SE-BD") { ...N } } fragment N on Region { name(lang: $l) }', undefined],
    ['query A { region(code: "SE-BD") { slug } } query B { region(code: "SE-BD") { name } }', "A"],
    ['query A { region(code: "SE-BD") { slug } } query B { region(code: "SE-BD") { name } }', "B"],
    [
      '{ interview(slug: "lars-ake-isaksson-een-norrbotten") { titleText { text isTranslation(lang: SV) } } }',
      undefined,
    ],
    ['{ search(query: "Luleå", first: 3) { edges { score node { __typename } } } }', undefined],
    ['{ search(query: "Luleå", first: 3) { edges { snippet(lang: EN) kindLabel } } }', undefined],
    ["{ datasetVersion }", undefined],
    // Variables named like built-in properties, not sent: absent, so the request's language.
    [
      'query ($__proto__: Language, $constructor: Language) { region(code: "SE-BD") { a: name(lang: $__proto__) b: name(lang: $constructor) } }',
      undefined,
    ],
  ];
  const variableSets: (Record<string, unknown> | undefined)[] = [
    undefined,
    { lang: "EN" },
    { lang: null },
    { s: true },
    { s: false },
    { l: "SV" },
    { l: null },
    { ...VARIABLES.WebRegion, lang: "SV" },
    { ...VARIABLES.WebInterview, lang: "EN" },
    { ...VARIABLES.WebSearch, lang: "EN" },
    { ...VARIABLES.RegionProfile },
    { ...VARIABLES.Find },
    { ...VARIABLES.Refetch },
  ];

  it("reads the language wherever execution reads it, and only where a field lacks one", async () => {
    const pipeline = createPipeline(config, { store });
    let read = 0;
    let decided = 0;
    let executed = 0;
    for (const [source, operationName] of [...documents, ...extra]) {
      for (const variables of variableSets) {
        const operation = { source, operationName, hash: null, trusted: false };
        const context: Context = {
          store,
          language: "en",
          recentSearches: pipeline.recentSearches,
          languageRead: false,
        };
        const request = new Request("http://api.test/graphql", { method: "POST" });
        const ctx = createExecutionContext();
        const { result } = await pipeline.executor.run("POST", operation, variables, context, request);
        await waitOnExecutionContext(ctx);
        if (!result.data) continue;
        executed++;
        const statically = readsRequestLanguage(pipeline.executor.languageUseOf(operation), variables);
        const label = `${operationName ?? source.slice(0, 60)} ${JSON.stringify(variables)}`;
        if (context.languageRead) expect(statically, label).toBe(true);
        if (context.languageRead) read++;
        if (statically) decided++;
      }
    }
    // Both kinds were met, and the decision is exact but for a skipped field (counted anyway).
    expect(executed).toBeGreaterThan(60);
    expect(read).toBeGreaterThan(10);
    expect(decided - read).toBe(1);
    expect(executed - decided).toBeGreaterThan(20);
  });
});

describe("the public entrypoint", () => {
  const worker = createWorker({ store });
  const seen: Request[] = [];
  const answers = {
    fetch: async (request: Request) => {
      seen.push(request);
      return worker.fetch!(
        request as Request<unknown, IncomingRequestCfProperties>,
        {} as Env,
        createExecutionContext(),
      );
    },
  } as unknown as Fetcher;
  const send = (gateway: ExportedHandler<Env>, url: string, init: RequestInit) =>
    gateway.fetch!(
      new Request(url, init) as Request<unknown, IncomingRequestCfProperties>,
      {} as Env,
      createExecutionContext(),
    );

  it("hands a GET to the cached entrypoint with Accept and Accept-Language folded, the rest as sent", async () => {
    const gateway = createGateway(worker, () => answers);
    const url = byHash("PrizeHistory", {});
    const headers = {
      accept: CLIENT_ACCEPTS.urql,
      "accept-language": "fi-FI,fi;q=0.9,sv;q=0.8,en;q=0.7",
      "x-request-id": "fold-1",
    };
    const response = await send(gateway, url, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("fold-1");
    const [inner] = seen.splice(0);
    expect(inner?.url).toBe(url);
    expect(inner?.headers.get("accept")).toBe("application/graphql-response+json");
    expect(inner?.headers.get("accept-language")).toBe("sv");
    expect(inner?.headers.get("x-request-id")).toBe("fold-1");
  });

  it("folds no header over its bound: the public entrypoint refuses it itself, as the pipeline does", async () => {
    const gateway = createGateway(worker, () => answers);
    const url = byHash("PrizeHistory", {});
    const accept = `${"application/x-padding;q=0.1,".repeat(40)}application/graphql-response+json,application/json;q=0`;
    const acceptLanguage = `${"de-DE;q=0.1,".repeat(45)}sv;q=0.9,en;q=0`;
    expect(accept.length).toBeGreaterThan(1000);
    expect(acceptLanguage.length).toBeGreaterThan(500);
    for (const headers of [{ accept }, { "accept-language": acceptLanguage }] as Record<string, string>[]) {
      const response = await send(gateway, url, { headers });
      expect(response.status).toBe(400);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe("BAD_REQUEST");
    }
    expect(seen.splice(0)).toHaveLength(0);
  });

  it("answers a POST, a preflight, the playground and / itself, and everything where no cache is fed", async () => {
    const gateway = createGateway(worker, () => answers);
    const post = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ datasetVersion }"}',
    };
    expect((await send(gateway, "http://api.test/graphql", post)).status).toBe(200);
    expect((await send(gateway, "http://api.test/graphql", { method: "OPTIONS" })).status).toBe(204);
    expect((await send(gateway, "http://api.test/", {})).status).toBe(302);
    expect(
      (await send(gateway, "http://api.test/graphql?query={__typename}", { headers: { accept: "text/html" } })).status,
    ).toBe(200);
    expect(seen.splice(0).map((r) => r.headers.get("accept"))).toEqual(["text/html"]);
    const direct = createGateway(worker, () => undefined);
    expect((await send(direct, byHash("PrizeHistory", {}), {})).status).toBe(200);
    expect(seen).toHaveLength(0);
  });
});
