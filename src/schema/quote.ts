import {
  articleBySlug,
  editionById,
  personBySlug,
  type Quote,
  quoteById,
  quotes,
  quotesOfPerson,
  quotesOfRegion,
  regionByCode,
} from "../data";
import { builder } from "./builder";
import { indexKeys, StringFilter, type StringFilterInput, textOn } from "./filters";
import type { ListSpec } from "./list";
import { ArticleRef, AwardEditionRef, PersonRef, QuoteConnection, QuoteRef, RegionRef } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { localizedField, nullableTextField, textField } from "./text";

builder.node(QuoteRef, {
  description: "Words a person said, as an article quotes them.",
  id: { resolve: (q) => q.id },
  loadOne: (id) => quoteById(id) ?? null,
  isTypeOf: (value) => quoteById((value as Quote).id) === value,
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
    person: t.field({ type: PersonRef, description: "Who said it.", resolve: (q) => personBySlug(q.person)! }),
    saidAs: nullableTextField(t, {
      description: "How the source names the speaker's role when quoting (`handelsministern`).",
      resolve: (q) => q.saidAs,
    }),
    article: t.field({
      type: ArticleRef,
      description: "The article that quotes it.",
      resolve: (q) => articleBySlug(q.article)!,
    }),
    edition: t.field({
      type: AwardEditionRef,
      nullable: true,
      description: "The prize edition the quote is about, if any.",
      resolve: (q) => (q.edition ? editionById(q.edition)! : null),
    }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: "The region the quote is about, if any.",
      resolve: (q) => (q.region ? regionByCode(q.region)! : null),
    }),
    sources: sourcesField(t),
  }),
});

type QuoteFilterShape = {
  person?: StringFilterInput | null;
  region?: StringFilterInput | null;
  text?: StringFilterInput | null;
};

const QuoteFilter = builder.inputRef<QuoteFilterShape>("QuoteFilter").implement({
  description: "Conditions on quotes; all given conditions must hold.",
  fields: (t) => ({
    person: t.field({ type: StringFilter, description: "The speaker's slug." }),
    region: t.field({ type: StringFilter, description: "The ISO 3166-2 code of the region the quote is about." }),
    text: t.field({ type: StringFilter, description: "The quote's words, in either language." }),
  }),
});

const quoteList: ListSpec<Quote, QuoteFilterShape> = {
  all: quotes,
  candidates: (f) =>
    indexKeys(f.person)?.map((slug) => quotesOfPerson(slug)) ??
    indexKeys(f.region)?.map((code) => quotesOfRegion(code)) ??
    null,
  predicates: (f) => [
    textOn(f.person, "person", (q) => q.person),
    textOn(f.region, "region", (q) => q.region),
    textOn(f.text, "text", (q) => [q.text.sv, q.text.en]),
  ],
  orders: {},
};

rootList({
  field: "quotes",
  type: QuoteRef,
  connection: QuoteConnection,
  what: "quotes",
  description: "Quotes, filtered.",
  filter: QuoteFilter,
  spec: quoteList,
});

rootLookup({
  field: "quote",
  type: QuoteRef,
  description: "A quote by its slug, or null when there is none.",
  slugDescription: "The quote's slug.",
  find: quoteById,
});
