// GraphQL Code Generator: typed documents from the API's schema and the operations in src/.
// `npm run codegen` writes src/gql/. The schema comes from the running API (API_URL, else a
// local `npm start` of the API) when it answers introspection; otherwise from the schema file
// the API's repository publishes (this folder's place in it: examples/typed-client/).
import type { CodegenConfig } from "@graphql-codegen/cli";

const api = process.env.API_URL ?? "http://localhost:8787/graphql";
const schemaFile = "../../schema/schema.graphql";

/** Whether `url` answers an introspection query within three seconds. */
async function answersIntrospection(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
      signal: AbortSignal.timeout(3_000),
    });
    const body = (await response.json()) as { data?: { __schema?: unknown } };
    return Boolean(body.data?.__schema);
  } catch {
    return false;
  }
}

const schema = (await answersIntrospection(api)) ? api : schemaFile;
console.error(`codegen: the schema of ${schema}`);

const config: CodegenConfig = {
  schema,
  documents: ["src/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Scalars as JSON carries them.
        scalars: { Date: "string", DateTime: "string", URL: "string" },
      },
    },
  },
};

export default config;
