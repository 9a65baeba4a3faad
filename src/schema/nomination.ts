import { companyBySlug, type Nomination, nominationById, regionByCode } from "../data";
import { builder } from "./builder";
import { AwardEditionRef, CompanyRef, NominationRef, RegionRef } from "./refs";
import { SourceRef } from "./source";

builder.node(NominationRef, {
  description: "A region or company nominated for a prize edition, and whether it won.",
  id: { resolve: (n) => n.id },
  loadOne: (id) => nominationById(id) ?? null,
  isTypeOf: (value) => nominationById((value as Nomination).id) === value,
  fields: (t) => ({
    edition: t.field({ type: AwardEditionRef, description: "The prize edition.", resolve: (n) => n.edition }),
    won: t.exposeBoolean("won", { description: "True when the nominee won the edition." }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: "The nominated region, for a prize for regions; null otherwise.",
      resolve: (n) => (n.nomineeKind === "region" ? regionByCode(n.nominee)! : null),
    }),
    company: t.field({
      type: CompanyRef,
      nullable: true,
      description: "The nominated company, for a prize for companies; null otherwise.",
      resolve: (n) => (n.nomineeKind === "company" ? companyBySlug(n.nominee)! : null),
    }),
    sources: t.field({
      type: [SourceRef],
      description: "Where the nomination is stated: the sources of its edition.",
      resolve: (n) => n.edition.sources.map((url) => ({ url })),
    }),
  }),
});
