import { builder } from "./builder";
import { nodeOf } from "./node";
import { refOf } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef, localizedField, nullableLocalizedField, nullableTextField, textField } from "./text";

export const NomineeKind = builder.enumType("NomineeKind", {
  description: "What a prize is given to.",
  values: {
    REGION: { value: "region", description: "A region (län)." },
    COMPANY: { value: "company", description: "A company." },
  } as const,
});

builder.node(refOf("award"), {
  ...nodeOf("award"),
  description: "One of the Swedish Government's export prizes, such as Årets exportregion.",
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
      type: refOf("organization"),
      description: "Who awards the prize.",
      resolve: (a, _, { store }) => store.link("award", a, "awardedBy"),
    }),
    nominatedBy: t.field({
      type: refOf("organization"),
      nullable: true,
      description: "Who nominates the candidates; null when no source says.",
      resolve: (a, _, { store }) => store.link("award", a, "nominatedBy"),
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
      type: [refOf("edition")],
      description: "The prize's editions, by year (oldest first).",
      resolve: (a, _, { store }) => store.backlinks("edition", "award", a.slug),
    }),
    sources: sourcesField(t),
  }),
});

rootList("award", { field: "awards", description: "The Government's export prizes." });

rootLookup("award", {
  field: "award",
  description: "A prize by its slug (`arets-exportregion`, `arets-exportsucce`), or null when there is none.",
  keys: { slug: { key: "id", description: "The prize's slug." } },
});
