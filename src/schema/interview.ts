import {
  articleBySlug,
  type Interview,
  interviewBySlug,
  interviews,
  interviewsOfOrganization,
  interviewsOfPerson,
  interviewsOfRegion,
  organizationBySlug,
  personBySlug,
  regionByCode,
} from "../data";
import { builder } from "./builder";
import { indexKeys, StringFilter, type StringFilterInput, textOn } from "./filters";
import { ascii, type ListSpec, orderInput, swedish } from "./list";
import {
  ArticleRef,
  InterviewConnection,
  InterviewQuestionRef,
  InterviewRef,
  OrganizationRef,
  PersonRef,
  RegionRef,
} from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { localizedField, nullableLocalizedField, nullableTextField, textField } from "./text";

InterviewQuestionRef.implement({
  description: "One question of an interview and its answer, in the order of the interview.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "1 for the first question, 2 for the second, and so on." }),
    question: textField(t, { description: "The question as asked.", resolve: (q) => q.question }),
    questionText: localizedField(t, { description: "The question in both languages.", resolve: (q) => q.question }),
    answer: textField(t, { description: "The interviewee's answer.", resolve: (q) => q.answer }),
    answerText: localizedField(t, { description: "The answer in both languages.", resolve: (q) => q.answer }),
  }),
});

builder.node(InterviewRef, {
  description:
    "An interview: ordered questions and answers, tied to the interviewee, the region and the article it appeared in.",
  id: { resolve: (i) => i.slug },
  loadOne: (slug) => interviewBySlug(slug) ?? null,
  isTypeOf: (value) => interviewBySlug((value as Interview).slug) === value,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id." }),
    title: textField(t, { description: "The interview's title.", resolve: (i) => i.title }),
    titleText: localizedField(t, { description: "The title in both languages.", resolve: (i) => i.title }),
    titleIsEditorial: t.boolean({
      description: "True when the title was written by this project rather than taken from the article.",
      resolve: (i) => i.titleSource === "editorial",
    }),
    intro: nullableTextField(t, {
      description: "The article's introduction to the interview; null when it has none.",
      resolve: (i) => i.intro,
    }),
    introText: nullableLocalizedField(t, {
      description: "The introduction in both languages.",
      resolve: (i) => i.intro,
    }),
    interviewee: t.field({
      type: PersonRef,
      description: "The person interviewed.",
      resolve: (i) => personBySlug(i.interviewee)!,
    }),
    organization: t.field({
      type: OrganizationRef,
      description: "The organization the interviewee speaks for.",
      resolve: (i) => organizationBySlug(i.organization)!,
    }),
    region: t.field({
      type: RegionRef,
      description: "The region the interview is about.",
      resolve: (i) => regionByCode(i.region)!,
    }),
    article: t.field({
      type: ArticleRef,
      description: "The article the interview appeared in.",
      resolve: (i) => articleBySlug(i.article)!,
    }),
    publishedAt: t.field({
      type: "Date",
      description: "When the interview was published (its article's date).",
      resolve: (i) => articleBySlug(i.article)!.publishedAt,
    }),
    questions: t.field({
      type: [InterviewQuestionRef],
      description: "The questions and answers, in the interview's order.",
      resolve: (i) => i.questions.map((q, index) => ({ ...q, position: index + 1 })),
    }),
    sources: sourcesField(t),
  }),
});

type InterviewFilterShape = {
  slug?: StringFilterInput | null;
  region?: StringFilterInput | null;
  interviewee?: StringFilterInput | null;
  organization?: StringFilterInput | null;
  article?: StringFilterInput | null;
  text?: StringFilterInput | null;
};

const InterviewFilter = builder.inputRef<InterviewFilterShape>("InterviewFilter").implement({
  description: "Conditions on interviews; all given conditions must hold.",
  fields: (t) => ({
    slug: t.field({ type: StringFilter, description: "The interview's slug." }),
    region: t.field({ type: StringFilter, description: "The region's ISO 3166-2 code (`SE-BD`)." }),
    interviewee: t.field({ type: StringFilter, description: "The interviewee's slug (`lars-ake-isaksson`)." }),
    organization: t.field({
      type: StringFilter,
      description: "The slug of the organization the interviewee speaks for.",
    }),
    article: t.field({ type: StringFilter, description: "The slug of the article the interview appeared in." }),
    text: t.field({
      type: StringFilter,
      description: "The title, questions and answers, in either language (use `contains`).",
    }),
  }),
});

const InterviewOrder = orderInput("Interview", {
  PUBLISHED_AT: "Publication date (of the article).",
  TITLE: "Swedish title, alphabetically.",
});

const interviewTexts = (i: Interview) => [
  i.title.sv,
  i.title.en,
  ...i.questions.flatMap((q) => [q.question.sv, q.question.en, q.answer.sv, q.answer.en]),
];

const interviewList: ListSpec<Interview, InterviewFilterShape> = {
  all: interviews,
  candidates: (f) => {
    for (const [filter, index] of [
      [f.region, interviewsOfRegion],
      [f.interviewee, interviewsOfPerson],
      [f.organization, interviewsOfOrganization],
    ] as const) {
      const keys = indexKeys(filter);
      if (keys) return keys.map((k) => index(k));
    }
    const slugs = indexKeys(f.slug);
    return slugs ? [slugs.flatMap((s) => interviewBySlug(s) ?? [])] : null;
  },
  predicates: (f) => [
    textOn(f.slug, "slug", (i) => i.slug),
    textOn(f.region, "region", (i) => i.region),
    textOn(f.interviewee, "interviewee", (i) => i.interviewee),
    textOn(f.organization, "organization", (i) => i.organization),
    textOn(f.article, "article", (i) => i.article),
    textOn(f.text, "text", interviewTexts),
  ],
  orders: {
    PUBLISHED_AT: (a, b) => ascii(articleBySlug(a.article)!.publishedAt, articleBySlug(b.article)!.publishedAt),
    TITLE: (a, b) => swedish(a.title.sv, b.title.sv),
  },
};

rootList({
  field: "interviews",
  type: InterviewRef,
  connection: InterviewConnection,
  what: "interviews",
  description: "Interviews, filtered and ordered (in the dataset's order unless `orderBy` says otherwise).",
  filter: InterviewFilter,
  order: InterviewOrder,
  spec: interviewList,
});

rootLookup({
  field: "interview",
  type: InterviewRef,
  description: "An interview by its slug, or null when there is none.",
  slugDescription: "The interview's slug.",
  find: interviewBySlug,
});
