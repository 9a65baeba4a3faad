declare module "graphql-markdown" {
  /** Prints the schema (an introspection result) as Markdown, a line at a time, to `printer`. */
  export function renderSchema(
    schema: unknown,
    options?: {
      title?: string;
      prologue?: string;
      epilogue?: string;
      printer?: (line: string) => void;
      skipTitle?: boolean;
      skipTableOfContents?: boolean;
      headingLevel?: number;
    },
  ): void;
}
