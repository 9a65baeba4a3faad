// The Workers Cache row of `npm run bench` (`--only "workers cache"` alone): the model of
// test/workers-cache-model.ts in front of the deployable bundle in workerd, fed the persisted
// operations by hash (with and without `lang`) under 43 browsers' Accept-Language strings and
// the Accept headers of Apollo Client, urql, graphql-request and fetch. Two shapes: as deployed
// (the public entrypoint folds Accept and Accept-Language, and Workers Cache fronts `Answers`),
// and as sent (Workers Cache in front of the public entrypoint, keyed by browsers' own strings).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { folded } from "../src/http/fold";
import { preferredLanguage } from "../src/http/negotiate";
import {
  CLIENT_ACCEPTS,
  clientAcceptSources,
  corpus,
  langOfOperations,
  OPERATION_VARIABLES,
  type Replay,
  replay,
} from "../test/workers-cache-model";
import { root } from "./build";

export type WorkersCacheRow = {
  requests: number;
  deployed: Replay & { neutralOfIdeal: number; targetsMet: boolean };
  asSent: Replay & { neutralOfIdeal: number };
};

/** Fails when a client's Accept in the model is not what its installed source sends. */
function checkClientAccepts(): void {
  for (const [client, source] of Object.entries(clientAcceptSources)) {
    if (!source) continue;
    const text = readFileSync(join(root, "node_modules", source.file), "utf8");
    if (!text.includes(source.text)) {
      throw new Error(`${client}'s Accept is no longer ${CLIENT_ACCEPTS[client as keyof typeof CLIENT_ACCEPTS]}`);
    }
  }
}

export async function workersCacheRow(base: string): Promise<WorkersCacheRow> {
  checkClientAccepts();
  const hashes = JSON.parse(readFileSync(join(root, "operations", "manifest.json"), "utf8")) as Record<string, string>;
  const texts = JSON.parse(readFileSync(join(root, "src", "generated", "persisted-operations.json"), "utf8")) as Record<
    string,
    string
  >;
  const requests = corpus(base, hashes, OPERATION_VARIABLES, langOfOperations(hashes, texts));
  const send = (request: Request) => fetch(request);
  const deployed = await replay(requests, send, (r) => folded(r) ?? r, preferredLanguage);
  const asSent = await replay(requests, send, (r) => r, preferredLanguage);
  const neutralOf = (r: Replay) => (r.neutral.ideal ? r.neutral.hits / r.neutral.ideal : 1);
  return {
    requests: requests.length,
    deployed: {
      ...deployed,
      neutralOfIdeal: neutralOf(deployed),
      targetsMet: neutralOf(deployed) >= 0.9 && deployed.mostEntriesPerLanguageAndMediaType <= 1,
    },
    asSent: { ...asSent, neutralOfIdeal: neutralOf(asSent) },
  };
}

export function printWorkersCacheRow(row: WorkersCacheRow): void {
  const line = (name: string, r: Replay & { neutralOfIdeal: number }) =>
    `  ${name.padEnd(48)} ${String(r.hits).padStart(5)} hits of ${r.requests} (ideal ${r.ideal}, ${(r.hits / r.ideal).toFixed(2)}); ` +
    `language-neutral ${r.neutral.hits}/${r.neutral.ideal} (${r.neutralOfIdeal.toFixed(2)} of ideal); ` +
    `language-dependent ${r.localized.hits}/${r.localized.ideal}, at most ${r.mostEntriesPerLanguageAndMediaType} entries per language and media type; ${r.entries} entries`;
  console.log(
    `\nworkers cache (model of developers.cloudflare.com/workers/cache/cache-keys, ${row.requests} GETs by hash; targets: neutral ≥ 0.9 of ideal, ≤ 1 entry per language and media type):`,
  );
  console.log(line("deployed: folded by the public entrypoint", row.deployed));
  console.log(line("as sent: browsers' own headers", row.asSent));
  console.log(`  targets ${row.deployed.targetsMet ? "met" : "NOT met"}`);
}
