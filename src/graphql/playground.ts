import { Kind, type OperationDefinitionNode, parse } from "graphql";
import type { GraphiQLOptions } from "graphql-yoga";
import persistedOperations from "../generated/persisted-operations.json";

/** Where the Worker's Static Assets serve GraphiQL's files (see scripts/copy-graphiql.mjs). */
const ASSETS = "/graphiql";

/**
 * The page's own stylesheet and script (public/playground/, committed): in Static Assets
 * rather than in this module, so they are cached by browsers and add nothing to the Worker.
 */
const PAGE_ASSETS = "/playground";

/** The schema reference and the query guide, rendered into Static Assets by scripts/build-docs.ts. */
export const SCHEMA_REFERENCE = "/docs/";
export const QUERY_GUIDE = "/docs/queries";

/** A value to start from for each variable name the operations use; others start empty. */
const exampleVariables: Record<string, unknown> = {
  code: "SE-BD",
  slug: "lars-ake-isaksson-een-norrbotten",
  q: "Norrbotten",
  query: "Norrbotten",
  lang: "EN",
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

/** JSON that is safe to embed in a <script> element: no `</script>` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Yoga's GraphiQL page, but loading every file from this origin (Yoga's default page pulls
 * its JS, CSS and editor workers from a public CDN), under a header that says what the API
 * is and where its schema reference and query guide are. The options go in as JSON; public/playground/playground.js
 * renders GraphiQL with them once its script has loaded.
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
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS}/graphiql.css">
<link rel="stylesheet" href="${PAGE_ASSETS}/playground.css">
</head>
<body id="body" class="no-focus-outline">
<header id="api-header">
<strong>${escapeHtml(title)}</strong><span class="about">: a public, read-only GraphQL API about Swedish export
promotion (the Government's export prizes, the 21 regions, interviews), every text in Swedish and English.
The tabs hold the operations frontends send; the Docs button browses the schema.</span>
<span class="links"><a href="${SCHEMA_REFERENCE}">Schema reference</a> · <a href="${QUERY_GUIDE}">Query guide</a> · <a href="/examples/">Example frontend</a></span>
</header>
<noscript>The playground needs JavaScript.</noscript>
<div id="root">Loading ${escapeHtml(title)}…</div>
<script type="application/json" id="playground-options">${scriptJson(page)}</script>
<script src="${PAGE_ASSETS}/playground.js"></script>
<script src="${ASSETS}/yoga-graphiql.umd.js"></script>
</body>
</html>`;
}
