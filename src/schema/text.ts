import type { LocalizedText } from "../data/kit";
import { builder, type Types } from "./builder";
import { LanguageEnum, requestLanguage } from "./language";

type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>;

export const LocalizedTextRef = builder.objectRef<LocalizedText>("LocalizedText").implement({
  description:
    "A text in both languages, saying which one is this project's own translation (the other is the source's wording).",
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
        "The language whose text is this project's translation, or null when a source gave the text in both languages.",
      resolve: (text) => text.translated,
    }),
    isTranslation: t.boolean({
      description: "True when the text in the chosen language is this project's translation, not a source's words.",
      args: { lang: langArg(t) },
      resolve: (text, { lang }, ctx) => text.translated === (lang ?? requestLanguage(ctx)),
    }),
  }),
});

function langArg<Parent>(t: FieldBuilder<Parent>) {
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
};
type NullableTextOptions<Parent> = {
  description: string;
  resolve: (parent: Parent) => LocalizedText | null;
};

/** A text field that takes `lang` and returns the text in that language. */
export function textField<Parent>(t: FieldBuilder<Parent>, { description, resolve }: TextOptions<Parent>) {
  return t.string({
    description,
    args: { lang: langArg(t) },
    resolve: (parent, { lang }, ctx) => resolve(parent)[lang ?? requestLanguage(ctx)],
  });
}

/** As textField, for a text that a source may not have given (then null). */
export function nullableTextField<Parent>(
  t: FieldBuilder<Parent>,
  { description, resolve }: NullableTextOptions<Parent>,
) {
  return t.string({
    description,
    nullable: true,
    args: { lang: langArg(t) },
    resolve: (parent, { lang }, ctx) => resolve(parent)?.[lang ?? requestLanguage(ctx)] ?? null,
  });
}

/** The same text with both languages and its translation marker. */
export function localizedField<Parent>(t: FieldBuilder<Parent>, { description, resolve }: TextOptions<Parent>) {
  return t.field({ type: LocalizedTextRef, description, resolve });
}

export function nullableLocalizedField<Parent>(
  t: FieldBuilder<Parent>,
  { description, resolve }: NullableTextOptions<Parent>,
) {
  return t.field({ type: LocalizedTextRef, nullable: true, description, resolve });
}
