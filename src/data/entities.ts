/**
 * Every kind of record, declared once, in two entries under its name: in `checks`, its shape
 * and its extra rules (what only the data check reads); in `kinds`, its file, names, id,
 * unique fields, links, indexes, order and what search finds of it. The data check, the
 * store's indexes and reverse links, search and the schema's types are derived from them
 * (docs/architecture.md, "Adding a kind of record").
 *
 * Runtime code imports this module: it names zod only in types, the shapes are built from the
 * kit that the check hands in, and `checks` is left out of the Worker's bundle.
 */
import type { z } from "zod";
import { ascii, checked, isStringList, kindsOf } from "./kind";

/**
 * What the data check reads of each kind: the shape of a record, built from the kit the check
 * hands in, and the rules beyond shape, uniqueness and links. The Worker reads none of it:
 * esbuild leaves it out of the bundle (the calls are pure, and nothing there reads them).
 */
export const checks = {
  region: /* @__PURE__ */ checked(
    ({ z, text, isoDate, slug, sources, regionCode, countryCode, localizedText }) =>
      z.strictObject({
        isoCode: regionCode,
        slug,
        /** Länskod, two digits (`25`). */
        countyCode: z.string().regex(/^\d{2}$/, { message: "must be a two-digit county code" }),
        nuts3: z.string().regex(/^SE\d{3}$/, { message: "must be a NUTS3 code SEnnn" }),
        /** Swedish and English name, both from sources (`translated: null`). */
        name: localizedText,
        /** Residensstad: the seat of the county administrative board. */
        seat: text,
        landAreaKm2: z.number().positive().nullable(),
        /** Null when the land area is from the common SCB table; otherwise the older basis used. */
        landAreaSource: text.nullable(),
        population: z.strictObject({ value: z.number().int().positive(), date: isoDate }),
        /** Bordering regions as a source stated them; null when no source stated any. */
        neighbours: z.array(regionCode).nullable(),
        /** Bordering countries as a source stated them; null when no source stated any. */
        neighbourCountries: z.array(countryCode).nullable(),
        sources,
        /** Sources without a URL (statistics tables, code lists), described in words. */
        sourceNotes: text,
      }),
    (r, check) => {
      if (isStringList(r.neighbours) && r.neighbours.includes(r.isoCode)) {
        check.report("neighbours", "a region is not its own neighbour");
      }
    },
  ),

  award: /* @__PURE__ */ checked(({ z, text, slug, sources, localizedText }) =>
    z.strictObject({
      slug,
      /** The name in Swedish and its English name as sources give it. */
      name: localizedText,
      /** Other English names that sources use. */
      otherEnglishNames: z.array(text),
      awardedBy: slug,
      nominatedBy: slug.nullable(),
      nomineeKind: z.enum(["region", "company"]),
      purpose: localizedText.nullable(),
      facts: z.array(localizedText),
      sources,
    }),
  ),

  edition: /* @__PURE__ */ checked(
    ({ z, isoDate, year, slug, sources, localizedText }) =>
      z.strictObject({
        /** `<award>-<year>`. */
        id: slug,
        award: slug,
        year,
        ceremonyDate: isoDate.nullable(),
        place: localizedText.nullable(),
        presentedBy: slug.nullable(),
        /** The presenter's role at the time of the ceremony. */
        presenterRole: localizedText.nullable(),
        inPresenceOf: slug.nullable(),
        /** The person who received the prize on the winner's behalf. */
        receivedBy: slug.nullable(),
        /** A region ISO code or a company slug, as the award's `nomineeKind` says. */
        winner: z.string(),
        nominees: z.array(z.string()).min(1),
        motivation: localizedText.nullable(),
        notes: localizedText.nullable(),
        sources,
      }),
    (e, check) => {
      if (e.id !== `${e.award}-${e.year}`) check.report("id", `must be "${e.award}-${e.year}" (award-year)`);
      if (typeof e.ceremonyDate === "string" && Number(e.ceremonyDate.slice(0, 4)) !== e.year) {
        check.report("ceremonyDate", `${e.ceremonyDate} is not in the edition's year ${e.year}`);
      }
      // The award says what is nominated: a region code for one award, a company slug for another.
      const nomineeKind = typeof e.award === "string" ? check.record("award", e.award)?.nomineeKind : undefined;
      if (nomineeKind === "region" || nomineeKind === "company") check.link("nominees", e.nominees, nomineeKind);
      if (!isStringList(e.nominees)) return;
      e.nominees.forEach((n, i) => {
        if (e.nominees.indexOf(n) !== i) check.report(`nominees.${i}`, `"${n}" is nominated twice`);
      });
      if (!e.nominees.includes(e.winner)) check.report("winner", `"${e.winner}" is not among the nominees`);
    },
  ),

  company: /* @__PURE__ */ checked(({ z, text, slug, sources, localizedText }) =>
    z.strictObject({ slug, name: text, city: text.nullable(), facts: z.array(localizedText), sources }),
  ),

  interview: /* @__PURE__ */ checked(({ z, slug, sources, regionCode, localizedText }) =>
    z.strictObject({
      slug,
      title: localizedText,
      /** `article`: the title is the article's; `editorial`: written by this project. */
      titleSource: z.enum(["article", "editorial"]),
      interviewee: slug,
      /** The organization the interviewee speaks for. */
      organization: slug,
      region: regionCode,
      article: slug,
      intro: localizedText.nullable(),
      /** In the order of the article. */
      questions: z.array(z.strictObject({ question: localizedText, answer: localizedText })).min(1),
      sources,
    }),
  ),

  article: /* @__PURE__ */ checked(({ z, isoDate, slug, sources, regionCode, localizedText, url }) =>
    z.strictObject({
      slug,
      title: localizedText,
      section: localizedText,
      publisher: slug,
      publishedAt: isoDate,
      url,
      /** The language the article was written in. */
      language: z.enum(["sv", "en"]),
      /** The article's text, paragraphs separated by a blank line. */
      body: localizedText,
      regions: z.array(regionCode),
      editions: z.array(slug),
      sources,
    }),
  ),

  quote: /* @__PURE__ */ checked(({ z, slug, sources, regionCode, localizedText }) =>
    z.strictObject({
      id: slug,
      person: slug,
      text: localizedText,
      /** How the source names the speaker's role when quoting (`handelsministern`). */
      saidAs: localizedText.nullable(),
      article: slug,
      edition: slug.nullable(),
      region: regionCode.nullable(),
      sources,
    }),
  ),

  person: /* @__PURE__ */ checked(({ z, text, slug, sources, localizedText }) =>
    z.strictObject({
      slug,
      name: text,
      role: localizedText.nullable(),
      organization: slug.nullable(),
      facts: z.array(localizedText),
      sources,
    }),
  ),

  organization: /* @__PURE__ */ checked(
    ({ z, text, slug, sources, regionCode, localizedText, url, isRealDate }) =>
      z.strictObject({
        slug,
        name: text,
        shortName: text.nullable(),
        /** The English name a source gives; null when none did. */
        englishName: text.nullable(),
        description: localizedText.nullable(),
        /** ISO date, or a year as YYYY, when a source gives it. */
        founded: z
          .string()
          .refine((s) => (s.length === 4 ? Number(s) >= 1000 && Number(s) <= 2100 : isRealDate(s)), {
            message: "must be a year YYYY or a calendar date YYYY-MM-DD",
          })
          .nullable(),
        parent: slug.nullable(),
        /** The region the organization works in or for, where a source says so. */
        region: regionCode.nullable(),
        website: url.nullable(),
        facts: z.array(localizedText),
        sources,
      }),
    (o, check) => {
      if (o.parent === o.slug) check.report("parent", "an organization is not its own parent");
    },
  ),

  cooperation: /* @__PURE__ */ checked(
    ({ z, slug, sources, regionCode, localizedText }) =>
      z.strictObject({
        slug,
        region: regionCode,
        name: localizedText,
        ledBy: slug,
        /** Organization slugs, the lead included. */
        partners: z.array(slug).min(1),
        facts: z.array(localizedText),
        sources,
      }),
    (c, check) => {
      // So that the partners' reverse link is every cooperation an organization leads or is part of.
      if (isStringList(c.partners) && !c.partners.includes(c.ledBy)) {
        check.report("ledBy", `"${c.ledBy}" is not among the partners`);
      }
    },
  ),

  figure: /* @__PURE__ */ checked(
    ({ z, year, slug, sources, regionCode, localizedText, figureUnit }) =>
      z.strictObject({
        id: slug,
        /** Null when the scope is all of Sweden. */
        region: regionCode.nullable(),
        scope: z.enum(["region", "country"]),
        measure: z.strictObject({ key: slug, label: localizedText }),
        unit: figureUnit,
        /** The year, or the end year of a period. */
        year,
        /** The first year of a period; null for a single year. */
        periodStart: year.nullable(),
        value: z.number(),
        note: localizedText.nullable(),
        sources,
      }),
    (f, check) => {
      if ((f.scope === "country") !== (f.region === null)) {
        check.report("scope", `scope "${f.scope}" needs region ${f.scope === "country" ? "null" : "set"}`);
      }
      if (typeof f.periodStart === "number" && typeof f.year === "number" && f.periodStart >= f.year) {
        check.report("periodStart", `period ${f.periodStart}-${f.year} does not run forward`);
      }
    },
  ),

  nominationReasons: /* @__PURE__ */ checked(
    ({ z, year, slug, sources, localizedText, figureUnit }) =>
      z.strictObject({
        /** `<edition>-<nominee>`, the nominee in lower case: `arets-exportregion-2021-se-bd`. */
        id: slug,
        edition: slug,
        /** A region ISO code or a company slug, one of the edition's nominees. */
        nominee: z.string(),
        /** What the nominating body stated as reasons, in the project's words. */
        facts: z.array(localizedText).min(1),
        /** The figures it gave, as it gave them: a year or unit that no source gave is null. */
        figures: z.array(
          z.strictObject({
            measure: z.strictObject({ key: slug, label: localizedText }),
            unit: figureUnit,
            value: z.number(),
            /** The year, or the end year of a period; null when the source gives none. */
            year: year.nullable(),
            /** The first year of a period; null for a single year. */
            periodStart: year.nullable(),
          }),
        ),
        /** People the sources name around the nomination. */
        people: z.array(slug),
        sources,
      }),
    (r, check) => {
      if (typeof r.nominee !== "string") return;
      const id = `${r.edition}-${r.nominee.toLowerCase()}`;
      if (r.id !== id) check.report("id", `must be "${id}" (edition-nominee)`);
      const nominees = typeof r.edition === "string" ? check.record("edition", r.edition)?.nominees : undefined;
      if (isStringList(nominees) && !nominees.includes(r.nominee)) {
        check.report("nominee", `"${r.nominee}" is not among the nominees of ${r.edition}`);
      }
      r.figures?.forEach((f, i) => {
        if (typeof f.periodStart === "number" && (typeof f.year !== "number" || f.periodStart >= f.year)) {
          check.report(`figures.${i}.periodStart`, `period ${f.periodStart}-${f.year} does not run forward`);
        }
      });
    },
  ),
};

