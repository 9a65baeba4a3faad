import { builder } from "./builder";
import { pageOf } from "./connection";
import { swedish } from "./list";
import { nodeOf } from "./node";
import { connectionOf, refOf } from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef, nullableLocalizedField, nullableTextField } from "./text";

builder.node(refOf("person"), {
  ...nodeOf("person"),
  description: "A person the sources name: ministers, advisers, prize recipients.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id, such as `lars-ake-isaksson`." }),
    name: t.exposeString("name", { description: "The person's name." }),
    role: nullableTextField(t, {
      description: "The person's role as the sources give it; null when none does.",
      resolve: (p) => p.role,
    }),
    roleText: nullableLocalizedField(t, { description: "The role in both languages.", resolve: (p) => p.role }),
    organization: t.field({
      type: refOf("organization"),
      nullable: true,
      description: "The organization the person works for in that role; null when no source says.",
      resolve: (p, _, { store }) => store.link("person", p, "organization"),
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Other facts the sources state about the person.",
      resolve: (p) => p.facts,
    }),
    interviews: t.connection(
      {
        type: refOf("interview"),
        description: "Interviews with the person.",
        resolve: (p, args, { store }) => pageOf(args, store.backlinks("interview", "interviewee", p.slug)),
      },
      connectionOf("interview"),
    ),
    quotes: t.connection(
      {
        type: refOf("quote"),
        description: "Quotes of the person.",
        resolve: (p, args, { store }) => pageOf(args, store.backlinks("quote", "person", p.slug)),
      },
      connectionOf("quote"),
    ),
    editions: t.field({
      type: [refOf("edition")],
      description:
        "Prize editions the person presented, attended as guest of honour, or received on a winner's behalf.",
      resolve: (p, _, { store }) => store.indexed("edition", "person", p.slug),
    }),
    sources: sourcesField(t),
  }),
});

rootList("person", {
  field: "people",
  description: "People, filtered and ordered.",
  filter: {
    slug: { on: "text", value: (p) => p.slug, index: "id", description: "The slug." },
    name: { on: "text", value: (p) => p.name, description: "The name." },
    organization: {
      on: "text",
      value: (p) => p.organization,
      index: "organization",
      description: "The slug of the person's organization.",
    },
  },
  orders: { NAME: { description: "Name, in Swedish alphabetical order.", compare: (a, b) => swedish(a.name, b.name) } },
});

rootLookup("person", {
  field: "person",
  description: "A person by slug, or null when there is none.",
  keys: { slug: { key: "id", description: "The person's slug." } },
});
