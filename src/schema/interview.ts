import type { Interview } from "../data/shape";
import { builder } from "./builder";
import { ascii, swedish } from "./list";
import { nodeOf } from "./node";
import { InterviewQuestionRef, refOf } from "./refs";
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

builder.node(refOf("interview"), {
  ...nodeOf("interview"),
  description:
    "An interview: ordered questions and answers, tied to the interviewee, the region and the article it appeared in.",
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
      type: refOf("person"),
      description: "The person interviewed.",
      resolve: (i, _, { store }) => store.link("interview", i, "interviewee"),
    }),
    organization: t.field({
      type: refOf("organization"),
      description: "The organization the interviewee speaks for.",
      resolve: (i, _, { store }) => store.link("interview", i, "organization"),
    }),
    region: t.field({
      type: refOf("region"),
      description: "The region the interview is about.",
      resolve: (i, _, { store }) => store.link("interview", i, "region"),
    }),
    article: t.field({
      type: refOf("article"),
      description: "The article the interview appeared in.",
      resolve: (i, _, { store }) => store.link("interview", i, "article"),
    }),
    publishedAt: t.field({
      type: "Date",
      description: "When the interview was published (its article's date).",
      resolve: (i, _, { store }) => store.link("interview", i, "article").publishedAt,
    }),
    questions: t.field({
      type: [InterviewQuestionRef],
      description: "The questions and answers, in the interview's order.",
      resolve: (i) => i.questions.map((q, index) => ({ ...q, position: index + 1 })),
    }),
    sources: sourcesField(t),
  }),
});

const interviewTexts = (i: Interview) => [
  i.title.sv,
  i.title.en,
  ...i.questions.flatMap((q) => [q.question.sv, q.question.en, q.answer.sv, q.answer.en]),
];

rootList("interview", {
  field: "interviews",
  description: "Interviews, filtered and ordered (in the dataset's order unless `orderBy` says otherwise).",
  filter: {
    slug: { on: "text", value: (i) => i.slug, index: "id", description: "The interview's slug." },
    region: {
      on: "text",
      value: (i) => i.region,
      index: "region",
      description: "The region's ISO 3166-2 code (`SE-BD`).",
    },
    interviewee: {
      on: "text",
      value: (i) => i.interviewee,
      index: "interviewee",
      description: "The interviewee's slug (`lars-ake-isaksson`).",
    },
    organization: {
      on: "text",
      value: (i) => i.organization,
      index: "organization",
      description: "The slug of the organization the interviewee speaks for.",
    },
    article: {
      on: "text",
      value: (i) => i.article,
      index: "article",
      description: "The slug of the article the interview appeared in.",
    },
    text: {
      on: "text",
      value: interviewTexts,
      description: "The title, questions and answers, in either language (use `contains`).",
    },
  },
  orders: {
    PUBLISHED_AT: {
      description: "Publication date (of the article).",
      compare: (a, b, store) =>
        ascii(store.link("interview", a, "article").publishedAt, store.link("interview", b, "article").publishedAt),
    },
    TITLE: { description: "Swedish title, alphabetically.", compare: (a, b) => swedish(a.title.sv, b.title.sv) },
  },
});

rootLookup("interview", {
  field: "interview",
  description: "An interview by its slug, or null when there is none.",
  keys: { slug: { key: "id", description: "The interview's slug." } },
});
