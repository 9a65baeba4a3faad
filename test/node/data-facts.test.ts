// Every fact of the material is in data/: the facts files and the article, kept as the
// team received them in data/material/, are compared value by value with the dataset.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { dataDir } from "../../scripts/data-check";
import { dataset } from "../../src/data/index";

const material = join(dataDir, "material");
const facts = (name: string) => JSON.parse(readFileSync(join(material, name), "utf8"));
const regionFacts = facts("regions.json");
const awardFacts = facts("awards.json");
const orgFacts = facts("organizations.json");
const articleText = readFileSync(join(material, "article-norrbotten-ar-arets-exportregion.txt"), "utf8");
const articleUrl = "https://enterpriseeurope.se/nyheter/nyheter/2022-09-08-norrbotten-ar-arets-exportregion.html";

/** The article's paragraphs as published, without the site's link chrome. */
const paragraphs = articleText
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => line.replace(" Länk till annan webbplats, öppnas i nytt fönster.", ""));

/** Named test cases, one per fact record. */
const cases = (list: any[], name: (fact: any) => string): [string, any][] => list.map((f) => [name(f), f]);

const find = <T>(list: readonly T[], pred: (x: T) => boolean, what: string): T => {
  const found = list.find(pred);
  if (!found) throw new Error(`not in the dataset: ${what}`);
  return found;
};
const personNamed = (name: string) => find(dataset.people, (p) => p.name === name, name);
const companyNamed = (name: string) => find(dataset.companies, (c) => c.name === name, name);
const orgSlugByName: Record<string, string> = {
  Tillväxtverket: "tillvaxtverket",
  "Regeringen (the Swedish Government)": "regeringen",
};

describe("regions.json of the facts", () => {
  test("all 21 regions, and no other", () => {
    expect(dataset.regions.map((r) => r.isoCode).sort()).toEqual(
      regionFacts.regions.map((r: { iso: string }) => r.iso).sort(),
    );
    expect(dataset.regions).toHaveLength(21);
  });

  test.each(cases(regionFacts.regions, (r) => r.iso))("%s", (iso, fact) => {
    const region = find(dataset.regions, (r) => r.isoCode === iso, iso);
    expect({
      countyCode: region.countyCode,
      nameSv: region.name.sv,
      nameEn: region.name.en,
      nuts3: region.nuts3,
      seat: region.seat,
      landAreaKm2: region.landAreaKm2,
      landAreaSource: region.landAreaSource,
      population: region.population,
      neighbours: region.neighbours,
      neighbourCountries: region.neighbourCountries,
    }).toEqual({
      countyCode: fact.countyCode,
      nameSv: fact.nameSv,
      nameEn: fact.nameEn,
      nuts3: fact.nuts3,
      seat: fact.seat,
      landAreaKm2: fact.landAreaKm2,
      landAreaSource: fact.landAreaSource ?? null,
      population: { value: fact.population, date: regionFacts._sources.population_date },
      neighbours: fact.neighbours,
      neighbourCountries: fact.neighbourCountries ?? null,
    });
    // Both names come from a source: neither is the project's translation.
    expect(region.name.translated).toBeNull();
    const urls = Object.values(regionFacts._sources as Record<string, string>).flatMap(
      (s) => s.match(/https?:\/\/[^\s;)]+/g) ?? [],
    );
    expect(region.sources.sort()).toEqual([...new Set(urls)].sort());
  });

  test("the populations sum to Sweden's total", () => {
    expect(dataset.regions.reduce((sum, r) => sum + r.population.value, 0)).toBe(10_551_707);
  });
});

