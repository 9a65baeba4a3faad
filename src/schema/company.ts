import { type Company, companies, companyBySlug, nominationsOfCompany } from "../data";
import { builder } from "./builder";
import { indexKeys, StringFilter, type StringFilterInput, textOn } from "./filters";
import { type ListSpec, orderInput, swedish } from "./list";
import { CompanyConnection, CompanyRef, NominationRef } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";

builder.node(CompanyRef, {
  description: "A company nominated for a prize such as Årets exportsuccé.",
  id: { resolve: (c) => c.slug },
  loadOne: (slug) => companyBySlug(slug) ?? null,
  isTypeOf: (value) => companyBySlug((value as Company).slug) === value,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id, such as `nordic-biomarker`." }),
    name: t.exposeString("name", { description: "The company's name." }),
    city: t.exposeString("city", {
      nullable: true,
      description: "The city the company is based in; null when no source says.",
    }),
    nominations: t.field({
      type: [NominationRef],
      description: "The company's nominations, won or not.",
      resolve: (c) => nominationsOfCompany(c.slug),
    }),
    sources: sourcesField(t),
  }),
});

type CompanyFilterShape = {
  slug?: StringFilterInput | null;
  name?: StringFilterInput | null;
  city?: StringFilterInput | null;
};

const CompanyFilter = builder.inputRef<CompanyFilterShape>("CompanyFilter").implement({
  description: "Conditions on companies; all given conditions must hold.",
  fields: (t) => ({
    slug: t.field({ type: StringFilter, description: "The slug." }),
    name: t.field({ type: StringFilter, description: "The name." }),
    city: t.field({ type: StringFilter, description: "The city." }),
  }),
});

const CompanyOrder = orderInput("Company", { NAME: "Name, in Swedish alphabetical order." });

const companyList: ListSpec<Company, CompanyFilterShape> = {
  all: companies,
  candidates: (f) => {
    const slugs = indexKeys(f.slug);
    return slugs ? [slugs.flatMap((s) => companyBySlug(s) ?? [])] : null;
  },
  predicates: (f) => [
    textOn(f.slug, "slug", (c) => c.slug),
    textOn(f.name, "name", (c) => c.name),
    textOn(f.city, "city", (c) => c.city),
  ],
  orders: { NAME: (a, b) => swedish(a.name, b.name) },
};

rootList({
  field: "companies",
  type: CompanyRef,
  connection: CompanyConnection,
  what: "companies",
  description: "Companies nominated for a prize.",
  filter: CompanyFilter,
  order: CompanyOrder,
  spec: companyList,
});

rootLookup({
  field: "company",
  type: CompanyRef,
  description: "A company by its slug, or null when there is none.",
  slugDescription: "The company's slug.",
  find: companyBySlug,
});
