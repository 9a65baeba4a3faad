import {
  type AwardEdition,
  articlesOfEdition,
  awardBySlug,
  companyBySlug,
  editionByAwardYear,
  editionById,
  editions,
  editionsOfAward,
  nominationsOfEdition,
  personBySlug,
  quotesOfEdition,
  regionByCode,
} from "../data";
import { builder } from "./builder";
import { pageOf } from "./connection";
import {
  IntFilter,
  type IntFilterInput,
  indexKeys,
  intOn,
  StringFilter,
  type StringFilterInput,
  textOn,
} from "./filters";
import { ascii, type ListSpec, orderInput } from "./list";
import {
  ArticleConnection,
  ArticleRef,
  AwardEditionConnection,
  AwardEditionRef,
  AwardRef,
  CompanyRef,
  NominationRef,
  PersonRef,
  QuoteConnection,
  QuoteRef,
  RegionRef,
} from "./refs";
import { rootList } from "./root-fields";
import { sourcesField } from "./source";
import { nullableLocalizedField, nullableTextField } from "./text";

const isRegionPrize = (e: AwardEdition) => awardBySlug(e.award)!.nomineeKind === "region";

builder.node(AwardEditionRef, {
  description: "A prize in one year: its ceremony, nominees, winner and motivation.",
  id: { resolve: (e) => e.id },
  loadOne: (id) => editionById(id) ?? null,
  isTypeOf: (value) => editionById((value as AwardEdition).id) === value,
  fields: (t) => ({
    slug: t.exposeString("id", {
      description: "Readable, stable id: the prize's slug and the year (`arets-exportregion-2022`).",
    }),
    award: t.field({ type: AwardRef, description: "The prize.", resolve: (e) => awardBySlug(e.award)! }),
    year: t.exposeInt("year", { description: "The year of the edition." }),
    ceremonyDate: t.field({
      type: "Date",
      nullable: true,
      description: "The day the prize was presented; null when no source gives it.",
      resolve: (e) => e.ceremonyDate,
    }),
    place: nullableTextField(t, {
      description: "Where the prize was presented; null when no source says.",
      resolve: (e) => e.place,
    }),
    presentedBy: t.field({
      type: PersonRef,
      nullable: true,
      description: "Who presented the prize; null when no source says.",
      resolve: (e) => (e.presentedBy ? personBySlug(e.presentedBy)! : null),
    }),
    presenterRole: nullableTextField(t, {
      description: "The presenter's role at the time of the ceremony.",
      resolve: (e) => e.presenterRole,
    }),
    inPresenceOf: t.field({
      type: PersonRef,
      nullable: true,
      description: "The guest of honour at the ceremony; null when no source names one.",
      resolve: (e) => (e.inPresenceOf ? personBySlug(e.inPresenceOf)! : null),
    }),
    receivedBy: t.field({
      type: PersonRef,
      nullable: true,
      description: "Who received the prize on the winner's behalf; null when no source says.",
      resolve: (e) => (e.receivedBy ? personBySlug(e.receivedBy)! : null),
    }),
    winner: t.field({
      type: RegionRef,
      nullable: true,
      description: "The winning region of a prize for regions; null for a prize for companies (see `winningCompany`).",
      resolve: (e) => (isRegionPrize(e) ? regionByCode(e.winner)! : null),
    }),
    nominees: t.field({
      type: [RegionRef],
      description:
        "The nominated regions, the winner among them, of a prize for regions; empty for a prize for companies.",
      resolve: (e) => (isRegionPrize(e) ? e.nominees.map((code) => regionByCode(code)!) : []),
    }),
    winningCompany: t.field({
      type: CompanyRef,
      nullable: true,
      description: "The winning company of a prize for companies; null for a prize for regions.",
      resolve: (e) => (isRegionPrize(e) ? null : companyBySlug(e.winner)!),
    }),
    nominatedCompanies: t.field({
      type: [CompanyRef],
      description:
        "The nominated companies, the winner among them, of a prize for companies; empty for a prize for regions.",
      resolve: (e) => (isRegionPrize(e) ? [] : e.nominees.map((slug) => companyBySlug(slug)!)),
    }),
    nominations: t.field({
      type: [NominationRef],
      description: "Every nomination of the edition, won or not, whatever the prize is given to.",
      resolve: (e) => nominationsOfEdition(e.id),
    }),
    motivation: nullableTextField(t, {
      description: "The jury's motivation for the winner; null when no source gives it.",
      resolve: (e) => e.motivation,
    }),
    motivationText: nullableLocalizedField(t, {
      description: "The motivation in both languages.",
      resolve: (e) => e.motivation,
    }),
    notes: nullableTextField(t, {
      description: "Remarks on what the sources say of this edition.",
      resolve: (e) => e.notes,
    }),
    articles: t.connection(
      {
        type: ArticleRef,
        description: "Articles about this edition, newest first.",
        resolve: (e, args) => pageOf(args, articlesOfEdition(e.id)),
      },
      ArticleConnection,
    ),
    quotes: t.connection(
      {
        type: QuoteRef,
        description: "Quotes about this edition.",
        resolve: (e, args) => pageOf(args, quotesOfEdition(e.id)),
      },
      QuoteConnection,
    ),
    sources: sourcesField(t),
  }),
});

type AwardEditionFilterShape = { award?: StringFilterInput | null; year?: IntFilterInput | null };

const AwardEditionFilter = builder.inputRef<AwardEditionFilterShape>("AwardEditionFilter").implement({
  description: "Conditions on prize editions; all given conditions must hold.",
  fields: (t) => ({
    award: t.field({ type: StringFilter, description: "The prize's slug (`arets-exportregion`)." }),
    year: t.field({ type: IntFilter, description: "The year." }),
  }),
});

const AwardEditionOrder = orderInput("AwardEdition", { YEAR: "Year (then prize)." });

const editionList: ListSpec<AwardEdition, AwardEditionFilterShape> = {
  all: editions,
  candidates: (f) => indexKeys(f.award)?.map((slug) => editionsOfAward(slug)) ?? null,
  predicates: (f) => [textOn(f.award, "award", (e) => e.award), intOn(f.year, "year", (e) => e.year)],
  orders: { YEAR: (a, b) => a.year - b.year || ascii(a.award, b.award) },
};

rootList({
  field: "awardEditions",
  type: AwardEditionRef,
  connection: AwardEditionConnection,
  what: "editions",
  description: "Prize editions, filtered and ordered (by prize, then year, unless `orderBy` says otherwise).",
  filter: AwardEditionFilter,
  order: AwardEditionOrder,
  spec: editionList,
});

builder.queryFields((t) => ({
  awardEdition: t.field({
    type: AwardEditionRef,
    nullable: true,
    description: "A prize's edition of one year, or null when there is none.",
    args: {
      award: t.arg.string({ required: true, description: "The prize's slug (`arets-exportregion`)." }),
      year: t.arg.int({ required: true, description: "The year (`2022`)." }),
    },
    resolve: (_, { award, year }) => editionByAwardYear(award, year) ?? null,
  }),
}));