describe("awards.json of the facts", () => {
  test.each(cases(awardFacts.prizes, (p) => p.slug))("prize %s", (slug, fact) => {
    const award = find(dataset.awards, (a) => a.slug === slug, slug);
    expect(award.name).toEqual({ sv: fact.nameSv, en: fact.nameEn[0], translated: null });
    expect(award.otherEnglishNames).toEqual(fact.nameEn.slice(1));
    expect(award.awardedBy).toBe(orgSlugByName[fact.awardedBy]);
    expect(award.nominatedBy).toBe(fact.nominatedBy ? orgSlugByName[fact.nominatedBy] : null);
    expect(award.sources).toEqual(expect.arrayContaining(fact.sources));
  });

  test("the purpose of Årets exportregion is the article's first paragraph, verbatim", () => {
    const award = find(dataset.awards, (a) => a.slug === "arets-exportregion", "award");
    expect(award.purpose?.sv).toBe(paragraphs[2]);
    expect(award.purpose?.translated).toBe("en");
    expect(award.sources).toContain(articleUrl);
  });

  test.each(cases(awardFacts.editions, (e) => `${e.prize}-${e.year}`))("edition %s", (id, fact) => {
    const edition = find(dataset.editions, (e) => e.id === id, id);
    const award = find(dataset.awards, (a) => a.slug === fact.prize, fact.prize);
    const nominee = (n: string) => (award.nomineeKind === "region" ? n : companyNamed(n).slug);
    expect(edition.award).toBe(fact.prize);
    expect(edition.year).toBe(fact.year);
    expect(edition.ceremonyDate).toBe(fact.ceremonyDate ?? null);
    expect(edition.winner).toBe(fact.winner ?? nominee(fact.winnerCompany.name));
    expect(edition.nominees).toEqual((fact.nominees ?? fact.nomineeCompanies).map(nominee));
    expect(edition.presentedBy).toBe(fact.presentedBy ? personNamed(fact.presentedBy.name).slug : null);
    expect(edition.inPresenceOf).toBe(fact.inPresenceOf ? personNamed(fact.inPresenceOf).slug : null);
    expect(edition.receivedBy).toBe(fact.receivedBy ? personNamed(fact.receivedBy.name).slug : null);
    if (fact.presentedBy?.roleEn) {
      expect(edition.presenterRole).toEqual({
        sv: fact.presentedBy.roleSv,
        en: fact.presentedBy.roleEn,
        translated: null,
      });
    }
    if (fact.receivedBy?.organization) {
      const org = find(
        dataset.organizations,
        (o) => o.name === fact.receivedBy.organization,
        fact.receivedBy.organization,
      );
      expect(personNamed(fact.receivedBy.name).organization).toBe(org.slug);
    }
    if (fact.winnerCompany) expect(companyNamed(fact.winnerCompany.name).city).toBe(fact.winnerCompany.city);
    expect(edition.sources).toEqual(expect.arrayContaining(fact.sources));
    expect(edition.place === null).toBe(fact.place === undefined);
    if (fact.place) expect(edition.place?.en).toBe(fact.place);
  });

  test("the article is a record with its facts", () => {
    const article = find(dataset.articles, (a) => a.url === awardFacts.article.url, "article");
    expect(article.title.sv).toBe(awardFacts.article.titleSv);
    expect(article.section.sv).toBe(awardFacts.article.section);
    expect(article.publishedAt).toBe(awardFacts.article.published);
    expect(article.publisher).toBe("een-sweden");
    expect(article.sources).toEqual([articleUrl]);
  });
});

describe("organizations.json of the facts", () => {
  test.each(cases(orgFacts.organizations, (o) => o.slug))("organization %s", (slug, fact) => {
    const org = find(dataset.organizations, (o) => o.slug === slug, slug);
    expect(fact.name === org.name || fact.name === `${org.shortName} (${org.name})`).toBe(true);
    expect(org.shortName).toBe(fact.short ?? (slug === "ekn" ? "EKN" : null));
    expect(org.facts.length).toBeGreaterThanOrEqual(fact.facts?.length ?? 0);
    expect(org.sources).toEqual(expect.arrayContaining(fact.sources));
  });

  test("LTU Business belongs to Luleå tekniska universitet", () => {
    const ltuBusiness = find(dataset.organizations, (o) => o.slug === "ltu-business", "ltu-business");
    expect(ltuBusiness.parent).toBe("ltu");
    expect(find(dataset.organizations, (o) => o.slug === "ltu", "ltu").name).toBe("Luleå tekniska universitet");
  });

  test.each(cases(orgFacts.people, (p) => p.name))("person %s", (name, fact) => {
    const person = personNamed(name);
    expect(person.organization).toBe(fact.organization);
    expect(person.role === null).toBe(fact.role === undefined);
  });

  test("Norrbotten's export cooperation", () => {
    const [fact] = orgFacts.exportCooperation;
    const coop = find(dataset.cooperations, (c) => c.region === fact.region, fact.region);
    expect(coop.name.sv).toBe(fact.nameSv);
    expect(coop.ledBy).toBe(fact.ledBy);
    expect(coop.partners).toEqual(fact.partners);
    expect(coop.facts).toHaveLength(fact.facts.length);
    expect(coop.sources).toEqual(expect.arrayContaining(fact.sources));
  });

  // Each row: a value as the facts file writes it, and the figure it became.
  const figureRows: [string, string | null, number | null, number, number, "SEK_PER_INHABITANT" | "PERCENT"][] = [
    ["25000", "SE-BD", null, 2016, 25000, "SEK_PER_INHABITANT"],
    ["44000", "SE-BD", null, 2021, 44000, "SEK_PER_INHABITANT"],
    ["+80% 2016-2021", "SE-BD", 2016, 2021, 80, "PERCENT"],
    ["+32% (largest of all counties)", "SE-BD", 2020, 2021, 32, "PERCENT"],
    ["+98% (Sweden", "SE-BD", 2016, 2021, 98, "PERCENT"],
    ["Sweden: +36%", null, 2016, 2021, 36, "PERCENT"],
    ['"2020": "-6%"', null, null, 2020, -6, "PERCENT"],
    ['"2021": "+14%"', null, null, 2021, 14, "PERCENT"],
  ];
  test.each(figureRows)("export figure %s", (text, region, periodStart, year, value, unit) => {
    expect(readFileSync(join(material, "organizations.json"), "utf8")).toContain(text);
    const matches = dataset.figures.filter(
      (f) =>
        f.region === region && f.periodStart === periodStart && f.year === year && f.value === value && f.unit === unit,
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]?.scope).toBe(region ? "region" : "country");
  });

  test("no figure that the facts do not hold", () => {
    expect(dataset.figures).toHaveLength(figureRows.length);
  });
});