/** The name of a kind of record (`region`, `edition`). */
export type KindName = keyof typeof checks;
/** A record of a kind, as its shape declares it. */
export type RecordOf<K extends KindName> = z.infer<ReturnType<(typeof checks)[K]["shape"]>>;

const kind = kindsOf<typeof checks>();

/** What the store, search and the schema read of each kind: its file and names, id, links, indexes, order and search. */
export const kinds = {
  region: kind("region", {
    file: "regions.json",
    list: "regions",
    type: "Region",
    plural: "regions",
    id: "isoCode",
    unique: ["slug", "countyCode", "nuts3"],
    links: { neighbours: "region" },
    order: (a, b) => ascii(a.countyCode, b.countyCode),
    search: {
      label: { sv: "Region", en: "Region" },
      description: "Regions: names and seats.",
      fields: { name: { sv: "Namn", en: "Name", heading: true }, seat: { sv: "Residensstad", en: "Seat" } },
      texts: (r, add) => {
        add.both("name", r.name, "name");
        add.one("seat", r.seat, null, "title");
      },
      // A region is often named by its seat: `Luleå` finds what links to Norrbotten.
      reference: (r) => ({
        sv: `${r.name.sv} (${r.seat})`,
        en: `${r.name.en} (${r.seat})`,
        translated: r.name.translated,
      }),
    },
  }),

  award: kind("award", {
    file: "awards.json",
    list: "awards",
    type: "Award",
    plural: "prizes",
    id: "slug",
    links: { awardedBy: "organization", nominatedBy: "organization" },
    search: {
      label: { sv: "Pris", en: "Prize" },
      description: "Prizes: names, purposes, facts, who awards and nominates.",
      fields: {
        name: { sv: "Namn", en: "Name", heading: true },
        otherEnglishNames: { sv: "Andra engelska namn", en: "Other English names" },
        purpose: { sv: "Syfte", en: "Purpose" },
        facts: { sv: "Fakta", en: "Facts" },
        awardedBy: { sv: "Delas ut av", en: "Awarded by" },
        nominatedBy: { sv: "Nomineras av", en: "Nominated by" },
      },
      texts: (a, add) => {
        add.both("name", a.name, "name");
        for (const name of a.otherEnglishNames) add.one("otherEnglishNames", name, "en", "title");
        add.both("purpose", a.purpose);
        for (const fact of a.facts) add.both("facts", fact);
        add.linked("awardedBy", "organization", a.awardedBy);
        add.linked("nominatedBy", "organization", a.nominatedBy);
      },
      reference: (a) => a.name,
    },
  }),

  edition: kind("edition", {
    file: "award-editions.json",
    list: "editions",
    type: "AwardEdition",
    plural: "prize editions",
    id: "id",
    links: { award: "award", presentedBy: "person", inPresenceOf: "person", receivedBy: "person" },
    indexes: {
      /** `<award>:<year>`: the edition of an award in a year. */
      awardYear: (e) => `${e.award}:${e.year}`,
      /** The people at the ceremony: who presented, the guest of honour, who received. */
      person: (e) => [e.presentedBy, e.inPresenceOf, e.receivedBy],
    },
    order: (a, b) => ascii(a.award, b.award) || a.year - b.year,
    search: {
      label: { sv: "Prisår", en: "Prize edition" },
      description: "Prize editions: the prize and year, winner and nominees, motivations, places, people.",
      fields: {
        award: { sv: "Pris", en: "Prize", heading: true },
        year: { sv: "År", en: "Year", heading: true },
        winner: { sv: "Vinnare", en: "Winner" },
        motivation: { sv: "Motivering", en: "Motivation" },
        nominees: { sv: "Övriga nominerade", en: "Other nominees" },
        place: { sv: "Plats", en: "Place" },
        presentedBy: { sv: "Delades ut av", en: "Presented by" },
        inPresenceOf: { sv: "I närvaro av", en: "In the presence of" },
        receivedBy: { sv: "Togs emot av", en: "Received by" },
        notes: { sv: "Anmärkningar", en: "Notes" },
      },
      texts: (e, add, get) => {
        // An edition is called by its prize's name and its year: `Årets exportregion 2021`.
        add.linked("award", "award", e.award, "name");
        add.one("year", String(e.year), null, "name");
        const { nomineeKind } = get("award", e.award);
        add.both("motivation", e.motivation);
        add.linked("winner", nomineeKind, e.winner, "title");
        add.linked(
          "nominees",
          nomineeKind,
          e.nominees.filter((n) => n !== e.winner),
        );
        add.both("place", e.place);
        add.linked("presentedBy", "person", e.presentedBy);
        add.linked("inPresenceOf", "person", e.inPresenceOf);
        add.linked("receivedBy", "person", e.receivedBy, "title");
        add.both("notes", e.notes);
      },
      reference: (e, get) => {
        const { name } = get("award", e.award);
        return { sv: `${name.sv} ${e.year}`, en: `${name.en} ${e.year}`, translated: name.translated };
      },
    },
  }),

  company: kind("company", {
    file: "companies.json",
    list: "companies",
    type: "Company",
    plural: "companies",
    id: "slug",
    search: {
      label: { sv: "Företag", en: "Company" },
      description: "Companies: names, cities and facts.",
      fields: {
        name: { sv: "Namn", en: "Name", heading: true },
        city: { sv: "Ort", en: "City" },
        facts: { sv: "Fakta", en: "Facts" },
      },
      texts: (c, add) => {
        add.one("name", c.name, null, "name");
        for (const fact of c.facts) add.both("facts", fact);
        add.one("city", c.city, null);
      },
      reference: (c) => c.name,
    },
  }),

  interview: kind("interview", {
    file: "interviews.json",
    list: "interviews",
    type: "Interview",
    plural: "interviews",
    id: "slug",
    links: { interviewee: "person", organization: "organization", region: "region", article: "article" },
    search: {
      label: { sv: "Intervju", en: "Interview" },
      description: "Interviews: titles, introductions, questions and answers; interviewee, organization, region.",
      fields: {
        title: { sv: "Rubrik", en: "Title", heading: true },
        interviewee: { sv: "Intervjuad", en: "Interviewee" },
        intro: { sv: "Ingress", en: "Introduction" },
        "questions.#.question": { sv: "Fråga #", en: "Question #" },
        "questions.#.answer": { sv: "Svar på fråga #", en: "Answer to question #" },
        organization: { sv: "Organisation", en: "Organization" },
        region: { sv: "Region", en: "Region" },
      },
      texts: (i, add) => {
        add.both("title", i.title, "title");
        add.both("intro", i.intro);
        add.linked("interviewee", "person", i.interviewee, "title");
        i.questions.forEach((q, n) => {
          add.both("questions.#.question", q.question, "text", n + 1);
          add.both("questions.#.answer", q.answer, "text", n + 1);
        });
        add.linked("organization", "organization", i.organization);
        add.linked("region", "region", i.region);
      },
    },
  }),

  article: kind("article", {
    file: "articles.json",
    list: "articles",
    type: "Article",
    plural: "articles",
    id: "slug",
    unique: ["url"],
    links: { publisher: "organization", regions: "region", editions: "edition" },
    order: (a, b) => ascii(b.publishedAt, a.publishedAt),
    search: {
      label: { sv: "Artikel", en: "Article" },
      description: "Articles: titles, text, publishers, regions.",
      fields: {
        title: { sv: "Rubrik", en: "Title", heading: true },
        body: { sv: "Text", en: "Text" },
        publisher: { sv: "Utgivare", en: "Publisher" },
        regions: { sv: "Regioner", en: "Regions" },
      },
      texts: (a, add) => {
        add.both("title", a.title, "title");
        add.both("body", a.body);
        add.linked("publisher", "organization", a.publisher);
        add.linked("regions", "region", a.regions);
      },
    },
  }),

  quote: kind("quote", {
    file: "quotes.json",
    list: "quotes",
    type: "Quote",
    plural: "quotes",
    id: "id",
    links: { person: "person", article: "article", edition: "edition", region: "region" },
    search: {
      label: { sv: "Citat", en: "Quote" },
      description: "Quotes: their words, and who said them.",
      fields: {
        text: { sv: "Citat", en: "Quote" },
        person: { sv: "Person", en: "Person", heading: true },
        saidAs: { sv: "I egenskap av", en: "Said as" },
      },
      texts: (q, add) => {
        add.both("text", q.text);
        add.linked("person", "person", q.person, "title");
        add.both("saidAs", q.saidAs);
      },
    },
  }),

  person: kind("person", {
    file: "people.json",
    list: "people",
    type: "Person",
    plural: "people",
    id: "slug",
    links: { organization: "organization" },
    search: {
      label: { sv: "Person", en: "Person" },
      description: "People: names, roles and organizations.",
      fields: {
        name: { sv: "Namn", en: "Name", heading: true },
        role: { sv: "Roll", en: "Role" },
        organization: { sv: "Organisation", en: "Organization" },
      },
      texts: (p, add) => {
        add.one("name", p.name, null, "name");
        add.both("role", p.role);
        add.linked("organization", "organization", p.organization);
      },
      reference: (p) => p.name,
    },
  }),

  organization: kind("organization", {
    file: "organizations.json",
    list: "organizations",
    type: "Organization",
    plural: "organizations",
    id: "slug",
    links: { parent: "organization", region: "region" },
    search: {
      label: { sv: "Organisation", en: "Organization" },
      description: "Organizations: names, descriptions, facts, parent.",
      fields: {
        name: { sv: "Namn", en: "Name", heading: true },
        shortName: { sv: "Kortnamn", en: "Short name", heading: true },
        englishName: { sv: "Engelskt namn", en: "English name" },
        description: { sv: "Beskrivning", en: "Description" },
        facts: { sv: "Fakta", en: "Facts" },
        parent: { sv: "Del av", en: "Part of" },
      },
      texts: (o, add) => {
        add.one("name", o.name, null, "name");
        add.one("shortName", o.shortName, null, "name");
        add.one("englishName", o.englishName, "en", "title");
        add.both("description", o.description);
        for (const fact of o.facts) add.both("facts", fact);
        add.linked("parent", "organization", o.parent);
      },
      reference: (o) => (o.shortName ? `${o.name} (${o.shortName})` : o.name),
    },
  }),

  cooperation: kind("cooperation", {
    file: "export-cooperations.json",
    list: "cooperations",
    type: "ExportCooperation",
    plural: "export cooperations",
    id: "slug",
    links: { region: "region", ledBy: "organization", partners: "organization" },
    search: {
      label: { sv: "Exportsamverkan", en: "Export cooperation" },
      description: "Export cooperations: names, facts, region, lead and partners.",
      fields: {
        name: { sv: "Namn", en: "Name", heading: true },
        region: { sv: "Region", en: "Region" },
        facts: { sv: "Fakta", en: "Facts" },
        ledBy: { sv: "Leds av", en: "Led by" },
        partners: { sv: "Övriga parter", en: "Other partners" },
      },
      texts: (c, add) => {
        add.both("name", c.name, "name");
        for (const fact of c.facts) add.both("facts", fact);
        add.linked("region", "region", c.region);
        add.linked("ledBy", "organization", c.ledBy);
        add.linked(
          "partners",
          "organization",
          c.partners.filter((p) => p !== c.ledBy),
        );
      },
    },
  }),

  figure: kind("figure", {
    file: "export-figures.json",
    list: "figures",
    type: "ExportFigure",
    plural: "export figures",
    id: "id",
    links: { region: "region" },
    indexes: {
      /** A region's code, or `SE` for a figure of all of Sweden. */
      area: (f) => f.region ?? "SE",
    },
    order: (a, b) =>
      ascii(a.region ?? "", b.region ?? "") ||
      ascii(a.measure.key, b.measure.key) ||
      a.year - b.year ||
      (a.periodStart ?? 0) - (b.periodStart ?? 0),
    search: {
      label: { sv: "Exportsiffra", en: "Export figure" },
      description: "Export figures: measures, regions, years and notes.",
      fields: {
        label: { sv: "Mått", en: "Measure", heading: true },
        region: { sv: "Region", en: "Region" },
        year: { sv: "År", en: "Year" },
        note: { sv: "Anmärkning", en: "Note" },
      },
      texts: (f, add) => {
        add.both("label", f.measure.label, "title");
        add.linked("region", "region", f.region);
        add.one("year", f.periodStart === null ? String(f.year) : `${f.periodStart}–${f.year}`, null);
        add.both("note", f.note);
      },
    },
  }),

  nominationReasons: kind("nominationReasons", {
    file: "nomination-reasons.json",
    list: "nominationReasons",
    type: "NominationReasons",
    plural: "nomination reasons",
    id: "id",
    links: { edition: "edition", people: "person" },
    indexes: {
      /** The nomination's id, `<edition>:<nominee>`. */
      nomination: (r) => `${r.edition}:${r.nominee}`,
    },
    search: {
      label: { sv: "Nomineringens skäl", en: "Nomination reasons" },
      description: "Nomination reasons: the stated facts and figures; nominee, prize, year, people.",
      fields: {
        nominee: { sv: "Nominerad", en: "Nominee", heading: true },
        edition: { sv: "Prisår", en: "Prize edition", heading: true },
        facts: { sv: "Skäl", en: "Reasons" },
        figures: { sv: "Siffror", en: "Figures" },
        people: { sv: "Personer", en: "People" },
      },
      texts: (r, add, get) => {
        const edition = get("edition", r.edition);
        add.linked("nominee", get("award", edition.award).nomineeKind, r.nominee);
        add.linked("edition", "edition", r.edition);
        for (const fact of r.facts) add.both("facts", fact);
        for (const figure of r.figures) add.both("figures", figure.measure.label);
        add.linked("people", "person", r.people);
      },
    },
  }),
} satisfies Record<KindName, unknown>;

