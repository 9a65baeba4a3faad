/**
 * Indexes over a dataset, built once: maps by id, slug and code, and the reverse links
 * (region → nominations, person → interviews, ...) so that following a link is a map
 * lookup, never a scan of the data. Every list returned is shared: callers must not mutate it.
 */
import type {
  Article,
  Award,
  AwardEdition,
  Company,
  Dataset,
  ExportCooperation,
  ExportFigure,
  Interview,
  Organization,
  Person,
  Quote,
  Region,
} from "./shape";

/** One nominee of one edition: derived from the edition's `nominees` and `winner`. */
export interface Nomination {
  /** `<edition id>:<nominee>`, e.g. `arets-exportregion-2022:SE-BD`. */
  id: string;
  edition: AwardEdition;
  award: Award;
  nomineeKind: Award["nomineeKind"];
  /** The region's ISO code or the company's slug. */
  nominee: string;
  won: boolean;
}

const none: readonly never[] = Object.freeze([]);

/** A map from a key to a list, with an empty list for a missing key. */
class MultiMap<V> {
  readonly #map = new Map<string, V[]>();
  add(key: string, value: V): void {
    const list = this.#map.get(key);
    if (list) list.push(value);
    else this.#map.set(key, [value]);
  }
  get(key: string): readonly V[] {
    return this.#map.get(key) ?? none;
  }
  sort(compare: (a: V, b: V) => number): void {
    for (const list of this.#map.values()) list.sort(compare);
  }
}

/** Code-point order: ids, codes and ISO dates are ASCII, and a locale collator costs start-up time. */
const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byKey<T>(records: readonly T[], key: (r: T) => string): Map<string, T> {
  return new Map(records.map((r) => [key(r), r]));
}

/** Order of editions everywhere: by award, then year. */
const editionOrder = (a: AwardEdition, b: AwardEdition) =>
  a.award === b.award ? a.year - b.year : a.award < b.award ? -1 : 1;

/**
 * A small, stable hash (cyrb53) of the data, as 14 hex digits: changes whenever any record
 * changes, so it can serve as an ETag part. Not cryptographic.
 */
export function hashOf(value: unknown): string {
  const s = JSON.stringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** Builds every index of a dataset. The dataset is assumed to pass the data check. */
export function createStore(data: Dataset) {
  const regions = [...data.regions].sort((a, b) => ascii(a.countyCode, b.countyCode));
  const editions = [...data.editions].sort(editionOrder);
  const figures = [...data.figures].sort(
    (a, b) =>
      ascii(a.region ?? "", b.region ?? "") ||
      ascii(a.measure.key, b.measure.key) ||
      a.year - b.year ||
      (a.periodStart ?? 0) - (b.periodStart ?? 0),
  );

  const regionsByCode = byKey(regions, (r) => r.isoCode);
  const regionsBySlug = byKey(regions, (r) => r.slug);
  const awardsBySlug = byKey(data.awards, (a) => a.slug);
  const editionsById = byKey(editions, (e) => e.id);
  const companiesBySlug = byKey(data.companies, (c) => c.slug);
  const articlesBySlug = byKey(data.articles, (a) => a.slug);
  const quotesById = byKey(data.quotes, (q) => q.id);
  const interviewsBySlug = byKey(data.interviews, (i) => i.slug);
  const peopleBySlug = byKey(data.people, (p) => p.slug);
  const organizationsBySlug = byKey(data.organizations, (o) => o.slug);
  const cooperationsBySlug = byKey(data.cooperations, (c) => c.slug);
  const figuresById = byKey(figures, (f) => f.id);

  const editionsByAward = new MultiMap<AwardEdition>();
  const editionsByAwardYear = new Map<string, AwardEdition>();
  const editionsByPerson = new MultiMap<AwardEdition>();
  const nominationsById = new Map<string, Nomination>();
  const nominationsByEdition = new MultiMap<Nomination>();
  const nominationsByRegion = new MultiMap<Nomination>();
  const nominationsByCompany = new MultiMap<Nomination>();
  for (const edition of editions) {
    editionsByAward.add(edition.award, edition);
    editionsByAwardYear.set(`${edition.award}:${edition.year}`, edition);
    const people = new Set([edition.presentedBy, edition.inPresenceOf, edition.receivedBy]);
    for (const person of people) if (person) editionsByPerson.add(person, edition);
    const award = awardsBySlug.get(edition.award);
    if (!award) continue;
    for (const nominee of edition.nominees) {
      const nomination: Nomination = {
        id: `${edition.id}:${nominee}`,
        edition,
        award,
        nomineeKind: award.nomineeKind,
        nominee,
        won: nominee === edition.winner,
      };
      nominationsById.set(nomination.id, nomination);
      nominationsByEdition.add(edition.id, nomination);
      (award.nomineeKind === "region" ? nominationsByRegion : nominationsByCompany).add(nominee, nomination);
    }
  }

  const articlesByEdition = new MultiMap<Article>();
  const articlesByRegion = new MultiMap<Article>();
  const articlesByPublisher = new MultiMap<Article>();
  for (const article of data.articles) {
    for (const e of article.editions) articlesByEdition.add(e, article);
    for (const r of article.regions) articlesByRegion.add(r, article);
    articlesByPublisher.add(article.publisher, article);
  }
  const byPublished = (a: Article, b: Article) => ascii(b.publishedAt, a.publishedAt);
  for (const m of [articlesByEdition, articlesByRegion, articlesByPublisher]) m.sort(byPublished);

  const quotesByPerson = new MultiMap<Quote>();
  const quotesByArticle = new MultiMap<Quote>();
  const quotesByEdition = new MultiMap<Quote>();
  const quotesByRegion = new MultiMap<Quote>();
  for (const quote of data.quotes) {
    quotesByPerson.add(quote.person, quote);
    quotesByArticle.add(quote.article, quote);
    if (quote.edition) quotesByEdition.add(quote.edition, quote);
    if (quote.region) quotesByRegion.add(quote.region, quote);
  }

  const interviewsByRegion = new MultiMap<Interview>();
  const interviewsByPerson = new MultiMap<Interview>();
  const interviewsByOrganization = new MultiMap<Interview>();
  const interviewsByArticle = new MultiMap<Interview>();
  for (const interview of data.interviews) {
    interviewsByRegion.add(interview.region, interview);
    interviewsByPerson.add(interview.interviewee, interview);
    interviewsByOrganization.add(interview.organization, interview);
    interviewsByArticle.add(interview.article, interview);
  }

  const peopleByOrganization = new MultiMap<Person>();
  for (const person of data.people) if (person.organization) peopleByOrganization.add(person.organization, person);

  const organizationsByParent = new MultiMap<Organization>();
  const organizationsByRegion = new MultiMap<Organization>();
  for (const org of data.organizations) {
    if (org.parent) organizationsByParent.add(org.parent, org);
    if (org.region) organizationsByRegion.add(org.region, org);
  }

  const cooperationsByRegion = new MultiMap<ExportCooperation>();
  const cooperationsByOrganization = new MultiMap<ExportCooperation>();
  for (const coop of data.cooperations) {
    cooperationsByRegion.add(coop.region, coop);
    for (const org of new Set([coop.ledBy, ...coop.partners])) cooperationsByOrganization.add(org, coop);
  }

  const figuresByRegion = new MultiMap<ExportFigure>();
  for (const figure of figures) figuresByRegion.add(figure.region ?? "SE", figure);

  // A border stated on either side is a border: the neighbour lists are made symmetric.
  const neighbourCodes = new Map<string, Set<string>>();
  for (const region of regions) {
    for (const other of region.neighbours ?? []) {
      for (const [a, b] of [
        [region.isoCode, other],
        [other, region.isoCode],
      ] as const) {
        const set = neighbourCodes.get(a) ?? new Set<string>();
        set.add(b);
        neighbourCodes.set(a, set);
      }
    }
  }
  const neighbours = new Map<string, Region[]>();
  for (const [code, set] of neighbourCodes) {
    const list = [...set].flatMap((c) => regionsByCode.get(c) ?? []);
    neighbours.set(
      code,
      list.sort((a, b) => ascii(a.countyCode, b.countyCode)),
    );
  }

  return {
    /** A hash of the data: changes whenever any record changes (for ETags). */
    datasetVersion: hashOf(data),

    /** All 21 regions, ordered by county code (länskod). */
    regions: regions as readonly Region[],
    /** A region by ISO 3166-2 code (`SE-BD`). */
    regionByCode: (isoCode: string) => regionsByCode.get(isoCode),
    /** A region by slug (`norrbotten`). */
    regionBySlug: (slug: string) => regionsBySlug.get(slug),
    /**
     * The regions bordering a region, by county code: a border stated on either side.
     * Empty when no source stated a border (not a claim that there is none).
     */
    neighboursOf: (isoCode: string): readonly Region[] => neighbours.get(isoCode) ?? none,

    awards: data.awards as readonly Award[],
    awardBySlug: (slug: string) => awardsBySlug.get(slug),

    /** All editions, by award, then year. */
    editions: editions as readonly AwardEdition[],
    editionById: (id: string) => editionsById.get(id),
    /** The editions of an award, by year. */
    editionsOfAward: (awardSlug: string) => editionsByAward.get(awardSlug),
    editionByAwardYear: (awardSlug: string, year: number) => editionsByAwardYear.get(`${awardSlug}:${year}`),
    /** Editions a person presented, attended as guest of honour or received on a winner's behalf. */
    editionsOfPerson: (personSlug: string) => editionsByPerson.get(personSlug),

    nominationById: (id: string) => nominationsById.get(id),
    /** The nominations of an edition, in the edition's nominee order. */
    nominationsOfEdition: (editionId: string) => nominationsByEdition.get(editionId),
    /** A region's nominations, by award, then year. */
    nominationsOfRegion: (isoCode: string) => nominationsByRegion.get(isoCode),
    /** A company's nominations, by award, then year. */
    nominationsOfCompany: (companySlug: string) => nominationsByCompany.get(companySlug),

    companies: data.companies as readonly Company[],
    companyBySlug: (slug: string) => companiesBySlug.get(slug),

    articles: data.articles as readonly Article[],
    articleBySlug: (slug: string) => articlesBySlug.get(slug),
    /** Articles about an edition, newest first. */
    articlesOfEdition: (editionId: string) => articlesByEdition.get(editionId),
    /** Articles about a region, newest first. */
    articlesOfRegion: (isoCode: string) => articlesByRegion.get(isoCode),
    /** Articles an organization published, newest first. */
    articlesOfPublisher: (orgSlug: string) => articlesByPublisher.get(orgSlug),

    quotes: data.quotes as readonly Quote[],
    quoteById: (id: string) => quotesById.get(id),
    quotesOfPerson: (personSlug: string) => quotesByPerson.get(personSlug),
    quotesOfArticle: (articleSlug: string) => quotesByArticle.get(articleSlug),
    quotesOfEdition: (editionId: string) => quotesByEdition.get(editionId),
    quotesOfRegion: (isoCode: string) => quotesByRegion.get(isoCode),

    interviews: data.interviews as readonly Interview[],
    interviewBySlug: (slug: string) => interviewsBySlug.get(slug),
    interviewsOfRegion: (isoCode: string) => interviewsByRegion.get(isoCode),
    interviewsOfPerson: (personSlug: string) => interviewsByPerson.get(personSlug),
    interviewsOfOrganization: (orgSlug: string) => interviewsByOrganization.get(orgSlug),
    interviewsOfArticle: (articleSlug: string) => interviewsByArticle.get(articleSlug),

    people: data.people as readonly Person[],
    personBySlug: (slug: string) => peopleBySlug.get(slug),
    peopleOfOrganization: (orgSlug: string) => peopleByOrganization.get(orgSlug),

    organizations: data.organizations as readonly Organization[],
    organizationBySlug: (slug: string) => organizationsBySlug.get(slug),
    /** Organizations whose `parent` is this one. */
    childOrganizations: (orgSlug: string) => organizationsByParent.get(orgSlug),
    organizationsOfRegion: (isoCode: string) => organizationsByRegion.get(isoCode),

    cooperations: data.cooperations as readonly ExportCooperation[],
    cooperationBySlug: (slug: string) => cooperationsBySlug.get(slug),
    cooperationsOfRegion: (isoCode: string) => cooperationsByRegion.get(isoCode),
    /** Cooperations an organization leads or is a partner of. */
    cooperationsOfOrganization: (orgSlug: string) => cooperationsByOrganization.get(orgSlug),

    /** All export figures, by region (Sweden's first), measure, year. */
    figures: figures as readonly ExportFigure[],
    figureById: (id: string) => figuresById.get(id),
    /** A region's figures; `figuresOfRegion("SE")` gives the figures for all of Sweden. */
    figuresOfRegion: (isoCode: string) => figuresByRegion.get(isoCode),
  };
}

/** The indexed dataset: what `src/data` offers the schema. */
export type DataStore = ReturnType<typeof createStore>;
