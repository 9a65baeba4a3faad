// Datasets for the bench: the real one grown synthetically, an empty one (the bundle without
// data), and the data's own size. Everything is deterministic: the same scale, the same files.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { checkDataset, formatProblem } from "../src/data/check";
import type { Article, Award, AwardEdition, Interview, Person, Quote } from "../src/data/shape";
import { root } from "./build";

const dataDir = join(root, "data");
const dataFiles = () =>
  readdirSync(dataDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
const read = <T>(file: string): T[] => JSON.parse(readFileSync(join(dataDir, file), "utf8")) as T[];

/** Bytes of a folder's data files as written, minified, and minified + gzip. */
export function dataSizes(dir: string): { bytes: number; minifiedBytes: number; gzipBytes: number } {
  let bytes = 0;
  let minifiedBytes = 0;
  let gzipBytes = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const text = readFileSync(join(dir, file));
    const minified = Buffer.from(JSON.stringify(JSON.parse(text.toString("utf8"))));
    bytes += text.length;
    minifiedBytes += minified.length;
    gzipBytes += gzipSync(minified).length;
  }
  return { bytes, minifiedBytes, gzipBytes };
}

/** Every data file, with no records: what the bundle weighs without its data. */
export function emptyDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-data-empty-"));
  for (const file of dataFiles()) writeFileSync(join(dir, file), "[]\n");
  return dir;
}

/**
 * The dataset grown `scale` times: copy k (1 ≤ k < scale) of every award, edition, article,
 * quote, interview and person, with its own slug (`<slug>-x<k>`) and its links pointing into
 * copy k; regions, organizations, companies and figures stay as they are. Texts are kept, so
 * a search matches `scale` times as many records. The result passes the data check.
 */
export function scaledDataset(scale: number): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-data-${scale}x-`));
  const awards = read<Award>("awards.json");
  const editions = read<AwardEdition>("award-editions.json");
  const articles = read<Article>("articles.json");
  const quotes = read<Quote>("quotes.json");
  const interviews = read<Interview>("interviews.json");
  const people = read<Person>("people.json");
  const editionById = new Map(editions.map((e) => [e.id, e]));

  const grown = {
    awards: [...awards],
    editions: [...editions],
    articles: [...articles],
    quotes: [...quotes],
    interviews: [...interviews],
    people: [...people],
  };
  for (let k = 1; k < scale; k++) {
    const copy = (slug: string) => `${slug}-x${k}`;
    const person = (slug: string | null) => (slug === null ? null : copy(slug));
    const edition = (id: string) => {
      const original = editionById.get(id);
      return original ? `${copy(original.award)}-${original.year}` : id;
    };
    grown.awards.push(...awards.map((a) => ({ ...a, slug: copy(a.slug) })));
    grown.editions.push(
      ...editions.map((e) => ({
        ...e,
        id: `${copy(e.award)}-${e.year}`,
        award: copy(e.award),
        presentedBy: person(e.presentedBy),
        inPresenceOf: person(e.inPresenceOf),
        receivedBy: person(e.receivedBy),
      })),
    );
    grown.articles.push(
      ...articles.map((a) => ({ ...a, slug: copy(a.slug), url: `${a.url}#x${k}`, editions: a.editions.map(edition) })),
    );
    grown.quotes.push(
      ...quotes.map((q) => ({
        ...q,
        id: copy(q.id),
        person: copy(q.person),
        article: copy(q.article),
        edition: q.edition === null ? null : edition(q.edition),
      })),
    );
    grown.interviews.push(
      ...interviews.map((i) => ({
        ...i,
        slug: copy(i.slug),
        interviewee: copy(i.interviewee),
        article: copy(i.article),
      })),
    );
    grown.people.push(...people.map((p) => ({ ...p, slug: copy(p.slug) })));
  }

  const files: Record<string, unknown> = {};
  for (const file of dataFiles()) files[file] = JSON.parse(readFileSync(join(dataDir, file), "utf8"));
  Object.assign(files, {
    "awards.json": grown.awards,
    "award-editions.json": grown.editions,
    "articles.json": grown.articles,
    "quotes.json": grown.quotes,
    "interviews.json": grown.interviews,
    "people.json": grown.people,
  });
  const problems = checkDataset(files);
  if (problems.length)
    throw new Error(`the ${scale}× dataset is not valid:\n${problems.slice(0, 10).map(formatProblem).join("\n")}`);
  for (const [file, records] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(records));
  return dir;
}
