// The adversarial search of the bench: operations built to be expensive that the production
// limits admit, found by trying them against the Worker. Each candidate is a template scaled
// by its aliases and by the sizes in its variables (page sizes, the ids of `nodes`); the search
// finds the largest scale the Worker admits, times it, and keeps the costliest.
//
// The templates: random selections over the schema (every list and connection, nested to the
// depth limit, sizes in variables, the selection in one fragment spread under every alias),
// and hand-made shapes that earlier issues found expensive (the chain of `neighbours`, `nodes`
// with the most ids, searches with fresh words with and without snippets, `contains` filters,
// article bodies, fields repeated for validation).
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from "graphql";

/** One request of a candidate: the query, its variables; `call` varies what must be fresh. */
export type Attempt = { query: string; variables: Record<string, unknown> };

/** A template of expensive operations: its name and its operation at a scale. */
export type Candidate = {
  name: string;
  /** The operation with `aliases` aliases and `n` as every size, for the `call`-th request. */
  make: (aliases: number, n: number, call: number) => Attempt;
  /** The largest `n` worth trying (100: a page; the most ids `nodes` takes). */
  maxN: number;
};

type Random = () => number;

/** Words of the dataset, as prefixes of three letters or more: each a fresh search that matches many records. */
const commonWords = [
  "exportregion",
  "regionförbund",
  "norrbotten",
  "sverige",
  "sweden",
  "stockholm",
  "internationell",
  "företagen",
  "utvecklingen",
  "kommunerna",
  "export",
  "region",
];
const prefixes = commonWords.flatMap((word) => Array.from({ length: word.length - 2 }, (_, n) => word.slice(0, n + 3)));
/** A word no earlier call of this candidate searched for (the recent searches keep the last ones). */
const freshWord = (call: number, alias: number) => prefixes[(call * 17 + alias * 5) % prefixes.length]!;

const aliased = (aliases: number, field: (alias: number) => string) =>
  Array.from({ length: aliases }, (_, i) => `a${i}: ${field(i)}`).join(" ");

/** A random selection of `type`'s fields, `depth` levels left; sizes are `$n`, texts in English or Swedish. */
function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, random: Random): string {
  if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type).filter(() => random() < 0.5);
    const fragments = possible.map((t) => `... on ${t.name} { ${selectionOf(schema, t, depth, random)} }`);
    return `__typename ${fragments.join(" ")}`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return "__typename";
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const picked: string[] = [];
  for (const field of fields) {
    const named = getNamedType(field.type);
    const leaf = isLeafType(named);
    if (random() > (leaf ? 0.6 : depth > 1 ? 0.35 : 0)) continue;
    const argNames = field.args.map((a) => a.name);
    const lang = argNames.includes("lang") ? `(lang: ${random() < 0.5 ? "EN" : "SV"})` : "";
    if (leaf) {
      picked.push(`${field.name}${lang}`);
      continue;
    }
    if (named.name.endsWith("Connection")) {
      const node = connectionNode(schema, named);
      if (!node || depth < 3) continue;
      picked.push(
        `${field.name}(first: $n) { totalCount edges { cursor node { ${selectionOf(schema, node, depth - 3, random)} } } }`,
      );
      continue;
    }
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    picked.push(`${field.name}${lang} { ${selectionOf(schema, named, depth - 1, random)} }`);
  }
  return picked.length ? picked.join(" ") : "__typename";
}

/** The node type of a connection type. */
function connectionNode(schema: GraphQLSchema, connection: GraphQLNamedType): GraphQLNamedType | undefined {
  if (!isObjectType(connection)) return undefined;
  const edges = connection.getFields()["edges"];
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields()["node"] : undefined;
  return node ? getNamedType(node.type) : (schema.getType("Region") ?? undefined);
}

/** The root lists of the schema that take a page and no required argument. */
function rootLists(schema: GraphQLSchema): { field: string; node: GraphQLNamedType; filters: string[] }[] {
  const query = schema.getQueryType();
  if (!query) return [];
  return Object.values(query.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    const node = named.name.endsWith("Connection") ? connectionNode(schema, named) : undefined;
    if (!node || field.args.some((a) => isNonNullType(a.type))) return [];
    const filter = field.args.find((a) => a.name === "filter");
    const filterType = filter && getNamedType(filter.type);
    const filters = filterType && "getFields" in filterType ? Object.keys(filterType.getFields()) : [];
    return [{ field: field.name, node, filters }];
  });
}

/**
 * `count` random templates over the schema, seeded: a root (a page of a root list, perhaps
 * filtered with `contains`; `nodes` with `$ids`; a search with fresh words), and a random
 * selection of its items in a fragment spread under every alias.
 */
