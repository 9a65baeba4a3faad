import { builder } from "./builder";
import { LanguageEnum } from "./language";
import { ascii } from "./list";
import { nodeOf } from "./node";
import { refOf } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { localizedField, textField } from "./text";

builder.node(refOf("article"), {
  ...nodeOf("article"),
  description: "A published article: a source of the dataset, kept with its text.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id." }),
    title: textField(t, { description: "The article's title.", resolve: (a) => a.title }),
    titleText: localizedField(t, { description: "The title in both languages.", resolve: (a) => a.title }),
    section: textField(t, {
      description: "The section of the site the article appeared in.",
      resolve: (a) => a.section,
    }),
    publisher: t.field({
      type: refOf("organization"),
      description: "Who published the article.",
      resolve: (a, _, { store }) => store.link("article", a, "publisher"),
    }),
    publishedAt: t.field({ type: "Date", description: "The publication date.", resolve: (a) => a.publishedAt }),
    url: t.field({ type: "URL", description: "Where the article is published.", resolve: (a) => a.url }),
    language: t.field({
      type: LanguageEnum,
      description: "The language the article was written in.",
      resolve: (a) => a.language,
    }),
    body: textField(t, {
      description:
        "The article's text, paragraphs separated by a blank line. In the article's own language it is the original, verbatim.",
      resolve: (a) => a.body,
    }),
    bodyText: localizedField(t, { description: "The text in both languages.", resolve: (a) => a.body }),
    regions: t.field({
      type: [refOf("region")],
      description: "The regions the article is about.",
      resolve: (a, _, { store }) => store.link("article", a, "regions"),
    }),
    editions: t.field({
      type: [refOf("edition")],
      description: "The prize editions the article is about.",
      resolve: (a, _, { store }) => store.link("article", a, "editions"),
    }),
    interviews: t.field({
      type: [refOf("interview")],
      description: "Interviews in the article.",
      resolve: (a, _, { store }) => store.backlinks("interview", "article", a.slug),
    }),
    quotes: t.field({
      type: [refOf("quote")],
      description: "Quotes in the article.",
      resolve: (a, _, { store }) => store.backlinks("quote", "article", a.slug),
    }),
    sources: sourcesField(t),
  }),
});

rootList("article", {
  field: "articles",
  description: "Articles, filtered and ordered.",
  filter: {
    slug: { on: "text", value: (a) => a.slug, index: "id", description: "The slug." },
    region: {
      on: "text",
      value: (a) => a.regions,
      index: "regions",
      description: "The ISO 3166-2 code of a region the article is about.",
    },
    title: { on: "text", value: (a) => [a.title.sv, a.title.en], description: "The title, in either language." },
  },
  orders: {
    PUBLISHED_AT: { description: "Publication date.", compare: (a, b) => ascii(a.publishedAt, b.publishedAt) },
  },
});

rootLookup("article", {
  field: "article",
  description: "An article by its slug, or null when there is none.",
  keys: { slug: { key: "id", description: "The article's slug." } },
});