describe("the article, verbatim", () => {
  const edition = () => find(dataset.editions, (e) => e.id === "arets-exportregion-2022", "2022");
  const interview = () => find(dataset.interviews, (i) => i.slug === "lars-ake-isaksson-een-norrbotten", "interview");

  test("the body is the article's text, paragraph by paragraph", () => {
    const [article] = dataset.articles;
    expect(paragraphs.slice(0, 2)).toEqual(["Sverige", "Norrbotten är årets exportregion"]);
    expect(article?.body.sv.split("\n\n")).toEqual(paragraphs.slice(2));
    expect(article?.body.sv).not.toContain("Länk till annan webbplats");
    expect(article?.body.en.split("\n\n")).toHaveLength(paragraphs.length - 2);
  });

  test("the 2022 winner motivation", () => {
    expect(`"${edition().motivation?.sv}"`).toBe(paragraphs[4]);
    expect(edition().motivation?.translated).toBe("en");
  });

  test("the minister's quote", () => {
    const [quote] = dataset.quotes;
    expect(quote?.person).toBe("anna-hallberg");
    expect(paragraphs[5]).toBe(
      `- ${quote?.text.sv.replace(/\.$/, "")}, säger ${quote?.saidAs?.sv} ${personNamed("Anna Hallberg").name}.`,
    );
    expect(quote?.edition).toBe("arets-exportregion-2022");
  });

  test("the interview: intro and three questions with their answers, in order", () => {
    const i = interview();
    expect(i.intro?.sv).toBe(paragraphs[6]);
    expect(i.intro?.sv).toContain("Norbotten"); // the article's typo, kept
    expect(i.questions.flatMap((q) => [q.question.sv, `- ${q.answer.sv}`])).toEqual(paragraphs.slice(7, 13));
    expect(i.questions.every((q) => q.question.translated === "en" && q.answer.translated === "en")).toBe(true);
    expect(personNamed("Lars-Åke Isaksson").slug).toBe(i.interviewee);
    expect([i.organization, i.region, i.article]).toEqual([
      "ltu-business",
      "SE-BD",
      "norrbotten-ar-arets-exportregion",
    ]);
    expect(i.titleSource).toBe("editorial");
  });
});

test("every record of every file names at least one source", () => {
  const lists = Object.entries(dataset) as [string, { sources: string[] }[]][];
  for (const [name, records] of lists) {
    for (const r of records) expect(r.sources.length, name).toBeGreaterThan(0);
  }
  expect(lists).toHaveLength(12);
});

