/**
 * A dataset, indexed: its records by kind in each kind's order, by id and by unique field,
 * the reverse of every declared link, the declared extra indexes, and the derived
 * nominations. Every index is derived from the declarations (./entities) and built once per
 * store, on first use: a store costs its hash at creation and nothing else until it is read.
 * Lists it returns are shared: callers must not mutate them.
 *
 * The methods are typed by the declarations (overloads over the kinds); inside, a record is
 * any object, read field by field.
 */
import {
  type Dataset,
  type IndexName,
  type KindName,
  kindNames,
  kinds,
  type LinkField,
  type LinkTarget,
  type RecordOf,
  type UniqueField,
} from "./entities";
import { ascii, type IndexKey } from "./kind";

/** One nominee of one edition: derived from the edition's `nominees` and `winner`. */
export interface Nomination {
  /** `<edition id>:<nominee>`, e.g. `arets-exportregion-2022:SE-BD`. */
  id: string;
  edition: RecordOf<"edition">;
  award: RecordOf<"award">;
  nomineeKind: RecordOf<"award">["nomineeKind"];
  /** The region's ISO code or the company's slug. */
  nominee: string;
  won: boolean;
}

/** The search index of a dataset, built ahead of time (scripts/search-index.ts). */
export interface PrebuiltSearchIndex {
  /** The `datasetVersion` of the data it was built from. */
  datasetVersion: string;
  /** The index's compact JSON (src/schema/search-index-compact.ts). */
  json: () => string;
}

export interface StoreOptions {
  /** The dataset's prebuilt search index; without it, the store's first search builds one. */
  searchIndex?: PrebuiltSearchIndex | null;
  /**
   * The dataset's `datasetVersion` when it was computed ahead of time, from the very data
   * (scripts/search-index.ts writes it; the build brings it up to date, and
   * test/worker/search-index.test.ts compares it with the hash): hashing the dataset is
   * otherwise work in every fresh isolate's module scope.
   */
  datasetVersion?: string;
}

/** What following a link gives: a record, a record or null, or a list of records. */
export type Followed<Value, Target> = Value extends readonly string[]
  ? readonly Target[]
  : Value extends string
    ? Target
    : null;

/** A record as the store reads it, of whatever kind: an object read field by field. */
type Fields = Readonly<Record<string, unknown>>;

/**
 * A declaration as the store reads it, for any kind. Its functions are methods, whose
 * parameters TypeScript compares both ways: each kind's functions take that kind's records,
 * and the store hands them only records of that kind.
 */
interface AnyDeclaration {
  list: keyof Dataset;
  id: string;
  unique?: readonly string[];
  links?: Readonly<Record<string, string>>;
  indexes?: Readonly<Record<string, { keyOf(record: Fields): IndexKey }["keyOf"]>>;
  order?(a: Fields, b: Fields): number;
}
const declarationOf = (kind: KindName): AnyDeclaration => kinds[kind];

const none: readonly never[] = Object.freeze([]);

/** A map from a key to a list, with an empty list for a missing key. */
class MultiMap<V> {
  readonly #map = new Map<string, V[]>();
  add(key: string, value: V): void {
    const list = this.#map.get(key);
    if (list) list.push(value);
    else this.#map.set(key, [value]);
  }
  get(key: string): readonly V[] {
    return this.#map.get(key) ?? none;
  }
}

/** The keys of an index value: each string once, nulls left out. */
function keysOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === "string"))];
}

/**
 * A small, stable hash (cyrb53) of the data, as 14 hex digits: changes whenever any record
 * changes, so it can serve as an ETag part. Not cryptographic.
 */
