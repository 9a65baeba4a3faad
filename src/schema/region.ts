import {
  articlesOfRegion,
  cooperationsOfRegion,
  editionById,
  figuresOfRegion,
  interviewsOfRegion,
  neighboursOf,
  nominationsOfRegion,
  organizationsOfRegion,
  quotesOfRegion,
  type Region,
  regionByCode,
  regionBySlug,
  regions,
} from "../data";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { badInput } from "./errors";
import { IntFilter, indexKeys, intOn, StringFilter, textOn } from "./filters";
import { ascii, type ListSpec, orderInput, swedish } from "./list";
import {
  ArticleConnection,
  ArticleRef,
  AwardEditionRef,
  ExportCooperationRef,
  ExportFigureRef,
  InterviewConnection,
  InterviewRef,
  NominationRef,
  OrganizationRef,
  QuoteConnection,
  QuoteRef,
  RegionConnection,
  RegionRef,
} from "./refs";
import { rootList } from "./root-fields";
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

builder.node(RegionRef, {
  description:
    "One of Sweden's 21 regions (län): its codes, names, seat, land area and population, and what the API knows of its export promotion.",
  id: { resolve: (r) => r.isoCode },
  loadOne: (code) => regionByCode(code) ?? null,
  isTypeOf: (value) => regionByCode((value as Region).isoCode) === value,
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
      type: [RegionRef],
      description:
        "Bordering regions where a source states the border (on either side), by county code. Not necessarily complete: empty means no source stated a border.",
      resolve: (r) => neighboursOf(r.isoCode),
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
      resolve: (r) => nominationsOfRegion(r.isoCode),
    }),
    wonEditions: t.field({
      type: [AwardEditionRef],
      description: "The prize editions the region won, by prize and year.",
      resolve: (r) =>
        nominationsOfRegion(r.isoCode)
          .filter((n) => n.won)
          .map((n) => editionById(n.edition.id)!),
    }),
    interviews: t.connection(
      {
        type: InterviewRef,
        description: "Interviews about export promotion in the region.",
        resolve: (r, args) => pageOf(args, interviewsOfRegion(r.isoCode)),
      },
      InterviewConnection,
    ),
    articles: t.connection(
      {
        type: ArticleRef,
        description: "Articles about the region, newest first.",
        resolve: (r, args) => pageOf(args, articlesOfRegion(r.isoCode)),
      },
      ArticleConnection,
    ),
    quotes: t.connection(
      {
        type: QuoteRef,
        description: "Quotes about the region.",
        resolve: (r, args) => pageOf(args, quotesOfRegion(r.isoCode)),
      },
      QuoteConnection,
    ),
    exportCooperations: t.field({
      type: [ExportCooperationRef],
      description: "The region's export cooperation (regional exportsamverkan), where the dataset has it.",
      resolve: (r) => cooperationsOfRegion(r.isoCode),
    }),
    exportFigures: t.field({
      type: [ExportFigureRef],
      description: "Export figures for the region, by measure and year.",
      resolve: (r) => figuresOfRegion(r.isoCode),
    }),
    organizations: t.field({
      type: [OrganizationRef],
      description: "Organizations that work in or for the region.",
      resolve: (r) => organizationsOfRegion(r.isoCode),
    }),
    sources: sourcesField(t),
  }),
});

type RegionFilterShape = {
  isoCode?: typeof StringFilter.$inferInput | null;
  slug?: typeof StringFilter.$inferInput | null;
  countyCode?: typeof StringFilter.$inferInput | null;
  name?: typeof StringFilter.$inferInput | null;
  seat?: typeof StringFilter.$inferInput | null;
  population?: typeof IntFilter.$inferInput | null;
  landAreaKm2?: typeof IntFilter.$inferInput | null;
};

const RegionFilter = builder.inputRef<RegionFilterShape>("RegionFilter").implement({
  description: "Conditions on regions; all given conditions must hold.",
  fields: (t) => ({
    isoCode: t.field({ type: StringFilter, description: "The ISO 3166-2 code (`SE-BD`)." }),
    slug: t.field({ type: StringFilter, description: "The slug (`norrbotten`)." }),
    countyCode: t.field({ type: StringFilter, description: "The two-digit county code (`25`)." }),
    name: t.field({ type: StringFilter, description: "The name, in Swedish or English." }),
    seat: t.field({ type: StringFilter, description: "The seat (residensstad)." }),
    population: t.field({ type: IntFilter, description: "The population." }),
    landAreaKm2: t.field({ type: IntFilter, description: "The land area in km² (compared as a whole number)." }),
  }),
});

const RegionOrder = orderInput("Region", {
  NAME: "Swedish name, in Swedish alphabetical order.",
  POPULATION: "Population.",
  LAND_AREA: "Land area.",
  COUNTY_CODE: "County code (länskod), the default order.",
});

const regionList: ListSpec<Region, RegionFilterShape> = {
  all: regions,
  candidates: (f) => {
    const codes = indexKeys(f.isoCode);
    return codes ? [codes.flatMap((c) => regionByCode(c) ?? [])] : null;
  },
  predicates: (f) => [
    textOn(f.isoCode, "isoCode", (r) => r.isoCode),
    textOn(f.slug, "slug", (r) => r.slug),
    textOn(f.countyCode, "countyCode", (r) => r.countyCode),
    textOn(f.name, "name", (r) => [r.name.sv, r.name.en]),
    textOn(f.seat, "seat", (r) => r.seat),
    intOn(f.population, "population", (r) => r.population.value),
    intOn(f.landAreaKm2, "landAreaKm2", (r) => (r.landAreaKm2 == null ? null : Math.round(r.landAreaKm2))),
  ],
  orders: {
    NAME: (a, b) => swedish(a.name.sv, b.name.sv),
    POPULATION: (a, b) => a.population.value - b.population.value,
    LAND_AREA: (a, b) => (a.landAreaKm2 ?? -1) - (b.landAreaKm2 ?? -1),
    COUNTY_CODE: (a, b) => ascii(a.countyCode, b.countyCode),
  },
};

rootList({
  field: "regions",
  type: RegionRef,
  connection: RegionConnection,
  what: "regions",
  description: "Sweden's 21 regions, filtered and ordered (by county code unless `orderBy` says otherwise).",
  filter: RegionFilter,
  order: RegionOrder,
  spec: regionList,
});

builder.queryFields((t) => ({
  region: t.field({
    type: RegionRef,
    nullable: true,
    description:
      "A region by its ISO 3166-2 code (`SE-BD`) or its slug (`norrbotten`); give one of them. Null when there is no such region.",
    args: {
      code: t.arg.string({ description: "ISO 3166-2 code, such as `SE-BD`." }),
      slug: t.arg.string({ description: "Slug, such as `norrbotten`." }),
    },
    resolve: (_, { code, slug }) => {
      if ((code == null) === (slug == null)) throw badInputOneOf();
      return (code != null ? regionByCode(code) : regionBySlug(slug!)) ?? null;
    },
  }),
}));

function badInputOneOf() {
  return badInput("`region` takes exactly one of `code` and `slug`.");
}
