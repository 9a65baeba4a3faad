import type { RecordOf } from "../data/entities";
import { builder } from "./builder";
import { FigureUnit } from "./export-figure";
import { nodeOf } from "./node";
import { NominationRef, refOf } from "./refs";
import { listOf } from "./sizes";
import { sourcesField } from "./source";
import { LocalizedTextRef, localizedField, textField } from "./text";

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
      ...listOf("nominationReasons", (r) => r.facts),
    }),
    figures: t.field({
      type: [NominationFigureRef],
      description: "The figures it gave, as it gave them.",
      ...listOf("nominationReasons", (r) => r.figures),
    }),
    people: t.field({
      type: [refOf("person")],
      description: "People the sources name around the nomination.",
      ...listOf("nominationReasons", (r, store) => store.link("nominationReasons", r, "people")),
    }),
    sources: sourcesField(t),
  }),
});
