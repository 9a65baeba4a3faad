import { builder } from "./builder";
import { pageOf } from "./connection";
import { swedish } from "./list";
import { nodeOf } from "./node";
import { connectionOf, refOf } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef, nullableLocalizedField, nullableTextField } from "./text";

builder.node(refOf("organization"), {
  ...nodeOf("organization"),
  description: "An organization in Swedish export promotion: government, agencies, networks, chambers of commerce.",
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
      type: refOf("organization"),
      nullable: true,
      description: "The organization it belongs to, if a source says.",
      resolve: (o, _, { store }) => store.link("organization", o, "parent"),
    }),
    children: t.field({
      type: [refOf("organization")],
      description: "Organizations that belong to it.",
      resolve: (o, _, { store }) => store.backlinks("organization", "parent", o.slug),
    }),
    region: t.field({
      type: refOf("region"),
      nullable: true,
      description: "The region it works in or for, if it is a regional organization.",
      resolve: (o, _, { store }) => store.link("organization", o, "region"),
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Facts the sources state about it.",
      resolve: (o) => o.facts,
    }),
    people: t.connection(
      {
        type: refOf("person"),
        description: "People who work for it.",
        resolve: (o, args, { store }) => pageOf(args, store.backlinks("person", "organization", o.slug)),
      },
      connectionOf("person"),
    ),
    exportCooperations: t.field({
      type: [refOf("cooperation")],
      description: "Regional export cooperations it leads or is a partner of.",
      resolve: (o, _, { store }) => store.backlinks("cooperation", "partners", o.slug),
    }),
    interviews: t.connection(
      {
        type: refOf("interview"),
        description: "Interviews with people speaking for it.",
        resolve: (o, args, { store }) => pageOf(args, store.backlinks("interview", "organization", o.slug)),
      },
      connectionOf("interview"),
    ),
    articles: t.connection(
      {
        type: refOf("article"),
        description: "Articles it published, newest first.",
        resolve: (o, args, { store }) => pageOf(args, store.backlinks("article", "publisher", o.slug)),
      },
      connectionOf("article"),
    ),
    sources: sourcesField(t),
  }),
});

rootList("organization", {
  field: "organizations",
  description: "Organizations, filtered and ordered.",
  filter: {
    slug: { on: "text", value: (o) => o.slug, index: "id", description: "The slug." },
    name: {
      on: "text",
      value: (o) => [o.name, o.shortName, o.englishName],
      description: "The name, short name or English name.",
    },
    region: {
      on: "text",
      value: (o) => o.region,
      index: "region",
      description: "The ISO 3166-2 code of the region it works in.",
    },
  },
  orders: { NAME: { description: "Name, in Swedish alphabetical order.", compare: (a, b) => swedish(a.name, b.name) } },
});

rootLookup("organization", {
  field: "organization",
  description: "An organization by slug, or null when there is none.",
  keys: { slug: { key: "id", description: "The organization's slug." } },
});