export function randomCandidates(
  schema: GraphQLSchema,
  random: Random,
  count: number,
  ids: readonly string[],
): Candidate[] {
  const lists = rootLists(schema);
  const node = schema.getType("Node");
  const result = schema.getType("SearchResult");
  const candidates: Candidate[] = [];
  for (let c = 0; c < count; c++) {
    const kind = random();
    const depth = 4 + Math.floor(random() * 6);
    if (kind < 0.2 && node) {
      const selection = selectionOf(schema, node, depth - 1, random);
      candidates.push({
        name: `random ${c}: nodes(ids:)`,
        maxN: ids.length,
        make: (aliases, n) => ({
          query: `query R($ids: [ID!]!) { ${aliased(aliases, () => "nodes(ids: $ids) { ...S }")} } fragment S on Node { ${selection} }`,
          variables: { ids: ids.slice(0, n) },
        }),
      });
    } else if (kind < 0.4 && result) {
      const selection = selectionOf(schema, result, depth - 3, random);
      const edge = ["score", "snippet", "matchedField", "language"].filter(() => random() < 0.6).join(" ");
      candidates.push({
        name: `random ${c}: search`,
        maxN: 100,
        make: (aliases, n, call) => ({
          query: `query R($n: Int${Array.from({ length: aliases }, (_, i) => `, $q${i}: String!`).join("")}) { ${aliased(aliases, (i) => `search(query: $q${i}, first: $n) { totalCount edges { cursor ${edge} node { ...S } } }`)} } fragment S on SearchResult { ${selection} }`,
          variables: {
            n,
            ...Object.fromEntries(Array.from({ length: aliases }, (_, i) => [`q${i}`, freshWord(call, i)])),
          },
        }),
      });
    } else {
      const list = lists[Math.floor(random() * lists.length)];
      if (!list) continue;
      const selection = selectionOf(schema, list.node, depth - 3, random);
      const contains =
        list.filters.length && random() < 0.4 ? list.filters[Math.floor(random() * list.filters.length)] : null;
      const filter = contains ? `, filter: { ${contains}: { contains: $c } }` : "";
      candidates.push({
        name: `random ${c}: ${list.field}${contains ? ` contains ${contains}` : ""}`,
        maxN: 100,
        make: (aliases, n, call) => ({
          query: `query R($n: Int${contains ? ", $c: String" : ""}) { ${aliased(aliases, () => `${list.field}(first: $n${filter}) { totalCount edges { node { ...S } } }`)} } fragment S on ${list.node.name} { ${selection} }`,
          variables: { n, ...(contains ? { c: ["e", "a", "s", "export", "ö"][call % 5] } : {}) },
        }),
      });
    }
  }
  return candidates;
}

/** The shapes earlier issues found expensive, each at the scale the limits admit. */
export function knownCandidates(
  ids: readonly string[],
  limits: { maxBodyBytes: number; maxTokens: number },
): Candidate[] {
  const largest = largestDocument(limits.maxBodyBytes, limits.maxTokens);
  const chain = (levels: number) =>
    Array.from({ length: levels }).reduce<string>((inner) => `neighbours { slug ${inner} }`, "slug");
  const searchVariables = (aliases: number, call: number) =>
    Object.fromEntries(Array.from({ length: aliases }, (_, i) => [`q${i}`, freshWord(call, i)]));
  const searchParams = (aliases: number) => Array.from({ length: aliases }, (_, i) => `, $q${i}: String!`).join("");
  return [
    ...[3, 5, 7].map(
      (levels): Candidate => ({
        name: `regions(first: $n) with ${levels} levels of neighbours`,
        maxN: 100,
        make: (aliases, n) => ({
          query: `query R($n: Int) { ${aliased(aliases, () => `regions(first: $n) { edges { node { ...S } } }`)} } fragment S on Region { ${chain(levels)} }`,
          variables: { n },
        }),
      }),
    ),
    {
      name: "nodes(ids:) with the most ids, each with its neighbours' neighbours",
      maxN: ids.length,
      make: (aliases, n) => ({
        query: `query R($ids: [ID!]!) { ${aliased(aliases, () => "nodes(ids: $ids) { id ...S }")} } fragment S on Region { name ${chain(4)} nominations { edition { year nominees { slug } } } }`,
        variables: { ids: ids.slice(0, n) },
      }),
    },
    {
      name: "searches of $n with snippets, fresh words",
      maxN: 100,
      make: (aliases, n, call) => ({
        query: `query R($n: Int${searchParams(aliases)}) { ${aliased(aliases, (i) => `search(query: $q${i}, first: $n) { totalCount edges { snippet matchedField language node { __typename } } }`)} }`,
        variables: { n, ...searchVariables(aliases, call) },
      }),
    },
    {
      name: "searches of $n without snippets, fresh words",
      maxN: 100,
      make: (aliases, n, call) => ({
        query: `query R($n: Int${searchParams(aliases)}) { ${aliased(aliases, (i) => `search(query: $q${i}, first: $n) { totalCount edges { score node { __typename } } }`)} }`,
        variables: { n, ...searchVariables(aliases, call) },
      }),
    },
    {
      name: "interviews(first: $n) filtered by text contains, every question and answer",
      maxN: 100,
      make: (aliases, n, call) => ({
        query: `query R($n: Int, $c: String) { ${aliased(aliases, () => "interviews(first: $n, filter: { text: { contains: $c } }) { totalCount edges { node { ...S } } }")} } fragment S on Interview { title questions { questionText { sv en } answerText { sv en } } }`,
        variables: { n, c: ["e", "a", "s", "export", "ö"][call % 5] },
      }),
    },
    {
      name: "articles(first: $n) with both bodies",
      maxN: 100,
      make: (aliases, n) => ({
        query: `query R($n: Int) { ${aliased(aliases, () => "articles(first: $n) { edges { node { ...S } } }")} } fragment S on Article { title bodyText { sv en } body interviews { questions { answer } } }`,
        variables: { n },
      }),
    },
    {
      name: "the largest document the limits admit (the memory row's)",
      maxN: 1,
      make: (_aliases, _n, call) => ({ query: largest.replace("%i", String(call)), variables: {} }),
    },
    {
      name: "a field repeated $n×20 times, for validation",
      maxN: 100,
      make: (_aliases, n) => ({ query: `{ ${"regions { totalCount } ".repeat(n * 20)}}`, variables: {} }),
    },
  ];
}