export function hashOf(value: unknown): string {
  const s = JSON.stringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** The id of a record of a kind (a region's `isoCode`, an edition's `id`, a person's `slug`). */
export function idOf<K extends KindName>(kind: K, record: RecordOf<K>): string;
export function idOf(kind: KindName, record: Fields): string {
  return String(record[declarationOf(kind).id]);
}

/**
 * The dataset's records that a link points at are there: the data check guarantees it. A
 * store over data that skipped the check can break that promise; this says where.
 */
export class BrokenLinkError extends Error {
  override name = "BrokenLinkError";
}

/** The indexed dataset: what `src/data` offers the schema. */
export class DataStore {
  /** A hash of the data: changes whenever any record changes (for ETags). */
  readonly datasetVersion: string;
  /** The records as given, one list per kind. */
  readonly dataset: Dataset;
  /** The prebuilt search index of this dataset, if it has one. */
  readonly prebuiltSearchIndex: PrebuiltSearchIndex | null;

  readonly #lists = new Map<KindName, readonly Fields[]>();
  readonly #maps = new Map<string, Map<string, Fields>>();
  readonly #multi = new Map<string, MultiMap<Fields>>();
  readonly #derived = new Map<string, readonly Fields[]>();
  readonly #targets = new Map<string, KindName>();
  #nominations: ReturnType<typeof nominationsOf> | undefined;
  #kinds: WeakMap<object, KindName | "nomination"> | undefined;
  #neighbours: Map<string, readonly Fields[]> | undefined;

  constructor(data: Dataset, options: StoreOptions = {}) {
    this.dataset = data;
    this.prebuiltSearchIndex = options.searchIndex ?? null;
    this.datasetVersion = options.datasetVersion ?? hashOf(kindNames.map((kind) => data[kinds[kind].list]));
  }

  /** Every record of a kind, in the kind's declared order. */
  all<K extends KindName>(kind: K): readonly RecordOf<K>[];
  all(kind: KindName): readonly Fields[] {
    return this.#records(kind);
  }

  /** A record by its id, or undefined: for ids a client gives. */
  find<K extends KindName>(kind: K, id: string): RecordOf<K> | undefined;
  find(kind: KindName, id: string): Fields | undefined {
    return this.#unique(kind, declarationOf(kind).id).get(id);
  }

  /** A record by its id, where the data check guarantees that it exists (a link's target). */
  get<K extends KindName>(kind: K, id: string): RecordOf<K>;
  get(kind: KindName, id: string): Fields {
    const record = this.#unique(kind, declarationOf(kind).id).get(id);
    if (!record) throw new BrokenLinkError(`no ${kind} "${id}" in the dataset`);
    return record;
  }

  /** A record by a field declared unique (a region by `slug`, an article by `url`), or undefined. */
  findBy<K extends KindName>(kind: K, field: UniqueField<K>, value: string): RecordOf<K> | undefined;
  findBy(kind: KindName, field: string, value: string): Fields | undefined {
    return this.#unique(kind, field).get(value);
  }

  /**
   * What a record's link points at, as the declaration says (`link("interview", i, "region")`
   * is the interview's region): a record for an id, null for null, records for a list of ids.
   */
  link<K extends KindName, F extends LinkField<K>>(
    kind: K,
    record: RecordOf<K>,
    field: F,
  ): Followed<RecordOf<K>[F & keyof RecordOf<K>], RecordOf<LinkTarget<K, F>>>;
  link(kind: KindName, record: Fields, field: string): Fields | readonly Fields[] | null {
    const target = this.#target(kind, field);
    const value = record[field];
    if (value === null) return null;
    if (Array.isArray(value)) return value.map((id) => this.get(target, String(id)));
    return this.get(target, String(value));
  }

  /** The records of a kind whose link `field` points at `id`, in the kind's order (`backlinks("interview", "region", "SE-BD")`). */
  backlinks<K extends KindName>(kind: K, field: LinkField<K>, id: string): readonly RecordOf<K>[];
  backlinks(kind: KindName, field: string, id: string): readonly Fields[] {
    return this.#backlinks(kind, field, id);
  }

  /** The records of a kind under a key of one of its declared `indexes`, in the kind's order. */
  indexed<K extends KindName>(kind: K, index: IndexName<K>, key: string): readonly RecordOf<K>[];
  indexed(kind: KindName, index: string, key: string): readonly Fields[] {
    return this.#indexed(kind, index, key);
  }

  /**
   * The records at a key of a filter's index: the record with that id or unique value, the
   * records that link to it, or those under it in a declared index (in the kind's order).
   */
  lookup<K extends KindName>(
    kind: K,
    index: "id" | UniqueField<K> | LinkField<K> | IndexName<K>,
    key: string,
  ): readonly RecordOf<K>[];
  lookup(kind: KindName, index: string, key: string): readonly Fields[] {
    const { id, unique, links, indexes } = declarationOf(kind);
    if (index === id || index === "id" || unique?.includes(index)) {
      const record = this.#unique(kind, index === "id" ? id : index).get(key);
      return record ? [record] : none;
    }
    if (links && Object.hasOwn(links, index)) return this.#backlinks(kind, index, key);
    if (indexes && Object.hasOwn(indexes, index)) return this.#indexed(kind, index, key);
    throw new Error(`${kind} has no index "${index}"`);
  }

  /** A list derived from a kind's records (a root list in another order), made once per store. */
  derived<K extends KindName>(kind: K, key: string, make: () => readonly RecordOf<K>[]): readonly RecordOf<K>[];
  derived(kind: KindName, key: string, make: () => readonly Fields[]): readonly Fields[] {
    const name = `${kind}:${key}`;
    let list = this.#derived.get(name);
    if (!list) this.#derived.set(name, (list = make()));
    return list;
  }

  /** A nomination by its id (`arets-exportregion-2022:SE-BD`), or undefined. */
  nomination(id: string): Nomination | undefined {
    return this.#nominationIndex().byId.get(id);
  }

  /** The nominations of an edition, in the edition's nominee order. */
  nominationsOfEdition(editionId: string): readonly Nomination[] {
    return this.#nominationIndex().byEdition.get(editionId);
  }

  /** A region's or a company's nominations, by award, then year. */
  nominationsOf(nomineeKind: Nomination["nomineeKind"], id: string): readonly Nomination[] {
    return this.#nominationIndex().byNominee.get(`${nomineeKind}:${id}`);
  }

  /**
   * What a record of this store is: the kind whose list holds it, or `"nomination"` for a
   * nomination; undefined for any other value. Every record is in the map from its first
   * use on, whatever was read before: an abstract type (`Node`, `SearchResult`) resolves a
   * value's type from it, never from what an earlier request left on the object.
   */
  kindOf(record: unknown): KindName | "nomination" | undefined {
    if (typeof record !== "object" || record === null) return undefined;
    if (!this.#kinds) {
      const known = new WeakMap<object, KindName | "nomination">();
      for (const kind of kindNames) for (const each of this.#records(kind)) known.set(each, kind);
      for (const nomination of this.#nominationIndex().byId.values()) known.set(nomination, "nomination");
      this.#kinds = known;
    }
    return this.#kinds.get(record);
  }

  /**
   * The regions bordering a region, by county code: a border stated on either side.
   * Empty when no source stated a border (not a claim that there is none).
   */
  neighboursOf(isoCode: string): readonly RecordOf<"region">[];
  neighboursOf(isoCode: string): readonly Fields[] {
    this.#neighbours ??= neighboursOf(this.all("region"));
    return this.#neighbours.get(isoCode) ?? none;
  }

  #records(kind: KindName): readonly Fields[] {
    let list = this.#lists.get(kind);
    if (!list) {
      const { list: name, order } = declarationOf(kind);
      const records: readonly Fields[] = this.dataset[name];
      this.#lists.set(kind, (list = order ? [...records].sort(order) : records));
    }
    return list;
  }

  #backlinks(kind: KindName, field: string, id: string): readonly Fields[] {
    this.#target(kind, field);
    return this.#multiIndex(`${kind}.${field}`, kind, (record) => record[field]).get(id);
  }

  #indexed(kind: KindName, index: string, key: string): readonly Fields[] {
    const { indexes } = declarationOf(kind);
    const keyOf = indexes && Object.hasOwn(indexes, index) ? indexes[index] : undefined;
    if (!keyOf) throw new Error(`${kind} declares no index "${index}"`);
    return this.#multiIndex(`${kind}#${index}`, kind, keyOf).get(key);
  }

  #target(kind: KindName, field: string): KindName {
    const key = `${kind}.${field}`;
    let known = this.#targets.get(key);
    if (!known) {
      const { links } = declarationOf(kind);
      const target = links && Object.hasOwn(links, field) ? links[field] : undefined;
      known = kindNames.find((name) => name === target);
      if (!known) throw new Error(`${kind}.${field} is no declared link`);
      this.#targets.set(key, known);
    }
    return known;
  }

  #unique(kind: KindName, field: string): Map<string, Fields> {
    const key = `${kind}.${field}`;
    let map = this.#maps.get(key);
    if (!map) {
      map = new Map();
      for (const record of this.#records(kind)) map.set(String(record[field]), record);
      this.#maps.set(key, map);
    }
    return map;
  }

  #multiIndex(key: string, kind: KindName, keyOf: (record: Fields) => unknown): MultiMap<Fields> {
    let index = this.#multi.get(key);
    if (!index) {
      index = new MultiMap();
      for (const record of this.#records(kind)) for (const k of keysOf(keyOf(record))) index.add(k, record);
      this.#multi.set(key, index);
    }
    return index;
  }

  #nominationIndex() {
    return (this.#nominations ??= nominationsOf(this.all("edition"), (slug) => this.get("award", slug)));
  }
}

