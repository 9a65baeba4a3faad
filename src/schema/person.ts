import {
  editionsOfPerson,
  interviewsOfPerson,
  organizationBySlug,
  type Person,
  people,
  peopleOfOrganization,
  personBySlug,
  quotesOfPerson,
} from "../data";
import { builder } from "./builder";
import { pageOf } from "./connection";
import { indexKeys, StringFilter, type StringFilterInput, textOn } from "./filters";
import { type ListSpec, orderInput, swedish } from "./list";
import {
  AwardEditionRef,
  InterviewConnection,
  InterviewRef,
  OrganizationRef,
  PersonConnection,
  PersonRef,
  QuoteConnection,
  QuoteRef,
} from "./refs";
import { rootList, rootLookup } from "./root-fields";
import { sourcesField } from "./source";
import { LocalizedTextRef, nullableLocalizedField, nullableTextField } from "./text";

builder.node(PersonRef, {
  description: "A person the sources name: ministers, advisers, prize recipients.",
  id: { resolve: (p) => p.slug },
  loadOne: (slug) => personBySlug(slug) ?? null,
  isTypeOf: (value) => personBySlug((value as Person).slug) === value,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Readable, stable id, such as `lars-ake-isaksson`." }),
    name: t.exposeString("name", { description: "The person's name." }),
    role: nullableTextField(t, {
      description: "The person's role as the sources give it; null when none does.",
      resolve: (p) => p.role,
    }),
    roleText: nullableLocalizedField(t, { description: "The role in both languages.", resolve: (p) => p.role }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: "The organization the person works for in that role; null when no source says.",
      resolve: (p) => (p.organization ? organizationBySlug(p.organization)! : null),
    }),
    facts: t.field({
      type: [LocalizedTextRef],
      description: "Other facts the sources state about the person.",
      resolve: (p) => p.facts,
    }),
    interviews: t.connection(
      {
        type: InterviewRef,
        description: "Interviews with the person.",
        resolve: (p, args) => pageOf(args, interviewsOfPerson(p.slug)),
      },
      InterviewConnection,
    ),
    quotes: t.connection(
      {
        type: QuoteRef,
        description: "Quotes of the person.",
        resolve: (p, args) => pageOf(args, quotesOfPerson(p.slug)),
      },
      QuoteConnection,
    ),
    editions: t.field({
      type: [AwardEditionRef],
      description:
        "Prize editions the person presented, attended as guest of honour, or received on a winner's behalf.",
      resolve: (p) => editionsOfPerson(p.slug),
    }),
    sources: sourcesField(t),
  }),
});

type PersonFilterShape = {
  slug?: StringFilterInput | null;
  name?: StringFilterInput | null;
  organization?: StringFilterInput | null;
};

const PersonFilter = builder.inputRef<PersonFilterShape>("PersonFilter").implement({
  description: "Conditions on people; all given conditions must hold.",
  fields: (t) => ({
    slug: t.field({ type: StringFilter, description: "The slug." }),
    name: t.field({ type: StringFilter, description: "The name." }),
    organization: t.field({ type: StringFilter, description: "The slug of the person's organization." }),
  }),
});

const PersonOrder = orderInput("Person", { NAME: "Name, in Swedish alphabetical order." });

const personList: ListSpec<Person, PersonFilterShape> = {
  all: people,
  candidates: (f) => indexKeys(f.organization)?.map((slug) => peopleOfOrganization(slug)) ?? null,
  predicates: (f) => [
    textOn(f.slug, "slug", (p) => p.slug),
    textOn(f.name, "name", (p) => p.name),
    textOn(f.organization, "organization", (p) => p.organization),
  ],
  orders: { NAME: (a, b) => swedish(a.name, b.name) },
};

rootList({
  field: "people",
  type: PersonRef,
  connection: PersonConnection,
  what: "people",
  description: "People, filtered and ordered.",
  filter: PersonFilter,
  order: PersonOrder,
  spec: personList,
});

rootLookup({
  field: "person",
  type: PersonRef,
  description: "A person by slug, or null when there is none.",
  slugDescription: "The person's slug.",
  find: personBySlug,
});
