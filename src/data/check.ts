/**
 * The data check: every problem in the files of data/, all at once, each naming the file,
 * the record's id and the field. It is derived from the declarations (./entities): each
 * record's shape, unique ids and fields, and every declared link; then each kind's extra
 * rules (a winner among its nominees, a nominee of the award's kind, ...).
 *
 * Used by `npm run data:check` and the tests; never imported by the Worker.
 */
import type { z } from "zod";
import { checks, type Dataset, type KindName, kindNames, kinds } from "./entities";
import type { RuleCheck } from "./kind";
import { kit } from "./kit";

export interface Problem {
  file: string;
  /** The record's id (its id, slug or ISO code), or `#<index>` when it has none. */
  id: string;
  /** The path of the field inside the record (`nominees.1`, `motivation.sv`); empty for the file. */
  field: string;
  message: string;
}

type Fields = Readonly<Record<string, unknown>>;

/** A declaration and its check as the check reads them, for any kind (see AnyDeclaration in ./store). */
interface Checked {
  file: string;
  list: keyof Dataset;
  id: string;
  unique?: readonly string[];
  links?: Readonly<Record<string, string>>;
}
interface Rules {
  shape(s: typeof kit): z.ZodType;
  rules?(record: Fields, check: RuleCheck): void;
}
const declarationOf = (kind: KindName): Checked & Rules => {
  const declared: Checked = kinds[kind];
  const checked: Rules = checks[kind];
  return { ...declared, shape: checked.shape, rules: checked.rules };
};

/** Each data file and the kind of its records. */
export const files: Readonly<Record<string, KindName>> = Object.fromEntries(kindNames.map((k) => [kinds[k].file, k]));

/** The kind of that name; a rule that names no kind is a mistake in a declaration. */
function kindNamed(name: string): KindName {
  const kind = kindNames.find((k) => k === name);
  if (!kind) throw new Error(`no kind of record "${name}" is declared`);
  return kind;
}

const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);

function idOf(declaration: Checked, record: unknown, index: number): string {
  const value = isObject(record) ? record[declaration.id] : undefined;
  return typeof value === "string" && value !== "" ? value : `#${index}`;
}

export function checkDataset(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const report = (file: string, id: string, field: string, message: string) =>
    problems.push({ file, id, field, message });

  for (const name of Object.keys(input)) {
    if (!Object.hasOwn(files, name)) {
      report(name, "", "", `not a data file (known files: ${Object.keys(files).join(", ")})`);
    }
  }

  // The shape of each record on its own, so that one bad record hides nothing else.
  const records = new Map<KindName, Fields[]>();
  for (const kind of kindNames) {
    const declaration = declarationOf(kind);
    const list: Fields[] = [];
    records.set(kind, list);
    const content = Object.hasOwn(input, declaration.file) ? input[declaration.file] : undefined;
    if (content === undefined) {
      report(declaration.file, "", "", "file is missing");
      continue;
    }
    if (!Array.isArray(content)) {
      report(declaration.file, "", "", "must be a JSON array of records");
      continue;
    }
    const shape = declaration.shape(kit);
    content.forEach((record, index) => {
      const parsed = shape.safeParse(record);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          report(declaration.file, idOf(declaration, record, index), issue.path.join("."), issue.message);
        }
      }
      if (isObject(record)) list.push(record);
    });
  }

  // Unique ids and fields; the ids are what links point at.
  const ids = new Map<KindName, Map<string, Fields>>();
  for (const kind of kindNames) {
    const declaration = declarationOf(kind);
    for (const field of [declaration.id, ...(declaration.unique ?? [])]) {
      const seen = new Map<string, Fields>();
      for (const record of records.get(kind) ?? []) {
        const key = record[field];
        if (typeof key !== "string") continue;
        if (seen.has(key))
          report(declaration.file, String(record[declaration.id]), field, `duplicate ${field} "${key}"`);
        else seen.set(key, record);
      }
      if (field === declaration.id) ids.set(kind, seen);
    }
  }

  // Links, then each kind's own rules. They also run over records whose shape is wrong
  // (already reported, but their links still count), so a rule judges only a value of the right type.
  for (const kind of kindNames) {
    const declaration = declarationOf(kind);
    for (const record of records.get(kind) ?? []) {
      const id = String(record[declaration.id]);
      const check: RuleCheck = {
        report: (field, message) => report(declaration.file, id, field, message),
        link: (field, value, target) => {
          const known = ids.get(kindNamed(target));
          const missing = (v: unknown, path: string) => {
            if (typeof v === "string" && !known?.has(v)) report(declaration.file, id, path, `no ${target} "${v}"`);
          };
          if (!Array.isArray(value)) missing(value, field);
          else
            value.forEach((v, i) => {
              missing(v, `${field}.${i}`);
            });
        },
        record: (target, key) => ids.get(kindNamed(target))?.get(key),
      };
      for (const [field, target] of Object.entries(declaration.links ?? {})) check.link(field, record[field], target);
      declaration.rules?.(record, check);
    }
  }
  return problems;
}

/** `file: id: field: message`, one line per problem. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.id || "-"}: ${p.field || "-"}: ${p.message}`;
}
