import type { LocalizedText } from "../data/kit";
import { builder, type Context, type Types } from "./builder";
import { LanguageEnum, requestLanguage } from "./language";
import type { Measure } from "./sizes";

type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>;

export const LocalizedTextRef = builder.objectRef<LocalizedText>("LocalizedText").implement({
  description:
    "A text in both languages, saying which of them are this project's words: a translation of a source's wording in the other language, or both languages written by the project from its sources (`isParaphrase`), or neither (a source gave both).",
  fields: (t) => ({
    sv: t.exposeString("sv", { description: "The Swedish text." }),
    en: t.exposeString("en", { description: "The English text." }),
    text: t.string({
      description: "The text in the chosen language.",
      args: { lang: langArg(t) },
      resolve: (text, { lang }, ctx) => text[lang ?? requestLanguage(ctx)],
    }),
    translated: t.field({
      type: LanguageEnum,
      nullable: true,
      description:
        "The language whose text is this project's translation of the other, a source's wording. Null when a source gave the text in both languages, and when the project wrote both (`isParaphrase`).",
      resolve: (text) => (text.translated === "both" ? null : text.translated),
    }),
    isParaphrase: t.boolean({
      description:
        "True when neither language is a source's wording: this project wrote both, in its own words, from what its sources state (`isTranslation` is then true for both languages).",
      resolve: (text) => text.translated === "both",
    }),
    isTranslation: t.boolean({
      description:
        "True when the text in the chosen language is this project's words (its translation, or its paraphrase of the sources), not a source's.",
      args: { lang: langArg(t) },
      resolve: (text, { lang }, ctx) =>
        text.translated === "both" || text.translated === (lang ?? requestLanguage(ctx)),
    }),
  }),
});

/** The `lang` argument of every text field. */
export function langArg<Parent>(t: FieldBuilder<Parent>) {
  return t.arg({
    type: LanguageEnum,
    required: false,
    description:
      "The language of the text. Without it, the request's Accept-Language header decides (Swedish or English); Swedish is the default.",
  });
}

type TextOptions<Parent> = {
  description: string;
  resolve: (parent: Parent) => LocalizedText;
  /** What a long text costs (`longText` in ./sizes.ts); a short one costs 1. */
  cost?: Measure;
};
type NullableTextOptions<Parent> = {
  description: string;
  resolve: (parent: Parent) => LocalizedText | null;
  cost?: Measure;
};

const complexityOf = (cost: Measure | undefined) =>
  cost ? { complexity: (_args: object, ctx: Context) => cost(ctx.store) } : {};

/** A text field that takes `lang` and returns the text in that language. */
export function textField<Parent>(t: FieldBuilder<Parent>, { description, resolve, cost }: TextOptions<Parent>) {
  return t.string({
    description,
    ...complexityOf(cost),
    args: { lang: langArg(t) },
    resolve: (parent, { lang }, ctx) => resolve(parent)[lang ?? requestLanguage(ctx)],
  });
}

/** As textField, for a text that a source may not have given (then null). */
export function nullableTextField<Parent>(
  t: FieldBuilder<Parent>,
  { description, resolve, cost }: NullableTextOptions<Parent>,
) {
  return t.string({
    description,
    ...complexityOf(cost),
    nullable: true,
    args: { lang: langArg(t) },
    resolve: (parent, { lang }, ctx) => resolve(parent)?.[lang ?? requestLanguage(ctx)] ?? null,
  });
}

/** The same text with both languages and its translation marker. */
export function localizedField<Parent>(t: FieldBuilder<Parent>, { description, resolve, cost }: TextOptions<Parent>) {
  return t.field({ type: LocalizedTextRef, description, resolve, ...complexityOf(cost) });
}

export function nullableLocalizedField<Parent>(
  t: FieldBuilder<Parent>,
  { description, resolve, cost }: NullableTextOptions<Parent>,
) {
  return t.field({ type: LocalizedTextRef, nullable: true, description, resolve, ...complexityOf(cost) });
}
