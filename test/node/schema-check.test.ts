// Schema change safety (scripts/schema-check.ts): breaking changes to a copy of the real SDL
// fail the check with a message naming them, until CHANGELOG.md records them; safe changes
// pass, dangerous ones are reported, deprecations need a reason. And the real schema passes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ASTNode,
  type DefinitionNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  parse,
  print,
  type TypeNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { checkSchema, files, release } from "../../scripts/schema-check";
import { root } from "./deployable";

const released = readFileSync(files.released, "utf8");
const emptyChangelog = "# Changelog\n\n## Unreleased\n\n## 2026-12-01\n\nThe first released schema.\n";

/** `sdl` with the definition of `typeName` replaced, checked to have changed. */
function edit(sdl: string, typeName: string, change: (definition: any) => DefinitionNode): string {
  const document = parse(sdl);
  const definitions = document.definitions.map((d) => ("name" in d && d.name?.value === typeName ? change(d) : d));
  const edited = print({ ...document, definitions });
  expect(edited, `${typeName} did not change`).not.toBe(print(document));
  return edited;
}

const nonNull = (type: TypeNode): TypeNode =>
  type.kind === Kind.NON_NULL_TYPE ? type : { kind: Kind.NON_NULL_TYPE, type };
const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const withoutField = (sdl: string, type: string, field: string) =>
  edit(sdl, type, (d) => ({ ...d, fields: d.fields.filter((f: FieldDefinitionNode) => f.name.value !== field) }));
const mapFields = (sdl: string, type: string, field: string, change: (f: any) => ASTNode) =>
  edit(sdl, type, (d) => ({
    ...d,
    fields: d.fields.map((f: FieldDefinitionNode) => (f.name.value === field ? change(f) : f)),
  }));

/** The four breaking changes the policy names, in one schema. */
function breakingSchema(): string {
  let sdl = withoutField(released, "Region", "seat");
  sdl = mapFields(sdl, "Query", "regions", (f: FieldDefinitionNode) => ({
    ...f,
    arguments: f.arguments?.map((a: InputValueDefinitionNode) =>
      a.name.value === "after" ? { ...a, type: nonNull(a.type) } : a,
    ),
  }));
  sdl = mapFields(sdl, "RegionFilter", "seat", (f: InputValueDefinitionNode) => ({ ...f, type: nonNull(f.type) }));
  return edit(sdl, "RegionOrderField", (d) => ({
    ...d,
    values: d.values.filter((v: EnumValueDefinitionNode) => v.name.value !== "POPULATION"),
  }));
}

const breakingEntries = [
  "- 2027-03-01 `FIELD_REMOVED` `Region.seat`: the seat moves to `Region.municipality`.",
  "- 2027-03-01 `FIELD_ARGUMENT_TYPE_CHANGED` `Query.regions(after:)`: a cursor is now required.",
  "- 2027-03-01 `INPUT_FIELD_TYPE_CHANGED` `RegionFilter.seat`: every region filter names a seat.",
  "- 2027-03-01 `ENUM_VALUE_REMOVED` `RegionOrderField.POPULATION`: order by `Region.population` instead.",
];
const changelogWith = (...entries: string[]) =>
  emptyChangelog.replace("## Unreleased\n", `## Unreleased\n\n${entries.join("\n")}\n`);

/** Runs `npm run schema:check`'s script on copies of the three files. */
function runCheck(current: string, changelog: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "schema-check-"));
  for (const [name, text] of Object.entries({ released, current, changelog })) writeFileSync(join(dir, name), text);
  const run = spawnSync(
    join(root, "node_modules", ".bin", "tsx"),
    [
      join(root, "scripts", "schema-check.ts"),
      ...[
        "--released",
        join(dir, "released"),
        "--current",
        join(dir, "current"),
        "--changelog",
        join(dir, "changelog"),
      ],
    ],
    { cwd: root, encoding: "utf8" },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the real schema", () => {
  it("passes npm run schema:check against schema/released.graphql and CHANGELOG.md", () => {
    const run = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "schema-check.ts")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.stdout + run.stderr).toContain("schema:check passed.");
    expect(run.status).toBe(0);
  });
});