/** What a request gave: whether it ran (data, no error), its answer's size, and why not. */
export type Outcome = { ran: boolean; bytes: number; refusal: string | null };

/**
 * The largest scale of `candidate` that the Worker runs (`ran`): for each number of aliases
 * tried, the largest `n`, by bisection. A request refused costs little; one that runs is timed later.
 */
export async function largestAdmitted(
  candidate: Candidate,
  ran: (attempt: Attempt) => Promise<Outcome>,
  aliasCounts: readonly number[],
): Promise<{ aliases: number; n: number }[]> {
  const found: { aliases: number; n: number }[] = [];
  for (const aliases of aliasCounts) {
    if (!(await ran(candidate.make(aliases, 1, 0))).ran) continue;
    let low = 1;
    let high = candidate.maxN;
    if ((await ran(candidate.make(aliases, high, 0))).ran) low = high;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if ((await ran(candidate.make(aliases, mid, 0))).ran) low = mid;
      else high = mid;
    }
    found.push({ aliases, n: low });
  }
  return found;
}

/** Whether an answer's body is an executed answer without errors. */
export function outcomeOf(status: number, text: string): Outcome {
  if (status === 200 && !text.includes('"errors"')) return { ran: true, bytes: text.length, refusal: null };
  const message = /"message":"([^"]*)"/.exec(text)?.[1] ?? `status ${status}`;
  return { ran: false, bytes: text.length, refusal: message };
}

/** A region's fields, each a whole selection, for the largest documents. */
const regionFields = [
  "isoCode",
  "slug",
  "countyCode",
  "nuts3",
  "seat",
  "landAreaKm2",
  "landAreaSource",
  "neighbourCountries",
  "name(lang: EN)",
  "nameText { sv en translated isParaphrase text(lang: SV) isTranslation(lang: EN) }",
  "population { value date year }",
  "sources { url host }",
  "exportCooperations { slug name(lang: SV) ledBy { slug name shortName englishName founded website } }",
  "wonEditions { slug year ceremonyDate motivation(lang: EN) award { slug name(lang: SV) nomineeKind } }",
  "interviews(first: 1) { totalCount pageInfo { hasNextPage endCursor } }",
];

/** GraphQL's tokens in a selection: names, values and punctuators. */
const tokenCount = (selection: string) => (selection.match(/[A-Za-z_][A-Za-z0-9_]*|"[^"]*"|[{}():]/g) ?? []).length;

/**
 * One of the largest documents the production limits admit, as a template (`%i` makes each one
 * distinct): 15 aliases, each a place of its own with as many of a region's fields as
 * `maxTokens` admits (nothing for validation to compare), padded with a comment to the largest body.
 */
export function largestDocument(maxBodyBytes: number, maxTokens: number): string {
  const fields: string[] = [];
  // `{` `}`, and per alias `aN : region ( code : "SE-BD" ) {` `}`: 2 + 15 × 10 tokens.
  let tokens = 2 + 15 * 10;
  for (const field of regionFields) {
    if (tokens + 15 * tokenCount(field) > maxTokens) continue;
    fields.push(field);
    tokens += 15 * tokenCount(field);
  }
  const query = `{ ${aliased(15, () => `region(code: "SE-BD") { ${fields.join(" ")} }`)} }`;
  // The body is JSON: {"query":"# %i <padding>\n..."}, with room for the number.
  const room = maxBodyBytes - JSON.stringify({ query: `# 0000 \n${query}` }).length - 8;
  return `# %i ${"x".repeat(Math.max(0, room))}\n${query}`;
}
