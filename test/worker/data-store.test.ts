// The indexed dataset inside workerd, as the schema uses it: lookups, links followed both
// ways, and indexes that answer exactly what a scan of the data would, all derived from the
// declarations of src/data/entities.ts.
import { describe, expect, it } from "vitest";
import { BrokenLinkError, createStore, dataset, type KindName, kindNames, kinds, store } from "../../src/data";

const codes = (regions: readonly { isoCode: string }[]) => regions.map((r) => r.isoCode);
const slugs = (records: readonly { slug: string }[]) => records.map((r) => r.slug);

describe("lookups", () => {
  it("lists the 21 regions by county code", () => {
    const regions = store.all("region");
    expect(regions).toHaveLength(21);
    expect(regions.map((r) => r.countyCode)).toEqual([...regions.map((r) => r.countyCode)].sort());
    expect(codes(regions).slice(0, 2)).toEqual(["SE-AB", "SE-C"]);
    expect(codes(regions).at(-1)).toBe("SE-BD");
  });

  it("finds a region by ISO code and by slug, and nothing for an unknown one", () => {
    expect(store.find("region", "SE-BD")?.slug).toBe("norrbotten");
    expect(store.findBy("region", "slug", "norrbotten")?.isoCode).toBe("SE-BD");
    expect(store.find("region", "SE-XX")).toBeUndefined();
    expect(store.findBy("region", "slug", "SE-BD")).toBeUndefined();
    // Built-in names are no records.
    expect(store.find("region", "__proto__")).toBeUndefined();
    expect(store.find("person", "constructor")).toBeUndefined();
  });

  it("finds editions by award and year, ordered by year", () => {
    expect(store.backlinks("edition", "award", "arets-exportregion").map((e) => e.year)).toEqual([2021, 2022]);
    expect(store.indexed("edition", "awardYear", "arets-exportregion:2022")[0]?.winner).toBe("SE-BD");
    expect(store.indexed("edition", "awardYear", "arets-exportsucce:2021")[0]?.winner).toBe("bico-group");
    expect(store.indexed("edition", "awardYear", "arets-exportregion:2023")).toEqual([]);
    expect(store.backlinks("edition", "award", "no-such-award")).toEqual([]);
  });

  it("follows a link to its record, null to null, and a list of ids to records", () => {
    const interview = store.get("interview", "lars-ake-isaksson-een-norrbotten");
    expect(store.link("interview", interview, "region").isoCode).toBe("SE-BD");
    const edition = store.get("edition", "arets-exportsucce-2021");
    expect(store.link("edition", edition, "presentedBy")).toBeNull();
    const article = store.all("article")[0];
    expect(article && codes(store.link("article", article, "regions"))).toEqual(["SE-BD"]);
  });

  it("says where a link is broken, in a store whose data skipped the check", () => {
    const broken = structuredClone(dataset);
    const quote = broken.quotes[0];
    if (!quote) throw new Error("test setup: no quote");
    quote.person = "nobody";
    const other = createStore(broken);
    const copy = other.all("quote")[0];
    if (!copy) throw new Error("test setup: no quote");
    expect(() => other.link("quote", copy, "person")).toThrow(BrokenLinkError);
    expect(() => other.link("quote", copy, "person")).toThrow('no person "nobody"');
  });
});

