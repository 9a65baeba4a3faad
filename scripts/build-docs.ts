// Builds /docs/ into public/docs/ (not committed), served by the Worker's Static Assets: the
// schema reference (index.html), made from schema/schema.graphql by graphql-markdown (every
// type, field, argument, enum value, description and deprecation, linked to each other, under
// an index of every type), and the guide's pages, README.md as readme.html and each docs/*.md as
// <name>.html, each with a table of contents. Static Assets serve `<name>.html` at /docs/<name>
// (wrangler's html_handling redirects the .html address there), so links name pages without it. Part of the [build] command (scripts/build.ts).
// Nothing is loaded from outside: one stylesheet of our own, no fonts, no scripts.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, posix } from "node:path";
import { buildSchema, introspectionFromSchema } from "graphql";
import { renderSchema } from "graphql-markdown";
import MarkdownIt from "markdown-it";
import { writeIfChanged } from "./write-if-changed.mjs";

/** Where a repository path that is not a page of /docs/ is read: the repository on GitHub. */
const REPOSITORY = "https://github.com/exportpriser/exportpriser-graphql/blob/main/";

/** The guide's pages in the order the navigation lists them; other docs/*.md follow by name. */
const ORDER = [
  "queries",
  "http-api",
  "limits-and-cost",
  "caching-and-rate-limits",
  "persisted-documents",
  "schema-evolution",
  "configuration-and-deploy",
  "data",
  "architecture",
];

type Page = { file: string; name: string; title: string; markdown: string };

export function buildDocs(root: string): { files: number; written: number } {
  const target = join(root, "public", "docs");
  const pages = guidePages(root);
  const nav = navigation(pages);
  const files = new Map<string, string>();
  files.set("docs.css", readFileSync(join(import.meta.dirname, "build-docs.css"), "utf8"));
  files.set("index.html", schemaReference(root, nav));
  for (const page of pages) files.set(`${page.name}.html`, guidePage(page, nav));

  let written = 0;
  for (const [name, contents] of files) if (writeIfChanged(join(target, name), Buffer.from(contents))) written++;
  return { files: files.size, written };
}

function guidePages(root: string): Page[] {
  const docs = readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => basename(f, ".md"))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return [{ file: "README.md", name: "readme" }, ...docs.map((name) => ({ file: `docs/${name}.md`, name }))].map(
    ({ file, name }) => {
      const markdown = readFileSync(join(root, file), "utf8");
      return { file, name, title: /^# (.+)$/m.exec(markdown)?.[1] ?? name, markdown };
    },
  );
}

const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

function navigation(pages: Page[]): string {
  const links = [
    `<a href="./">Schema reference</a>`,
    ...pages.map((p) => `<a href="${p.name}">${escapeHtml(p.name === "readme" ? "Guide" : shortTitle(p.title))}</a>`),
    `<a href="/graphql">Playground</a>`,
  ];
  return `<nav class="site" aria-label="Documentation">${links.join(" ")}</nav>`;
}

