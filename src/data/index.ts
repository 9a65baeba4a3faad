/**
 * The bundled dataset: the only runtime module that reads the files in data/, through
 * src/generated/data-files.ts. The JSON is bundled by esbuild and indexed by `createStore`,
 * with the search index built ahead of time from the same files (src/generated/search-index.ts). The schema never imports this module:
 * it reads the store its context hands it, so a test or a bench can hand it other data.
 *
 * The files are trusted here because `npm run data:check` (part of `npm test`) validates
 * them against the declared shapes before anything is deployed; zod stays out of the bundle.
 */
import { files as bundled } from "../generated/data-files";
import * as searchIndex from "../generated/search-index";
import type { Dataset } from "./entities";
import { createStore } from "./store";

export { type Dataset, type KindName, kindNames, kinds, type RecordOf } from "./entities";
export type {
  Article,
  Award,
  AwardEdition,
  Company,
  ExportCooperation,
  ExportFigure,
  Interview,
  InterviewQuestion,
  Lang,
  LocalizedText,
  Organization,
  Person,
  Quote,
  Region,
} from "./shape";
export {
  BrokenLinkError,
  createStore,
  DataStore,
  idOf,
  type Nomination,
  type PrebuiltSearchIndex,
  type StoreOptions,
} from "./store";

/**
 * The bundled files, as the data check validated them (src/generated/data-files.ts imports each
 * kind's file, as its declaration names it): JSON's types say `string` where the shapes say
 * which strings. A kind without its file here fails the type check: run `npm run generate`.
 */
const files: Record<keyof Dataset, unknown> = bundled;

/** The bundled dataset, as checked by `npm run data:check`. */
export const dataset = files as Dataset;

/** The bundled dataset, indexed, with its prebuilt search index and its version, both computed at build time. */
export const store = createStore(dataset, {
  searchIndex: searchIndex.json ? { datasetVersion: searchIndex.datasetVersion, json: searchIndex.json } : null,
  datasetVersion: searchIndex.datasetVersion,
});

/** The bundled dataset's version (`store.datasetVersion`), for ETags. */
export const datasetVersion = store.datasetVersion;
