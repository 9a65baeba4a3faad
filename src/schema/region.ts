import type { Region } from "../data/shape";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { ascii, swedish } from "./list";
import { nodeOf } from "./node";
import { connectionOf, NominationRef, refOf } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { localizedField, textField } from "./text";

const PopulationRef = builder.objectRef<Region["population"]>("Population").implement({
  description: "A region's population on a given date (SCB).",
  fields: (t) => ({
    value: t.exposeInt("value", { description: "Number of inhabitants." }),
    date: t.field({ type: "Date", description: "The date the count refers to.", resolve: (p) => p.date }),
    year: t.int({ description: "The year of `date`.", resolve: (p) => Number(p.date.slice(0, 4)) }),
  }),
});

builder.node(refOf("region"), {
  ...nodeOf("region"),
  description:
    "One of Sweden's 21 regions (län): its codes, names, seat, land area and population, and what the API knows of its export promotion.",
  fields: (t) => ({
    isoCode: t.exposeString("isoCode", { description: "ISO 3166-2 code, such as `SE-BD` for Norrbotten." }),
    slug: t.exposeString("slug", { description: "Readable, stable id, such as `norrbotten`." }),
    countyCode: t.exposeString("countyCode", { description: "Länskod: the two-digit county code, such as `25`." }),
    nuts3: t.exposeString("nuts3", { description: "The NUTS 3 statistical region code, such as `SE332`." }),
    name: textField(t, {
      description: "The region's name, such as `Norrbottens län` or `Norrbotten County`.",
      resolve: (r) => r.name,
    }),
    nameText: localizedField(t, { description: "The region's name in both languages.", resolve: (r) => r.name }),
    seat: t.exposeString("seat", { description: "Residensstad: the seat of the county administrative board." }),
    landAreaKm2: t.float({
      nullable: true,
      description:
        "Land area in square kilometres (SCB, 1 January 2024, unless `landAreaSource` names an older basis).",
      resolve: (r) => r.landAreaKm2,
    }),
    landAreaSource: t.exposeString("landAreaSource", {
      nullable: true,
      description: "The older basis of `landAreaKm2` where the common SCB table had no value; null otherwise.",
    }),
    population: t.field({
      type: PopulationRef,
      description: "Population (SCB, 31 December 2023).",
      resolve: (r) => r.population,
    }),
    neighbours: t.field({
      type: [refOf("region")],
      description:
        "Bordering regions where a source states the border (on either side), by county code. Not necessarily complete: empty means no source stated a border.",
      resolve: (r, _, { store }) => store.neighboursOf(r.isoCode),
    }),
    neighbourCountries: t.stringList({
      nullable: true,
      description:
        "Bordering countries as ISO 3166-1 alpha-2 codes (`NO`, `FI`) where a source states them; null when none did.",
      resolve: (r) => r.neighbourCountries,
    }),
    nominations: t.field({
      type: [NominationRef],
      description: "The region's nominations for a prize, won or not, by prize and year.",
      resolve: (r, _, { store }) => store.nominationsOf("region", r.isoCode),
    }),
    wonEditions: t.field({
      type: [refOf("edition")],
      description: "The prize editions the region won, by prize and year.",
      resolve: (r, _, { store }) =>
        store
          .nominationsOf("region", r.isoCode)
          .filter((n) => n.won)
          .map((n) => n.edition),
    }),
    interviews: t.connection(
      {
        type: refOf("interview"),
        description: "Interviews about export promotion in the region.",
        resolve: (r, args, { store }) => pageOf(args, store.backlinks("interview", "region", r.isoCode)),
      },
      connectionOf("interview"),
    ),
    articles: t.connection(
      {
        type: refOf("article"),
        description: "Articles about the region, newest first.",
        resolve: (r, args, { store }) => pageOf(args, store.backlinks("article", "regions", r.isoCode)),
      },
      connectionOf("article"),
    ),
    quotes: t.connection(
      {
        type: refOf("quote"),
        description: "Quotes about the region.",
        resolve: (r, args, { store }) => pageOf(args, store.backlinks("quote", "region", r.isoCode)),
      },
      connectionOf("quote"),
    ),
    exportCooperations: t.field({
      type: [refOf("cooperation")],
      description: "The region's export cooperation (regional exportsamverkan), where the dataset has it.",
      resolve: (r, _, { store }) => store.backlinks("cooperation", "region", r.isoCode),
    }),
    exportFigures: t.field({
      type: [refOf("figure")],
      description: "Export figures for the region, by measure and year.",
      resolve: (r, _, { store }) => store.backlinks("figure", "region", r.isoCode),
    }),
    organizations: t.field({
      type: [refOf("organization")],
      description: "Organizations that work in or for the region.",
      resolve: (r, _, { store }) => store.backlinks("organization", "region", r.isoCode),
    }),
    sources: sourcesField(t),
  }),
});

rootList("region", {
  field: "regions",
  description: "Sweden's 21 regions, filtered and ordered (by county code unless `orderBy` says otherwise).",
  filter: {
    isoCode: { on: "text", value: (r) => r.isoCode, index: "id", description: "The ISO 3166-2 code (`SE-BD`)." },
    slug: { on: "text", value: (r) => r.slug, index: "slug", description: "The slug (`norrbotten`)." },
    countyCode: { on: "text", value: (r) => r.countyCode, description: "The two-digit county code (`25`)." },
    name: { on: "text", value: (r) => [r.name.sv, r.name.en], description: "The name, in Swedish or English." },
    seat: { on: "text", value: (r) => r.seat, description: "The seat (residensstad)." },
    population: { on: "int", value: (r) => r.population.value, description: "The population." },
    landAreaKm2: { on: "float", value: (r) => r.landAreaKm2, description: "The land area in km²." },
  },
  orders: {
    NAME: {
      description: "Swedish name, in Swedish alphabetical order.",
      compare: (a, b) => swedish(a.name.sv, b.name.sv),
    },
    POPULATION: { description: "Population.", compare: (a, b) => a.population.value - b.population.value },
    LAND_AREA: { description: "Land area.", compare: (a, b) => (a.landAreaKm2 ?? -1) - (b.landAreaKm2 ?? -1) },
    COUNTY_CODE: {
      description: "County code (länskod), the default order.",
      compare: (a, b) => ascii(a.countyCode, b.countyCode),
    },
  },
});

rootLookup("region", {
  field: "region",
  description:
    "A region by its ISO 3166-2 code (`SE-BD`) or its slug (`norrbotten`); give one of them. Null when there is no such region.",
  keys: {
    code: { key: "id", description: "ISO 3166-2 code, such as `SE-BD`." },
    slug: { key: "slug", description: "Slug, such as `norrbotten`." },
  },
});