describe("a breaking change", () => {
  it("fails the command with a message naming each change and the entry to write", () => {
    const { status, output } = runCheck(breakingSchema(), emptyChangelog);
    expect(status).toBe(1);
    expect(output).toContain("4 breaking (0 recorded in CHANGELOG.md)");
    for (const line of [
      "FIELD_REMOVED `Region.seat`: Field 'seat' was removed from object type 'Region'",
      "FIELD_ARGUMENT_TYPE_CHANGED `Query.regions(after:)`: Type for argument 'after' on field 'Query.regions' changed from 'String' to 'String!'",
      "INPUT_FIELD_TYPE_CHANGED `RegionFilter.seat`: Input field 'RegionFilter.seat' changed type from 'StringFilter' to 'StringFilter!'",
      "ENUM_VALUE_REMOVED `RegionOrderField.POPULATION`: Enum value 'POPULATION' was removed from enum 'RegionOrderField'",
      "- YYYY-MM-DD `FIELD_REMOVED` `Region.seat`: why, and what to use instead.",
      "schema:check failed.",
    ]) {
      expect(output).toContain(line);
    }
  });

  it("passes once CHANGELOG.md records every one of them", () => {
    const { status, output } = runCheck(breakingSchema(), changelogWith(...breakingEntries));
    expect(output).toContain("4 breaking (4 recorded in CHANGELOG.md)");
    expect(output).toContain("schema:check passed.");
    expect(status).toBe(0);
  });

  it("fails while one of them is unrecorded, naming only that one", async () => {
    const check = await checkSchema({
      released,
      current: breakingSchema(),
      changelog: changelogWith(...breakingEntries.slice(1)),
    });
    expect(check.ok).toBe(false);
    expect(check.unrecorded.map((c) => [c.type, c.coordinate])).toEqual([["FIELD_REMOVED", "Region.seat"]]);
  });

  it("is matched by type and coordinate: an entry for another field or change type does not count", async () => {
    const current = withoutField(released, "Region", "seat");
    for (const entry of [
      "- 2027-03-01 `FIELD_REMOVED` `Region.name`: wrong field.",
      "- 2027-03-01 `FIELD_TYPE_CHANGED` `Region.seat`: wrong change type.",
    ]) {
      const check = await checkSchema({ released, current, changelog: changelogWith(entry) });
      expect(check.ok).toBe(false);
      expect(check.unrecorded.map((c) => c.coordinate)).toEqual(["Region.seat"]);
      // The entry names no change at all, which is a problem of its own.
      expect(check.problems).toEqual([expect.stringMatching(/^CHANGELOG\.md line 5 records .* not a change/)]);
    }
  });

  it("only counts entries under Unreleased: an entry of an earlier release does not", async () => {
    const changelog = `# Changelog\n\n## Unreleased\n\n## 2026-12-01\n\n${breakingEntries[0]}\n`;
    const check = await checkSchema({ released, current: withoutField(released, "Region", "seat"), changelog });
    expect(check.unrecorded.map((c) => c.coordinate)).toEqual(["Region.seat"]);
  });
});

describe("CHANGELOG.md entries", () => {
  it("must follow the format, with a calendar date and a known change type", async () => {
    const current = withoutField(released, "Region", "seat");
    const cases: [string, RegExp][] = [
      ["- Removed `Region.seat` because it moved.", /line 5 is not an entry: write it as - YYYY-MM-DD/],
      ["- 2027-02-30 `FIELD_REMOVED` `Region.seat`: moved.", /line 5: 2027-02-30 is not a date/],
      [
        "- 2027-03-01 `FIELD_DELETED` `Region.seat`: moved.",
        /line 5: FIELD_DELETED is not a GraphQL Inspector change type/,
      ],
      ["- 2027-03-01 `FIELD_REMOVED` `Region.seat`:", /line 5 is not an entry/],
    ];
    for (const [entry, problem] of cases) {
      const check = await checkSchema({ released, current, changelog: changelogWith(entry) });
      expect(check.ok, entry).toBe(false);
      expect(check.problems, entry).toContainEqual(expect.stringMatching(problem));
    }
  });

  it("are required to have an Unreleased section", async () => {
    const check = await checkSchema({ released, current: released, changelog: "# Changelog\n" });
    expect(check.problems).toEqual(['CHANGELOG.md has no "## Unreleased" section.']);
  });
});

