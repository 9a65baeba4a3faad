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
