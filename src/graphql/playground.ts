import type { GraphiQLOptions } from "graphql-yoga";

/** Where the Worker's Static Assets serve GraphiQL's files (see scripts/copy-graphiql.mjs). */
const ASSETS = "/graphiql";

/** JSON that is safe to embed in an inline <script>. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Yoga's GraphiQL page, but loading every file from this origin: Yoga's default page
 * pulls its JS, CSS and editor workers from a public CDN.
 */
export function renderPlayground(options?: GraphiQLOptions): string {
  const title = options?.title ?? "GraphiQL";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS}/graphiql.css">
</head>
<body id="body" class="no-focus-outline">
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
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), ${scriptJson(options ?? {})});</script>
</body>
</html>`;
}
