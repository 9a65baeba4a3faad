import { Kind, type OperationDefinitionNode, parse } from "graphql";
import type { GraphiQLOptions } from "graphql-yoga";
import persistedOperations from "./persisted-operations.json";

/** Where the Worker's Static Assets serve GraphiQL's files (see scripts/copy-graphiql.mjs). */
const ASSETS = "/graphiql";

/** The README's query guide, rendered into Static Assets by scripts/build-examples.mjs. */
export const QUERY_GUIDE = "/examples/readme.html#query-guide";

/** A value to start from for each variable name the operations use; others start empty. */
const exampleVariables: Record<string, unknown> = {
  code: "SE-BD",
  slug: "arets-exportregion",
  q: "Norrbotten",
  query: "Norrbotten",
  lang: "EN",
  first: 5,
  year: 2022,
};

type Tab = NonNullable<GraphiQLOptions["defaultTabs"]>[number];

/**
 * One tab per persisted operation (operations/**\/*.graphql, the documents frontends send),
 * in the manifest's order (the contract's first), with example variables, so the playground
 * opens on working queries.
 */
export function operationTabs(documents: Readonly<Record<string, string>> = persistedOperations): Tab[] {
  return Object.values(documents).map((query) => {
    const operation = parse(query).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const variables = Object.fromEntries(
      (operation?.variableDefinitions ?? []).map((v) => [
        v.variable.name.value,
        exampleVariables[v.variable.name.value] ?? null,
      ]),
    );
    return { query, variables: JSON.stringify(variables, null, 2) };
  });
}

let defaults: GraphiQLOptions | undefined;

/** What the playground opens with when yoga.ts does not say otherwise. Built on first use. */
function playgroundDefaults(): GraphiQLOptions {
  defaults ??= { title: "Swedish export promotion API", defaultTabs: operationTabs() };
  return defaults;
}

/**
 * The page around GraphiQL. GraphiQL picks its theme from its settings (a `graphiql-light` or
 * `graphiql-dark` class on <body>) or, without one, from `prefers-color-scheme`: the header
 * follows the same two. On a phone GraphiQL's side-by-side panes leave the result a few
 * characters wide, so below 40rem the result goes under the editors, and the header keeps
 * one line.
 */
const PAGE_CSS = `
body { margin: 0; height: 100vh; height: 100dvh; display: flex; flex-direction: column;
  --header-bg: #f3f6f9; --header-fg: #1c2024; --header-line: #d8dee4; --header-link: #005293; background: #fff; }
@media (prefers-color-scheme: dark) {
  body:not(.graphiql-light) { --header-bg: hsl(219, 29%, 14%); --header-fg: hsl(219, 29%, 88%);
    --header-line: hsla(219, 29%, 78%, 0.2); --header-link: hsl(208, 100%, 72%); background: hsl(219, 29%, 18%); }
}
body.graphiql-dark { --header-bg: hsl(219, 29%, 14%); --header-fg: hsl(219, 29%, 88%);
  --header-line: hsla(219, 29%, 78%, 0.2); --header-link: hsl(208, 100%, 72%); background: hsl(219, 29%, 18%);
  color-scheme: dark; }
body.graphiql-light { color-scheme: light; }
#api-header { flex: none; padding: 0.5rem 1rem; font: 14px/1.4 system-ui, sans-serif;
  background: var(--header-bg); color: var(--header-fg); border-bottom: 1px solid var(--header-line); }
#api-header a { color: var(--header-link); font-weight: 600; }
#api-header .links { margin-left: 0.5rem; white-space: nowrap; }
#root { flex: 1; min-height: 0; }
/* GraphiQL sizes itself to the whole viewport; here it fills what the header leaves. */
#root .graphiql-container { height: 100%; width: 100%; }
/* GraphiQL shows the title (already in the header) beside the tabs, over them where it wraps. */
#root .graphiql-logo { display: none; }
@media (max-width: 40rem) {
  #api-header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 0.75rem;
    padding: 0.4rem 0.75rem; font-size: 13px; }
  #api-header .about { display: none; }
  #api-header .links { margin-left: 0; }
  #root .graphiql-sessions { margin: 0.5rem; margin-left: 0; }
  /* Editors above, result below, each half the height (also after a drag on a wider screen). */
  #root #graphiql-session { flex-direction: column; }
  #root .graphiql-horizontal-drag-bar { display: none; }
  #root .graphiql-editors, #root .graphiql-response { flex: 1 1 0 !important; min-height: 0; }
  #root .graphiql-response { padding-top: 0.5rem; }
  /* An open plugin (the docs) takes the whole width; GraphiQL hides a closed one by moving it
     off screen with an inline position: absolute. */
  #root .graphiql-plugin:not([style*="absolute"]) { flex: 1 !important; }
  #root .graphiql-plugin:not([style*="absolute"]) ~ .graphiql-sessions { display: none; }
}
`;

/** JSON that is safe to embed in an inline <script>. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Yoga's GraphiQL page, but loading every file from this origin (Yoga's default page pulls
 * its JS, CSS and editor workers from a public CDN), under a header that says what the API
 * is and where its query guide is.
 */
export function renderPlayground(options?: GraphiQLOptions): string {
  const merged = { ...playgroundDefaults(), ...options };
  // Yoga's GraphiQL fills the first tab with its welcome comment and no variables unless
  // given a `query` and `variables` of its own.
  const first = merged.defaultTabs?.[0];
  const page = { query: first?.query, variables: first?.variables, ...merged };
  const title = page.title ?? "GraphiQL";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS}/graphiql.css">
<meta name="color-scheme" content="light dark">
<style>
${PAGE_CSS}
</style>
</head>
<body id="body" class="no-focus-outline">
<header id="api-header">
<strong>${escapeHtml(title)}</strong><span class="about">: a public, read-only GraphQL API about Swedish export
promotion (the Government's export prizes, the 21 regions, interviews), every text in Swedish and English.
The tabs hold the operations frontends send; the Docs button browses the schema.</span>
<span class="links"><a href="${QUERY_GUIDE}">Query guide</a> · <a href="/examples/">Example frontend</a></span>
</header>
<noscript>The playground needs JavaScript.</noscript>
<div id="root">Loading ${escapeHtml(title)}…</div>
<script>
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_id, label) {
    var files = { json: "json.worker.bundle.js", graphql: "graphql.worker..bundle.js" };
    return "${ASSETS}/monacoeditorwork/" + (files[label] || "editor.worker.bundle.js");
  }
};
</script>
<script src="${ASSETS}/yoga-graphiql.umd.js"></script>
<script>
var options = ${scriptJson(page)};
// A shared link (?query=…) opens that document alone instead of the default tabs.
if (new URL(location.href).searchParams.has("query")) {
  delete options.query;
  delete options.variables;
  delete options.defaultTabs;
}
YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), options);
</script>
</body>
</html>`;
}
