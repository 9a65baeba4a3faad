/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The unit of a figure's value. */
export type FigureUnit =
  /** How many (companies, say) there are per 100 000 inhabitants. */
  | 'COUNT_PER_100000_INHABITANTS'
  /** Per cent (a change over the period: +32 means 32 % more). */
  | 'PERCENT'
  /** Swedish kronor per inhabitant. */
  | 'SEK_PER_INHABITANT';

/** A language that the API's texts are written in. */
export type Language =
  /** English: a source's English text, or this project's translation. */
  | 'EN'
  /** Swedish: the language of the sources. */
  | 'SV';

/** What a prize is given to. */
export type NomineeKind =
  /** A company. */
  | 'COMPANY'
  /** A region (län). */
  | 'REGION';

export type PrizeHistoryQueryVariables = Exact<{
  lang?: Language | null | undefined;
}>;


export type PrizeHistoryQuery = { award: { name: string, editions: Array<{ year: number, ceremonyDate: string | null, motivation: string | null, notes: string | null, winner: { isoCode: string, name: string } | null, nominees: Array<{ isoCode: string, name: string }>, presentedBy: { name: string } | null }> } | null };

export type RegionProfileQueryVariables = Exact<{
  code: string;
}>;


export type RegionProfileQuery = { region: { id: string, slug: string, isoCode: string, countyCode: string, name: string, seat: string, landAreaKm2: number | null, population: { value: number, year: number }, neighbours: Array<{ isoCode: string }>, nominations: Array<{ won: boolean, edition: { year: number, award: { slug: string } } }>, interviews: { totalCount: number, edges: Array<{ node: { slug: string } }> } } | null };

export type InterviewPageQueryVariables = Exact<{
  lang?: Language | null | undefined;
}>;


export type InterviewPageQuery = { interviews: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, interviewee: { name: string, role: string | null, organization: { name: string } | null }, questions: Array<{ question: string, answer: string }>, article: { url: string, publishedAt: string } } }> } };

export type FindQueryVariables = Exact<{
  q: string;
}>;


export type FindQuery = { search: { totalCount: number, edges: Array<{ node:
        | { __typename: 'Article' }
        | { __typename: 'Award' }
        | { __typename: 'AwardEdition' }
        | { __typename: 'Company' }
        | { __typename: 'ExportCooperation' }
        | { __typename: 'ExportFigure' }
        | { __typename: 'Interview' }
        | { __typename: 'NominationReasons' }
        | { __typename: 'Organization' }
        | { __typename: 'Person' }
        | { __typename: 'Quote' }
        | { __typename: 'Region' }
       }> } };

export type RefetchQueryVariables = Exact<{
  id: string | number;
}>;


export type RefetchQuery = { node:
    | { __typename: 'Article', id: string }
    | { __typename: 'Award', id: string }
    | { __typename: 'AwardEdition', id: string }
    | { __typename: 'Company', id: string }
    | { __typename: 'ExportCooperation', id: string }
    | { __typename: 'ExportFigure', id: string }
    | { __typename: 'Interview', id: string }
    | { __typename: 'Nomination', id: string }
    | { __typename: 'NominationReasons', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'Quote', id: string }
    | { __typename: 'Region', id: string }
   | null };

export type PageTextFragment = { text: string, isTranslation: boolean, isParaphrase: boolean };

export type WebPrizeHistoryQueryVariables = Exact<{
  lang: Language;
}>;


export type WebPrizeHistoryQuery = { awards: { edges: Array<{ node: { slug: string, name: string, nomineeKind: NomineeKind, purposeText: { text: string, isTranslation: boolean } | null, editions: Array<{ slug: string, year: number, ceremonyDate: string | null, notes: string | null, presentedBy: { name: string } | null, receivedBy: { name: string } | null, nominations: Array<{ won: boolean, region: { isoCode: string, name: string } | null, company: { slug: string, name: string, city: string | null, facts: Array<{ text: string, isTranslation: boolean, isParaphrase: boolean }> } | null }>, motivationText: { text: string, isTranslation: boolean } | null }> } }> } };

export type WebRegionsQueryVariables = Exact<{
  lang: Language;
}>;


export type WebRegionsQuery = { regions: { totalCount: number, edges: Array<{ node: { isoCode: string, name: string } }> } };

export type WebRegionQueryVariables = Exact<{
  code: string;
  lang: Language;
}>;


