// Written by `npm run generate` (scripts/kind-modules.ts) from the declarations in
// src/data/entities.ts: every kind's GraphQL type file. Do not edit.
import "../schema/region";
import "../schema/award";
import "../schema/award-edition";
import "../schema/company";
import "../schema/interview";
import "../schema/article";
import "../schema/quote";
import "../schema/person";
import "../schema/organization";
import "../schema/export-cooperation";
import "../schema/export-figure";
import "../schema/nomination-reasons";
