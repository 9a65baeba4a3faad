// The data check finds each kind of defect in a mutated copy of the real data, and names
// the file, the record and the field. The real data has no problems.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkDataDir, dataDir, readDataDir } from "../../scripts/data-check";
import { checkDataset, type Problem } from "../../src/data/check";
import { root } from "./deployable";

type Records = Record<string, unknown>[];

/** A deep copy of the real data files, to break one thing in. */
function realFiles(): Record<string, Records> {
  return structuredClone(readDataDir(dataDir).files) as Record<string, Records>;
}

/** The one record of a file whose id field has this value. */
function record(files: Record<string, Records>, file: string, key: string, id: string) {
  const found = files[file]?.find((r) => r[key] === id);
  if (!found) throw new Error(`test setup: no ${id} in ${file}`);
  return found as Record<string, any>;
}

const where = (p: Problem) => ({ file: p.file, id: p.id, field: p.field });

test("the real dataset has no problems", () => {
  const { files, problems } = checkDataDir(dataDir);
  expect(problems).toEqual([]);
  expect(Object.keys(files).sort()).toEqual([
    "articles.json",
    "award-editions.json",
    "awards.json",
    "companies.json",
    "export-cooperations.json",
    "export-figures.json",
    "interviews.json",
    "nomination-reasons.json",
    "organizations.json",
    "people.json",
    "quotes.json",
    "regions.json",
  ]);
});