export type WebRegionQuery = { region: { isoCode: string, name: string, seat: string, landAreaKm2: number | null, population: { value: number, year: number }, neighbours: Array<{ isoCode: string, name: string }>, nominations: Array<{ won: boolean, edition: { slug: string, year: number, award: { name: string } }, reasons: { facts: Array<{ text: string, isTranslation: boolean, isParaphrase: boolean }>, figures: Array<{ unit: FigureUnit, value: number, periodStart: number | null, year: number | null, labelText: { text: string, isTranslation: boolean, isParaphrase: boolean } }>, people: Array<{ name: string, roleText: { text: string, isTranslation: boolean, isParaphrase: boolean } | null }> } | null }>, interviews: { totalCount: number, edges: Array<{ node: { slug: string, title: string, interviewee: { name: string } } }> } } | null };

export type WebInterviewQueryVariables = Exact<{
  slug: string;
  lang: Language;
}>;


export type WebInterviewQuery = { interview: { titleIsEditorial: boolean, publishedAt: string, titleText: { text: string, isTranslation: boolean, isParaphrase: boolean }, introText: { text: string, isTranslation: boolean, isParaphrase: boolean } | null, interviewee: { name: string, roleText: { text: string, isTranslation: boolean, isParaphrase: boolean } | null }, organization: { name: string }, region: { isoCode: string, name: string }, questions: Array<{ position: number, questionText: { text: string, isTranslation: boolean, isParaphrase: boolean }, answerText: { text: string, isTranslation: boolean, isParaphrase: boolean } }>, article: { title: string, url: string } } | null };

export type WebSearchQueryVariables = Exact<{
  query: string;
  lang: Language;
}>;


