// The search view: hits of every kind, each named in the page's language and linked to the
// page it belongs on, with the server's snippet.
import { request } from "./client";
import { h } from "./dom";
import { WebSearchDocument, type WebSearchQuery } from "./gql/graphql";
import type { View, ViewContext } from "./views";

type Hit = WebSearchQuery["search"]["edges"][number];

/** Where a hit leads in this page (or, for an article, to the article itself), and its name. */
function hitLink({ link }: ViewContext, { node, kindLabel }: Hit): Node {
  switch (node.__typename) {
    case "Region":
      return h("a", { href: link("region", node.isoCode) }, node.name);
    case "Interview":
      return h("a", { href: link("interview", node.slug) }, node.title);
    case "AwardEdition":
      return h("a", { href: link("prizes", node.slug) }, `${node.award.name} ${node.year}`);
    case "Award":
      return h("a", { href: link("prizes", node.slug) }, node.name);
    case "Company":
      return h("a", { href: link("prizes", node.slug) }, node.name);
    case "ExportCooperation":
      return h("a", { href: link("region", node.region.isoCode) }, node.name);
    case "Article":
      return h("a", { href: node.url, rel: "external noopener" }, node.title);
    case "Quote":
      return h("span", {}, node.person.name);
    case "ExportFigure":
      return h("span", {}, node.label);
    case "NominationReasons":
      // The reasons are shown on the nominated region's profile.
      return node.nomination.region
        ? h("a", { href: link("region", node.nomination.region.isoCode) }, node.nomination.region.name)
        : h("span", {}, kindLabel);
    case "Person":
    case "Organization":
      return h("span", {}, node.name);
  }
}

/**
 * The server's snippet (in the page's language: `snippet(lang:)`) is HTML-escaped text with
 * <mark> around matches: keep exactly that, as DOM.
 */
function snippet(html: string, language: Hit["language"]): HTMLElement {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  return h(
    "p",
    // A name (language null) is the same in both languages.
    { class: "snippet", lang: language?.toLowerCase() },
    Array.from(parsed.childNodes).map((node) =>
      node.nodeName === "MARK" ? h("mark", {}, node.textContent) : (node.textContent ?? ""),
    ),
  );
}

export const search: View = async (context) => {
  const { arg, lang, t, signal } = context;
  if (!arg.trim()) {
    return { title: t.search, content: h("section", {}, h("h2", {}, t.search), h("p", {}, t.searchHint)) };
  }
  const { search } = await request(WebSearchDocument, { query: arg, lang }, signal);
  return {
    title: t.searchTitle(arg),
    content: h(
      "section",
      { class: "search" },
      h("h2", {}, t.searchTitle(arg)),
      h("p", { class: "status" }, search.totalCount ? t.results(search.totalCount) : t.noResults),
      h(
        "ol",
        { class: "hits" },
        search.edges.map((edge) =>
          h(
            "li",
            { "data-type": edge.node.__typename },
            hitLink(context, edge),
            " ",
            // The API names each kind of hit in the asked language.
            h("small", { class: "kind" }, edge.kindLabel),
            snippet(edge.snippet, edge.language),
          ),
        ),
      ),
    ),
  };
};
