// A model of Workers Cache as Cloudflare documents it (developers.cloudflare.com/workers/cache/
// "Cache keys"): an entry per path and query string, and, within it, per VERBATIM value of each
// request header the stored response's `Vary` names (no normalisation); a response with
// `Cache-Control: no-store` or `private` (or `Vary: *`) is not stored. Fed a realistic corpus
// (browsers' Accept-Language strings, the Accept headers of the clients the README names, the
// persisted operations by hash with and without `lang`), it says how often Workers Cache would
// answer without running the Worker, against the ideal: every identical answer shared.
// Used by test/worker/http-canonical.test.ts and by `npm run bench -- --only "workers cache"`.

import { Kind, type OperationDefinitionNode, parse } from "graphql";

/** What a browser's user sends: real-world Accept-Language strings (Chrome, Firefox, Safari, Edge forms). */
export const ACCEPT_LANGUAGES = [
  "sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7",
  "sv-SE,sv;q=0.9,en;q=0.8",
  "sv-SE,sv;q=0.8,en-US;q=0.5,en;q=0.3",
  "sv,en-US;q=0.7,en;q=0.3",
  "sv-SE",
  "sv",
  "sv-FI,sv;q=0.9,fi;q=0.8,en;q=0.7",
  "fi-FI,fi;q=0.9,sv;q=0.8,en;q=0.7",
  "fi-FI,fi;q=0.9,en-US;q=0.8,en;q=0.7",
  "fi",
  "nb-NO,nb;q=0.9,no;q=0.8,nn;q=0.7,en-US;q=0.6,en;q=0.5",
  "nb-NO,nb;q=0.9,sv;q=0.8,en;q=0.7",
  "da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7",
  "da,en-GB;q=0.9,en;q=0.8",
  "de-DE,de;q=0.9",
  "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7",
  "de-CH,de;q=0.9,fr;q=0.8,en;q=0.7",
  "en-GB,en;q=0.9",
  "en-GB,en-US;q=0.9,en;q=0.8",
  "en-US,en;q=0.9",
  "en-US,en;q=0.9,sv;q=0.8",
  "en-US",
  "en",
  "en-AU,en;q=0.9",
  "en-CA,en;q=0.9,fr-CA;q=0.8",
  "en-IE,en;q=0.9,ga;q=0.8",
  "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",
  "fr-FR,fr;q=0.8,en-US;q=0.5,en;q=0.3",
  "es-ES,es;q=0.9",
  "es-ES,es;q=0.9,en;q=0.8",
  "it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7",
  "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7",
  "pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7",
  "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7",
  "et-EE,et;q=0.9,en;q=0.8,ru;q=0.7",
  "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7",
  "uk-UA,uk;q=0.9,en;q=0.8",
  "ar-SA,ar;q=0.9,en;q=0.8",
  "zh-CN,zh;q=0.9,en;q=0.8",
  "ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7",
  "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7",
  "tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7",
  "*",
] as const;

/**
 * The Accept header each client sends with a query, as its installed source has it (a node test
 * and the bench check these against node_modules: `clientAcceptSources`).
 */
export const CLIENT_ACCEPTS = {
  "Apollo Client": "application/graphql-response+json,application/json;q=0.9",
  urql: "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed",
  "graphql-request": "application/graphql-response+json, application/json",
  fetch: "*/*",
} as const;

/** Where each client's Accept is written in node_modules, and the text that writes it. */
export const clientAcceptSources: Record<keyof typeof CLIENT_ACCEPTS, { file: string; text: string } | null> = {
  "Apollo Client": {
    file: "@apollo/client/link/http/selectHttpOptionsAndBody.js",
    text: CLIENT_ACCEPTS["Apollo Client"],
  },
  urql: { file: "@urql/core/dist/urql-core-chunk.mjs", text: CLIENT_ACCEPTS.urql },
  "graphql-request": {
    file: "graphql-request/src/legacy/helpers/runRequest.ts",
    text: "[CONTENT_TYPE_GQL, CONTENT_TYPE_JSON].join(`, `)",
  },
  // The Fetch standard's default for fetch(): `*/*`.
  fetch: null,
};

