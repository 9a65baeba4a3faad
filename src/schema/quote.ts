import { builder } from "./builder";
import { nodeOf } from "./node";
import { refOf } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { localizedField, nullableTextField, textField } from "./text";

builder.node(refOf("quote"), {
  ...nodeOf("quote"),
  description: "Words a person said, as an article quotes them.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Readable, stable id." }),
    text: textField(t, {
      description: "The quoted words (verbatim in the source's language).",
      resolve: (q) => q.text,
    }),
    textInBothLanguages: localizedField(t, {
      description: "The quote in both languages, with its translation marker.",
      resolve: (q) => q.text,
    }),
    person: t.field({
      type: refOf("person"),
      description: "Who said it.",
      resolve: (q, _, { store }) => store.link("quote", q, "person"),
    }),
    saidAs: nullableTextField(t, {
      description: "How the source names the speaker's role when quoting (`handelsministern`).",
      resolve: (q) => q.saidAs,
    }),
    article: t.field({
      type: refOf("article"),
      description: "The article that quotes it.",
      resolve: (q, _, { store }) => store.link("quote", q, "article"),
    }),
    edition: t.field({
      type: refOf("edition"),
      nullable: true,
      description: "The prize edition the quote is about, if any.",
      resolve: (q, _, { store }) => store.link("quote", q, "edition"),
    }),
    region: t.field({
      type: refOf("region"),
      nullable: true,
      description: "The region the quote is about, if any.",
      resolve: (q, _, { store }) => store.link("quote", q, "region"),
    }),
    sources: sourcesField(t),
  }),
});

rootList("quote", {
  field: "quotes",
  description: "Quotes, filtered.",
  filter: {
    person: { on: "text", value: (q) => q.person, index: "person", description: "The speaker's slug." },
    region: {
      on: "text",
      value: (q) => q.region,
      index: "region",
      description: "The ISO 3166-2 code of the region the quote is about.",
    },
    text: { on: "text", value: (q) => [q.text.sv, q.text.en], description: "The quote's words, in either language." },
  },
});

rootLookup("quote", {
  field: "quote",
  description: "A quote by its slug, or null when there is none.",
  keys: { slug: { key: "id", description: "The quote's slug." } },
});
