// Written by `npm run generate` (scripts/kind-modules.ts) from the declarations in
// src/data/entities.ts: every kind's data file, under its list's name. Do not edit.
import file0 from "../../data/regions.json";
import file1 from "../../data/awards.json";
import file2 from "../../data/award-editions.json";
import file3 from "../../data/companies.json";
import file4 from "../../data/interviews.json";
import file5 from "../../data/articles.json";
import file6 from "../../data/quotes.json";
import file7 from "../../data/people.json";
import file8 from "../../data/organizations.json";
import file9 from "../../data/export-cooperations.json";
import file10 from "../../data/export-figures.json";
import file11 from "../../data/nomination-reasons.json";

export const files = {
  "regions": file0,
  "awards": file1,
  "editions": file2,
  "companies": file3,
  "interviews": file4,
  "articles": file5,
  "quotes": file6,
  "people": file7,
  "organizations": file8,
  "cooperations": file9,
  "figures": file10,
  "nominationReasons": file11,
};
