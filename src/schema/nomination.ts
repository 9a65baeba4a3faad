import { builder } from "./builder";
import { NominationRef, refOf } from "./refs";
import { largestSources, listCost } from "./sizes";
import { SourceRef } from "./source";

builder.node(NominationRef, {
  description: "A region or company nominated for a prize edition, and whether it won.",
  id: { resolve: (n) => n.id },
  loadOne: (id, { store }) => store.nomination(id) ?? null,
  fields: (t) => ({
    edition: t.field({ type: refOf("edition"), description: "The prize edition.", resolve: (n) => n.edition }),
    won: t.exposeBoolean("won", { description: "True when the nominee won the edition." }),
    region: t.field({
      type: refOf("region"),
      nullable: true,
      description: "The nominated region, for a prize for regions; null otherwise.",
      resolve: (n, _, { store }) => (n.nomineeKind === "region" ? store.get("region", n.nominee) : null),
    }),
    company: t.field({
      type: refOf("company"),
      nullable: true,
      description: "The nominated company, for a prize for companies; null otherwise.",
      resolve: (n, _, { store }) => (n.nomineeKind === "company" ? store.get("company", n.nominee) : null),
    }),
    reasons: t.field({
      type: refOf("nominationReasons"),
      nullable: true,
      description:
        "Why the nominee was nominated, as the nominating body stated it: facts, figures and the people around it. Null when the dataset has no such statement.",
      resolve: (n, _, { store }) => store.indexed("nominationReasons", "nomination", n.id)[0] ?? null,
    }),
    sources: t.field({
      type: [SourceRef],
      description: "Where the nomination is stated: the sources of its edition.",
      complexity: (_args, { store }) => listCost(largestSources(store)),
      resolve: (n) => n.edition.sources.map((url) => ({ url })),
    }),
  }),
});
