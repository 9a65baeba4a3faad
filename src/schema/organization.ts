import {
  articlesOfPublisher,
  childOrganizations,
  cooperationsOfOrganization,
  interviewsOfOrganization,
  type Organization,
  organizationBySlug,
  organizations,
  peopleOfOrganization,
  regionByCode,
} from "../data";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { indexKeys, StringFilter, type StringFilterInput, textOn } from "./filters";
import { type ListSpec, orderInput, swedish } from "./list";
import {
  ArticleConnection,
  ArticleRef,
  ExportCooperationRef,
  InterviewConnection,
  InterviewRef,
  OrganizationConnection,
  OrganizationRef,
  PersonConnection,
  PersonRef,
  RegionRef,
} from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef, nullableLocalizedField, nullableTextField } from "./text";

builder.node(OrganizationRef, {
  description: "An organization in Swedish export promotion: government, agencies, networks, chambers of commerce.",
  id: { resolve: (o) => o.slug },
  loadOne: (slug) => organizationBySlug(slug) ?? null,
  isTypeOf: (value) => organizationBySlug((value as Organization).slug) === value,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id, such as `ltu-business`." }),
    name: t.exposeString("name", { description: "The organization's name, as it calls itself." }),
    shortName: t.exposeString("shortName", {
      nullable: true,
      description: "A short name such as `EEN`; null when it has none.",
    }),
    englishName: t.exposeString("englishName", {
      nullable: true,
      description: "The English name a source gives; null when none does.",
    }),
    description: nullableTextField(t, { description: "What the organization is.", resolve: (o) => o.description }),
    descriptionText: nullableLocalizedField(t, {
      description: "The description in both languages.",
      resolve: (o) => o.description,
    }),
    founded: t.exposeString("founded", {
      nullable: true,
      description: "When it was founded: a date (YYYY-MM-DD) or a year (YYYY); null when no source says.",
    }),
    website: t.field({ type: "URL", nullable: true, description: "Its website.", resolve: (o) => o.website }),
    parent: t.field({
      type: OrganizationRef,
      nullable: true,
      description: "The organization it belongs to, if a source says.",
      resolve: (o) => (o.parent ? organizationBySlug(o.parent)! : null),
    }),
    children: t.field({
      type: [OrganizationRef],
      description: "Organizations that belong to it.",
      resolve: (o) => childOrganizations(o.slug),
    }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: "The region it works in or for, if it is a regional organization.",
      resolve: (o) => (o.region ? regionByCode(o.region)! : null),
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Facts the sources state about it.",
      resolve: (o) => o.facts,
    }),
    people: t.connection(
      {
        type: PersonRef,
        description: "People who work for it.",
        resolve: (o, args) => pageOf(args, peopleOfOrganization(o.slug)),
      },
      PersonConnection,
    ),
    exportCooperations: t.field({
      type: [ExportCooperationRef],
      description: "Regional export cooperations it leads or is a partner of.",
      resolve: (o) => cooperationsOfOrganization(o.slug),
    }),
    interviews: t.connection(
      {
        type: InterviewRef,
        description: "Interviews with people speaking for it.",
        resolve: (o, args) => pageOf(args, interviewsOfOrganization(o.slug)),
      },
      InterviewConnection,
    ),
    articles: t.connection(
      {
        type: ArticleRef,
        description: "Articles it published, newest first.",
        resolve: (o, args) => pageOf(args, articlesOfPublisher(o.slug)),
      },
      ArticleConnection,
    ),
    sources: sourcesField(t),
  }),
});

type OrganizationFilterShape = {
  slug?: StringFilterInput | null;
  name?: StringFilterInput | null;
  region?: StringFilterInput | null;
};

const OrganizationFilter = builder.inputRef<OrganizationFilterShape>("OrganizationFilter").implement({
  description: "Conditions on organizations; all given conditions must hold.",
  fields: (t) => ({
    slug: t.field({ type: StringFilter, description: "The slug." }),
    name: t.field({ type: StringFilter, description: "The name, short name or English name." }),
    region: t.field({ type: StringFilter, description: "The ISO 3166-2 code of the region it works in." }),
  }),
});

const OrganizationOrder = orderInput("Organization", { NAME: "Name, in Swedish alphabetical order." });

const organizationList: ListSpec<Organization, OrganizationFilterShape> = {
  all: organizations,
  candidates: (f) => {
    const slugs = indexKeys(f.slug);
    return slugs ? [slugs.flatMap((s) => organizationBySlug(s) ?? [])] : null;
  },
  predicates: (f) => [
    textOn(f.slug, "slug", (o) => o.slug),
    textOn(f.name, "name", (o) => [o.name, o.shortName, o.englishName]),
    textOn(f.region, "region", (o) => o.region),
  ],
  orders: { NAME: (a, b) => swedish(a.name, b.name) },
};

rootList({
  field: "organizations",
  type: OrganizationRef,
  connection: OrganizationConnection,
  what: "organizations",
  description: "Organizations, filtered and ordered.",
  filter: OrganizationFilter,
  order: OrganizationOrder,
  spec: organizationList,
});

rootLookup({
  field: "organization",
  type: OrganizationRef,
  description: "An organization by slug, or null when there is none.",
  slugDescription: "The organization's slug.",
  find: organizationBySlug,
});
