import { builder } from "./builder";
import { nodeOf } from "./node";
import { refOf } from "./refs";
import { rootList } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef, localizedField, textField } from "./text";

builder.node(refOf("cooperation"), {
  ...nodeOf("cooperation"),
  description:
    "A region's export cooperation (regional exportsamverkan): the organizations that promote exports there together.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id." }),
    name: textField(t, { description: "The cooperation's name.", resolve: (c) => c.name }),
    nameText: localizedField(t, { description: "The name in both languages.", resolve: (c) => c.name }),
    region: t.field({
      type: refOf("region"),
      description: "The region.",
      resolve: (c, _, { store }) => store.link("cooperation", c, "region"),
    }),
    ledBy: t.field({
      type: refOf("organization"),
      description: "The organization that leads it.",
      resolve: (c, _, { store }) => store.link("cooperation", c, "ledBy"),
    }),
    partners: t.field({
      type: [refOf("organization")],
      description: "The partner organizations, the lead included.",
      resolve: (c, _, { store }) => store.link("cooperation", c, "partners"),
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Facts the sources state about it.",
      resolve: (c) => c.facts,
    }),
    sources: sourcesField(t),
  }),
});

rootList("cooperation", {
  field: "exportCooperations",
  description: "Regional export cooperations.",
  filter: {
    region: { on: "text", value: (c) => c.region, index: "region", description: "The region's ISO 3166-2 code." },
    partner: {
      on: "text",
      value: (c) => c.partners,
      index: "partners",
      description: "The slug of a partner organization (the lead included).",
    },
  },
});
