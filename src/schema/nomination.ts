import type { RecordOf } from "../data/entities";
import { builder } from "./builder";
import { FigureUnit } from "./export-figure";
import { nodeOf } from "./node";
import { NominationRef, refOf } from "./refs";
import { SourceRef, sourcesField } from "./source";
import { LocalizedTextRef, localizedField, textField } from "./text";

builder.node(NominationRef, {
  description: "A region or company nominated for a prize edition, and whether it won.",
  id: { resolve: (n) => n.id },
  loadOne: (id, { store }) => store.nomination(id) ?? null,
  fields: (t) => ({
    edition: t.field({ type: refOf("edition"), description: "The prize edition.", resolve: (n) => n.edition }),
    won: t.exposeBoolean("won", { description: "True when the nominee won the edition." }),
    region: t.field({
      type: refOf("region"),
      nullable: true,
      description: "The nominated region, for a prize for regions; null otherwise.",
      resolve: (n, _, { store }) => (n.nomineeKind === "region" ? store.get("region", n.nominee) : null),
    }),
    company: t.field({
      type: refOf("company"),
      nullable: true,
      description: "The nominated company, for a prize for companies; null otherwise.",
      resolve: (n, _, { store }) => (n.nomineeKind === "company" ? store.get("company", n.nominee) : null),
    }),
    reasons: t.field({
      type: refOf("nominationReasons"),
      nullable: true,
      description:
        "Why the nominee was nominated, as the nominating body stated it: facts, figures and the people around it. Null when the dataset has no such statement.",
      resolve: (n, _, { store }) => store.indexed("nominationReasons", "nomination", n.id)[0] ?? null,
    }),
    sources: t.field({
      type: [SourceRef],
      description: "Where the nomination is stated: the sources of its edition.",
      resolve: (n) => n.edition.sources.map((url) => ({ url })),
    }),
  }),
});

const NominationFigureRef = builder
  .objectRef<RecordOf<"nominationReasons">["figures"][number]>("NominationFigure")
  .implement({
    description: "A figure that a nominating body gave as a reason, as it gave it.",
    fields: (t) => ({
      measure: t.string({
        description: "A stable key of what is measured, such as `sme-goods-exports-per-inhabitant-change`.",
        resolve: (f) => f.measure.key,
      }),
      label: textField(t, { description: "What is measured, in words.", resolve: (f) => f.measure.label }),
      labelText: localizedField(t, { description: "The label in both languages.", resolve: (f) => f.measure.label }),
      value: t.exposeFloat("value", { description: "The value, in `unit`." }),
      unit: t.field({ type: FigureUnit, description: "The unit of `value`.", resolve: (f) => f.unit }),
      year: t.exposeInt("year", {
        nullable: true,
        description: "The year, or the last year of the period; null when the source gives no year.",
      }),
      periodStart: t.exposeInt("periodStart", {
        nullable: true,
        description:
          "The first year of the period the value covers (a change from periodStart to year); null for a single year.",
      }),
    }),
  });

builder.node(refOf("nominationReasons"), {
  ...nodeOf("nominationReasons"),
  description:
    "Why a region or company was nominated for a prize edition, as the nominating body stated it, in this project's words.",
  fields: (t) => ({
    nomination: t.field({
      type: NominationRef,
      description: "The nomination these are the reasons of.",
      resolve: (r, _, { store }) => {
        const nomination = store.nomination(`${r.edition}:${r.nominee}`);
        if (!nomination) throw new Error(`no nomination ${r.edition}:${r.nominee}`);
        return nomination;
      },
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "What the nominating body stated, fact by fact, paraphrased by this project in both languages.",
      resolve: (r) => r.facts,
    }),
    figures: t.field({
      type: [NominationFigureRef],
      description: "The figures it gave, as it gave them.",
      resolve: (r) => r.figures,
    }),
    people: t.field({
      type: [refOf("person")],
      description: "People the sources name around the nomination.",
      resolve: (r, _, { store }) => store.link("nominationReasons", r, "people"),
    }),
    sources: sourcesField(t),
  }),
});
