// The recipe of docs/architecture.md ("Adding a kind of record"), followed in a copy of the
// project: a fixture kind, `venue`, is added by writing its data file, its declaration and its
// GraphQL type file, and nothing else by hand. `npm run generate` then writes the rest, the data
// check and the type check pass, and the Worker answers about the new kind: a page, `node(id:)`,
// a link to a region, and search.
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./deployable";

const copy = mkdtempSync(join(tmpdir(), "kind-recipe-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/**
 * What the recipe reads of the project, copied and then compared with the project's own; not
 * test/ or public/, which other tests write meanwhile (screenshots, the built assets).
 */
const copied = ["src", "data", "scripts", "operations", "schema", "examples"];
const topFiles = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.node.json", "codegen.ts"];
const topFilesMaybe = ["wrangler.toml", ".env", "worker-configuration.d.ts"];

/** Runs a tool in the copy; the checks that follow the generate step run side by side. */
function run(command: string, args: string[]): Promise<Step> {
  const child = spawn(command, args, {
    cwd: copy,
    env: { ...process.env, PATH: `${join(copy, "node_modules", ".bin")}:${process.env.PATH}`, FORCE_COLOR: "0" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, output: `${stdout}\n${stderr}` }));
  });
}
type Step = { status: number | null; stdout: string; output: string };

/**
 * The files of `dir` the recipe may change: under the copied folders, and the top files. Only
 * those folders are read: the rest of the project (node_modules, .wrangler) is large, and other
 * tests write to it meanwhile.
 */
const filesUnder = (dir: string): string[] => [
  ...copied.flatMap((folder) =>
    readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name))),
  ),
  ...topFiles.filter((file) => existsSync(join(dir, file))),
];

const venues = [
  {
    slug: "lulea-kulturens-hus",
    name: "Kulturens hus",
    description: {
      sv: "Ett kulturhus i Luleå (en påhittad post i ett test).",
      en: "A house of culture in Luleå (a made-up record in a test).",
      translated: "both",
    },
    region: "SE-BD",
    sources: ["https://example.org/a-test-fixture"],
  },
  {
    slug: "stockholm-rosenbad",
    name: "Rosenbad",
    description: null,
    region: "SE-AB",
    sources: ["https://example.org/a-test-fixture"],
  },
];

/** The declaration: one entry in `checks`, one in `kinds`, as the recipe says. */
const check = `
  venue: /* @__PURE__ */ checked(({ z, text, slug, sources, regionCode, localizedText }) =>
    z.strictObject({ slug, name: text, description: localizedText.nullable(), region: regionCode, sources }),
  ),
`;
const declaration = `
  venue: kind("venue", {
    file: "venues.json",
    list: "venues",
    type: "PrizeVenue",
    plural: "prize venues",
    id: "slug",
    links: { region: "region" },
    search: {
      label: { sv: "Prisplats", en: "Prize venue" },
      description: "Prize venues: names, descriptions, regions.",
      fields: {
        name: { sv: "Namn", en: "Name", heading: true },
        description: { sv: "Beskrivning", en: "Description" },
        region: { sv: "Region", en: "Region" },
      },
      texts: (v, add) => {
        add.one("name", v.name, null, "name");
        add.both("description", v.description);
        add.linked("region", "region", v.region);
      },
    },
  }),
`;
const typeFile = `import { builder } from "./builder";
import { nodeOf } from "./node";
import { refOf } from "./refs";
import { rootList } from "./root-fields";
import { sourcesField } from "./source";
import { nullableTextField } from "./text";

builder.node(refOf("venue"), {
  ...nodeOf("venue"),
  description: "A place where a prize was presented.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id." }),
    name: t.exposeString("name", { description: "Its name." }),
    description: nullableTextField(t, { description: "What it is.", resolve: (v) => v.description }),
    region: t.field({
      type: refOf("region"),
      description: "Its region.",
      resolve: (v, _, { store }) => store.get("region", v.region),
    }),
    sources: sourcesField(t),
  }),
});

rootList("venue", {
  field: "prizeVenues",
  description: "Prize venues.",
  filter: { region: { on: "text", value: (v) => v.region, index: "region", description: "The region's code." } },
});
`;

/** Asks the copy's Worker (src/worker.ts over the copy's bundled dataset), in its own Node. */
const ask = `
import { store } from "./src/data";
import { createWorker } from "./src/worker";
const worker = createWorker({ store });
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };
const post = async (query, lang = "sv") => {
  const response = await worker.fetch(new Request("http://api.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify({ query }),
  }), {}, ctx);
  return { status: response.status, body: await response.json() };
};
const page = await post('{ prizeVenues(first: 5, filter: { region: { eq: "SE-BD" } }) { totalCount edges { node { id slug name description region { name } } } } }');
const id = page.body.data?.prizeVenues.edges[0]?.node.id;
const node = await post('{ node(id: ' + JSON.stringify(id ?? "") + ') { __typename ... on PrizeVenue { slug } } }');
const search = await post('{ search(query: "Rosenbad", types: [PrizeVenue]) { edges { kindLabel node { __typename ... on PrizeVenue { slug } } } } }', "en");
console.log("answers " + JSON.stringify({ page, node, search }));
`;

