/**
 * `lru-cache`'s API as graphql-yoga uses it (`new LRUCache({ max, ttl })`, get, set, has,
 * delete, clear), on tiny-lru. wrangler.toml aliases `lru-cache` to this module: the same
 * behaviour for Yoga's parse and validation caches at a third of the bundle bytes.
 */
import { LRU } from "tiny-lru";

export class LRUCache<K extends string, V> {
  readonly #lru: LRU<V>;

  constructor({ max = 1000, ttl = 0 }: { max?: number; ttl?: number } = {}) {
    this.#lru = new LRU<V>(max, ttl);
  }

  get(key: K): V | undefined {
    return this.#lru.get(key);
  }

  set(key: K, value: V): this {
    this.#lru.set(key, value);
    return this;
  }

  has(key: K): boolean {
    return this.#lru.has(key);
  }

  delete(key: K): boolean {
    const had = this.#lru.has(key);
    this.#lru.delete(key);
    return had;
  }

  clear(): void {
    this.#lru.clear();
  }
}
