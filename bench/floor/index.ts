// The floor of a POST: what any Worker must do that the ceiling does not. It reads the
// request's body (a GraphQL POST cannot be answered without it) and, with LOG_LINE set,
// writes one JSON log line of the API's shape, then answers with the bytes it was primed
// with, like the ceiling. A POST row's ratio is bounded by this Worker's. READ picks how the
// body is read (`npm run bench -- --floors` compares them); arrayBuffer() unless told. Its
// answer and priming are the ceiling's own code.
import { prime, primedResponse } from "../ceiling";

export { prime };

export default {
  async fetch(request: Request, env: { LOG_LINE?: string; READ?: string }): Promise<Response> {
    const started = performance.now();
    if (request.body) await read(request, env.READ ?? "arrayBuffer");
    const response = primedResponse();
    if (env.LOG_LINE) {
      console.log(
        JSON.stringify({
          requestId: crypto.randomUUID(),
          method: request.method,
          path: "/graphql",
          operationName: "RegionProfile",
          hash: null,
          status: response.status,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          cache: "hit",
          environment: "production",
        }),
      );
    }
    return response;
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
