import { type Award, awardBySlug, awards, editionsOfAward, organizationBySlug } from "../data";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { AwardConnection, AwardEditionRef, AwardRef, OrganizationRef } from "./refs";
import { sourcesField } from "./source";
import { LocalizedTextRef, localizedField, nullableLocalizedField, nullableTextField, textField } from "./text";

export const NomineeKind = builder.enumType("NomineeKind", {
  description: "What a prize is given to.",
  values: {
    REGION: { value: "region", description: "A region (län)." },
    COMPANY: { value: "company", description: "A company." },
  } as const,
});

builder.node(AwardRef, {
  description: "One of the Swedish Government's export prizes, such as Årets exportregion.",
  id: { resolve: (a) => a.slug },
  loadOne: (slug) => awardBySlug(slug) ?? null,
  isTypeOf: (value) => awardBySlug((value as Award).slug) === value,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id, such as `arets-exportregion`." }),
    name: textField(t, {
      description: "The prize's name, such as `Årets exportregion` or `Export Region of the Year`.",
      resolve: (a) => a.name,
    }),
    nameText: localizedField(t, { description: "The name in both languages.", resolve: (a) => a.name }),
    otherEnglishNames: t.stringList({
      description: "Other English names that sources use for the prize.",
      resolve: (a) => a.otherEnglishNames,
    }),
    awardedBy: t.field({
      type: OrganizationRef,
      description: "Who awards the prize.",
      resolve: (a) => organizationBySlug(a.awardedBy)!,
    }),
    nominatedBy: t.field({
      type: OrganizationRef,
      nullable: true,
      description: "Who nominates the candidates; null when no source says.",
      resolve: (a) => (a.nominatedBy ? organizationBySlug(a.nominatedBy)! : null),
    }),
    nomineeKind: t.field({
      type: NomineeKind,
      description: "Whether the prize goes to regions or companies.",
      resolve: (a) => a.nomineeKind,
    }),
    purpose: nullableTextField(t, {
      description: "Why the prize is given; null when no source says.",
      resolve: (a) => a.purpose,
    }),
    purposeText: nullableLocalizedField(t, {
      description: "The purpose in both languages.",
      resolve: (a) => a.purpose,
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Other facts about the prize that sources state.",
      resolve: (a) => a.facts,
    }),
    editions: t.field({
      type: [AwardEditionRef],
      description: "The prize's editions, by year (oldest first).",
      resolve: (a) => editionsOfAward(a.slug),
    }),
    sources: sourcesField(t),
  }),
});

builder.queryFields((t) => ({
  awards: t.connection(
    {
      type: AwardRef,
      description: "The Government's export prizes.",
      resolve: (_, args) => pageOf(args, awards),
    },
    AwardConnection,
  ),
  award: t.field({
    type: AwardRef,
    nullable: true,
    description: "A prize by its slug (`arets-exportregion`, `arets-exportsucce`), or null when there is none.",
    args: { slug: t.arg.string({ required: true, description: "The prize's slug." }) },
    resolve: (_, { slug }) => awardBySlug(slug) ?? null,
  }),
}));
