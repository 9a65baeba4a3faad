/**
 * The dataset's licence, declared once: LICENSE-DATA says it in full, the API answers it
 * (`dataset { licence }`, src/schema/dataset.ts) and the whole-dataset download carries it
 * (scripts/build-data-downloads.ts). test/node/data-downloads.test.ts holds the three equal.
 */
export const DATA_LICENCE = {
  /** The licence's short name (its SPDX identifier is `CC-BY-4.0`). */
  name: "CC BY 4.0",
  title: "Creative Commons Attribution 4.0 International",
  spdx: "CC-BY-4.0",
  /** The licence's summary (deed). */
  url: "https://creativecommons.org/licenses/by/4.0/",
  /** The licence's full text (legal code). */
  legalCodeUrl: "https://creativecommons.org/licenses/by/4.0/legalcode",
  /** Who licenses it, and how to credit it. */
  licensor: "The exportpriser-graphql authors",
  attribution:
    "Exportpriser GraphQL dataset, by the exportpriser-graphql authors (https://github.com/exportpriser/exportpriser-graphql), CC BY 4.0",
  /** What the licence covers, and what it does not. */
  scope:
    "The compilation (the selection and arrangement of the records and their links), the project's own texts (paraphrases) and its translations. Words quoted from a source remain its author's: each record credits them in its `sources`, and they are not licensed by the project.",
} as const;

/** Where the project lives, and where a wrong fact is reported (package.json says the same). */
export const REPOSITORY_URL = "https://github.com/exportpriser/exportpriser-graphql";
