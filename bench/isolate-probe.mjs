// Run by bench/startup.ts in a fresh Node (V8, as workerd) with --expose-gc:
//   node --expose-gc bench/isolate-probe.mjs <bundle.js> <probe.json>
// Evaluates the built bundle's module scope once and reports its time and retained heap,
// then the CPU time per request of each probe request, called in-process (no HTTP), which
// is what Cloudflare bills as a request's CPU time. With `memory` ({ count, document }),
// it then sends `count` distinct documents (`%i` in `document` numbered) and reports the heap
// they leave, after a full GC: what the memory budget keeps of them.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import rateLimiter from "./ratelimit.mjs";
import { provideWorkersEnv } from "./workers-env.mjs";

const [bundle, probeFile] = process.argv.slice(2);
const { env, ratelimits, requests, repeat, memory } = JSON.parse(readFileSync(probeFile, "utf8"));
// The Rate Limiting bindings, as the bench's workerd has them.
for (const [name, settings] of Object.entries(ratelimits ?? {})) env[name] = rateLimiter(settings);

// The bundle's `cloudflare:workers` env is the probe's.
provideWorkersEnv(env);

globalThis.gc();
const heapBefore = process.memoryUsage().heapUsed;
const start = performance.now();
const worker = (await import(pathToFileURL(bundle).href)).default;
const moduleMs = performance.now() - start;
globalThis.gc();
const moduleHeapBytes = process.memoryUsage().heapUsed - heapBefore;

const ctx = { waitUntil() {}, passThroughOnException() {} };
const call = async ({ method, path, headers, body }) => {
  const response = await worker.fetch(new Request(`http://127.0.0.1${path}`, { method, headers, body }), env, ctx);
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
};

// The first call of each request in this isolate: lazily built indexes show up here.
// A request may be a list of variants, called in turn.
const variants = (request) => (Array.isArray(request) ? request : [request]);
const firstMs = {};
for (const [name, request] of Object.entries(requests)) {
  const t = performance.now();
  await call(variants(request)[0]);
  firstMs[name] = performance.now() - t;
}
globalThis.gc();
const heapAfterFirstRequestsBytes = process.memoryUsage().heapUsed - heapBefore;

const cpu = {};
for (const [name, request] of Object.entries(requests)) {
  const list = variants(request);
  for (let i = 0; i < 20; i++) await call(list[i % list.length]); // warm: JIT, Yoga's parse and validation caches
  const before = process.cpuUsage();
  for (let i = 0; i < repeat; i++) await call(list[i % list.length]);
  const used = process.cpuUsage(before);
  cpu[name] = (used.user + used.system) / 1000 / repeat;
}
globalThis.gc();
const heapAfterRequestsBytes = process.memoryUsage().heapUsed - heapBefore;

// The heap after `memory.count` distinct documents, each executed (and so kept) once.
let heapAfterDocumentsBytes = null;
if (memory) {
  for (let i = 0; i < memory.count; i++) {
    const body = JSON.stringify({ query: memory.document.replace("%i", String(i)) });
    const request = new Request("http://127.0.0.1/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const response = await worker.fetch(request, env, ctx);
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"'))
      throw new Error(`document ${i}: ${response.status} ${text.slice(0, 300)}`);
  }
  globalThis.gc();
  heapAfterDocumentsBytes = process.memoryUsage().heapUsed;
}

console.log(
  JSON.stringify({
    moduleMs,
    moduleHeapBytes,
    heapAfterFirstRequestsBytes,
    heapAfterRequestsBytes,
    heapAfterDocumentsBytes,
    firstRequestMs: firstMs,
    cpuMsPerRequest: cpu,
  }),
);
