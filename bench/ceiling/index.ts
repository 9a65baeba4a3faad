// The ceiling: what workerd itself can serve. Its default entrypoint answers every request
// with the bytes and headers it was last primed with and does no other work, so a Worker's
// throughput divided by this one's is the share of the runtime's capacity that it keeps.
// The bench primes it through the `prime` entrypoint, on a socket of its own.
type Primed = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

let primed: Primed = { status: 204, headers: [], body: new Uint8Array() };

/** The answer the ceiling was last primed with (bench/floor/ answers the same). */
export function primedResponse(): Response {
  return new Response(primed.body, { status: primed.status, headers: primed.headers });
}

export default { fetch: primedResponse };

export const prime = {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response(null, { status: 405 }); // the bench's readiness check
    const { status, headers, body } = (await request.json()) as Omit<Primed, "body"> & { body: string };
    primed = { status, headers, body: Uint8Array.from(atob(body), (c) => c.charCodeAt(0)) };
    return new Response(null, { status: 204 });
  },
};
