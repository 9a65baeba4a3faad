// One function per view: fetch with one typed operation, return what to show and its title.
import { request } from "./client";
import { h } from "./dom";
import {
  WebInterviewDocument,
  WebPrizeHistoryDocument,
  type WebPrizeHistoryQuery,
  WebRegionDocument,
  type WebRegionQuery,
  WebRegionsDocument,
} from "./gql/graphql";
import type { Lang, Strings } from "./i18n";
import type { ViewName } from "./routes";
import { search } from "./search";
import { facts, formatDate, formatFigure, formatNumber, joined, Provenance, period } from "./texts";

export type ViewContext = {
  arg: string;
  lang: Lang;
  t: Strings;
  signal: AbortSignal;
  /** The address of a view in the page's language. */
  link: (view: ViewName, arg?: string) => string;
};

/** What a view shows: its title (before ` · <site>`), its content, and where to scroll. */
export type Page = { title: string; content: Node; focus?: Element | null };
export type View = (context: ViewContext) => Promise<Page>;

const regionLink = ({ link }: ViewContext, region: { isoCode: string; name: string }) =>
  h("a", { href: link("region", region.isoCode) }, region.name);

/** The not-found page, in the page's language, with the ways back. */
export function notFound({ t, link }: Pick<ViewContext, "t" | "link">, reason: string): Page {
  return {
    title: t.notFound,
    content: h(
      "section",
      { class: "not-found" },
      h("h2", {}, t.notFound),
      h("p", {}, reason),
      h("p", {}, h("a", { href: link("prizes") }, t.toStart), " · ", h("a", { href: link("regions") }, t.allRegions)),
    ),
  };
}

/** Puts the view's translation note, if any, under its heading, once everything is built. */
function noteUnder(heading: HTMLElement, provenance: Provenance): void {
  const note = provenance.note();
  if (note) heading.after(note);
}

type Award = WebPrizeHistoryQuery["awards"]["edges"][number]["node"];
type Edition = Award["editions"][number];

function edition(context: ViewContext, provenance: Provenance, award: Award, e: Edition): HTMLElement {
  const { t, lang } = context;
  const nominee = (n: Edition["nominations"][number]) =>
    n.region
      ? regionLink(context, n.region)
      : h("span", { "data-company": n.company?.slug }, n.company?.name, n.company?.city && ` (${n.company.city})`);
  const winner = e.nominations.find((n) => n.won);
  const aboutCompanies = e.nominations.flatMap(({ company }): [string, Node][] =>
    company?.facts.length
      ? [
          [
            t.aboutCompany(company.name),
            h(
              "ul",
              { class: "company-facts" },
              company.facts.map((fact) => provenance.text(fact, t.parts.companyFacts(company.name), "li")),
            ),
          ],
        ]
      : [],
  );
  const motivation = e.motivationText
    ? provenance.text(e.motivationText, t.parts.motivation(award.name, e.year), "span")
    : e.notes
      ? h("span", { class: "edition-notes" }, h("strong", {}, `${t.projectNote}: `), e.notes)
      : h("span", { class: "status" }, t.noMotivation);
  return h(
    "article",
    { class: "edition", id: e.slug, "data-award": award.slug, "data-year": String(e.year) },
    h("h4", {}, String(e.year)),
    facts([
      [t.winner, winner && h("strong", { class: "win" }, nominee(winner))],
      [t.nominees, joined(e.nominations.map(nominee))],
      [t.ceremony, e.ceremonyDate && formatDate(e.ceremonyDate, lang)],
      [t.presentedBy, e.presentedBy?.name],
      [t.receivedBy, e.receivedBy?.name],
      [t.motivation, motivation],
      ...aboutCompanies,
    ]),
  );
}

/**
 * Both prizes with every edition, newest first. The argument (a prize's or an edition's
 * slug, or a company's, which search links to) says where to scroll.
 */
const prizes: View = async (context) => {
  const { arg, lang, t, signal } = context;
  const { awards } = await request(WebPrizeHistoryDocument, { lang }, signal);
  const provenance = new Provenance(t, lang);
  const sections = awards.edges.map(({ node: award }) =>
    h(
      "section",
      { class: "award", id: award.slug, "aria-labelledby": `${award.slug}-title` },
      h("h3", { id: `${award.slug}-title` }, award.name),
      award.purposeText && provenance.text(award.purposeText, t.parts.purpose(award.name), "p"),
      h("p", { class: "status" }, award.nomineeKind === "REGION" ? t.forRegions : t.forCompanies),
      [...award.editions].sort((a, b) => b.year - a.year).map((e) => edition(context, provenance, award, e)),
    ),
  );
  const heading = h("h2", {}, t.prizesHeading);
  const content = h("section", { class: "prizes" }, heading, sections);
  noteUnder(heading, provenance);
  let focus: Element | null = null;
  if (arg) {
    focus =
      sections.find((s) => s.id === arg) ??
      content.querySelector(`.edition[id="${CSS.escape(arg)}"]`) ??
      content.querySelector(`[data-company="${CSS.escape(arg)}"]`)?.closest(".edition") ??
      null;
    if (!focus) return notFound(context, t.noPrize(arg));
  }
  return { title: t.prizes, content, focus };
};

