/**
 * The answer cache: one key per answer (`answerKey`), two tiers behind one interface. The
 * isolate's tier is in the isolate's memory budget; the edge tier is the Workers Cache API
 * (`caches.default`), for GET answers, shared by the isolates of a location. An answer found at
 * the edge is kept in the isolate too, so a new isolate warms from the edge.
 */
import type { Config } from "../config";
import { sha256 } from "../digest";
import type { Operation } from "../graphql/operation";
import type { MemoryBudget, Space } from "../memory";
import type { Answer } from "./answer";
import type { MediaType } from "./negotiate";
import type { ApiRequest } from "./request";
import type { Kept } from "./respond";

/** Opens the edge tier's cache; null where the runtime has none. */
export type EdgeCacheOpener = () => Promise<Cache | null>;

/**
 * What decides an answer, as one string: the dataset and settings (`salt`), the media type, the
 * language, the operation's name, its variables and the document's source, all as parsed. The
 * same for a GET and a POST of the same operation, and for a document sent as text or by hash.
 */
export function answerKey(salt: string, request: ApiRequest, operation: Operation): string {
  const variables = request.params.variables;
  const vars = variables && Object.keys(variables).length > 0 ? JSON.stringify(variables) : "";
  return `${salt}\u0000${request.mediaType}\u0000${request.language}\u0000${operation.operationName ?? ""}\u0000${vars}\u0000${operation.source}`;
}

/** The strong ETag of an answer: the sha256 of its key, never of its body. */
export const etagOf = async (key: string): Promise<string> => `"${await sha256(key)}"`;

/** An answer keeps its key and body twice over (UTF-16 strings) and some bookkeeping. */
const keptBytes = (key: string, answer: Answer) => 2 * (key.length + answer.body.length) + 256;

export class AnswerCache {
  readonly #space: Space<Kept>;
  readonly #config: Config;
  readonly #openEdge: EdgeCacheOpener | null;
  readonly #edgeControl: string;

  constructor(budget: MemoryBudget, config: Config, openEdge: EdgeCacheOpener | null) {
    this.#space = budget.space("answers");
    this.#config = config;
    this.#openEdge = openEdge;
    this.#edgeControl = `public, max-age=${config.cacheMaxAge}`;
  }

  /** Whether answers are kept at all (RESPONSE_CACHE on, a max age above 0). */
  get enabled(): boolean {
    return this.#config.responseCache && this.#config.cacheMaxAge > 0;
  }

  /** A fresh answer kept in the isolate. */
  local(key: string): Kept | undefined {
    const kept = this.#space.get(key);
    if (!kept) return undefined;
    if (kept.expires > Date.now()) return kept;
    this.#space.delete(key);
    return undefined;
  }

  /** Keeps an answer (a 200 without errors) in the isolate. */
  keep(key: string, answer: Answer, etag: string | null): Kept {
    const kept: Kept = { ...answer, etag, expires: Date.now() + this.#config.cacheMaxAge * 1000, built: {} };
    if (this.enabled && answer.status === 200 && !answer.errors) this.#space.set(key, kept, keptBytes(key, answer));
    return kept;
  }

  #edgeKey(base: string, etag: string): Request {
    return new Request(new URL(`/graphql/__cache/${etag.slice(1, -1)}`, base));
  }

  /** A GET answer from the edge tier, kept in the isolate from now on. */
  async fromEdge(key: string, etag: string, base: string, mediaType: MediaType): Promise<Kept | undefined> {
    const cache = await this.#open();
    if (!cache) return undefined;
    const found = await cache.match(this.#edgeKey(base, etag)).catch(() => undefined);
    if (!found) return undefined;
    const answer: Answer = {
      status: 200,
      body: await found.text(),
      mediaType,
      errors: false,
      operationName: found.headers.get("x-operation-name"),
      hash: found.headers.get("x-document-hash"),
      headers: {},
    };
    return this.keep(key, answer, etag);
  }

  /** Stores a GET answer in the edge tier (in the background: `waitUntil`). */
  async toEdge(kept: Kept, base: string): Promise<void> {
    if (!kept.etag) return;
    const cache = await this.#open();
    if (!cache) return;
    const headers: Record<string, string> = {
      "content-type": `${kept.mediaType}; charset=utf-8`,
      "cache-control": this.#edgeControl,
    };
    if (kept.operationName) headers["x-operation-name"] = kept.operationName;
    if (kept.hash) headers["x-document-hash"] = kept.hash;
    await cache.put(this.#edgeKey(base, kept.etag), new Response(kept.body, { headers })).catch(() => undefined);
  }

  async #open(): Promise<Cache | null> {
    if (!this.#openEdge) return null;
    try {
      return await this.#openEdge();
    } catch {
      return null;
    }
  }
}
