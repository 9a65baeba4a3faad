// The floor of a POST: what any Worker must do that the ceiling does not. It reads the
// request's body (a GraphQL POST cannot be answered without it) and, with LOG_LINE set,
// writes one JSON log line of the API's shape, then answers with the bytes it was primed
// with, like the ceiling. A POST row's ratio is bounded by this Worker's.
type Primed = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

let primed: Primed = { status: 204, headers: [], body: new Uint8Array() };

export default {
  async fetch(request: Request, env: { LOG_LINE?: string }): Promise<Response> {
    const started = performance.now();
    if (request.body) await request.arrayBuffer();
    if (env.LOG_LINE) {
      console.log(
        JSON.stringify({
          requestId: crypto.randomUUID(),
          method: request.method,
          path: "/graphql",
          operationName: "RegionProfile",
          hash: null,
          status: primed.status,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          cache: "hit",
          environment: "production",
        }),
      );
    }
    return new Response(primed.body, { status: primed.status, headers: primed.headers });
  },
};

export const prime = {
  async fetch(request: Request): Promise<Response> {
    const { status, headers, body } = (await request.json()) as Omit<Primed, "body"> & { body: string };
    primed = { status, headers, body: Uint8Array.from(atob(body), (c) => c.charCodeAt(0)) };
    return new Response(null, { status: 204 });
  },
};
