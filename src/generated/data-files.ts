// Written by `npm run generate` (scripts/kind-modules.ts) from the declarations in
// src/data/entities.ts: every kind's data file, under its list's name. Do not edit.
import regions from "../../data/regions.json";
import awards from "../../data/awards.json";
import editions from "../../data/award-editions.json";
import companies from "../../data/companies.json";
import interviews from "../../data/interviews.json";
import articles from "../../data/articles.json";
import quotes from "../../data/quotes.json";
import people from "../../data/people.json";
import organizations from "../../data/organizations.json";
import cooperations from "../../data/export-cooperations.json";
import figures from "../../data/export-figures.json";
import nominationReasons from "../../data/nomination-reasons.json";

export const files = {
  regions,
  awards,
  editions,
  companies,
  interviews,
  articles,
  quotes,
  people,
  organizations,
  cooperations,
  figures,
  nominationReasons,
};
