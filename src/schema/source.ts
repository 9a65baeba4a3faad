import { builder, type Types } from "./builder";
import { refOf } from "./refs";

/** A source as the API shows it: an address, and the article when it is one of ours. */
export type SourceShape = { url: string };

export const SourceRef = builder.objectRef<SourceShape>("Source").implement({
  description: "Where a record's facts come from: a public web page.",
  fields: (t) => ({
    url: t.field({ type: "URL", description: "The address of the source.", resolve: (s) => s.url }),
    host: t.string({
      description: "The source's host name, such as `tillvaxtverket.se`, for a short citation.",
      resolve: (s) => new URL(s.url).hostname.replace(/^www\./, ""),
    }),
    article: t.field({
      type: refOf("article"),
      nullable: true,
      description: "The article in this dataset that this source is, or null when it is another page.",
      resolve: (s, _, { store }) => store.findBy("article", "url", s.url) ?? null,
    }),
  }),
});

/** The `sources` field that every record has. */
export function sourcesField<Parent extends { sources: readonly string[] }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
) {
  return t.field({
    type: [SourceRef],
    description: "Where this record's facts come from (at least one source).",
    resolve: (parent) => parent.sources.map((url) => ({ url })),
  });
}
