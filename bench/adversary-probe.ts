// Run by bench/adversary-run.ts in a fresh Node (V8, as workerd):
//   node --expose-gc --import tsx bench/adversary-probe.ts <bundle.js> <options.json>
// Imports the built bundle, and searches for the operations the production limits admit that
// cost the most CPU (bench/adversary.ts): each candidate at the largest scale the Worker
// admits, timed once; the costliest timed again, with documents already admitted and with a
// fresh document every request (each one parsed and validated anew). CPU is the process's
// (user + system), as Cloudflare bills a request's CPU time; calls are in-process, no HTTP.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { schema } from "../src/schema";
import { prng } from "../test/prng";
import {
  type Attempt,
  type Candidate,
  knownCandidates,
  largestAdmitted,
  outcomeOf,
  randomCandidates,
} from "./adversary";
import { provideWorkersEnv } from "./workers-env.mjs";

type Options = { env: Record<string, unknown>; random: number; seed: number; top: number; repeat: number };
const [bundle, optionsFile] = process.argv.slice(2);
if (!bundle || !optionsFile) throw new Error("usage: adversary-probe.ts <bundle.js> <options.json>");
const options = JSON.parse(readFileSync(optionsFile, "utf8")) as Options;

// The bundle's `cloudflare:workers` env is the probe's.
provideWorkersEnv(options.env);

type Worker = { fetch: (request: Request, env: unknown, ctx: unknown) => Promise<Response> };
const worker = (await import(pathToFileURL(bundle).href)).default as Worker;
const ctx = { waitUntil() {}, passThroughOnException() {} };
const log = console.log;
console.log = () => {}; // the Worker's log line

async function send({ query, variables }: Attempt) {
  const request = new Request("http://127.0.0.1/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  const response = await worker.fetch(request, options.env, ctx);
  return outcomeOf(response.status, await response.text());
}

/** CPU ms of one request. */
async function timed(attempt: Attempt) {
  const before = process.cpuUsage();
  const outcome = await send(attempt);
  const used = process.cpuUsage(before);
  return { ...outcome, cpuMs: (used.user + used.system) / 1000 };
}

// Ids of every kind that has many records: the most `nodes(ids:)` takes, of the richest types.
async function idsOf(list: string): Promise<string[]> {
  const request = new Request("http://127.0.0.1/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ ${list}(first: 100) { edges { node { id } } } }` }),
  });
  const answer = (await (await worker.fetch(request, options.env, ctx)).json()) as {
    data?: Record<string, { edges: { node: { id: string } }[] }>;
    errors?: unknown;
  };
  if (!answer.data) throw new Error(`ids of ${list}: ${JSON.stringify(answer.errors)}`);
  return Object.values(answer.data).flatMap((c) => c.edges.map((e) => e.node.id));
}
const byKind = await Promise.all(
  ["regions", "interviews", "articles", "people", "awardEditions", "organizations"].map(idsOf),
);
const ids: string[] = [];
for (let i = 0; ids.length < 100 && i < 100; i++)
  for (const list of byKind) if (list[i] && ids.length < 100) ids.push(list[i]!);

const random = prng(options.seed);
const limits = {
  maxBodyBytes: Number(options.env.MAX_BODY_BYTES ?? 32768),
  maxTokens: Number(options.env.MAX_TOKENS ?? 1000),
};
const candidates: Candidate[] = [
  ...knownCandidates(ids, limits),
  ...randomCandidates(schema, random, options.random, ids),
];

type Found = { candidate: Candidate; aliases: number; n: number; cpuMs: number; bytes: number };
const found: Found[] = [];
let refusals = 0;
for (const candidate of candidates) {
  const scales = await largestAdmitted(
    candidate,
    async (attempt) => {
      const outcome = await send(attempt);
      if (!outcome.ran) refusals++;
      return outcome;
    },
    [1, 4, 15],
  );
  for (const { aliases, n } of scales) {
    // Once to warm what the first request builds (an index, a sorted list), then timed.
    await send(candidate.make(aliases, n, 1));
    const once = await timed(candidate.make(aliases, n, 2));
    if (once.ran) found.push({ candidate, aliases, n, cpuMs: once.cpuMs, bytes: once.bytes });
  }
}

/** Mean CPU ms of `repeat` requests; `fresh` sends a new document every time (a comment differs). */
async function measure({ candidate, aliases, n }: Found, fresh: boolean) {
  for (let i = 0; i < 3; i++) await send(candidate.make(aliases, n, 3 + i));
  let total = 0;
  let bytes = 0;
  for (let call = 0; call < options.repeat; call++) {
    const attempt = candidate.make(aliases, n, 10 + call);
    const query = fresh ? `# ${process.pid} ${call}\n${attempt.query}` : attempt.query;
    const result = await timed({ ...attempt, query });
    if (!result.ran) throw new Error(`${candidate.name} stopped running: ${result.refusal}`);
    total += result.cpuMs;
    bytes = Math.max(bytes, result.bytes);
  }
  return { cpuMs: total / options.repeat, bytes };
}

const top = [...found].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, options.top);
const measured = [];
for (const entry of top) {
  const warm = await measure(entry, false);
  const fresh = await measure(entry, true);
  const attempt = entry.candidate.make(entry.aliases, entry.n, 0);
  measured.push({
    name: entry.candidate.name,
    aliases: entry.aliases,
    n: entry.n,
    cpuMs: warm.cpuMs,
    freshCpuMs: fresh.cpuMs,
    bytes: Math.max(warm.bytes, fresh.bytes),
    query: attempt.query,
    variables: attempt.variables,
  });
}
const largest = [...found].sort((a, b) => b.bytes - a.bytes)[0];
const worst = [...measured].sort((a, b) => Math.max(b.cpuMs, b.freshCpuMs) - Math.max(a.cpuMs, a.freshCpuMs))[0];

log(
  JSON.stringify({
    candidates: candidates.length,
    admittedScales: found.length,
    refusals,
    worst,
    measured,
    largestAnswer: largest && {
      name: largest.candidate.name,
      aliases: largest.aliases,
      n: largest.n,
      bytes: largest.bytes,
      query: largest.candidate.make(largest.aliases, largest.n, 0).query,
    },
  }),
);
