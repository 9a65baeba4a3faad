import { DATA_LICENCE } from "../data/licence";
import type { DataStore } from "../data/store";
import { builder } from "./builder";

/** Where the whole dataset is downloaded from, on the API's own host (scripts/build-data-downloads.ts). */
export const DATASET_DOWNLOAD = "/data/dataset.json";

builder.queryField("datasetVersion", (t) =>
  t.string({
    description: "A short hash of the dataset: it changes whenever any record changes.",
    resolve: (_, __, { store }) => store.datasetVersion,
  }),
);

const DataLicenceRef = builder.objectRef<typeof DATA_LICENCE>("DataLicence").implement({
  description:
    "The licence of the dataset (the project's LICENSE-DATA): what a reuse of the data must credit. Words quoted from a source are not the project's: each record credits them in its `sources`.",
  fields: (t) => ({
    name: t.exposeString("name", { description: 'The licence\'s short name: "CC BY 4.0".' }),
    title: t.exposeString("title", {
      description: 'The licence\'s full name: "Creative Commons Attribution 4.0 International".',
    }),
    spdx: t.exposeString("spdx", { description: 'The licence\'s SPDX identifier: "CC-BY-4.0".' }),
    url: t.expose("url", { type: "URL", description: "The licence's summary (deed)." }),
    legalCodeUrl: t.expose("legalCodeUrl", { type: "URL", description: "The licence's full text (legal code)." }),
    licensor: t.exposeString("licensor", { description: "Who licenses the dataset." }),
    attribution: t.exposeString("attribution", { description: "How to credit the dataset when reusing it." }),
    scope: t.exposeString("scope", {
      description: "What the licence covers (the compilation, the project's texts and translations), and what not.",
    }),
  }),
});

const DatasetRef = builder.objectRef<DataStore>("Dataset").implement({
  description: "The dataset this API answers from: its version, its licence and where to download it.",
  fields: (t) => ({
    version: t.string({
      description: "A short hash of the dataset (as `datasetVersion`): it changes whenever any record changes.",
      resolve: (store) => store.datasetVersion,
    }),
    licence: t.field({
      type: DataLicenceRef,
      description: "The licence of the data: CC BY 4.0 for the compilation, the project's own texts and translations.",
      resolve: () => DATA_LICENCE,
    }),
    download: t.string({
      description:
        "The path, on this API's host, of the whole dataset as one JSON file (its version, its licence and every data file's records): `/data/dataset.json`. Each data file is also at `/data/<file>.json`, as in the project's data/ folder. Downloads are static files: they run no query and count against no limit.",
      resolve: () => DATASET_DOWNLOAD,
    }),
  }),
});

builder.queryField("dataset", (t) =>
  t.field({
    type: DatasetRef,
    description: "The dataset: its version, its licence (CC BY 4.0) and where to download it whole.",
    resolve: (_, __, { store }) => store,
  }),
);
