// GraphQL Code Generator: typed documents for the example frontend (examples/web/) from
// the published schema and the operations in operations/. `npm run codegen` writes them;
// test/node/codegen.test.ts fails when the committed output is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

/** Where the generated client lives; the codegen test overrides it to compare outputs. */
const output = process.env.CODEGEN_OUTPUT ?? "examples/web/gql/";

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