const steps: Record<string, Step> = {};
let changed: string[] = [];
let generatedFiles: string[] = [];

beforeAll(async () => {
  for (const folder of copied) cpSync(join(root, folder), join(copy, folder), { recursive: true });
  for (const file of [...topFiles, ...topFilesMaybe]) {
    try {
      cpSync(join(root, file), join(copy, file));
    } catch {
      // an optional file the project does not have
    }
  }
  // The packages, each linked; node_modules/.cache (the generate step's memory) is the copy's own.
  mkdirSync(join(copy, "node_modules"));
  for (const entry of readdirSync(join(root, "node_modules"))) {
    if (entry !== ".cache") symlinkSync(join(root, "node_modules", entry), join(copy, "node_modules", entry));
  }

  // The three hand-written files.
  writeFileSync(join(copy, "data", "venues.json"), `${JSON.stringify(venues, null, 2)}\n`);
  const entitiesPath = join(copy, "src", "data", "entities.ts");
  const entities = readFileSync(entitiesPath, "utf8");
  const checksEnd = "\n};\n\n/** The name of a kind of record";
  const kindsEnd = "\n} satisfies Record<KindName, unknown>;";
  expect(entities).toContain(checksEnd);
  expect(entities).toContain(kindsEnd);
  writeFileSync(
    entitiesPath,
    entities.replace(checksEnd, `\n${check}${checksEnd}`).replace(kindsEnd, `\n${declaration}${kindsEnd}`),
  );
  writeFileSync(join(copy, "src", "schema", "prize-venue.ts"), typeFile);

  steps.generate = await run("node", ["--import", "tsx", "scripts/generate.ts"]);
  writeFileSync(join(copy, "ask.mts"), ask);
  [steps.dataCheck, steps.typecheck, steps.ask] = await Promise.all([
    run("node", ["--import", "tsx", "scripts/data-check.ts"]),
    run("tsc", ["-p", "tsconfig.json", "--noEmit"]),
    run("node", ["--import", "tsx", "ask.mts"]),
  ]);

  const before = new Set(filesUnder(root));
  changed = filesUnder(copy).filter(
    (path) => !before.has(path) || !readFileSync(join(root, path)).equals(readFileSync(join(copy, path))),
  );
  generatedFiles = steps.generate.output.split("\n").flatMap((line) => /^generate: wrote (\S+)/.exec(line)?.[1] ?? []);
}, 240_000);

describe("adding a kind of record (docs/architecture.md)", () => {
  it("takes its data file, its declaration and its type file; the generate step writes the rest", () => {
    expect(steps.generate?.status, steps.generate?.output).toBe(0);
    expect(generatedFiles).toEqual(
      expect.arrayContaining(["src/generated/data-files.ts", "src/generated/schema-types.ts"]),
    );
    const byHand = changed.filter((path) => !generatedFiles.includes(path)).sort();
    expect(byHand).toEqual(["data/venues.json", "src/data/entities.ts", "src/schema/prize-venue.ts"]);
    expect(readFileSync(join(copy, "schema", "schema.graphql"), "utf8")).toContain("type PrizeVenue implements Node");
  });

  it("is checked by the data check and the type check", () => {
    expect(steps.dataCheck?.status, steps.dataCheck?.output).toBe(0);
    expect(steps.typecheck?.status, steps.typecheck?.output).toBe(0);
  });

  it("is served: a filtered page, a link, its global id, search in the reader's language", () => {
    expect(steps.ask?.status, steps.ask?.output).toBe(0);
    const { page, node, search } = JSON.parse(
      steps
        .ask!.stdout.split("\n")
        .find((line) => line.startsWith("answers "))
        ?.slice("answers ".length) ?? "{}",
    );
    expect(page.status).toBe(200);
    expect(page.body.data.prizeVenues.totalCount).toBe(1);
    expect(page.body.data.prizeVenues.edges[0].node).toMatchObject({
      slug: "lulea-kulturens-hus",
      name: "Kulturens hus",
      description: "Ett kulturhus i Luleå (en påhittad post i ett test).",
      region: { name: "Norrbottens län" },
    });
    expect(node.body.data).toEqual({ node: { __typename: "PrizeVenue", slug: "lulea-kulturens-hus" } });
    expect(search.body.data.search.edges).toEqual([
      { kindLabel: "Prize venue", node: { __typename: "PrizeVenue", slug: "stockholm-rosenbad" } },
    ]);
  });

  it("fails to generate, naming the file, when the type file is missing", async () => {
    rmSync(join(copy, "src", "schema", "prize-venue.ts"));
    const done = await run("node", ["--import", "tsx", "scripts/generate.ts"]);
    expect(done.status).not.toBe(0);
    expect(done.output).toContain("src/schema/prize-venue.ts (the GraphQL type PrizeVenue of kind venue)");
  });
});