describe("a safe or dangerous change", () => {
  it("an added field passes without an entry", async () => {
    const current = edit(released, "Region", (d) => ({
      ...d,
      fields: [
        ...d.fields,
        {
          kind: Kind.FIELD_DEFINITION,
          name: name("addedByThisTest"),
          type: { kind: Kind.NAMED_TYPE, name: name("String") },
        },
      ],
    }));
    const check = await checkSchema({ released, current, changelog: emptyChangelog });
    expect(check.ok).toBe(true);
    expect(check.safe.map((c) => [c.type, c.coordinate])).toEqual([["FIELD_ADDED", "Region.addedByThisTest"]]);
    expect(check.report).toContain("0 breaking (0 recorded in CHANGELOG.md), 0 dangerous, 1 safe changes");
  });

  it("an added enum value passes, reported as dangerous with Inspector's reason", async () => {
    const current = edit(released, "Language", (d) => ({
      ...d,
      values: [...d.values, { kind: Kind.ENUM_VALUE_DEFINITION, name: name("DE") }],
    }));
    const check = await checkSchema({ released, current, changelog: emptyChangelog });
    expect(check.ok).toBe(true);
    expect(check.dangerous.map((c) => [c.type, c.coordinate])).toEqual([["ENUM_VALUE_ADDED", "Language.DE"]]);
    expect(check.report).toContain("Dangerous changes");
    expect(check.report).toContain(
      "ENUM_VALUE_ADDED `Language.DE`: Enum value 'DE' was added to enum 'Language'. Adding an enum value may break",
    );
  });
});

describe("a deprecation", () => {
  const deprecate = (reason?: string) =>
    mapFields(released, "Region", "seat", (f) => ({
      ...f,
      directives: [
        {
          kind: Kind.DIRECTIVE,
          name: name("deprecated"),
          arguments:
            reason === undefined
              ? []
              : [{ kind: Kind.ARGUMENT, name: name("reason"), value: { kind: Kind.STRING, value: reason } }],
        },
      ],
    }));

  it("fails without a reason, or with an empty one", async () => {
    for (const current of [deprecate(), deprecate(" ")]) {
      const check = await checkSchema({ released, current, changelog: emptyChangelog });
      expect(check.ok).toBe(false);
      expect(check.problems).toEqual([
        "`Region.seat` is deprecated without a reason: say why, and what to use instead.",
      ]);
    }
  });

  it("passes with a reason, as a safe change", async () => {
    const current = deprecate("Use `municipality`. Removal on 2027-03-01.");
    const check = await checkSchema({ released, current, changelog: emptyChangelog });
    expect(check.ok).toBe(true);
    expect(check.safe.map((c) => [c.type, c.coordinate])).toContainEqual(["FIELD_DEPRECATION_ADDED", "Region.seat"]);
    // Announced in the changelog as the policy (docs/schema-evolution.md) asks: an entry that names a real change.
    const announced = changelogWith(
      "- 2027-01-01 `FIELD_DEPRECATION_ADDED` `Region.seat`: use `municipality`; removal on 2027-03-01.",
    );
    expect((await checkSchema({ released, current, changelog: announced })).ok).toBe(true);
  });
});

describe("a release", () => {
  it("moves the Unreleased entries under the release's date, below a new Unreleased", () => {
    const changelog = changelogWith(breakingEntries[0]!);
    expect(release(changelog, "2027-03-01")).toBe(
      `# Changelog\n\n## Unreleased\n\n## 2027-03-01\n\n${breakingEntries[0]}\n\n## 2026-12-01\n\nThe first released schema.\n`,
    );
  });

  it("leaves a changelog with nothing unreleased as it is, and refuses a date that is not one", () => {
    expect(release(emptyChangelog, "2027-03-01")).toBe(emptyChangelog);
    expect(() => release(emptyChangelog, "2027-13-01")).toThrow("2027-13-01 is not a date");
  });
});
