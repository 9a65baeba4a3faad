// The prebuilt search index as shipped (src/generated/search-index.ts): MiniSearch's own state,
// written compact and read lazily. MiniSearch's JSON (`loadJSON`) writes every posting as a
// property keyed by its document id, which loading parses and turns into a Map, and inserts
// its terms one by one into a radix tree: at 100× data that was most of an isolate's first
// search, and the tree alone a quarter of it at 1× (bench/README.md, "Cold start"). Here the
// tree is shipped as MiniSearch built it, and the postings are one string of small numbers, a
// term's read on its first lookup: a search reads the postings of the few terms it matches.
import MiniSearch, { type Options } from "minisearch";

/**
 * Numbers as text: each a run of characters from `ZERO` on, 5 bits to a character, low bits
 * first, every character but the last with `MORE` added. Printable ASCII, so the string is
 * about as long in the bundle as in memory.
 */
const ZERO = 48;
const MORE = 32;

function encode(values: readonly number[]): string {
  let text = "";
  for (let value of values) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`the search index holds ${value}: not a count`);
    while (value >= MORE) {
      text += String.fromCharCode(ZERO + MORE + (value % MORE));
      value = Math.floor(value / MORE);
    }
    text += String.fromCharCode(ZERO + value);
  }
  return text;
}

/** Reads the numbers of `text` from `from` to `to` (character positions). */
function decode(text: string, from = 0, to = text.length): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 1;
  for (let at = from; at < to; at++) {
    const digit = text.charCodeAt(at) - ZERO;
    if (digit >= MORE) {
      value += (digit - MORE) * shift;
      shift *= MORE;
    } else {
      values.push(value + digit * shift);
      value = 0;
      shift = 1;
    }
  }
  return values;
}

/**
 * A node of MiniSearch's radix tree (its `SearchableMap`): an edge's label and the node below it
 * in turn, in the tree's order; below the label "" (where a term ends), the term's number.
 */
type Node = (string | number | Node)[];

/** MiniSearch's radix tree: each edge's label to the node below it; "" to a term's postings. */
type Tree = Map<string, Tree | Postings>;
type Postings = Map<number, Map<number, number>>;
const LEAF = "";

/**
 * What is shipped. Document ids are their positions (checked when written), so they are not
 * written. Terms are numbered in the order `tree` reaches them; `postings` holds each term's in
 * turn, `postingLengths` their lengths in characters; a term's are per field
 * `fieldId, count, (id − previous id, frequency) × count`.
 */
type Compact = {
  documentCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** Each document's field lengths, in document order. */
  fieldLength: string;
  tree: Node;
  postingLengths: string;
  postings: string;
};

/** The part of MiniSearch's state that its `loadJS` sets, as `loadCompact` sets it. */
type State = {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  /** The radix tree (a `SearchableMap`, whose constructor takes its tree). */
  _index: { _tree: Tree; constructor: new (tree: Tree) => unknown };
};

/**
 * The compact JSON of an index (scripts/search-index.ts writes it), read from MiniSearch's own
 * serialization (`toJSON`). An index whose documents are not numbered by position, or that has
 * removed or stored anything, is refused rather than written wrong.
 */
export function serializeCompact<T>(mini: MiniSearch<T>): string {
  const plain = mini.toJSON();
  const count = plain.documentCount;
  const ids = Object.entries(plain.documentIds);
  if (
    plain.nextId !== count ||
    plain.dirtCount !== 0 ||
    ids.length !== count ||
    ids.some(([short, id]) => Number(short) !== id) ||
    Object.keys(plain.storedFields).length > 0
  ) {
    throw new Error("the search index does not number its documents by position: it cannot be written compact");
  }
  const fields = plain.averageFieldLength.length;
  const fieldLength: number[] = [];
  for (let id = 0; id < count; id++) {
    const lengths = plain.fieldLength[id] ?? [];
    for (let f = 0; f < fields; f++) fieldLength.push(lengths[f] ?? 0);
  }
  const postings: string[] = [];
  const write = (node: Tree): Node =>
    [...node].flatMap<string | number | Node>(([label, below]) => {
      if (label !== LEAF) return [label, write(below as Tree)];
      postings.push(encode(postingsOf(below as Postings)));
      return [label, postings.length - 1];
    });
  const tree = write((mini as unknown as State)._index._tree);
  const compact: Compact = {
    documentCount: count,
    fieldIds: plain.fieldIds,
    averageFieldLength: plain.averageFieldLength,
    fieldLength: encode(fieldLength),
    tree,
    postingLengths: encode(postings.map((p) => p.length)),
    postings: postings.join(""),
  };
  return JSON.stringify(compact);
}

