// The Rate Limiting binding in the bench's raw workerd (a wrapped binding: bench/workerd.ts)
// and in its in-process probe (bench/isolate-probe.mjs). On Cloudflare the counters are cached
// on the Worker's machine and shared in the background, so a call does not leave it; here they
// are a Map in the isolate, counted in fixed windows aligned to the clock as Miniflare counts
// them. `limit` and `period` are the binding's `simple` settings.

/** @param {{ limit: number, period: number }} settings */
export default function rateLimiter({ limit, period }) {
  const windowMs = period * 1000;
  let window = -1;
  /** @type {Map<string, number>} */
  let counts = new Map();
  return {
    /** @param {{ key: string, delta?: number }} options */
    async limit({ key, delta = 1 }) {
      const now = Math.floor(Date.now() / windowMs);
      if (now !== window) {
        window = now;
        counts = new Map();
      }
      const count = counts.get(key) ?? 0;
      if (count >= limit) return { success: false };
      counts.set(key, count + delta);
      return { success: true };
    },
  };
}
