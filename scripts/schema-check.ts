// Schema change safety: compares the schema (schema/schema.graphql, kept equal to the Pothos
// schema by a test) with the last released one (schema/released.graphql) using GraphQL
// Inspector, and fails on a breaking change that CHANGELOG.md's "## Unreleased" section does
// not record, on a malformed or stale entry there, and on a deprecation without a reason.
// Dangerous changes are reported, not refused. docs/schema-evolution.md is the policy.
//
//   npm run schema:check                      check (exit 1 on a problem)
//   npm run schema:check -- --release         check, then make the current schema the released one
//   ... --released F --current F --changelog F   other files (the tests use copies)
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { type Change, ChangeType, CriticalityLevel, diff } from "@graphql-inspector/core";
// graphql's CommonJS build, which Inspector gets from Node: under Vitest a bare "graphql"
// resolves to its ES build, another copy whose schemas Inspector's graphql would refuse.
import {
  buildSchema,
  DEFAULT_DEPRECATION_REASON,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from "graphql/index.js";

const root = join(import.meta.dirname, "..");
export const files = {
  released: join(root, "schema", "released.graphql"),
  current: join(root, "schema", "schema.graphql"),
  changelog: join(root, "CHANGELOG.md"),
};

export type SchemaChange = {
  level: CriticalityLevel;
  /** Inspector's change type, such as `FIELD_REMOVED`. */
  type: string;
  /** The schema coordinate of what changed: `Region.seat`, `Query.regions(first:)`, `Language.EN`. */
  coordinate: string;
  message: string;
  why?: string;
};

/** A line of the changelog that records a change: `- 2027-01-01 \`FIELD_REMOVED\` \`Region.seat\`: reason`. */
export type ChangelogEntry = { line: number; date: string; type: string; coordinate: string; reason: string };

export type SchemaCheck = {
  ok: boolean;
  breaking: SchemaChange[];
  /** Breaking changes the changelog does not record: each fails the check. */
  unrecorded: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  /** Everything else that fails the check, one sentence each. */
  problems: string[];
  /** What the command prints. */
  report: string;
};

const unreleasedHeading = "## Unreleased";
const entryPattern = /^- (\d{4}-\d{2}-\d{2}) `([A-Z_]+)` `([^`]+)`: (\S.*)$/;
const entryFormat = "- YYYY-MM-DD `CHANGE_TYPE` `Coordinate`: why, and what clients use instead.";
const changeTypes = new Set<string>(Object.values(ChangeType));

/**
 * The schema coordinate of what a change is about, from Inspector's path: a directive on an
 * element (`Region.seat.@deprecated.reason`) is about the element, and an argument is written
 * `Query.regions(after:)` or `@include(if:)` rather than Inspector's `Query.regions.after`.
 */
export function coordinateOf(change: Pick<Change, "path">): string {
  const path = change.path ?? "";
  const directiveAt = path.indexOf(".@");
  const element = directiveAt < 0 ? path : path.slice(0, directiveAt);
  const [first = "", second, third] = element.split(".");
  if (third !== undefined) return `${first}.${second}(${third}:)`;
  if (second !== undefined && first.startsWith("@")) return `${first}(${second}:)`;
  // Changes to the schema definition itself (its root types) have no path.
  return element || "schema";
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** The lines of the "## Unreleased" section, with their line numbers (1-based). */
function unreleasedLines(changelog: string): { line: number; text: string }[] | null {
  const lines = changelog.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === unreleasedHeading);
  if (start < 0) return null;
  const section: { line: number; text: string }[] = [];
  for (let i = start + 1; i < lines.length && !/^#{1,2} /.test(lines[i]!); i++) {
    section.push({ line: i + 1, text: lines[i]! });
  }
  return section;
}

/** The entries of "## Unreleased"; every list item there must be one. */
export function parseChangelog(changelog: string): { entries: ChangelogEntry[]; problems: string[] } {
  const section = unreleasedLines(changelog);
  if (!section) return { entries: [], problems: [`CHANGELOG.md has no "${unreleasedHeading}" section.`] };
  const entries: ChangelogEntry[] = [];
  const problems: string[] = [];
  for (const { line, text } of section) {
    if (!text.startsWith("- ")) continue;
    const match = entryPattern.exec(text.trimEnd());
    if (!match) {
      problems.push(`CHANGELOG.md line ${line} is not an entry: write it as ${entryFormat}`);
      continue;
    }
    const [, date = "", type = "", coordinate = "", reason = ""] = match;
    if (!isCalendarDate(date)) problems.push(`CHANGELOG.md line ${line}: ${date} is not a date (YYYY-MM-DD).`);
    if (!changeTypes.has(type))
      problems.push(`CHANGELOG.md line ${line}: ${type} is not a GraphQL Inspector change type.`);
    entries.push({ line, date, type, coordinate, reason });
  }
  return { entries, problems };
}

/** Every deprecated field, argument, input field and enum value whose reason is missing or graphql's default. */
export function deprecationsWithoutReason(schema: GraphQLSchema): string[] {
  const missing = (reason: string | null | undefined) =>
    reason != null && (reason.trim() === "" || reason === DEFAULT_DEPRECATION_REASON);
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (missing(field.deprecationReason)) found.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (missing(arg.deprecationReason)) found.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (missing(field.deprecationReason)) found.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (missing(value.deprecationReason)) found.push(`${type.name}.${value.name}`);
      }
    }
  }
  return found;
}

const describe = (c: SchemaChange) => `${c.type} \`${c.coordinate}\`: ${c.message}`;

