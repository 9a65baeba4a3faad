// One function per route: fetch with one typed operation, return the content to show.
import { request } from "./client";
import { h } from "./dom";
import {
  WebInterviewDocument,
  WebPrizeHistoryDocument,
  WebRegionDocument,
  WebRegionsDocument,
  WebSearchDocument,
  type WebSearchQuery,
} from "./gql/graphql";
import type { Lang, Strings } from "./i18n";

export type ViewContext = { arg: string; lang: Lang; t: Strings; signal: AbortSignal };
export type View = (context: ViewContext) => Promise<Node>;

const locale = (lang: Lang) => (lang === "SV" ? "sv-SE" : "en-GB");

/** `2022-08-31` → `31 augusti 2022` / `31 August 2022`. */
function formatDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

const formatNumber = (value: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(value);

/** A text from the API, marked when it is this project's translation rather than a source's words. */
function text(
  t: Strings,
  value: { text: string; isTranslation: boolean },
  tag: "p" | "span" | "h2" | "dd" | "dt" = "span",
) {
  return h(tag, {}, value.text, value.isTranslation && [" ", h("span", { class: "translated" }, `(${t.translated})`)]);
}

const regionLink = (region: { isoCode: string; name: string }) =>
  h("a", { href: `#/region/${region.isoCode}` }, region.name);

function facts(rows: [label: string, value: Node | string | null | undefined][]): HTMLDListElement {
  return h(
    "dl",
    { class: "facts" },
    rows
      .filter(([, value]) => value != null && value !== "")
      .map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]),
  );
}

function notFound(t: Strings): Node {
  return h("p", { class: "error", role: "alert" }, `${t.error}: 404`);
}

const prize: View = async ({ lang, t, signal }) => {
  const { award } = await request(WebPrizeHistoryDocument, { lang }, signal);
  if (!award) return notFound(t);
  const editions = [...award.editions].sort((a, b) => b.year - a.year);
  return h(
    "section",
    { "aria-labelledby": "prize-title" },
    h("h2", { id: "prize-title" }, award.name),
    award.purpose && h("p", {}, award.purpose),
    editions.map((edition) =>
      h(
        "article",
        { class: "edition", "data-year": String(edition.year) },
        h("h3", {}, String(edition.year)),
        facts([
          [t.winner, edition.winner && h("strong", { class: "win" }, regionLink(edition.winner))],
          [
            t.nominees,
            h(
              "span",
              {},
              edition.nominees.flatMap((region, i) => [i > 0 ? ", " : "", regionLink(region)]),
            ),
          ],
          [t.ceremony, edition.ceremonyDate && formatDate(edition.ceremonyDate, lang)],
          [t.presentedBy, edition.presentedBy?.name],
        ]),
        edition.motivationText && [h("h4", {}, t.motivation), text(t, edition.motivationText, "p")],
      ),
    ),
  );
};

const regions: View = async ({ lang, t, signal }) => {
  const { regions } = await request(WebRegionsDocument, { lang }, signal);
  return h(
    "section",
    {},
    h("h2", {}, `${t.chooseRegion} (${regions.totalCount})`),
    h(
      "ul",
      { class: "regions" },
      regions.edges.map(({ node }) => h("li", {}, regionLink(node))),
    ),
  );
};