describe("reverse links", () => {
  it("gives a region's nominations with a stable id and whether it won", () => {
    expect(store.nominationsOf("region", "SE-BD").map((n) => [n.id, n.won])).toEqual([
      ["arets-exportregion-2021:SE-BD", false],
      ["arets-exportregion-2022:SE-BD", true],
    ]);
    expect(store.nominationsOf("region", "SE-N").map((n) => [n.id, n.won])).toEqual([
      ["arets-exportregion-2021:SE-N", true],
    ]);
    expect(store.nominationsOf("region", "SE-AB")).toEqual([]);
    expect(store.nomination("arets-exportregion-2022:SE-C")?.edition.year).toBe(2022);
  });

  it("gives an edition's nominations in the edition's order, and a company's", () => {
    expect(store.nominationsOfEdition("arets-exportsucce-2022").map((n) => [n.nominee, n.won, n.nomineeKind])).toEqual([
      ["nordic-biomarker", true, "company"],
      ["aim-apparel", false, "company"],
      ["broddson", false, "company"],
    ]);
    expect(store.nominationsOf("company", "nicks").map((n) => n.id)).toEqual(["arets-exportsucce-2021:nicks"]);
  });

  it("makes borders symmetric: a border stated on either side", () => {
    // Uppsala states no neighbours; Stockholm and Södermanland state it as theirs.
    expect(codes(store.neighboursOf("SE-C"))).toEqual(["SE-AB", "SE-D"]);
    expect(codes(store.neighboursOf("SE-AC"))).toEqual(["SE-BD"]);
    expect(codes(store.neighboursOf("SE-BD"))).toEqual(["SE-AC"]);
    expect(store.neighboursOf("SE-I")).toEqual([]);
  });

  it("links the interview to its person, organization, region and article", () => {
    const interview = ["lars-ake-isaksson-een-norrbotten"];
    expect(slugs(store.backlinks("interview", "region", "SE-BD"))).toEqual(interview);
    expect(slugs(store.backlinks("interview", "interviewee", "lars-ake-isaksson"))).toEqual(interview);
    expect(slugs(store.backlinks("interview", "organization", "ltu-business"))).toEqual(interview);
    expect(slugs(store.backlinks("interview", "article", "norrbotten-ar-arets-exportregion"))).toEqual(interview);
    expect(store.backlinks("interview", "region", "SE-M")).toEqual([]);
  });

  it("links people, organizations, cooperations, quotes, articles and figures", () => {
    expect(slugs(store.backlinks("person", "organization", "ltu-business"))).toEqual([
      "lars-ake-isaksson",
      "gry-holmgren-hafskjold",
    ]);
    expect(slugs(store.backlinks("cooperation", "partners", "een"))).toEqual(["regional-exportsamverkan-norrbotten"]);
    expect(slugs(store.backlinks("cooperation", "region", "SE-BD"))).toEqual(["regional-exportsamverkan-norrbotten"]);
    expect(store.backlinks("quote", "person", "anna-hallberg").map((q) => q.id)).toEqual([
      "anna-hallberg-arets-exportregion-2022",
    ]);
    expect(slugs(store.backlinks("article", "editions", "arets-exportregion-2022"))).toEqual([
      "norrbotten-ar-arets-exportregion",
    ]);
    expect(slugs(store.backlinks("organization", "parent", "een"))).toEqual(["een-sweden"]);
    expect(store.indexed("edition", "person", "anna-hallberg").map((e) => e.id)).toEqual([
      "arets-exportregion-2021",
      "arets-exportregion-2022",
    ]);
    // By measure, then year; a single year before a period ending that year (2016-2021: +36%).
    expect(store.indexed("figure", "area", "SE").map((f) => [f.year, f.value])).toEqual([
      [2020, -6],
      [2021, 14],
      [2021, 36],
    ]);
  });
});

describe("the indexes answer what a scan would", () => {
  it("for every declared link of every kind", () => {
    // Read as plain records: the test walks every kind alike.
    const all = (kind: KindName): Record<string, unknown>[] => store.all(kind) as any;
    let checked = 0;
    for (const kind of kindNames) {
      const links: Readonly<Record<string, string>> = kinds[kind].links ?? {};
      for (const [field, target] of Object.entries(links)) {
        for (const record of all(target as KindName)) {
          const id = String(record[kinds[target as KindName].id]);
          const scanned = all(kind).filter((r) => {
            const value = r[field];
            return Array.isArray(value) ? value.includes(id) : value === id;
          });
          expect(store.backlinks(kind, field as never, id), `${kind}.${field} = ${id}`).toEqual(scanned);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("for the nominations and the symmetric borders", () => {
    for (const region of store.all("region")) {
      const code = region.isoCode;
      expect(store.nominationsOf("region", code).map((n) => n.edition.id)).toEqual(
        store
          .all("edition")
          .filter((e) => e.nominees.includes(code))
          .map((e) => e.id),
      );
      for (const n of store.neighboursOf(code)) expect(codes(store.neighboursOf(n.isoCode))).toContain(code);
    }
  });
});

describe("a store over other data", () => {
  it("answers from its own records, and the bundled store is unchanged", () => {
    const other = structuredClone(dataset);
    const region = other.regions.find((r) => r.isoCode === "SE-BD");
    if (!region) throw new Error("test setup: no SE-BD");
    region.seat = "Zyxwville";
    other.interviews = [];
    const otherStore = createStore(other);
    expect(otherStore.find("region", "SE-BD")?.seat).toBe("Zyxwville");
    expect(otherStore.backlinks("interview", "region", "SE-BD")).toEqual([]);
    expect(store.find("region", "SE-BD")?.seat).toBe("Luleå");
    expect(store.backlinks("interview", "region", "SE-BD")).toHaveLength(1);
  });
});

describe("datasetVersion", () => {
  it("is a short hash that changes with any record", () => {
    expect(store.datasetVersion).toMatch(/^[0-9a-f]{14}$/);
    expect(createStore(dataset).datasetVersion).toBe(store.datasetVersion);
    const changed = structuredClone(dataset);
    const region = changed.regions[0];
    if (region) region.population.value += 1;
    expect(createStore(changed).datasetVersion).not.toBe(store.datasetVersion);
  });
});