export async function checkSchema(sdl: { released: string; current: string; changelog: string }): Promise<SchemaCheck> {
  const current = buildSchema(sdl.current);
  const changes: SchemaChange[] = (await diff(buildSchema(sdl.released), current)).map((change) => ({
    level: change.criticality.level,
    type: change.type,
    coordinate: coordinateOf(change),
    message: change.message,
    why: change.criticality.reason,
  }));
  const { entries, problems } = parseChangelog(sdl.changelog);
  const recorded = (c: SchemaChange) => entries.some((e) => e.type === c.type && e.coordinate === c.coordinate);
  const breaking = changes.filter((c) => c.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((c) => c.level === CriticalityLevel.Dangerous);
  const safe = changes.filter((c) => c.level === CriticalityLevel.NonBreaking);
  const unrecorded = breaking.filter((c) => !recorded(c));
  for (const entry of entries) {
    if (!changes.some((c) => c.type === entry.type && c.coordinate === entry.coordinate)) {
      problems.push(
        `CHANGELOG.md line ${entry.line} records ${entry.type} \`${entry.coordinate}\`, which is not a change from schema/released.graphql.`,
      );
    }
  }
  for (const coordinate of deprecationsWithoutReason(current)) {
    problems.push(`\`${coordinate}\` is deprecated without a reason: say why, and what to use instead.`);
  }

  const lines = [
    `${breaking.length} breaking (${breaking.length - unrecorded.length} recorded in CHANGELOG.md), ` +
      `${dangerous.length} dangerous, ${safe.length} safe changes since schema/released.graphql.`,
  ];
  if (unrecorded.length > 0) {
    lines.push("", "Breaking changes that CHANGELOG.md does not record:");
    lines.push(...unrecorded.map((c) => `  ${describe(c)}`));
    lines.push("", `Record each under "${unreleasedHeading}" in CHANGELOG.md, with the date it takes effect:`);
    lines.push(
      ...unrecorded.map((c) => `  - YYYY-MM-DD \`${c.type}\` \`${c.coordinate}\`: why, and what to use instead.`),
    );
  }
  const recordedBreaking = breaking.filter(recorded);
  if (recordedBreaking.length > 0) {
    lines.push("", "Breaking changes recorded in CHANGELOG.md:", ...recordedBreaking.map((c) => `  ${describe(c)}`));
  }
  if (dangerous.length > 0) {
    lines.push("", "Dangerous changes (clients may need to handle them; say so in CHANGELOG.md if they do):");
    lines.push(...dangerous.map((c) => `  ${describe(c)}${c.why ? `. ${c.why}` : ""}`));
  }
  if (problems.length > 0) lines.push("", "Problems:", ...problems.map((p) => `  ${p}`));
  const ok = unrecorded.length === 0 && problems.length === 0;
  lines.push("", ok ? "schema:check passed." : "schema:check failed.");
  return { ok, breaking, unrecorded, dangerous, safe, problems, report: lines.join("\n") };
}

/**
 * A release: the current schema becomes the released one, and the changelog's "Unreleased"
 * entries move under a heading with the release's date, below a new, empty "Unreleased".
 */
export function release(changelog: string, date: string): string {
  if (!isCalendarDate(date)) throw new Error(`${date} is not a date (YYYY-MM-DD)`);
  const section = unreleasedLines(changelog);
  if (!section) throw new Error(`CHANGELOG.md has no "${unreleasedHeading}" section`);
  const hasEntries = section.some((l) => l.text.trim() !== "");
  const released = hasEntries ? `${unreleasedHeading}\n\n## ${date}` : unreleasedHeading;
  return changelog.replace(new RegExp(`^${unreleasedHeading}$`, "m"), released);
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({
    options: {
      released: { type: "string", default: files.released },
      current: { type: "string", default: files.current },
      changelog: { type: "string", default: files.changelog },
      release: { type: "boolean", default: false },
      date: { type: "string", default: new Date().toISOString().slice(0, 10) },
    },
  });
  const read = (file: string) => readFileSync(file, "utf8");
  const check = await checkSchema({
    released: read(values.released),
    current: read(values.current),
    changelog: read(values.changelog),
  });
  console.log(check.report);
  if (!check.ok) process.exit(1);
  if (values.release) {
    writeFileSync(values.released, read(values.current));
    writeFileSync(values.changelog, release(read(values.changelog), values.date));
    console.log(
      `released: ${relative(root, values.current)} → ${relative(root, values.released)}; ` +
        `CHANGELOG.md's Unreleased entries are now under ${values.date}`,
    );
  }
}
