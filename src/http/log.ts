/**
 * The one structured log line of a request, for Workers Logs (`[observability]`): who asked
 * what, how it ended, how long it took and whether a cache answered. Written by the response
 * builder, for every answer.
 */
export type LogLine = {
  requestId: string;
  method: string;
  path: string;
  operationName: string | null;
  /** The sha256 of the document executed (or served from a cache), never one the client claimed. */
  hash: string | null;
  status: number;
  durationMs: number;
  cache: "hit" | "miss" | "bypass";
  environment: string | null;
};

export function logRequest(line: LogLine): void {
  console.log(JSON.stringify(line));
}
