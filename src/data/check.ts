/**
 * The data check: every problem in the files of data/, all at once, each naming the file,
 * the record's id and the field. Shape errors come from the zod schemas in `./shape`; the
 * rest are the rules a schema of one record cannot see: unique ids, links between records,
 * and an edition's winner among its nominees.
 *
 * Used by `npm run data:check` and the tests; never imported by the Worker.
 */
import type { z } from "zod";
import { type Dataset, datasetKeyOfFile, type FileName, files as schemas } from "./shape";

export interface Problem {
  file: string;
  /** The record's id (its id, slug or ISO code), or `#<index>` when it has none. */
  id: string;
  /** The path of the field inside the record (`nominees.1`, `motivation.sv`); empty for the file. */
  field: string;
  message: string;
}

/** The field that identifies a record of each file. */
export const idFieldOfFile = {
  "regions.json": "isoCode",
  "awards.json": "slug",
  "award-editions.json": "id",
  "companies.json": "slug",
  "articles.json": "slug",
  "quotes.json": "id",
  "interviews.json": "slug",
  "people.json": "slug",
  "organizations.json": "slug",
  "export-cooperations.json": "slug",
  "export-figures.json": "id",
} as const satisfies Record<FileName, string>;

const fileNames = Object.keys(schemas) as FileName[];