/** Variables each persisted operation needs (besides `lang`): real records of the dataset. */
export const OPERATION_VARIABLES: Record<string, Record<string, unknown>> = {
  RegionProfile: { code: "SE-BD" },
  Find: { q: "export" },
  // Region:SE-BD, as `node(id:)` takes it.
  Refetch: { id: "UmVnaW9uOlNFLUJE" },
  WebRegion: { code: "SE-BD" },
  WebInterview: { slug: "lars-ake-isaksson-een-norrbotten" },
  WebSearch: { query: "export" },
};

/** Whether each named operation of the trusted documents takes `$lang`, and whether it may be left out. */
export function langOfOperations(
  hashes: Record<string, string>,
  texts: Record<string, string>,
): Record<string, "optional" | "required" | "none"> {
  return Object.fromEntries(
    Object.entries(hashes).map(([name, hash]) => {
      const operation = parse(texts[hash]!).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
      );
      const lang = operation?.variableDefinitions?.find((v) => v.variable.name.value === "lang");
      return [name, !lang ? "none" : lang.type.kind === Kind.NON_NULL_TYPE ? "required" : "optional"];
    }),
  );
}

export type CorpusRequest = { url: string; headers: Record<string, string>; operation: string; withLang: boolean };

/**
 * Every persisted operation by hash (GET, Apollo's `extensions.persistedQuery` form), with the
 * variables it needs, and, for an operation that takes `$lang`, once with `lang` and once
 * without where it may be left out; each under every browser's Accept-Language and every
 * client's Accept.
 */
export function corpus(
  base: string,
  hashes: Record<string, string>,
  variables: Record<string, Record<string, unknown>>,
  takesLang: Record<string, "optional" | "required" | "none">,
): CorpusRequest[] {
  const requests: CorpusRequest[] = [];
  for (const [operation, hash] of Object.entries(hashes)) {
    const forms: { vars: Record<string, unknown>; withLang: boolean }[] = [];
    const own = variables[operation] ?? {};
    const lang = takesLang[operation] ?? "none";
    if (lang !== "none") forms.push({ vars: { ...own, lang: "EN" }, withLang: true });
    if (lang !== "required") forms.push({ vars: own, withLang: false });
    for (const { vars, withLang } of forms) {
      const search = new URLSearchParams({ operationName: operation });
      if (Object.keys(vars).length) search.set("variables", JSON.stringify(vars));
      search.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
      for (const language of ACCEPT_LANGUAGES) {
        for (const accept of Object.values(CLIENT_ACCEPTS)) {
          requests.push({
            url: `${base}/graphql?${search}`,
            headers: { accept, "accept-language": language },
            operation,
            withLang,
          });
        }
      }
    }
  }
  return requests;
}

type Stored = { vary: string[]; values: (string | null)[]; status: number; headers: Headers; body: string };

/** Workers Cache as documented: path and query, then the verbatim values of the Vary'd headers. */
export class WorkersCacheModel {
  readonly #entries = new Map<string, Stored[]>();

  static keyOf(url: string): string {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  }

  match(url: string, headers: Headers): Stored | undefined {
    return this.#entries
      .get(WorkersCacheModel.keyOf(url))
      ?.find((entry) => entry.vary.every((name, i) => headers.get(name) === entry.values[i]));
  }

  /** Stores a response as Workers Cache would; false when its Cache-Control or Vary forbids. */
  put(url: string, headers: Headers, response: { status: number; headers: Headers; body: string }): boolean {
    const control = (response.headers.get("cache-control") ?? "").toLowerCase();
    if (/(^|,)\s*(no-store|private)\b/.test(control)) return false;
    if (!/max-age=\d*[1-9]/.test(control) || response.status !== 200) return false;
    const varyHeader = response.headers.get("vary") ?? "";
    if (varyHeader.trim() === "*") return false;
    const vary = varyHeader
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
    const key = WorkersCacheModel.keyOf(url);
    const variants = this.#entries.get(key) ?? [];
    variants.push({ vary, values: vary.map((name) => headers.get(name)), ...response });
    this.#entries.set(key, variants);
    return true;
  }

