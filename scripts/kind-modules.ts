// The two modules that make a kind of record's files part of the Worker, written from the
// declarations in src/data/entities.ts (a step of `npm run generate`), so that adding a kind
// touches its data file, its declaration and its GraphQL type file, and nothing else:
//
//   src/generated/data-files.ts    a static import of every kind's data file (the bundler
//                                  needs one per file), for src/data/index.ts
//   src/generated/schema-types.ts  an import of every kind's GraphQL type file,
//                                  src/schema/<its type in kebab case>.ts, for src/schema/index.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
import { kindNames, kinds } from "../src/data/entities";

const header = (what: string) =>
  `// Written by \`npm run generate\` (scripts/kind-modules.ts) from the declarations in\n// src/data/entities.ts: ${what}. Do not edit.\n`;

/** `AwardEdition` → `award-edition`. */
export const kebab = (type: string) => type.replace(/(?<=[a-z0-9])(?=[A-Z])/g, "-").toLowerCase();

/** The files, by path relative to the project; throws when a kind's type file is missing. */
export function kindModules(projectRoot: string): Record<string, string> {
  const missing: string[] = [];
  const data: string[] = [];
  const lists: string[] = [];
  const types: string[] = [];
  for (const name of kindNames) {
    const { file, list, type } = kinds[name];
    if (!existsSync(join(projectRoot, "data", file))) missing.push(`data/${file} (the data of kind ${name})`);
    const typeFile = `src/schema/${kebab(type)}.ts`;
    if (!existsSync(join(projectRoot, typeFile)))
      missing.push(`${typeFile} (the GraphQL type ${type} of kind ${name})`);
    // Imported under a name of its own: a list's name need not be a valid binding (`default`).
    data.push(`import file${data.length} from ${JSON.stringify(`../../data/${file}`)};`);
    lists.push(`  ${JSON.stringify(list)}: file${lists.length},`);
    types.push(`import ${JSON.stringify(`../schema/${kebab(type)}`)};`);
  }
  if (missing.length) throw new Error(`scripts/kind-modules.ts: missing ${missing.join(", ")}`);
  return {
    "src/generated/data-files.ts": `${header("every kind's data file, under its list's name")}${data.join("\n")}\n\nexport const files = {\n${lists.join("\n")}\n};\n`,
    "src/generated/schema-types.ts": `${header("every kind's GraphQL type file")}${types.join("\n")}\n`,
  };
}
