import type { Nomination } from "../data/store";
import { builder } from "./builder";
import { NominationRef, refOf } from "./refs";
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
    sources: t.field({
      type: [SourceRef],
      description: "Where the nomination is stated: the sources of its edition.",
      resolve: (n: Nomination) => n.edition.sources.map((url) => ({ url })),
    }),
  }),
});
