/**
 * One memory budget for everything an isolate keeps between requests (admitted documents,
 * answers, and whatever else registers a space). Every kept value is accounted by an estimate
 * of its bytes; when the total would pass the budget, the least recently used values go first,
 * whichever space they are in. A client varying its requests can therefore only displace what
 * is kept, never grow the isolate's memory past the budget (Workers allow 128 MB an isolate).
 */

/** A kept value's place in the budget's recency order. */
type Entry = {
  bytes: number;
  prev: Entry | null;
  next: Entry | null;
  /** Removes the value from its space (and so from the budget). */
  evict: () => void;
};

export class MemoryBudget {
  #head: Entry | null = null;
  #tail: Entry | null = null;
  #bytes = 0;

  /**
   * @param maxBytes the budget of all spaces together.
   * @param maxValueBytes the largest single value kept: a larger one is not kept at all.
   */
  constructor(
    readonly maxBytes: number,
    readonly maxValueBytes: number,
  ) {}

  /** The accounted bytes of everything kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** A keyed space within the budget (documents, answers, ...). */
  space<V>(name: string): Space<V> {
    return new Space<V>(name, this);
  }

  #link(entry: Entry): void {
    entry.prev = this.#tail;
    entry.next = null;
    if (this.#tail) this.#tail.next = entry;
    else this.#head = entry;
    this.#tail = entry;
  }

  #unlink(entry: Entry): void {
    if (entry.prev) entry.prev.next = entry.next;
    else this.#head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    else this.#tail = entry.prev;
    entry.prev = entry.next = null;
  }

  /** Marks an entry as the most recently used. */
  touch(entry: Entry): void {
    if (this.#tail === entry) return;
    this.#unlink(entry);
    this.#link(entry);
  }

  /** Accounts a new entry, evicting the least recently used ones while over the budget. */
  add(entry: Entry): void {
    this.#link(entry);
    this.#bytes += entry.bytes;
    while (this.#bytes > this.maxBytes && this.#head) this.#head.evict();
  }

  remove(entry: Entry): void {
    this.#unlink(entry);
    this.#bytes -= entry.bytes;
  }
}

/** Values by key, kept within a MemoryBudget shared with other spaces. */
export class Space<V> {
  readonly #kept = new Map<string, { value: V; entry: Entry }>();

  constructor(
    readonly name: string,
    readonly budget: MemoryBudget,
  ) {}

  get size(): number {
    return this.#kept.size;
  }

  get(key: string): V | undefined {
    const kept = this.#kept.get(key);
    if (!kept) return undefined;
    this.budget.touch(kept.entry);
    return kept.value;
  }

  /** Keeps `value`, accounted as `bytes`; false when it is too large to keep. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.budget.maxValueBytes || bytes > this.budget.maxBytes) return false;
    const entry: Entry = { bytes, prev: null, next: null, evict: () => this.delete(key) };
    this.#kept.set(key, { value, entry });
    this.budget.add(entry);
    return true;
  }

  delete(key: string): void {
    const kept = this.#kept.get(key);
    if (!kept) return;
    this.#kept.delete(key);
    this.budget.remove(kept.entry);
  }
}
