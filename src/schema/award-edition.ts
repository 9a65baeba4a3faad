import type { AwardEdition } from "../data/shape";
import type { DataStore } from "../data/store";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { ascii } from "./list";
import { nodeOf } from "./node";
import { connectionOf, NominationRef, refOf } from "./refs";
import { rootList } from "./root-fields";
import { sourcesField } from "./source";
import { nullableLocalizedField, nullableTextField } from "./text";

/** Whether the edition's prize goes to regions (its nominees are region codes) or to companies. */
const isRegionPrize = (store: DataStore, e: AwardEdition) => store.link("edition", e, "award").nomineeKind === "region";

builder.node(refOf("edition"), {
  ...nodeOf("edition"),
  description: "A prize in one year: its ceremony, nominees, winner and motivation.",
  fields: (t) => ({
    slug: t.exposeString("id", {
      description: "Readable, stable id: the prize's slug and the year (`arets-exportregion-2022`).",
    }),
    award: t.field({
      type: refOf("award"),
      description: "The prize.",
      resolve: (e, _, { store }) => store.link("edition", e, "award"),
    }),
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
      type: refOf("person"),
      nullable: true,
      description: "Who presented the prize; null when no source says.",
      resolve: (e, _, { store }) => store.link("edition", e, "presentedBy"),
    }),
    presenterRole: nullableTextField(t, {
      description: "The presenter's role at the time of the ceremony.",
      resolve: (e) => e.presenterRole,
    }),
    inPresenceOf: t.field({
      type: refOf("person"),
      nullable: true,
      description: "The guest of honour at the ceremony; null when no source names one.",
      resolve: (e, _, { store }) => store.link("edition", e, "inPresenceOf"),
    }),
    receivedBy: t.field({
      type: refOf("person"),
      nullable: true,
      description: "Who received the prize on the winner's behalf; null when no source says.",
      resolve: (e, _, { store }) => store.link("edition", e, "receivedBy"),
    }),
    winner: t.field({
      type: refOf("region"),
      nullable: true,
      description: "The winning region of a prize for regions; null for a prize for companies (see `winningCompany`).",
      resolve: (e, _, { store }) => (isRegionPrize(store, e) ? store.get("region", e.winner) : null),
    }),
    nominees: t.field({
      type: [refOf("region")],
      description:
        "The nominated regions, the winner among them, of a prize for regions; empty for a prize for companies.",
      resolve: (e, _, { store }) =>
        isRegionPrize(store, e) ? e.nominees.map((code) => store.get("region", code)) : [],
    }),
    winningCompany: t.field({
      type: refOf("company"),
      nullable: true,
      description: "The winning company of a prize for companies; null for a prize for regions.",
      resolve: (e, _, { store }) => (isRegionPrize(store, e) ? null : store.get("company", e.winner)),
    }),
    nominatedCompanies: t.field({
      type: [refOf("company")],
      description:
        "The nominated companies, the winner among them, of a prize for companies; empty for a prize for regions.",
      resolve: (e, _, { store }) =>
        isRegionPrize(store, e) ? [] : e.nominees.map((slug) => store.get("company", slug)),
    }),
    nominations: t.field({
      type: [NominationRef],
      description: "Every nomination of the edition, won or not, whatever the prize is given to.",
      resolve: (e, _, { store }) => store.nominationsOfEdition(e.id),
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
        type: refOf("article"),
        description: "Articles about this edition, newest first.",
        resolve: (e, args, { store }) => pageOf(args, store.backlinks("article", "editions", e.id)),
      },
      connectionOf("article"),
    ),
    quotes: t.connection(
      {
        type: refOf("quote"),
        description: "Quotes about this edition.",
        resolve: (e, args, { store }) => pageOf(args, store.backlinks("quote", "edition", e.id)),
      },
      connectionOf("quote"),
    ),
    sources: sourcesField(t),
  }),
});

rootList("edition", {
  field: "awardEditions",
  description: "Prize editions, filtered and ordered (by prize, then year, unless `orderBy` says otherwise).",
  filter: {
    award: {
      on: "text",
      value: (e) => e.award,
      index: "award",
      description: "The prize's slug (`arets-exportregion`).",
    },
    year: { on: "int", value: (e) => e.year, description: "The year." },
  },
  orders: {
    YEAR: { description: "Year (then prize).", compare: (a, b) => a.year - b.year || ascii(a.award, b.award) },
  },
});

builder.queryFields((t) => ({
  awardEdition: t.field({
    type: refOf("edition"),
    nullable: true,
    description: "A prize's edition of one year, or null when there is none.",
    args: {
      award: t.arg.string({ required: true, description: "The prize's slug (`arets-exportregion`)." }),
      year: t.arg.int({ required: true, description: "The year (`2022`)." }),
    },
    resolve: (_, { award, year }, { store }) => store.indexed("edition", "awardYear", `${award}:${year}`)[0] ?? null,
  }),
}));
