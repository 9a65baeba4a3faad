import {
  cooperationBySlug,
  cooperations,
  cooperationsOfRegion,
  type ExportCooperation,
  organizationBySlug,
  regionByCode,
} from "../data";
import { builder } from "./builder";
import { indexKeys, StringFilter, type StringFilterInput, textOn } from "./filters";
import type { ListSpec } from "./list";
import { ExportCooperationConnection, ExportCooperationRef, OrganizationRef, RegionRef } from "./refs";
import { rootList } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef, localizedField, textField } from "./text";

builder.node(ExportCooperationRef, {
  description:
    "A region's export cooperation (regional exportsamverkan): the organizations that promote exports there together.",
  id: { resolve: (c) => c.slug },
  loadOne: (slug) => cooperationBySlug(slug) ?? null,
  isTypeOf: (value) => cooperationBySlug((value as ExportCooperation).slug) === value,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id." }),
    name: textField(t, { description: "The cooperation's name.", resolve: (c) => c.name }),
    nameText: localizedField(t, { description: "The name in both languages.", resolve: (c) => c.name }),
    region: t.field({ type: RegionRef, description: "The region.", resolve: (c) => regionByCode(c.region)! }),
    ledBy: t.field({
      type: OrganizationRef,
      description: "The organization that leads it.",
      resolve: (c) => organizationBySlug(c.ledBy)!,
    }),
    partners: t.field({
      type: [OrganizationRef],
      description: "The partner organizations, the lead included.",
      resolve: (c) => c.partners.map((slug) => organizationBySlug(slug)!),
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Facts the sources state about it.",
      resolve: (c) => c.facts,
    }),
    sources: sourcesField(t),
  }),
});

type CooperationFilterShape = { region?: StringFilterInput | null; partner?: StringFilterInput | null };

const ExportCooperationFilter = builder.inputRef<CooperationFilterShape>("ExportCooperationFilter").implement({
  description: "Conditions on export cooperations; all given conditions must hold.",
  fields: (t) => ({
    region: t.field({ type: StringFilter, description: "The region's ISO 3166-2 code." }),
    partner: t.field({ type: StringFilter, description: "The slug of a partner organization (the lead included)." }),
  }),
});

const cooperationList: ListSpec<ExportCooperation, CooperationFilterShape> = {
  all: cooperations,
  candidates: (f) => indexKeys(f.region)?.map((code) => cooperationsOfRegion(code)) ?? null,
  predicates: (f) => [textOn(f.region, "region", (c) => c.region), textOn(f.partner, "partner", (c) => c.partners)],
  orders: {},
};

rootList({
  field: "exportCooperations",
  type: ExportCooperationRef,
  connection: ExportCooperationConnection,
  what: "cooperations",
  description: "Regional export cooperations.",
  filter: ExportCooperationFilter,
  spec: cooperationList,
});
