import { builder } from "./builder";

builder.queryField("datasetVersion", (t) =>
  t.string({
    description: "A short hash of the dataset: it changes whenever any record changes.",
    resolve: (_, __, { store }) => store.datasetVersion,
  }),
);
