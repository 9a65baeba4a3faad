import {
  type Article,
  articleBySlug,
  articles,
  articlesOfRegion,
  editionById,
  interviewsOfArticle,
  organizationBySlug,
  quotesOfArticle,
  regionByCode,
} from "../data";
import { builder } from "./builder";
import { indexKeys, StringFilter, type StringFilterInput, textOn } from "./filters";
import { LanguageEnum } from "./language";
import { ascii, type ListSpec, orderInput } from "./list";
import {
  ArticleConnection,
  ArticleRef,
  AwardEditionRef,
  InterviewRef,
  OrganizationRef,
  QuoteRef,
  RegionRef,
} from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { localizedField, textField } from "./text";

builder.node(ArticleRef, {
  description: "A published article: a source of the dataset, kept with its text.",
  id: { resolve: (a) => a.slug },
  loadOne: (slug) => articleBySlug(slug) ?? null,
  isTypeOf: (value) => articleBySlug((value as Article).slug) === value,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id." }),
    title: textField(t, { description: "The article's title.", resolve: (a) => a.title }),
    titleText: localizedField(t, { description: "The title in both languages.", resolve: (a) => a.title }),
    section: textField(t, {
      description: "The section of the site the article appeared in.",
      resolve: (a) => a.section,
    }),
    publisher: t.field({
      type: OrganizationRef,
      description: "Who published the article.",
      resolve: (a) => organizationBySlug(a.publisher)!,
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
      type: [RegionRef],
      description: "The regions the article is about.",
      resolve: (a) => a.regions.map((c) => regionByCode(c)!),
    }),
    editions: t.field({
      type: [AwardEditionRef],
      description: "The prize editions the article is about.",
      resolve: (a) => a.editions.map((id) => editionById(id)!),
    }),
    interviews: t.field({
      type: [InterviewRef],
      description: "Interviews in the article.",
      resolve: (a) => interviewsOfArticle(a.slug),
    }),
    quotes: t.field({
      type: [QuoteRef],
      description: "Quotes in the article.",
      resolve: (a) => quotesOfArticle(a.slug),
    }),
    sources: sourcesField(t),
  }),
});

type ArticleFilterShape = {
  slug?: StringFilterInput | null;
  region?: StringFilterInput | null;
  title?: StringFilterInput | null;
};

const ArticleFilter = builder.inputRef<ArticleFilterShape>("ArticleFilter").implement({
  description: "Conditions on articles; all given conditions must hold.",
  fields: (t) => ({
    slug: t.field({ type: StringFilter, description: "The slug." }),
    region: t.field({ type: StringFilter, description: "The ISO 3166-2 code of a region the article is about." }),
    title: t.field({ type: StringFilter, description: "The title, in either language." }),
  }),
});

const ArticleOrder = orderInput("Article", { PUBLISHED_AT: "Publication date." });

const articleList: ListSpec<Article, ArticleFilterShape> = {
  all: articles,
  candidates: (f) => indexKeys(f.region)?.map((code) => articlesOfRegion(code)) ?? null,
  predicates: (f) => [
    textOn(f.slug, "slug", (a) => a.slug),
    textOn(f.region, "region", (a) => a.regions),
    textOn(f.title, "title", (a) => [a.title.sv, a.title.en]),
  ],
  orders: { PUBLISHED_AT: (a, b) => ascii(a.publishedAt, b.publishedAt) },
};

rootList({
  field: "articles",
  type: ArticleRef,
  connection: ArticleConnection,
  what: "articles",
  description: "Articles, filtered and ordered.",
  filter: ArticleFilter,
  order: ArticleOrder,
  spec: articleList,
});

rootLookup({
  field: "article",
  type: ArticleRef,
  description: "An article by its slug, or null when there is none.",
  slugDescription: "The article's slug.",
  find: articleBySlug,
});
