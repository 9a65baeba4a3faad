/**
 * The record types, by name: each is the `z.infer` of its kind's declared shape
 * (./entities), so the schema and the data can never disagree about a field. Types only.
 */
import type { RecordOf } from "./entities";

export type { Dataset, KindName, RecordOf } from "./entities";
export type { Lang, LocalizedText } from "./kit";

export type Region = RecordOf<"region">;
export type Award = RecordOf<"award">;
export type AwardEdition = RecordOf<"edition">;
export type Company = RecordOf<"company">;
export type Article = RecordOf<"article">;
export type Quote = RecordOf<"quote">;
export type Interview = RecordOf<"interview">;
export type InterviewQuestion = Interview["questions"][number];
export type Person = RecordOf<"person">;
export type Organization = RecordOf<"organization">;
export type ExportCooperation = RecordOf<"cooperation">;
export type ExportFigure = RecordOf<"figure">;