/** "Limits and cost: what an operation may ask" → "Limits and cost". */
const shortTitle = (title: string) => title.replace(/[:(—].*$/, "").trim();

/** The schema reference: graphql-markdown's page of the SDL, its index open. */
function schemaReference(root: string, nav: string): string {
  const sdl = readFileSync(join(root, "schema", "schema.graphql"), "utf8");
  const lines: string[] = [];
  renderSchema(introspectionFromSchema(buildSchema(sdl)), {
    title: "Schema reference",
    prologue:
      "Every type, field, argument and enum value of the API's schema (`schema/schema.graphql`), " +
      "with its description. Try them in the [playground](/graphql); how to query is in the [guide](readme).",
    printer: (line: string) => lines.push(line),
  });
  const markdown = lines.join("\n").replace("<details>", "<details open>");
  const html = markdownIt({ html: true }).render(markdown);
  return layout("Schema reference", nav, `<main class="reference">\n${html}</main>`);
}

function guidePage(page: Page, nav: string): string {
  const md = markdownIt({ html: false });
  rewriteLinks(md, page.file);
  const env = {};
  const tokens = md.parse(page.markdown, env);
  const toc = tableOfContents(tokens);
  const html = md.renderer.render(tokens, md.options, env);
  // The contents go right after the page's title.
  const body = html.replace(/(<\/h1>\n)/, `$1${toc}`);
  return layout(page.title, nav, `<main class="guide">\n${body}</main>`);
}

/** markdown-it with GitHub's heading ids (`## Query guide` → `#query-guide`) and phone-sized tables. */
function markdownIt(options: { html: boolean }): MarkdownIt {
  const md = new MarkdownIt({ html: options.html, linkify: false });
  md.core.ruler.push("heading_ids", (state) => {
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      token.attrSet("id", slug(state.tokens[i + 1]?.content ?? ""));
    });
  });
  // Each cell names its column (data-label), so a table can become one block per row on a phone.
  md.core.ruler.push("cell_labels", (state) => {
    let labels: string[] = [];
    let column = 0;
    state.tokens.forEach((token, i) => {
      if (token.type === "thead_open") labels = [];
      else if (token.type === "th_open") labels.push(plain(state.tokens[i + 1]?.content ?? ""));
      else if (token.type === "tr_open") column = 0;
      else if (token.type === "td_open") token.attrSet("data-label", labels[column++] ?? "");
    });
  });
  // Wide tables and code scroll inside their own box, never the page.
  md.renderer.rules.table_open = () => `<div class="table">\n<table>\n`;
  md.renderer.rules.table_close = () => `</table>\n</div>\n`;
  return md;
}

const plain = (inline: string) => inline.replace(/[`*_]/g, "");

function slug(text: string): string {
  return plain(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/** Links between the pages go to their rendered pages; other repository paths to GitHub. */
function rewriteLinks(md: MarkdownIt, file: string): void {
  const from = dirname(file);
  md.core.ruler.push("page_links", (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== "link_open") continue;
        const href = token.attrGet("href") ?? "";
        if (/^([a-z]+:|#|\/)/i.test(href)) continue;
        const [path = "", hash = ""] = href.split(/(?=#)/);
        const target = posix.normalize(posix.join(from, path));
        if (target === "README.md") token.attrSet("href", `readme${hash}`);
        else if (/^docs\/[\w-]+\.md$/.test(target)) token.attrSet("href", `${basename(target, ".md")}${hash}`);
        else token.attrSet("href", `${REPOSITORY}${target}${hash}`);
      }
    }
  });
}

/** The page's h2 and h3 headings as a nested list of links. */
function tableOfContents(tokens: ReturnType<MarkdownIt["parse"]>): string {
  const items: string[] = [];
  let open = false;
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open" || (token.tag !== "h2" && token.tag !== "h3")) return;
    const text = plain(tokens[i + 1]?.content ?? "");
    const link = `<a href="#${token.attrGet("id")}">${escapeHtml(text)}</a>`;
    if (token.tag === "h2") {
      if (open) items.push("</ul></li>");
      open = false;
      items.push(`<li>${link}`);
      // Closed by the next h2, or given h3s first.
      const next = tokens.slice(i + 1).find((t) => t.type === "heading_open" && (t.tag === "h2" || t.tag === "h3"));
      if (next?.tag === "h3") {
        items.push("<ul>");
        open = true;
      } else items.push("</li>");
    } else items.push(`<li>${link}</li>`);
  });
  if (open) items.push("</ul></li>");
  return items.length
    ? `<nav class="toc" aria-label="Contents"><strong>Contents</strong><ul>${items.join("")}</ul></nav>\n`
    : "";
}

function layout(title: string, nav: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} · Swedish export promotion API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs.css">
</head>
<body>
${nav}
${main}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