describe("each kind of defect is reported with its file, id and field", () => {
  test("a dangling id", () => {
    const files = realFiles();
    record(files, "quotes.json", "id", "anna-hallberg-arets-exportregion-2022").person = "anna-halberg";
    record(files, "award-editions.json", "id", "arets-exportregion-2022").nominees[2] = "SE-ZZ";
    expect(checkDataset(files)).toEqual([
      {
        file: "award-editions.json",
        id: "arets-exportregion-2022",
        field: "nominees.2",
        message: 'no region "SE-ZZ"',
      },
      {
        file: "quotes.json",
        id: "anna-hallberg-arets-exportregion-2022",
        field: "person",
        message: 'no person "anna-halberg"',
      },
    ]);
  });

  test("a nominee of the wrong kind (a region nominated for the company prize)", () => {
    const files = realFiles();
    record(files, "award-editions.json", "id", "arets-exportsucce-2022").nominees[1] = "SE-BD";
    expect(checkDataset(files).map(where)).toEqual([
      { file: "award-editions.json", id: "arets-exportsucce-2022", field: "nominees.1" },
    ]);
  });

  test("a duplicate slug", () => {
    const files = realFiles();
    record(files, "regions.json", "isoCode", "SE-C").slug = "stockholm";
    files["people.json"]!.push({ ...record(files, "people.json", "slug", "linda-nilsson") });
    expect(checkDataset(files)).toEqual([
      { file: "regions.json", id: "SE-C", field: "slug", message: 'duplicate slug "stockholm"' },
      { file: "people.json", id: "linda-nilsson", field: "slug", message: 'duplicate slug "linda-nilsson"' },
    ]);
  });

  test("a nomination's reasons: a person who does not exist, a region that was not nominated, a wrong id", () => {
    const files = realFiles();
    const skane = record(files, "nomination-reasons.json", "id", "arets-exportregion-2022-se-m");
    skane.people[1] = "ulrika-gerts";
    const uppsala = {
      ...structuredClone(skane),
      id: "arets-exportregion-2021-se-c",
      edition: "arets-exportregion-2021",
      nominee: "SE-C",
      people: [],
    };
    const halland = record(files, "nomination-reasons.json", "id", "arets-exportregion-2021-se-n");
    halland.id = "halland-2021";
    halland.figures[0].periodStart = 2021;
    files["nomination-reasons.json"]!.push(uppsala);
    expect(checkDataset(files)).toEqual([
      {
        file: "nomination-reasons.json",
        id: "halland-2021",
        field: "id",
        message: 'must be "arets-exportregion-2021-se-n" (edition-nominee)',
      },
      {
        file: "nomination-reasons.json",
        id: "halland-2021",
        field: "figures.0.periodStart",
        message: "period 2021-2020 does not run forward",
      },
      {
        file: "nomination-reasons.json",
        id: "arets-exportregion-2022-se-m",
        field: "people.1",
        message: 'no person "ulrika-gerts"',
      },
      {
        file: "nomination-reasons.json",
        id: "arets-exportregion-2021-se-c",
        field: "nominee",
        message: '"SE-C" is not among the nominees of arets-exportregion-2021',
      },
    ]);
  });

  test("a winner who was not nominated", () => {
    const files = realFiles();
    record(files, "award-editions.json", "id", "arets-exportregion-2022").winner = "SE-AB";
    expect(checkDataset(files)).toEqual([
      {
        file: "award-editions.json",
        id: "arets-exportregion-2022",
        field: "winner",
        message: '"SE-AB" is not among the nominees',
      },
    ]);
  });

  test("a missing or blank Swedish text", () => {
    const files = realFiles();
    delete record(files, "interviews.json", "slug", "lars-ake-isaksson-een-norrbotten").questions[1].answer.sv;
    record(files, "award-editions.json", "id", "arets-exportregion-2022").motivation.sv = "  ";
    expect(checkDataset(files).map(where)).toEqual([
      { file: "award-editions.json", id: "arets-exportregion-2022", field: "motivation.sv" },
      { file: "interviews.json", id: "lars-ake-isaksson-een-norrbotten", field: "questions.1.answer.sv" },
    ]);
  });

  test("a bad date: not on the calendar, or not in the edition's year", () => {
    const files = realFiles();
    record(files, "award-editions.json", "id", "arets-exportregion-2021").ceremonyDate = "2021-02-29";
    record(files, "award-editions.json", "id", "arets-exportregion-2022").ceremonyDate = "2021-08-31";
    record(files, "articles.json", "slug", "norrbotten-ar-arets-exportregion").publishedAt = "2022-9-8";
    expect(checkDataset(files).map(where)).toEqual([
      { file: "award-editions.json", id: "arets-exportregion-2021", field: "ceremonyDate" },
      { file: "articles.json", id: "norrbotten-ar-arets-exportregion", field: "publishedAt" },
      { file: "award-editions.json", id: "arets-exportregion-2022", field: "ceremonyDate" },
    ]);
  });

  test("a record without a source", () => {
    const files = realFiles();
    record(files, "companies.json", "slug", "broddson").sources = [];
    record(files, "people.json", "slug", "sabrina-suikki").sources = ["not a url"];
    expect(checkDataset(files).map(where)).toEqual([
      { file: "companies.json", id: "broddson", field: "sources" },
      { file: "people.json", id: "sabrina-suikki", field: "sources.0" },
    ]);
  });

  test("every problem at once, even in a record whose shape is also wrong", () => {
    const files = realFiles();
    const edition = record(files, "award-editions.json", "id", "arets-exportregion-2022");
    edition.motivation.en = "";
    edition.winner = "SE-AB";
    edition.receivedBy = "nobody";
    record(files, "regions.json", "isoCode", "SE-BD").population.date = "2023-12-32";
    expect(checkDataset(files).map(where)).toEqual([
      { file: "regions.json", id: "SE-BD", field: "population.date" },
      { file: "award-editions.json", id: "arets-exportregion-2022", field: "motivation.en" },
      { file: "award-editions.json", id: "arets-exportregion-2022", field: "receivedBy" },
      { file: "award-editions.json", id: "arets-exportregion-2022", field: "winner" },
    ]);
  });
});

test("npm run data:check prints `file: id: field: message` per problem and exits 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "data-check-"));
  cpSync(dataDir, dir, { recursive: true });
  const files = realFiles();
  record(files, "award-editions.json", "id", "arets-exportregion-2022").winner = "SE-AB";
  writeFileSync(join(dir, "award-editions.json"), JSON.stringify(files["award-editions.json"]));
  writeFileSync(join(dir, "quotes.json"), "[{");

  const run = spawnSync("npm", ["run", "-s", "data:check", "--", dir], { cwd: root, encoding: "utf8" });
  expect(run.status).toBe(1);
  expect(run.stdout.trim().split("\n")).toEqual([
    expect.stringMatching(/^quotes\.json: -: -: not valid JSON: /),
    'award-editions.json: arets-exportregion-2022: winner: "SE-AB" is not among the nominees',
  ]);
});
