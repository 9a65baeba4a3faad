// Starts the playground (src/graphql/playground.ts writes its HTML): Monaco's editor workers
// from this origin, then GraphiQL with the options the page carries as JSON, once GraphiQL's
// own script (loaded after this one) is there.
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_id, label) => {
    const files = { json: "json.worker.bundle.js", graphql: "graphql.worker..bundle.js" };
    return `/graphiql/monacoeditorwork/${files[label] ?? "editor.worker.bundle.js"}`;
  },
};

addEventListener("DOMContentLoaded", () => {
  const options = JSON.parse(document.getElementById("playground-options").textContent);
  // A shared link (?query=…) opens that document alone instead of the default tabs.
  if (new URL(location.href).searchParams.has("query")) {
    delete options.query;
    delete options.variables;
    delete options.defaultTabs;
  }
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), options);
});
