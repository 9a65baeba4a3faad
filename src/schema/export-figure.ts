import { builder } from "./builder";
import { nodeOf } from "./node";
import { refOf } from "./refs";
import { rootList } from "./root-fields";
import { sourcesField } from "./source";
import { localizedField, nullableTextField, textField } from "./text";

const FigureScope = builder.enumType("FigureScope", {
  description: "What an export figure covers.",
  values: {
    REGION: { value: "region", description: "One region." },
    COUNTRY: { value: "country", description: "All of Sweden." },
  } as const,
});

export const FigureUnit = builder.enumType("FigureUnit", {
  description: "The unit of a figure's value.",
  values: {
    SEK_PER_INHABITANT: { value: "SEK_PER_INHABITANT", description: "Swedish kronor per inhabitant." },
    PERCENT: { value: "PERCENT", description: "Per cent (a change over the period: +32 means 32 % more)." },
    COUNT_PER_100000_INHABITANTS: {
      value: "COUNT_PER_100000_INHABITANTS",
      description: "How many (companies, say) there are per 100 000 inhabitants.",
    },
  } as const,
});

builder.node(refOf("figure"), {
  ...nodeOf("figure"),
  description:
    "One export statistic: a value with its unit, for a region or all of Sweden, in a year or over a period.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Readable, stable id." }),
    scope: t.field({ type: FigureScope, description: "A region, or all of Sweden.", resolve: (f) => f.scope }),
    region: t.field({
      type: refOf("region"),
      nullable: true,
      description: "The region; null when the figure covers all of Sweden.",
      resolve: (f, _, { store }) => store.link("figure", f, "region"),
    }),
    measure: t.string({
      description: "A stable key of what is measured, such as `goods-exports-per-inhabitant`.",
      resolve: (f) => f.measure.key,
    }),
    label: textField(t, { description: "What is measured, in words.", resolve: (f) => f.measure.label }),
    labelText: localizedField(t, { description: "The label in both languages.", resolve: (f) => f.measure.label }),
    value: t.exposeFloat("value", { description: "The value, in `unit`." }),
    unit: t.field({ type: FigureUnit, description: "The unit of `value`.", resolve: (f) => f.unit }),
    year: t.exposeInt("year", { description: "The year, or the last year of the period." }),
    periodStart: t.exposeInt("periodStart", {
      nullable: true,
      description:
        "The first year of the period the value covers (a change from periodStart to year); null for a single year.",
    }),
    note: nullableTextField(t, { description: "A remark the source makes about the value.", resolve: (f) => f.note }),
    sources: sourcesField(t),
  }),
});

rootList("figure", {
  field: "exportFigures",
  description: "Export figures, filtered and ordered.",
  filter: {
    region: {
      on: "text",
      value: (f) => f.region ?? "SE",
      index: "area",
      description: "The region's ISO 3166-2 code, or `SE` for all of Sweden.",
    },
    measure: { on: "text", value: (f) => f.measure.key, description: "The measure's key." },
    year: { on: "int", value: (f) => f.year, description: "The year (the last year of a period)." },
  },
  orders: {
    YEAR: { description: "Year.", compare: (a, b) => a.year - b.year },
    VALUE: { description: "Value.", compare: (a, b) => a.value - b.value },
  },
});