export type WebSearchQuery = { search: { totalCount: number, edges: Array<{ kindLabel: string, snippet: string, language: Language | null, node:
        | { __typename: 'Article', title: string, url: string }
        | { __typename: 'Award', slug: string, name: string }
        | { __typename: 'AwardEdition', slug: string, year: number, award: { name: string } }
        | { __typename: 'Company', name: string, slug: string }
        | { __typename: 'ExportCooperation', name: string, region: { isoCode: string } }
        | { __typename: 'ExportFigure', label: string }
        | { __typename: 'Interview', slug: string, title: string }
        | { __typename: 'NominationReasons', nomination: { region: { isoCode: string, name: string } | null } }
        | { __typename: 'Organization', name: string }
        | { __typename: 'Person', name: string }
        | { __typename: 'Quote', person: { name: string } }
        | { __typename: 'Region', isoCode: string, name: string }
       }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PageTextFragmentDoc = new TypedDocumentString(`
    fragment PageText on LocalizedText {
  text(lang: $lang)
  isTranslation(lang: $lang)
  isParaphrase
}
    `, {"fragmentName":"PageText"}) as unknown as TypedDocumentString<PageTextFragment, unknown>;
export const PrizeHistoryDocument = new TypedDocumentString(`
    query PrizeHistory($lang: Language) {
  award(slug: "arets-exportregion") {
    name(lang: $lang)
    editions {
      year
      ceremonyDate
      winner {
        isoCode
        name(lang: $lang)
      }
      nominees {
        isoCode
        name(lang: $lang)
      }
      presentedBy {
        name
      }
      motivation(lang: $lang)
      notes(lang: $lang)
    }
  }
}
    `) as unknown as TypedDocumentString<PrizeHistoryQuery, PrizeHistoryQueryVariables>;
export const RegionProfileDocument = new TypedDocumentString(`
    query RegionProfile($code: String!) {
  region(code: $code) {
    id
    slug
    isoCode
    countyCode
    name(lang: EN)
    seat
    population {
      value
      year
    }
    landAreaKm2
    neighbours {
      isoCode
    }
    nominations {
      won
      edition {
        year
        award {
          slug
        }
      }
    }
    interviews(first: 5) {
      totalCount
      edges {
        node {
          slug
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegionProfileQuery, RegionProfileQueryVariables>;
export const InterviewPageDocument = new TypedDocumentString(`
    query InterviewPage($lang: Language) {
  interviews(first: 10, filter: {region: {eq: "SE-BD"}}) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title(lang: $lang)
        interviewee {
          name
          role(lang: $lang)
          organization {
            name
          }
        }
        questions {
          question(lang: $lang)
          answer(lang: $lang)
        }
        article {
          url
          publishedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InterviewPageQuery, InterviewPageQueryVariables>;
export const FindDocument = new TypedDocumentString(`
    query Find($q: String!) {
  search(query: $q, first: 5) {
    totalCount
    edges {
      node {
        __typename
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindQuery, FindQueryVariables>;
export const RefetchDocument = new TypedDocumentString(`
    query Refetch($id: ID!) {
  node(id: $id) {
    id
    __typename
  }
}
    `) as unknown as TypedDocumentString<RefetchQuery, RefetchQueryVariables>;
export const WebPrizeHistoryDocument = new TypedDocumentString(`
    query WebPrizeHistory($lang: Language!) {
  awards {
    edges {
      node {
        slug
        name(lang: $lang)
        nomineeKind
        purposeText {
          text(lang: $lang)
          isTranslation(lang: $lang)
        }
        editions {
          slug
          year
          ceremonyDate
          presentedBy {
            name
          }
          receivedBy {
            name
          }
          nominations {
            won
            region {
              isoCode
              name(lang: $lang)
            }
            company {
              slug
              name
              city
              facts {
                text(lang: $lang)
                isTranslation(lang: $lang)
                isParaphrase
              }
            }
          }
          motivationText {
            text(lang: $lang)
            isTranslation(lang: $lang)
          }
          notes(lang: $lang)
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebPrizeHistoryQuery, WebPrizeHistoryQueryVariables>;
export const WebRegionsDocument = new TypedDocumentString(`
    query WebRegions($lang: Language!) {
  regions(first: 21, orderBy: {field: NAME}) {
    totalCount
    edges {
      node {
        isoCode
        name(lang: $lang)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebRegionsQuery, WebRegionsQueryVariables>;
export const WebRegionDocument = new TypedDocumentString(`
    query WebRegion($code: String!, $lang: Language!) {
  region(code: $code) {
    isoCode
    name(lang: $lang)
    seat
    population {
      value
      year
    }
    landAreaKm2
    neighbours {
      isoCode
      name(lang: $lang)
    }
    nominations {
      won
      edition {
        slug
        year
        award {
          name(lang: $lang)
        }
      }
      reasons {
        facts {
          ...PageText
        }
        figures {
          labelText {
            ...PageText
          }
          unit
          value
          periodStart
          year
        }
        people {
          name
          roleText {
            ...PageText
          }
        }
      }
    }
    interviews(first: 10) {
      totalCount
      edges {
        node {
          slug
          title(lang: $lang)
          interviewee {
            name
          }
        }
      }
    }
  }
}
    fragment PageText on LocalizedText {
  text(lang: $lang)
  isTranslation(lang: $lang)
  isParaphrase
}`) as unknown as TypedDocumentString<WebRegionQuery, WebRegionQueryVariables>;
export const WebInterviewDocument = new TypedDocumentString(`
    query WebInterview($slug: String!, $lang: Language!) {
  interview(slug: $slug) {
    titleText {
      ...PageText
    }
    titleIsEditorial
    introText {
      ...PageText
    }
    publishedAt
    interviewee {
      name
      roleText {
        ...PageText
      }
    }
    organization {
      name
    }
    region {
      isoCode
      name(lang: $lang)
    }
    questions {
      position
      questionText {
        ...PageText
      }
      answerText {
        ...PageText
      }
    }
    article {
      title(lang: $lang)
      url
    }
  }
}
    fragment PageText on LocalizedText {
  text(lang: $lang)
  isTranslation(lang: $lang)
  isParaphrase
}`) as unknown as TypedDocumentString<WebInterviewQuery, WebInterviewQueryVariables>;
export const WebSearchDocument = new TypedDocumentString(`
    query WebSearch($query: String!, $lang: Language!) {
  search(query: $query, first: 10) {
    totalCount
    edges {
      kindLabel(lang: $lang)
      snippet(lang: $lang)
      language(lang: $lang)
      node {
        __typename
        ... on Region {
          isoCode
          name(lang: $lang)
        }
        ... on Interview {
          slug
          title(lang: $lang)
        }
        ... on AwardEdition {
          slug
          year
          award {
            name(lang: $lang)
          }
        }
        ... on Award {
          slug
          name(lang: $lang)
        }
        ... on Person {
          name
        }
        ... on Organization {
          name
        }
        ... on Company {
          name
          slug
        }
        ... on Article {
          title(lang: $lang)
          url
        }
        ... on Quote {
          person {
            name
          }
        }
        ... on ExportCooperation {
          name(lang: $lang)
          region {
            isoCode
          }
        }
        ... on ExportFigure {
          label(lang: $lang)
        }
        ... on NominationReasons {
          nomination {
            region {
              isoCode
              name(lang: $lang)
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebSearchQuery, WebSearchQueryVariables>;