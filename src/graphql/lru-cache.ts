/**
 * `lru-cache`'s API as graphql-yoga uses it (`new LRUCache({ max, ttl })`, get, set, has,
 * delete, clear), on a Map. wrangler.toml aliases `lru-cache` to this module: Yoga's parse and
 * validation caches are off here (src/graphql/yoga.ts: what the isolate keeps is in one memory
 * budget), so this only has to be correct, not fast, and costs the bundle a few hundred bytes.
 */
export class LRUCache<K, V> {
  readonly #entries = new Map<K, { value: V; expires: number }>();
  readonly #max: number;
  readonly #ttl: number;

  constructor({ max = 1000, ttl = 0 }: { max?: number; ttl?: number } = {}) {
    this.#max = max;
    this.#ttl = ttl;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expires && entry.expires <= Date.now()) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.#ttl ? Date.now() + this.#ttl : 0 });
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as K);
    return this;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