const region: View = async ({ arg, lang, t, signal }) => {
  const { region } = await request(WebRegionDocument, { code: arg || "SE-BD", lang }, signal);
  if (!region) return notFound(t);
  const nominations = [...region.nominations].sort((a, b) => b.edition.year - a.edition.year);
  return h(
    "section",
    { class: "region", "data-region": region.isoCode },
    h("p", {}, h("a", { href: "#/regions" }, `← ${t.regions}`)),
    h("h2", {}, region.name),
    facts([
      [t.seat, region.seat],
      [t.population, `${formatNumber(region.population.value, lang)} (${region.population.year})`],
      [t.area, region.landAreaKm2 == null ? null : `${formatNumber(region.landAreaKm2, lang)} km²`],
      [
        t.neighbours,
        region.neighbours.length
          ? h(
              "span",
              {},
              region.neighbours.flatMap((n, i) => [i > 0 ? ", " : "", regionLink(n)]),
            )
          : null,
      ],
    ]),
    h("h3", {}, t.nominations),
    nominations.length
      ? h(
          "ul",
          { class: "nominations" },
          nominations.map(({ won, edition }) =>
            h(
              "li",
              { class: won ? "win" : undefined },
              `${edition.year} ${edition.award.name}: ${won ? t.won : t.nominated}`,
            ),
          ),
        )
      : h("p", {}, t.noNominations),
    h("h3", {}, t.interviews),
    region.interviews.totalCount
      ? h(
          "ul",
          {},
          region.interviews.edges.map(({ node }) =>
            h("li", {}, h("a", { href: `#/interview/${node.slug}` }, node.title), ` (${node.interviewee.name})`),
          ),
        )
      : h("p", {}, t.noInterviews),
  );
};

const interview: View = async ({ arg, lang, t, signal }) => {
  const { interview } = await request(WebInterviewDocument, { slug: arg, lang }, signal);
  if (!interview) return notFound(t);
  const person = [interview.interviewee.name, interview.interviewee.role, interview.organization.name]
    .filter(Boolean)
    .join(", ");
  return h(
    "article",
    { class: "interview" },
    h("p", {}, h("a", { href: `#/region/${interview.region.isoCode}` }, `← ${interview.region.name}`)),
    text(t, interview.titleText, "h2"),
    facts([
      [t.interviewee, person],
      [
        t.source,
        h(
          "a",
          { href: interview.article.url, rel: "external noopener" },
          `${interview.article.title}, ${formatDate(interview.publishedAt, lang)}`,
        ),
      ],
    ]),
    h(
      "dl",
      { class: "qa" },
      [...interview.questions]
        .sort((a, b) => a.position - b.position)
        .map((q) => [text(t, q.questionText, "dt"), text(t, q.answerText, "dd")]),
    ),
  );
};

type SearchNode = WebSearchQuery["search"]["edges"][number]["node"];

/** Where a search hit leads in this page, and what to call it. */
function hitLink(node: SearchNode, t: Strings): Node {
  switch (node.__typename) {
    case "Region":
      return regionLink(node);
    case "Interview":
      return h("a", { href: `#/interview/${node.slug}` }, node.title);
    case "AwardEdition":
      return h("a", { href: "#/prize" }, `${node.award.name} ${node.year}`);
    case "Award":
      return h("a", { href: "#/prize" }, node.name);
    case "Article":
      return h("span", {}, node.title);
    case "Quote":
      return h("span", {}, node.person.name);
    case "ExportCooperation":
      return h("span", {}, node.name);
    case "ExportFigure":
      return h("span", {}, node.label);
    default:
      return h("span", {}, "name" in node ? node.name : t.search);
  }
}

/** The server's snippet is HTML-escaped text with <mark> around matches: keep exactly that, as DOM. */
function snippet(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  return h(
    "p",
    { class: "snippet" },
    Array.from(parsed.childNodes).map((node) =>
      node.nodeName === "MARK" ? h("mark", {}, node.textContent) : (node.textContent ?? ""),
    ),
  );
}

const search: View = async ({ arg, lang, t, signal }) => {
  const input = document.querySelector<HTMLInputElement>("#search input")!;
  input.value = arg;
  if (!arg) return h("p", {}, t.searchPlaceholder);
  const { search } = await request(WebSearchDocument, { query: arg, lang }, signal);
  return h(
    "section",
    { class: "search" },
    h("h2", {}, `${t.search}: “${arg}”`),
    h("p", { class: "status" }, search.totalCount ? t.results(search.totalCount) : t.noResults),
    h(
      "ol",
      { class: "hits" },
      search.edges.map(({ node, snippet: html }) =>
        h(
          "li",
          { "data-type": node.__typename },
          hitLink(node, t),
          " ",
          h("small", {}, node.__typename),
          snippet(html),
        ),
      ),
    ),
  );
};

export const views = { prize, regions, region, interview, search } satisfies Record<string, View>;
