// Every repository path the docs name exists: README.md, docs/**/*.md and bench/README.md.
//
// A path is
// - a relative link target (`[text](docs/architecture.md)`, `[x]: ../src/worker.ts`), read
//   relative to the Markdown file, as GitHub reads it; or
// - a word of a code span or a fenced block (`src/http/request.ts`, `npx tsx bench/profile.ts`)
//   that starts with one of the repository's top-level folders and a slash, or is the name of
//   one of its top-level files (`wrangler.toml`), read relative to the repository's root.
// A path with a wildcard (`data/*.json`) must match a file. Not paths: URL paths (`/graphql`,
// `/graphiql/graphiql.css`), placeholders (`src/schema/<type>.ts`, `…`), other top-level names
// (`node_modules/`, `dist/`), and what git ignores (public/graphiql/ and public/examples/, which
// the build step makes; test/artifacts/): those exist only after a command, which the docs name.
import { spawnSync } from "node:child_process";
import { existsSync, globSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./deployable";

/** The repository's files as git lists them (tracked, and new ones not ignored). */
const files = git(["ls-files", "--cached", "--others", "--exclude-standard"]);
const topFolders = new Set(files.filter((f) => f.includes("/")).map((f) => f.slice(0, f.indexOf("/"))));
const topFiles = new Set(files.filter((f) => !f.includes("/")));

const docs = files.filter((f) => f === "README.md" || f === "bench/README.md" || /^docs\/.*\.md$/.test(f));

function git(args: string[], input?: string): string[] {
  const run = spawnSync("git", args, { cwd: root, encoding: "utf8", input });
  return run.stdout.split("\n").filter(Boolean);
}

type Named = { path: string; line: number };

/**
 * Paths of a client's project, not this one, that the docs show: the README's codegen example
 * (examples/typed-client/ is the same project, copyable).
 */
const CLIENT_PROJECT = new Set(["src/gql/", "src/region.graphql"]);

/** Shell commands and plain text are read in a fenced block; code in a language is an example. */
const READ_FENCES = /^(|sh|bash|shell|console|text|txt)$/;

/** The paths a Markdown file names, each relative to the repository's root. */
function pathsIn(file: string, text: string): Named[] {
  const named: Named[] = [];
  const word = (content: string, line: number) => {
    for (const w of content.split(/[\s"'()[\],;=|]+/)) {
      const path = w.replace(/^\.\//, "").replace(/(:\d+)+$|[.:]+$/, "");
      const top = path.split("/")[0]!;
      if ((path.includes("/") && topFolders.has(top)) || topFiles.has(path)) named.push({ path, line });
    }
  };
  // Fenced blocks are read line by line; the prose keeps its line numbers, fences blanked.
  const prose: string[] = [];
  let fence: { marker: string; read: boolean } | null = null;
  text.split("\n").forEach((content, index) => {
    const open = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(content);
    if (fence) {
      if (open && open[1]!.startsWith(fence.marker) && !open[2]) fence = null;
      else if (fence.read) word(content, index + 1);
      prose.push("");
    } else if (open) {
      fence = { marker: open[1]!, read: READ_FENCES.test(open[2]!.toLowerCase()) };
      prose.push("");
    } else prose.push(content);
  });
  const joined = prose.join("\n");
  const lineAt = (offset: number) => joined.slice(0, offset).split("\n").length;
  // A code span may run over lines, never over a paragraph's end.
  for (const m of joined.matchAll(/(?<!`)`(?!`)((?:[^`\n]|\n(?![ \t]*\n))+)`/g)) word(m[1]!, lineAt(m.index));
  const links = [
    ...joined.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
    ...joined.matchAll(/^\s*\[[^\]]+\]:\s*<?([^\s>]+)>?/gm),
  ];
  for (const m of links) {
    const target = m[1]!;
    if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(target)) continue;
    const path = relative(root, join(root, dirname(file), decodeURI(target.replace(/[#?].*$/, ""))));
    named.push({ path, line: lineAt(m.index) });
  }
  return named
    .filter(({ path }) => path && !CLIENT_PROJECT.has(path) && !/[<>…{}$]|\.\.\./.test(path))
    .sort((a, b) => a.line - b.line);
}

/** Whether a named path is in the repository: a file or folder, or a wildcard matching a file. */
function exists(path: string): boolean {
  if (path.includes("*")) return globSync(path, { cwd: root }).length > 0;
  return existsSync(join(root, path));
}

describe("the paths the docs name", () => {
  it("finds the docs, and paths in them", () => {
    expect(docs).toEqual(expect.arrayContaining(["README.md", "bench/README.md", "docs/architecture.md"]));
    const named = docs.flatMap((doc) => pathsIn(doc, readFileSync(join(root, doc), "utf8")));
    expect(named.length).toBeGreaterThan(100);
  });

  it("reads links, code spans and fenced blocks, and leaves URL paths and placeholders alone", () => {
    const text = [
      "See [the architecture](architecture.md#the-request-path) and [the bench](../bench/README.md).",
      '`src/http/request.ts`, `npx tsx bench/profile.ts "Row" 5`, `wrangler.toml`, `src/schema/<type>.ts`.',
      "`/graphql`, `node_modules/.cache/generate.json`, [site](https://example.com/src/x.ts), `src/gone.ts:12`.",
      "```",
      "  src/worker.ts      Hono",
      "```",
      "```ts",
      'documents: ["src/**/*.graphql"]',
      "```",
      "a span over lines: `npm run",
      "bench -- --scale 100`, then `bench/run.ts`.",
    ].join("\n");
    expect(pathsIn("docs/example.md", text)).toEqual([
      { path: "docs/architecture.md", line: 1 },
      { path: "bench/README.md", line: 1 },
      { path: "src/http/request.ts", line: 2 },
      { path: "bench/profile.ts", line: 2 },
      { path: "wrangler.toml", line: 2 },
      { path: "src/gone.ts", line: 3 },
      { path: "src/worker.ts", line: 5 },
      { path: "bench/run.ts", line: 11 },
    ]);
  });

  it.each(docs)("%s names only paths that exist", (doc) => {
    const named = pathsIn(doc, readFileSync(join(root, doc), "utf8"));
    const ignored = new Set(git(["check-ignore", "--no-index", "--stdin"], named.map((n) => n.path).join("\n")));
    const missing = named.filter(({ path }) => !ignored.has(path) && !exists(path));
    expect(missing.map(({ path, line }) => `${doc}:${line}: ${path}`)).toEqual([]);
  });
});
