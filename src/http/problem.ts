/**
 * A request that cannot be answered with a GraphQL execution: its HTTP status, the
 * `extensions.code` a client can branch on, a message, and any headers the status needs
 * (`Allow` for a 405). The response builder turns it into a GraphQL error body.
 */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
