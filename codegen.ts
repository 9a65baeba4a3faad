// GraphQL Code Generator: typed documents for the example frontend (examples/web/) from
// the published schema and the operations in operations/. `npm run generate` writes them
// (scripts/generate.ts, with the SDL it has just printed); test/node/generated.test.ts fails
// when the committed output is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

/** Where the generated client lives (scripts/generate.ts removes files there that it no longer makes). */
const output = "examples/web/gql/";

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["operations/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    [output]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as strings: the page sends them with fetch and needs no graphql-js.
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        // Scalars as JSON carries them.
        scalars: { Date: "string", DateTime: "string", URL: "string" },
      },
    },
  },
};

export default config;
