// What a reader expects search to find: queries in Swedish and English (with and without
// diacritics, prefixes, names, years, two words) and the results that must come at the top.
// test/worker/search-quality.test.ts checks every row through the API.

/** A result: its GraphQL type and its key, as its global id holds them (`Region:SE-N`). */
export type Expected = `${string}:${string}`;

export type QualityRow = {
  query: string;
  lang: "SV" | "EN";
  /** Each result, and the place it must reach (1 is first). */
  top: readonly (readonly [Expected, number])[];
};

export const qualityTable: readonly QualityRow[] = [
  // A region's name finds the prize edition it won, not only the region.
  {
    query: "Halland",
    lang: "SV",
    top: [
      ["AwardEdition:arets-exportregion-2021", 3],
      ["Region:SE-N", 3],
    ],
  },
  {
    query: "Halland",
    lang: "EN",
    top: [
      ["AwardEdition:arets-exportregion-2021", 3],
      ["Region:SE-N", 3],
    ],
  },
  // The query guide's example (docs/queries.md): a seat and a word, found through the region the seat is of.
  {
    query: "Luleå export",
    lang: "SV",
    top: [
      ["ExportCooperation:regional-exportsamverkan-norrbotten", 3],
      ["AwardEdition:arets-exportregion-2022", 3],
    ],
  },
  {
    query: "lulea export",
    lang: "EN",
    top: [
      ["ExportCooperation:regional-exportsamverkan-norrbotten", 3],
      ["AwardEdition:arets-exportregion-2022", 3],
    ],
  },
  { query: "Norrbotten", lang: "SV", top: [["Region:SE-BD", 1]] },
  { query: "Norrbott", lang: "EN", top: [["Region:SE-BD", 1]] },
  {
    query: "Lulea",
    lang: "EN",
    top: [
      ["Organization:lulea-kommun", 3],
      ["Region:SE-BD", 5],
    ],
  },
  { query: "Halmst", lang: "SV", top: [["Region:SE-N", 1]] },
  {
    query: "Skåne",
    lang: "SV",
    top: [
      ["Region:SE-M", 2],
      ["Organization:region-skane", 2],
    ],
  },
  {
    query: "Göteborg",
    lang: "SV",
    top: [
      ["Region:SE-O", 2],
      ["Company:bico-group", 3],
    ],
  },
  // A prize by its name in either language, an edition by the prize's name and its year.
  { query: "Årets exportregion", lang: "SV", top: [["Award:arets-exportregion", 1]] },
  { query: "Export Region of the Year", lang: "EN", top: [["Award:arets-exportregion", 1]] },
  { query: "Exporter of the Year", lang: "EN", top: [["Award:arets-exportsucce", 1]] },
  { query: "exportregion 2021", lang: "SV", top: [["AwardEdition:arets-exportregion-2021", 1]] },
  { query: "arets exportsucce 2022", lang: "SV", top: [["AwardEdition:arets-exportsucce-2022", 1]] },
  { query: "Exporter of the Year 2021", lang: "EN", top: [["AwardEdition:arets-exportsucce-2021", 1]] },
  {
    query: "2022",
    lang: "SV",
    top: [
      ["AwardEdition:arets-exportregion-2022", 3],
      ["AwardEdition:arets-exportsucce-2022", 3],
    ],
  },
  // Companies, and the editions they won.
  {
    query: "Nordic Biomarker",
    lang: "EN",
    top: [
      ["Company:nordic-biomarker", 1],
      ["AwardEdition:arets-exportsucce-2022", 3],
    ],
  },
  {
    query: "bico",
    lang: "SV",
    top: [
      ["Company:bico-group", 1],
      ["AwardEdition:arets-exportsucce-2021", 2],
    ],
  },
  {
    query: "Organowood",
    lang: "EN",
    top: [
      ["Company:organowood", 1],
      ["AwardEdition:arets-exportsucce-2021", 2],
    ],
  },
  // People, and what they took part in.
  {
    query: "Prins Daniel",
    lang: "SV",
    top: [
      ["Person:prins-daniel", 1],
      ["AwardEdition:arets-exportregion-2021", 3],
    ],
  },
  {
    query: "Anna Hallberg",
    lang: "EN",
    top: [
      ["Person:anna-hallberg", 1],
      ["Quote:anna-hallberg-arets-exportregion-2022", 3],
    ],
  },
  {
    query: "Ellen Kallberg",
    lang: "SV",
    top: [
      ["Person:ellen-kallberg", 1],
      ["AwardEdition:arets-exportregion-2021", 3],
    ],
  },
  {
    query: "Sabrina Suikki",
    lang: "EN",
    top: [
      ["Person:sabrina-suikki", 1],
      ["AwardEdition:arets-exportregion-2022", 3],
    ],
  },
  {
    query: "Lars-Åke Isaksson",
    lang: "SV",
    top: [
      ["Person:lars-ake-isaksson", 1],
      ["Interview:lars-ake-isaksson-een-norrbotten", 2],
    ],
  },
  { query: "isaksson", lang: "EN", top: [["Interview:lars-ake-isaksson-een-norrbotten", 2]] },
  // Organizations by name, without diacritics, by short and English names.
  { query: "Tillvaxtverket", lang: "SV", top: [["Organization:tillvaxtverket", 1]] },
  { query: "Swedish Agency for Economic and Regional Growth", lang: "EN", top: [["Organization:tillvaxtverket", 1]] },
  {
    query: "LTU",
    lang: "SV",
    top: [
      ["Organization:ltu", 2],
      ["Organization:ltu-business", 2],
    ],
  },
  { query: "handelskammare", lang: "SV", top: [["Organization:norrbottens-handelskammare", 1]] },
  // Words of the texts, in each language.
  { query: "förebild", lang: "SV", top: [["AwardEdition:arets-exportregion-2022", 3]] },
  { query: "role model", lang: "EN", top: [["AwardEdition:arets-exportregion-2022", 3]] },
  { query: "Finland Norge", lang: "SV", top: [["AwardEdition:arets-exportregion-2022", 3]] },
  { query: "Halland varumärke", lang: "SV", top: [["NominationReasons:arets-exportregion-2021-se-n", 1]] },
];