const regions: View = async (context) => {
  const { lang, t, signal } = context;
  const { regions } = await request(WebRegionsDocument, { lang }, signal);
  return {
    title: t.regions,
    content: h(
      "section",
      {},
      h("h2", {}, `${t.chooseRegion} (${regions.totalCount})`),
      h(
        "ul",
        { class: "regions" },
        regions.edges.map(({ node }) => h("li", {}, regionLink(context, node))),
      ),
    ),
  };
};

type Reasons = NonNullable<NonNullable<WebRegionQuery["region"]>["nominations"][number]["reasons"]>;

/** Why a nomination was made: the nominating body's facts, its figures and the people named. */
function reasonsOf({ t, lang }: ViewContext, provenance: Provenance, reasons: Reasons): HTMLElement {
  const figure = (f: Reasons["figures"][number]) => {
    const when = period(f);
    return h(
      "li",
      {},
      provenance.text(f.labelText, t.parts.figures),
      when && `, ${when}`,
      ": ",
      h("strong", {}, formatFigure(t, lang, f)),
    );
  };
  const person = (p: Reasons["people"][number]) =>
    h("span", {}, p.name, p.roleText && [", ", provenance.text(p.roleText, t.parts.roles)]);
  return h(
    "div",
    { class: "reasons" },
    reasons.facts.length > 0 && [
      h("h4", {}, t.reasons),
      h(
        "ul",
        {},
        reasons.facts.map((fact) => provenance.text(fact, t.parts.reasons, "li")),
      ),
    ],
    reasons.figures.length > 0 && [h("h4", {}, t.figures), h("ul", { class: "figures" }, reasons.figures.map(figure))],
    reasons.people.length > 0 && [h("h4", {}, t.people), h("p", {}, joined(reasons.people.map(person), "; "))],
  );
}

const region: View = async (context) => {
  const { arg, lang, t, signal, link } = context;
  const { region } = await request(WebRegionDocument, { code: arg, lang }, signal);
  if (!region) return notFound(context, t.noRegion(arg));
  const nominations = [...region.nominations].sort((a, b) => b.edition.year - a.edition.year);
  const provenance = new Provenance(t, lang);
  const heading = h("h2", {}, region.name);
  const content = h(
    "section",
    { class: "region", "data-region": region.isoCode },
    h("p", {}, h("a", { href: link("regions") }, `← ${t.regions}`)),
    heading,
    facts([
      [t.seat, region.seat],
      [t.population, `${formatNumber(region.population.value, lang)} (${region.population.year})`],
      [t.area, region.landAreaKm2 != null && `${formatNumber(region.landAreaKm2, lang)} km²`],
      [t.neighbours, region.neighbours.length > 0 && joined(region.neighbours.map((n) => regionLink(context, n)))],
    ]),
    h("h3", {}, t.nominations),
    nominations.length
      ? h(
          "ul",
          { class: "nominations" },
          nominations.map(({ won, edition, reasons }) =>
            h(
              "li",
              { "data-edition": edition.slug },
              h(
                "span",
                { class: won ? "win" : undefined },
                h("a", { href: link("prizes", edition.slug) }, `${edition.year} ${edition.award.name}`),
                `: ${won ? t.won : t.nominated}`,
              ),
              reasons && reasonsOf(context, provenance, reasons),
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
            h("li", {}, h("a", { href: link("interview", node.slug) }, node.title), ` (${node.interviewee.name})`),
          ),
        )
      : h("p", {}, t.noInterviews),
  );
  noteUnder(heading, provenance);
  return { title: region.name, content };
};

const interview: View = async (context) => {
  const { arg, lang, t, signal, link } = context;
  const { interview } = await request(WebInterviewDocument, { slug: arg, lang }, signal);
  if (!interview) return notFound(context, t.noInterview(arg));
  const provenance = new Provenance(t, lang);
  const title = provenance.text(interview.titleText, t.parts.title, "h2");
  if (interview.titleIsEditorial) provenance.ours(t.parts.title);
  // In the page's order, so that the note names them in that order too.
  const intro = interview.introText && provenance.text(interview.introText, t.parts.intro, "p");
  intro?.classList.add("intro");
  const { interviewee } = interview;
  const person = joined(
    [
      interviewee.name,
      interviewee.roleText && provenance.text(interviewee.roleText, t.parts.role),
      interview.organization.name,
    ].flatMap((part) => (part ? [typeof part === "string" ? document.createTextNode(part) : part] : [])),
  );
  const questions = [...interview.questions]
    .sort((a, b) => a.position - b.position)
    .map((q) => [
      provenance.text(q.questionText, t.parts.questions, "dt"),
      provenance.text(q.answerText, t.parts.answers, "dd"),
    ]);
  const content = h(
    "article",
    { class: "interview" },
    h("p", {}, h("a", { href: link("region", interview.region.isoCode) }, `← ${interview.region.name}`)),
    title,
    intro,
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
    h("dl", { class: "qa" }, questions),
  );
  noteUnder(title, provenance);
  return { title: interview.titleText.text, content };
};

export const views = { prizes, regions, region, interview, search } satisfies Record<ViewName, View>;