function idOf(file: FileName, record: unknown, index: number): string {
  const value = (record as Record<string, unknown> | null)?.[idFieldOfFile[file]];
  return typeof value === "string" && value !== "" ? value : `#${index}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

export function checkDataset(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const report = (file: string, id: string, field: string, message: string) =>
    problems.push({ file, id, field, message });

  for (const name of Object.keys(input)) {
    if (!(name in schemas)) report(name, "", "", `not a data file (known files: ${fileNames.join(", ")})`);
  }

  // The shape of each record on its own, so that one bad record hides nothing else.
  const data = Object.fromEntries(Object.values(datasetKeyOfFile).map((k) => [k, []])) as unknown as Dataset;
  for (const file of fileNames) {
    const content = input[file];
    if (content === undefined) {
      report(file, "", "", "file is missing");
      continue;
    }
    if (!Array.isArray(content)) {
      report(file, "", "", "must be a JSON array of records");
      continue;
    }
    const schema: z.ZodType = schemas[file];
    const records = data[datasetKeyOfFile[file]] as unknown[];
    content.forEach((record, index) => {
      const parsed = schema.safeParse(record);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          report(file, idOf(file, record, index), issue.path.join("."), issue.message);
        }
      }
      if (isObject(record)) records.push(record);
    });
  }

  checkRules(data, report);
  return problems;
}

type Report = (file: FileName, id: string, field: string, message: string) => void;

/**
 * The rules across records. They also run over records whose shape is wrong (already
 * reported, but their links still count), so every field is read defensively: a rule
 * judges only a value of the right type.
 */
function checkRules(data: Dataset, report: Report): void {
  /** Collects one key of a file's records, reporting each duplicate. */
  const unique = <T>(file: FileName, records: T[], id: (r: T) => unknown, field: string, key: (r: T) => unknown) => {
    const seen = new Set<string>();
    for (const r of records) {
      const k = key(r);
      if (typeof k !== "string") continue;
      if (seen.has(k)) report(file, String(id(r)), field, `duplicate ${field} "${k}"`);
      seen.add(k);
    }
    return seen;
  };
  const bySlug = <T extends { slug: string }>(file: FileName, records: T[]) =>
    unique(
      file,
      records,
      (r) => r.slug,
      "slug",
      (r) => r.slug,
    );
  const byId = <T extends { id: string }>(file: FileName, records: T[]) =>
    unique(
      file,
      records,
      (r) => r.id,
      "id",
      (r) => r.id,
    );

  const regions = unique(
    "regions.json",
    data.regions,
    (r) => r.isoCode,
    "isoCode",
    (r) => r.isoCode,
  );
  for (const field of ["slug", "countyCode", "nuts3"] as const) {
    unique(
      "regions.json",
      data.regions,
      (r) => r.isoCode,
      field,
      (r) => r[field],
    );
  }
  const awards = bySlug("awards.json", data.awards);
  const editions = byId("award-editions.json", data.editions);
  const companies = bySlug("companies.json", data.companies);
  const articles = bySlug("articles.json", data.articles);
  unique(
    "articles.json",
    data.articles,
    (r) => r.slug,
    "url",
    (r) => r.url,
  );
  byId("quotes.json", data.quotes);
  bySlug("interviews.json", data.interviews);
  const people = bySlug("people.json", data.people);
  const organizations = bySlug("organizations.json", data.organizations);
  bySlug("export-cooperations.json", data.cooperations);
  byId("export-figures.json", data.figures);

  const kinds = {
    region: regions,
    award: awards,
    edition: editions,
    company: companies,
    article: articles,
    person: people,
    organization: organizations,
  };
  /** Reports a link to a record that does not exist. Null means "no link" and is fine. */
  const link = (file: FileName, id: string, field: string, value: unknown, kind: keyof typeof kinds) => {
    if (typeof value === "string" && !kinds[kind].has(value)) report(file, id, field, `no ${kind} "${value}"`);
  };
  const links = (file: FileName, id: string, field: string, values: unknown, kind: keyof typeof kinds) => {
    if (Array.isArray(values))
      values.forEach((v, i) => {
        link(file, id, `${field}.${i}`, v, kind);
      });
  };

  for (const r of data.regions) {
    links("regions.json", r.isoCode, "neighbours", r.neighbours, "region");
    if (isStringList(r.neighbours) && r.neighbours.includes(r.isoCode)) {
      report("regions.json", r.isoCode, "neighbours", "a region is not its own neighbour");
    }
  }

  for (const a of data.awards) {
    link("awards.json", a.slug, "awardedBy", a.awardedBy, "organization");
    link("awards.json", a.slug, "nominatedBy", a.nominatedBy, "organization");
  }

  const awardKind = new Map(data.awards.map((a) => [a.slug, a.nomineeKind]));
  for (const e of data.editions) {
    const file = "award-editions.json";
    link(file, e.id, "award", e.award, "award");
    if (e.id !== `${e.award}-${e.year}`) report(file, e.id, "id", `must be "${e.award}-${e.year}" (award-year)`);
    if (typeof e.ceremonyDate === "string" && Number(e.ceremonyDate.slice(0, 4)) !== e.year) {
      report(file, e.id, "ceremonyDate", `${e.ceremonyDate} is not in the edition's year ${e.year}`);
    }
    link(file, e.id, "presentedBy", e.presentedBy, "person");
    link(file, e.id, "inPresenceOf", e.inPresenceOf, "person");
    link(file, e.id, "receivedBy", e.receivedBy, "person");
    // The award says what is nominated: a region code for one award, a company slug for another.
    const kind = awardKind.get(e.award);
    if (kind === "region" || kind === "company") links(file, e.id, "nominees", e.nominees, kind);
    if (!isStringList(e.nominees)) continue;
    e.nominees.forEach((n, i) => {
      if (e.nominees.indexOf(n) !== i) report(file, e.id, `nominees.${i}`, `"${n}" is nominated twice`);
    });
    if (!e.nominees.includes(e.winner)) report(file, e.id, "winner", `"${e.winner}" is not among the nominees`);
  }

  for (const a of data.articles) {
    link("articles.json", a.slug, "publisher", a.publisher, "organization");
    links("articles.json", a.slug, "regions", a.regions, "region");
    links("articles.json", a.slug, "editions", a.editions, "edition");
  }

  for (const q of data.quotes) {
    link("quotes.json", q.id, "person", q.person, "person");
    link("quotes.json", q.id, "article", q.article, "article");
    link("quotes.json", q.id, "edition", q.edition, "edition");
    link("quotes.json", q.id, "region", q.region, "region");
  }

  for (const i of data.interviews) {
    link("interviews.json", i.slug, "interviewee", i.interviewee, "person");
    link("interviews.json", i.slug, "organization", i.organization, "organization");
    link("interviews.json", i.slug, "region", i.region, "region");
    link("interviews.json", i.slug, "article", i.article, "article");
  }

  for (const p of data.people) link("people.json", p.slug, "organization", p.organization, "organization");

  for (const o of data.organizations) {
    link("organizations.json", o.slug, "parent", o.parent, "organization");
    if (o.parent === o.slug) report("organizations.json", o.slug, "parent", "an organization is not its own parent");
    link("organizations.json", o.slug, "region", o.region, "region");
  }

  for (const c of data.cooperations) {
    const file = "export-cooperations.json";
    link(file, c.slug, "region", c.region, "region");
    link(file, c.slug, "ledBy", c.ledBy, "organization");
    links(file, c.slug, "partners", c.partners, "organization");
    if (isStringList(c.partners) && !c.partners.includes(c.ledBy)) {
      report(file, c.slug, "ledBy", `"${c.ledBy}" is not among the partners`);
    }
  }

  for (const f of data.figures) {
    const file = "export-figures.json";
    link(file, f.id, "region", f.region, "region");
    if ((f.scope === "country") !== (f.region === null)) {
      report(file, f.id, "scope", `scope "${f.scope}" needs region ${f.scope === "country" ? "null" : "set"}`);
    }
    if (typeof f.periodStart === "number" && typeof f.year === "number" && f.periodStart >= f.year) {
      report(file, f.id, "periodStart", `period ${f.periodStart}-${f.year} does not run forward`);
    }
  }
}

/** `file: id: field: message`, one line per problem. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.id || "-"}: ${p.field || "-"}: ${p.message}`;
}
