import { builder } from "./builder";
import { swedish } from "./list";
import { nodeOf } from "./node";
import { NominationRef, refOf } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef } from "./text";

builder.node(refOf("company"), {
  ...nodeOf("company"),
  description: "A company nominated for a prize such as Årets exportsuccé.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id, such as `nordic-biomarker`." }),
    name: t.exposeString("name", { description: "The company's name." }),
    city: t.exposeString("city", {
      nullable: true,
      description: "The city the company is based in; null when no source says.",
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Facts the sources state about the company, such as those around its prize.",
      resolve: (c) => c.facts,
    }),
    nominations: t.field({
      type: [NominationRef],
      description: "The company's nominations, won or not.",
      resolve: (c, _, { store }) => store.nominationsOf("company", c.slug),
    }),
    sources: sourcesField(t),
  }),
});

rootList("company", {
  field: "companies",
  description: "Companies nominated for a prize.",
  filter: {
    slug: { on: "text", value: (c) => c.slug, index: "id", description: "The slug." },
    name: { on: "text", value: (c) => c.name, description: "The name." },
    city: { on: "text", value: (c) => c.city, description: "The city." },
  },
  orders: { NAME: { description: "Name, in Swedish alphabetical order.", compare: (a, b) => swedish(a.name, b.name) } },
});

rootLookup("company", {
  field: "company",
  description: "A company by its slug, or null when there is none.",
  keys: { slug: { key: "id", description: "The company's slug." } },
});