describe("nominations.json of the facts", () => {
  const nominationFacts = facts("nominations.json");
  const reasons = (edition: string, nominee: string) =>
    find(dataset.nominationReasons, (r) => r.edition === edition && r.nominee === nominee, `${edition} ${nominee}`);

  /** The numbers a text states, with thousands written together (`100,000`, `100 000`) and a date as its day and year. */
  const numbersIn = (text: string) =>
    (
      text
        .replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y, __, d) => `${Number(d)} ${y}`)
        .replace(/(\d)[ ,](?=\d{3}\b)/g, "$1")
        .match(/\d+/g) ?? []
    ).sort();
  /** Eight words in a row that two texts share: a sentence copied rather than written anew. */
  const sharedRun = (a: string, b: string) => {
    const words = (s: string) =>
      s
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
    const runs = (list: string[]) => new Set(list.slice(0, -7).map((_, i) => list.slice(i, i + 8).join(" ")));
    const theirs = runs(words(b));
    return [...runs(words(a))].find((run) => theirs.has(run)) ?? null;
  };
  /** Every fact of the file is one text of ours, in both languages, marked as ours, with the same numbers. */
  const expectOurWords = (ours: readonly { sv: string; en: string; translated: string | null }[], theirs: string[]) => {
    expect(ours).toHaveLength(theirs.length);
    theirs.forEach((fact, i) => {
      const text = ours[i];
      expect(text?.translated, fact).toBe("both");
      expect(numbersIn(text?.en ?? ""), fact).toEqual(numbersIn(fact));
      expect(numbersIn(text?.sv ?? ""), fact).toEqual(numbersIn(fact));
      expect(sharedRun(text?.en ?? "", fact), fact).toBeNull();
    });
  };

  const measureKeys: Record<string, string> = {
    "change in SME goods exports per inhabitant": "sme-goods-exports-per-inhabitant-change",
    "change in SME goods exports per capita": "sme-goods-exports-per-inhabitant-change",
    "goods-exporting SMEs per 100,000 inhabitants": "goods-exporting-smes-per-100000-inhabitants",
  };

  test("one record of reasons per nomination of the file, and no other", () => {
    expect(dataset.nominationReasons.map((r) => `${r.edition} ${r.nominee}`).sort()).toEqual(
      nominationFacts.nominations.map((n: any) => `${n.edition} ${n.region}`).sort(),
    );
  });

  test.each(cases(nominationFacts.nominations, (n) => `${n.edition} ${n.region}`))("%s", (_, fact) => {
    const record = reasons(fact.edition, fact.region);
    const edition = find(dataset.editions, (e) => e.id === fact.edition, fact.edition);
    expect(edition.nominees).toContain(fact.region);
    expectOurWords(record.facts, fact.facts);
    expect(record.sources).toEqual(fact.sources);
    expect(
      record.figures.map((f) => ({
        key: f.measure.key,
        unit: f.unit,
        value: f.value,
        year: f.year,
        from: f.periodStart,
      })),
    ).toEqual(
      fact.figures.map((f: any) => {
        const [from, to] = f.period ? f.period.split("-").map(Number) : [null, f.year ?? null];
        return { key: measureKeys[f.measure], unit: f.unit, value: f.value, year: to, from };
      }),
    );
    for (const figure of record.figures) expect(figure.measure.label.translated).toBe("both");
    const people = (fact.people ?? []).map((p: any) => {
      const person = personNamed(p.name);
      const org = find(dataset.organizations, (o) => o.slug === person.organization, p.organization);
      expect(org.name).toBe(p.organization);
      expect(person.role).toMatchObject({ sv: p.roleSv, translated: "en" });
      expect(person.sources).toEqual(expect.arrayContaining(fact.sources));
      return person.slug;
    });
    expect(record.people).toEqual(people);
  });

  test("Norrbotten 2022: the prize received by Sabrina Suikki of Norrbottens Handelskammare on 2022-08-31, its cooperation led by the chamber", () => {
    const edition = find(dataset.editions, (e) => e.id === "arets-exportregion-2022", "2022");
    expect(edition.ceremonyDate).toBe("2022-08-31");
    expect(edition.receivedBy).toBe(personNamed("Sabrina Suikki").slug);
    expect(personNamed("Sabrina Suikki").organization).toBe("norrbottens-handelskammare");
    expect(find(dataset.cooperations, (c) => c.region === "SE-BD", "SE-BD").ledBy).toBe("norrbottens-handelskammare");
    expect(edition.winner).toBe("SE-BD");
  });

  test.each(cases(nominationFacts.exportsucce, (e) => e.edition))("%s", (id, fact) => {
    const edition = find(dataset.editions, (e) => e.id === id, id);
    expect(edition.winner).toBe(companyNamed(fact.winner).slug);
    expect(edition.nominees).toEqual(fact.nominees.map((name: string) => companyNamed(name).slug));
    const winner = companyNamed(fact.winner);
    expectOurWords(winner.facts, fact.facts);
    expect(winner.sources).toEqual(expect.arrayContaining(fact.sources));
  });
});
