/**
 * The dataset as the rest of the Worker sees it: the only runtime module that knows the
 * files in data/. The JSON is bundled by esbuild, and indexed once per isolate when this
 * module is first evaluated. To serve a larger store later, replace what this module
 * exports; the schema only uses the functions below.
 *
 * The files are trusted here because `npm run data:check` (part of `npm test`) validates
 * them against `./shape` before anything is deployed; zod stays out of the bundle.
 */
import articlesJson from "../../data/articles.json";
import editionsJson from "../../data/award-editions.json";
import awardsJson from "../../data/awards.json";
import companiesJson from "../../data/companies.json";
import cooperationsJson from "../../data/export-cooperations.json";
import figuresJson from "../../data/export-figures.json";
import interviewsJson from "../../data/interviews.json";
import organizationsJson from "../../data/organizations.json";
import peopleJson from "../../data/people.json";
import quotesJson from "../../data/quotes.json";
import regionsJson from "../../data/regions.json";
import type { Dataset } from "./shape";
import { createStore } from "./store";

export type {
  Article,
  Award,
  AwardEdition,
  Company,
  Dataset,
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
export { createStore, type DataStore, type Nomination } from "./store";

/** The bundled dataset, as checked by `npm run data:check`. */
export const dataset = {
  regions: regionsJson,
  awards: awardsJson,
  editions: editionsJson,
  companies: companiesJson,
  articles: articlesJson,
  quotes: quotesJson,
  interviews: interviewsJson,
  people: peopleJson,
  organizations: organizationsJson,
  cooperations: cooperationsJson,
  figures: figuresJson,
} as unknown as Dataset;

/** The bundled dataset, indexed. */
export const store = createStore(dataset);

export const {
  datasetVersion,
  regions,
  regionByCode,
  regionBySlug,
  neighboursOf,
  awards,
  awardBySlug,
  editions,
  editionById,
  editionsOfAward,
  editionByAwardYear,
  editionsOfPerson,
  nominationById,
  nominationsOfEdition,
  nominationsOfRegion,
  nominationsOfCompany,
  companies,
  companyBySlug,
  articles,
  articleBySlug,
  articlesOfEdition,
  articlesOfRegion,
  articlesOfPublisher,
  quotes,
  quoteById,
  quotesOfPerson,
  quotesOfArticle,
  quotesOfEdition,
  quotesOfRegion,
  interviews,
  interviewBySlug,
  interviewsOfRegion,
  interviewsOfPerson,
  interviewsOfOrganization,
  interviewsOfArticle,
  people,
  personBySlug,
  peopleOfOrganization,
  organizations,
  organizationBySlug,
  childOrganizations,
  organizationsOfRegion,
  cooperations,
  cooperationBySlug,
  cooperationsOfRegion,
  cooperationsOfOrganization,
  figures,
  figureById,
  figuresOfRegion,
} = store;
