// The floor of a POST: what any Worker must do that the ceiling does not. It reads the
// request's body (a GraphQL POST cannot be answered without it) and, with LOG_LINE set,
// writes one JSON log line of the API's shape, then answers with the bytes it was primed
// with, like the ceiling. A POST row's ratio is bounded by this Worker's. READ picks how the
// body is read (`npm run bench -- --floors` compares them); arrayBuffer() unless told.
type Primed = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

let primed: Primed = { status: 204, headers: [], body: new Uint8Array() };

export default {
  async fetch(request: Request, env: { LOG_LINE?: string; READ?: string }): Promise<Response> {
    const started = performance.now();
    if (request.body) await read(request, env.READ ?? "arrayBuffer");
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

async function read(request: Request, how: string): Promise<unknown> {
  switch (how) {
    case "text":
      return request.text();
    case "json":
      return request.json();
    case "bytes":
      return request.bytes();
    case "reader": {
      const reader = request.body!.getReader();
      for (;;) if ((await reader.read()).done) return;
    }
    case "byob": {
      const length = Number(request.headers.get("content-length"));
      const reader = request.body!.getReader({ mode: "byob" });
      let view = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const { value, done } = await reader.read(new Uint8Array(view.buffer, read, length - read));
        if (done || !value) return;
        view = new Uint8Array(value.buffer);
        read += value.byteLength;
      }
      return;
    }
    default:
      return request.arrayBuffer();
  }
}

export const prime = {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response(null, { status: 405 }); // the bench's readiness check
    const { status, headers, body } = (await request.json()) as Omit<Primed, "body"> & { body: string };
    primed = { status, headers, body: Uint8Array.from(atob(body), (c) => c.charCodeAt(0)) };
    return new Response(null, { status: 204 });
  },
};