export type Kinds = typeof kinds;
/** The fields of a kind that link to another kind. */
export type LinkField<K extends KindName> = keyof NonNullable<Kinds[K]["links"]> & string;
/** The kind a link field points at. */
export type LinkTarget<K extends KindName, F extends LinkField<K>> = NonNullable<Kinds[K]["links"]>[F] & KindName;
/** The fields of a kind that are unique besides its id. */
export type UniqueField<K extends KindName> = NonNullable<Kinds[K]["unique"]>[number];
/** The names of a kind's derived indexes. */
export type IndexName<K extends KindName> = keyof NonNullable<Kinds[K]["indexes"]> & string;

/** Every link points at a kind: a misspelt target fails the type check here. */
export type LinkTargetsAreKinds = {
  [K in KindName]: Exclude<NonNullable<Kinds[K]["links"]>[LinkField<K>], KindName>;
}[KindName] extends never
  ? true
  : never;
export const linkTargetsAreKinds: LinkTargetsAreKinds = true;

/** The kinds, in the order of their declarations (the check's, the dataset's, search's). */
export const kindNames = Object.keys(kinds) as KindName[];

/** The whole dataset: one list per kind, named as the kind's `list` says. */
export type Dataset = { -readonly [K in KindName as Kinds[K]["list"]]: RecordOf<K>[] };