  /** Every stored entry: its path and query, the verbatim values it was stored under, its response. */
  *entries(): Generator<{ key: string; values: Record<string, string | null>; stored: Stored }> {
    for (const [key, variants] of this.#entries) {
      for (const stored of variants) {
        yield {
          key,
          values: Object.fromEntries(stored.vary.map((name, i) => [name, stored.values[i] ?? null])),
          stored,
        };
      }
    }
  }
}

export type Replay = {
  requests: number;
  /** Answered by the model without running the Worker. */
  hits: number;
  /** Every identical answer (status, media type, body) shared: requests less distinct answers. */
  ideal: number;
  /** The same two, for answers without `Vary: Accept-Language` and for those with it. */
  neutral: { requests: number; hits: number; ideal: number };
  localized: { requests: number; hits: number; ideal: number };
  /** Entries of language-dependent answers, by path and query, language and media type: at most 1 each. */
  mostEntriesPerLanguageAndMediaType: number;
  /** Entries the model holds in all. */
  entries: number;
};

/**
 * Replays a corpus through the model in front of `fetcher`; `fold` is what reaches the cached
 * entrypoint of a request (the public entrypoint's folding, or the request as sent).
 */
export async function replay(
  requests: CorpusRequest[],
  fetcher: (request: Request) => Promise<Response>,
  fold: (request: Request) => Request,
  languageOf: (acceptLanguage: string) => string,
): Promise<Replay> {
  const cache = new WorkersCacheModel();
  const distinct = { all: new Set<string>(), neutral: new Set<string>(), localized: new Set<string>() };
  const counts = {
    neutral: { requests: 0, hits: 0, ideal: 0 },
    localized: { requests: 0, hits: 0, ideal: 0 },
  };
  let hits = 0;
  for (const sent of requests) {
    const request = fold(new Request(sent.url, { headers: sent.headers }));
    let found = cache.match(request.url, request.headers);
    const hit = !!found;
    if (!found) {
      const response = await fetcher(request);
      const answer = { status: response.status, headers: response.headers, body: await response.text() };
      if (answer.status !== 200) throw new Error(`${sent.operation}: ${answer.status} ${answer.body.slice(0, 300)}`);
      cache.put(request.url, request.headers, answer);
      found = { vary: [], values: [], ...answer };
    }
    if (hit) hits++;
    const localized = /accept-language/i.test(found.headers.get("vary") ?? "");
    const kind = localized ? "localized" : "neutral";
    counts[kind].requests++;
    if (hit) counts[kind].hits++;
    const identity = `${found.status}\u0000${found.headers.get("content-type")}\u0000${found.body}`;
    distinct.all.add(identity);
    distinct[kind].add(identity);
  }
  counts.neutral.ideal = counts.neutral.requests - distinct.neutral.size;
  counts.localized.ideal = counts.localized.requests - distinct.localized.size;
  const perLanguage = new Map<string, number>();
  let entries = 0;
  for (const { key, values, stored } of cache.entries()) {
    entries++;
    if (!stored.vary.includes("accept-language")) continue;
    const language = languageOf(values["accept-language"] ?? "");
    const slot = `${key}\u0000${language}\u0000${stored.headers.get("content-type")}`;
    perLanguage.set(slot, (perLanguage.get(slot) ?? 0) + 1);
  }
  return {
    requests: requests.length,
    hits,
    ideal: requests.length - distinct.all.size,
    neutral: counts.neutral,
    localized: counts.localized,
    mostEntriesPerLanguageAndMediaType: Math.max(0, ...perLanguage.values()),
    entries,
  };
}
