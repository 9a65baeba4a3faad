// The indexed dataset inside workerd, as the schema uses it: lookups, reverse links, and
// indexes that answer exactly what a scan of the data would.
import { describe, expect, it } from "vitest";
import * as data from "../../src/data";

const codes = (regions: readonly { isoCode: string }[]) => regions.map((r) => r.isoCode);
const slugs = (records: readonly { slug: string }[]) => records.map((r) => r.slug);

describe("lookups", () => {
  it("lists the 21 regions by county code", () => {
    expect(data.regions).toHaveLength(21);
    expect(data.regions.map((r) => r.countyCode)).toEqual([...data.regions.map((r) => r.countyCode)].sort());
    expect(codes(data.regions).slice(0, 2)).toEqual(["SE-AB", "SE-C"]);
    expect(codes(data.regions).at(-1)).toBe("SE-BD");
  });

  it("finds a region by ISO code and by slug, and nothing for an unknown one", () => {
    expect(data.regionByCode("SE-BD")?.slug).toBe("norrbotten");
    expect(data.regionBySlug("norrbotten")?.isoCode).toBe("SE-BD");
    expect(data.regionByCode("SE-XX")).toBeUndefined();
    expect(data.regionBySlug("SE-BD")).toBeUndefined();
  });

  it("finds editions by award and year, ordered by year", () => {
    expect(data.editionsOfAward("arets-exportregion").map((e) => e.year)).toEqual([2021, 2022]);
    expect(data.editionByAwardYear("arets-exportregion", 2022)?.winner).toBe("SE-BD");
    expect(data.editionByAwardYear("arets-exportsucce", 2021)?.winner).toBe("bico-group");
    expect(data.editionByAwardYear("arets-exportregion", 2023)).toBeUndefined();
    expect(data.editionsOfAward("no-such-award")).toEqual([]);
  });
});

describe("reverse links", () => {
  it("gives a region's nominations with a stable id and whether it won", () => {
    expect(data.nominationsOfRegion("SE-BD").map((n) => [n.id, n.won])).toEqual([
      ["arets-exportregion-2021:SE-BD", false],
      ["arets-exportregion-2022:SE-BD", true],
    ]);
    expect(data.nominationsOfRegion("SE-N").map((n) => [n.id, n.won])).toEqual([
      ["arets-exportregion-2021:SE-N", true],
    ]);
    expect(data.nominationsOfRegion("SE-AB")).toEqual([]);
    expect(data.nominationById("arets-exportregion-2022:SE-C")?.edition.year).toBe(2022);
  });

  it("gives an edition's nominations in the edition's order, and a company's", () => {
    expect(data.nominationsOfEdition("arets-exportsucce-2022").map((n) => [n.nominee, n.won, n.nomineeKind])).toEqual([
      ["nordic-biomarker", true, "company"],
      ["aim-apparel", false, "company"],
      ["broddson", false, "company"],
    ]);
    expect(data.nominationsOfCompany("nicks").map((n) => n.id)).toEqual(["arets-exportsucce-2021:nicks"]);
  });

  it("makes borders symmetric: a border stated on either side", () => {
    // Uppsala states no neighbours; Stockholm and Södermanland state it as theirs.
    expect(codes(data.neighboursOf("SE-C"))).toEqual(["SE-AB", "SE-D"]);
    expect(codes(data.neighboursOf("SE-AC"))).toEqual(["SE-BD"]);
    expect(codes(data.neighboursOf("SE-BD"))).toEqual(["SE-AC"]);
    expect(data.neighboursOf("SE-I")).toEqual([]);
  });

  it("links the interview to its person, organization, region and article", () => {
    const interview = ["lars-ake-isaksson-een-norrbotten"];
    expect(slugs(data.interviewsOfRegion("SE-BD"))).toEqual(interview);
    expect(slugs(data.interviewsOfPerson("lars-ake-isaksson"))).toEqual(interview);
    expect(slugs(data.interviewsOfOrganization("ltu-business"))).toEqual(interview);
    expect(slugs(data.interviewsOfArticle("norrbotten-ar-arets-exportregion"))).toEqual(interview);
    expect(data.interviewsOfRegion("SE-M")).toEqual([]);
  });

  it("links people, organizations, cooperations, quotes, articles and figures", () => {
    expect(slugs(data.peopleOfOrganization("ltu-business"))).toEqual(["lars-ake-isaksson", "gry-holmgren-hafskjold"]);
    expect(slugs(data.cooperationsOfOrganization("een"))).toEqual(["regional-exportsamverkan-norrbotten"]);
    expect(slugs(data.cooperationsOfRegion("SE-BD"))).toEqual(["regional-exportsamverkan-norrbotten"]);
    expect(data.quotesOfPerson("anna-hallberg").map((q) => q.id)).toEqual(["anna-hallberg-arets-exportregion-2022"]);
    expect(slugs(data.articlesOfEdition("arets-exportregion-2022"))).toEqual(["norrbotten-ar-arets-exportregion"]);
    expect(slugs(data.childOrganizations("een"))).toEqual(["een-sweden"]);
    expect(data.editionsOfPerson("anna-hallberg").map((e) => e.id)).toEqual([
      "arets-exportregion-2021",
      "arets-exportregion-2022",
    ]);
    // By measure, then year; a single year before a period ending that year (2016-2021: +36%).
    expect(data.figuresOfRegion("SE").map((f) => [f.year, f.value])).toEqual([
      [2020, -6],
      [2021, 14],
      [2021, 36],
    ]);
  });
});

describe("the indexes answer what a scan would", () => {
  it("for every region, person and organization", () => {
    for (const region of data.regions) {
      const code = region.isoCode;
      expect(data.nominationsOfRegion(code).map((n) => n.edition.id)).toEqual(
        data.editions.filter((e) => e.nominees.includes(code)).map((e) => e.id),
      );
      expect(data.interviewsOfRegion(code)).toEqual(data.interviews.filter((i) => i.region === code));
      expect(data.articlesOfRegion(code)).toEqual(data.articles.filter((a) => a.regions.includes(code)));
      expect(data.figuresOfRegion(code)).toEqual(data.figures.filter((f) => f.region === code));
      for (const n of data.neighboursOf(code)) expect(codes(data.neighboursOf(n.isoCode))).toContain(code);
    }
    for (const person of data.people) {
      expect(data.interviewsOfPerson(person.slug)).toEqual(
        data.interviews.filter((i) => i.interviewee === person.slug),
      );
      expect(data.quotesOfPerson(person.slug)).toEqual(data.quotes.filter((q) => q.person === person.slug));
    }
    for (const org of data.organizations) {
      expect(data.peopleOfOrganization(org.slug)).toEqual(data.people.filter((p) => p.organization === org.slug));
      expect(data.cooperationsOfOrganization(org.slug)).toEqual(
        data.cooperations.filter((c) => c.ledBy === org.slug || c.partners.includes(org.slug)),
      );
    }
  });
});

describe("datasetVersion", () => {
  it("is a short hash that changes with any record", () => {
    expect(data.datasetVersion).toMatch(/^[0-9a-f]{14}$/);
    expect(data.createStore(data.dataset).datasetVersion).toBe(data.datasetVersion);
    const changed = structuredClone(data.dataset);
    changed.regions[0]!.population.value += 1;
    expect(data.createStore(changed).datasetVersion).not.toBe(data.datasetVersion);
  });
});