/** Builds every index of a dataset, on first use. The dataset is assumed to pass the data check. */
export function createStore(data: Dataset, options?: StoreOptions): DataStore {
  return new DataStore(data, options);
}

function nominationsOf(
  editions: readonly RecordOf<"edition">[],
  awardOf: (slug: string) => RecordOf<"award">,
): { byId: Map<string, Nomination>; byEdition: MultiMap<Nomination>; byNominee: MultiMap<Nomination> } {
  const byId = new Map<string, Nomination>();
  const byEdition = new MultiMap<Nomination>();
  const byNominee = new MultiMap<Nomination>();
  for (const edition of editions) {
    const award = awardOf(edition.award);
    for (const nominee of edition.nominees) {
      const nomination: Nomination = {
        id: `${edition.id}:${nominee}`,
        edition,
        award,
        nomineeKind: award.nomineeKind,
        nominee,
        won: nominee === edition.winner,
      };
      byId.set(nomination.id, nomination);
      byEdition.add(edition.id, nomination);
      byNominee.add(`${award.nomineeKind}:${nominee}`, nomination);
    }
  }
  return { byId, byEdition, byNominee };
}

/** A border stated on either side is a border: the neighbour lists are made symmetric. */
function neighboursOf(regions: readonly RecordOf<"region">[]): Map<string, readonly RecordOf<"region">[]> {
  const byCode = new Map(regions.map((r) => [r.isoCode, r]));
  const codes = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = codes.get(a) ?? new Set<string>();
    set.add(b);
    codes.set(a, set);
  };
  for (const region of regions) {
    for (const other of region.neighbours ?? []) {
      add(region.isoCode, other);
      add(other, region.isoCode);
    }
  }
  const neighbours = new Map<string, readonly RecordOf<"region">[]>();
  for (const [code, set] of codes) {
    const list = [...set].flatMap((c) => byCode.get(c) ?? []);
    neighbours.set(
      code,
      list.sort((a, b) => ascii(a.countyCode, b.countyCode)),
    );
  }
  return neighbours;
}
