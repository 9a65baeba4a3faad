import { type ExportFigure, figureById, figures, figuresOfRegion, regionByCode } from "../data";
import { builder } from "./builder";
import {
  IntFilter,
  type IntFilterInput,
  indexKeys,
  intOn,
  StringFilter,
  type StringFilterInput,
  textOn,
} from "./filters";
import { type ListSpec, orderInput } from "./list";
import { ExportFigureConnection, ExportFigureRef, RegionRef } from "./refs";
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

const FigureUnit = builder.enumType("FigureUnit", {
  description: "The unit of an export figure's value.",
  values: {
    SEK_PER_INHABITANT: { value: "SEK_PER_INHABITANT", description: "Swedish kronor per inhabitant." },
    PERCENT: { value: "PERCENT", description: "Per cent (a change over the period: +32 means 32 % more)." },
  } as const,
});

builder.node(ExportFigureRef, {
  description:
    "One export statistic: a value with its unit, for a region or all of Sweden, in a year or over a period.",
  id: { resolve: (f) => f.id },
  loadOne: (id) => figureById(id) ?? null,
  isTypeOf: (value) => figureById((value as ExportFigure).id) === value,
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Readable, stable id." }),
    scope: t.field({ type: FigureScope, description: "A region, or all of Sweden.", resolve: (f) => f.scope }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: "The region; null when the figure covers all of Sweden.",
      resolve: (f) => (f.region ? regionByCode(f.region)! : null),
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

type FigureFilterShape = {
  region?: StringFilterInput | null;
  measure?: StringFilterInput | null;
  year?: IntFilterInput | null;
};

const ExportFigureFilter = builder.inputRef<FigureFilterShape>("ExportFigureFilter").implement({
  description: "Conditions on export figures; all given conditions must hold.",
  fields: (t) => ({
    region: t.field({ type: StringFilter, description: "The region's ISO 3166-2 code, or `SE` for all of Sweden." }),
    measure: t.field({ type: StringFilter, description: "The measure's key." }),
    year: t.field({ type: IntFilter, description: "The year (the last year of a period)." }),
  }),
});

const ExportFigureOrder = orderInput("ExportFigure", { YEAR: "Year.", VALUE: "Value." });

const figureList: ListSpec<ExportFigure, FigureFilterShape> = {
  all: figures,
  candidates: (f) => indexKeys(f.region)?.map((code) => figuresOfRegion(code)) ?? null,
  predicates: (f) => [
    textOn(f.region, "region", (x) => x.region ?? "SE"),
    textOn(f.measure, "measure", (x) => x.measure.key),
    intOn(f.year, "year", (x) => x.year),
  ],
  orders: { YEAR: (a, b) => a.year - b.year, VALUE: (a, b) => a.value - b.value },
};

rootList({
  field: "exportFigures",
  type: ExportFigureRef,
  connection: ExportFigureConnection,
  what: "figures",
  description: "Export figures, filtered and ordered.",
  filter: ExportFigureFilter,
  order: ExportFigureOrder,
  spec: figureList,
});
