/**
 * The object types, declared before they are implemented, so that the type files can
 * point at each other (region → interviews → region) without import cycles.
 */
import type {
  Article,
  Award,
  AwardEdition,
  Company,
  ExportCooperation,
  ExportFigure,
  Interview,
  InterviewQuestion,
  Nomination,
  Organization,
  Person,
  Quote,
  Region,
} from "../data";
import { builder } from "./builder";
import { connectionType } from "./connection";

export const RegionRef = builder.objectRef<Region>("Region");
export const AwardRef = builder.objectRef<Award>("Award");
export const AwardEditionRef = builder.objectRef<AwardEdition>("AwardEdition");
export const NominationRef = builder.objectRef<Nomination>("Nomination");
export const CompanyRef = builder.objectRef<Company>("Company");
export const ArticleRef = builder.objectRef<Article>("Article");
export const QuoteRef = builder.objectRef<Quote>("Quote");
export const InterviewRef = builder.objectRef<Interview>("Interview");
export const InterviewQuestionRef = builder.objectRef<InterviewQuestion & { position: number }>("InterviewQuestion");
export const PersonRef = builder.objectRef<Person>("Person");
export const OrganizationRef = builder.objectRef<Organization>("Organization");
export const ExportCooperationRef = builder.objectRef<ExportCooperation>("ExportCooperation");
export const ExportFigureRef = builder.objectRef<ExportFigure>("ExportFigure");

/** The connection types, one per entity type, shared by every field that pages through it. */
export const ArticleConnection = connectionType(ArticleRef, "Article", "articles");
export const AwardConnection = connectionType(AwardRef, "Award", "prizes");
export const AwardEditionConnection = connectionType(AwardEditionRef, "AwardEdition", "prize editions");
export const CompanyConnection = connectionType(CompanyRef, "Company", "companies");
export const ExportCooperationConnection = connectionType(
  ExportCooperationRef,
  "ExportCooperation",
  "export cooperations",
);
export const ExportFigureConnection = connectionType(ExportFigureRef, "ExportFigure", "export figures");
export const InterviewConnection = connectionType(InterviewRef, "Interview", "interviews");
export const OrganizationConnection = connectionType(OrganizationRef, "Organization", "organizations");
export const PersonConnection = connectionType(PersonRef, "Person", "people");
export const QuoteConnection = connectionType(QuoteRef, "Quote", "quotes");
export const RegionConnection = connectionType(RegionRef, "Region", "regions");
