// Where to report a wrong fact: package.json's repository, bugs and homepage, the issue form
// .github/ISSUE_TEMPLATE/wrong-data.yml (which record, which field, what is wrong, the source,
// each required) and LICENSE-DATA's link to it name the same repository.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// GraphQL Code Generator's YAML parser (a dependency of @graphql-codegen/cli).
import { parse } from "yaml";
import { REPOSITORY_URL } from "../../src/data/licence";
import { root } from "./deployable";

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const form = parse(readFileSync(join(root, ".github", "ISSUE_TEMPLATE", "wrong-data.yml"), "utf8"));

describe("reporting wrong data", () => {
  it("package.json names the repository, its issues and its home", () => {
    expect(pkg.repository).toEqual({ type: "git", url: `git+${REPOSITORY_URL}.git` });
    expect(pkg.bugs).toEqual({ url: `${REPOSITORY_URL}/issues` });
    expect(pkg.homepage).toBe(`${REPOSITORY_URL}#readme`);
  });

  it("has an issue form asking for the record, the field, what is wrong and the source", () => {
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    const required = form.body
      .filter((item: { validations?: { required?: boolean } }) => item.validations?.required)
      .map((item: { id: string }) => item.id);
    expect(required).toEqual(["record", "field", "wrong", "source"]);
  });

  it("is linked from LICENSE-DATA", () => {
    expect(readFileSync(join(root, "LICENSE-DATA"), "utf8")).toContain(
      `${REPOSITORY_URL}/issues/new?template=wrong-data.yml`,
    );
  });
});