/** A term's postings as numbers: per field `fieldId, count, (id − previous id, frequency) × count`. */
function postingsOf(postings: Postings): number[] {
  return [...postings].flatMap(([fieldId, frequencies]) => {
    const docs = [...frequencies].sort(([a], [b]) => a - b);
    return [fieldId, docs.length, ...docs.flatMap(([id, n], i) => [id - (docs[i - 1]?.[0] ?? 0), n])];
  });
}

/**
 * The index `serializeCompact` wrote, with `options` (the ones it was built with, as MiniSearch's
 * `loadJSON` takes them): MiniSearch's state as its `loadJS` sets it, each term's postings read
 * on first use.
 */
export function loadCompact<T>(json: string, options: Options<T>): MiniSearch<T> {
  const compact = JSON.parse(json) as Compact;
  const mini = new MiniSearch<T>(options);
  const state = mini as unknown as State;
  const count = compact.documentCount;
  const fields = compact.averageFieldLength.length;
  const lengths = decode(compact.fieldLength);
  const documentIds = new Map<number, number>();
  const fieldLength = new Map<number, number[]>();
  for (let id = 0; id < count; id++) {
    documentIds.set(id, id);
    fieldLength.set(id, lengths.slice(id * fields, (id + 1) * fields));
  }
  state._documentCount = count;
  state._nextId = count;
  state._documentIds = documentIds;
  state._idToShortId = new Map(documentIds);
  state._fieldIds = compact.fieldIds;
  state._fieldLength = fieldLength;
  state._avgFieldLength = compact.averageFieldLength;
  state._storedFields = new Map();
  state._dirtCount = 0;
  const postingLengths = decode(compact.postingLengths);
  const starts = [0];
  for (const length of postingLengths) starts.push((starts.at(-1) ?? 0) + length);
  const read = (node: Node): Tree => {
    const tree: Tree = new Map();
    for (let at = 0; at < node.length; at += 2) {
      const label = node[at] as string;
      const below = node[at + 1] as number | Node;
      tree.set(
        label,
        typeof below === "number"
          ? new TermPostings(compact.postings, starts[below] ?? 0, starts[below + 1] ?? 0)
          : read(below),
      );
    }
    return tree;
  };
  state._index = new state._index.constructor(read(compact.tree)) as State["_index"];
  return mini;
}

/**
 * A term's postings (field id → document id → frequency), as MiniSearch keeps them, read from
 * the shipped string when first looked at: every way a Map is read decodes it first.
 */
class TermPostings extends Map<number, Map<number, number>> {
  #text: string | null;
  readonly #from: number;
  readonly #to: number;

  constructor(text: string, from: number, to: number) {
    super();
    this.#text = text;
    this.#from = from;
    this.#to = to;
  }

  #read(): void {
    const text = this.#text;
    if (text === null) return;
    this.#text = null;
    const values = decode(text, this.#from, this.#to);
    for (let at = 0; at < values.length; ) {
      const fieldId = values[at] ?? 0;
      const n = values[at + 1] ?? 0;
      const frequencies = new Map<number, number>();
      let id = 0;
      for (let i = 0; i < n; i++) {
        id += values[at + 2 + 2 * i] ?? 0;
        frequencies.set(id, values[at + 3 + 2 * i] ?? 0);
      }
      super.set(fieldId, frequencies);
      at += 2 + 2 * n;
    }
  }

  override get size(): number {
    this.#read();
    return super.size;
  }
  override get(key: number) {
    this.#read();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.#read();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>): this {
    this.#read();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.#read();
    return super.delete(key);
  }
  override clear(): void {
    this.#text = null;
    super.clear();
  }
  override forEach(
    callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    that?: unknown,
  ): void {
    this.#read();
    super.forEach(callback, that);
  }
  override entries() {
    this.#read();
    return super.entries();
  }
  override keys() {
    this.#read();
    return super.keys();
  }
  override values() {
    this.#read();
    return super.values();
  }
  override [Symbol.iterator]() {
    this.#read();
    return super[Symbol.iterator]();
  }
}
