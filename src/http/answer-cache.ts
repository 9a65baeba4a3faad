/**
 * The answer cache: one key per answer (`answerKey`), and the isolate's tier, in the isolate's
 * memory budget. GET answers are shared between isolates and locations by Workers Cache, in
 * front of the Worker (docs/architecture.md, "Answers Workers Cache can share").
 */
import type { Config } from "../config";
import type { Lang } from "../data";
import { sha256 } from "../digest";
import type { Operation } from "../graphql/operation";
import type { MemoryBudget, Space } from "../memory";
import type { Answer } from "./answer";
import type { ApiRequest } from "./request";
import type { Kept } from "./respond";

/**
 * What decides an answer, as one string: the code, dataset and settings (`salt`), the media
 * type, the request's language only when a resolver reads it (`language`, else null: see
 * src/graphql/language-use.ts), the operation's name, its variables and the document's source,
 * all as parsed. The same for a GET and a POST of the same operation, and for a document sent
 * as text or by hash.
 */
export function answerKey(salt: string, request: ApiRequest, operation: Operation, language: Lang | null): string {
  const variables = request.params.variables;
  const vars = variables && Object.keys(variables).length > 0 ? JSON.stringify(variables) : "";
  return `${salt}\u0000${request.mediaType}\u0000${language ?? ""}\u0000${operation.operationName ?? ""}\u0000${vars}\u0000${operation.source}`;
}

/** The strong ETag of an answer: the sha256 of its key, never of its body. */
export const etagOf = async (key: string): Promise<string> => `"${await sha256(key)}"`;

/** An answer keeps its key and body twice over (UTF-16 strings) and some bookkeeping. */
const keptBytes = (key: string, answer: Answer) => 2 * (key.length + answer.body.length) + 256;

export class AnswerCache {
  readonly #space: Space<Kept>;
  readonly #config: Config;

  constructor(budget: MemoryBudget, config: Config) {
    this.#space = budget.space("answers");
    this.#config = config;
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
}
