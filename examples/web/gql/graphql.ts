/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A language that the API's texts are written in. */
export type Language =
  /** English: a source's English text, or this project's translation. */
  | 'EN'
  /** Swedish: the language of the sources. */
  | 'SV';

export type RegionProfileQueryVariables = Exact<{
  code: string;
}>;


export type RegionProfileQuery = { region: { id: string, slug: string, isoCode: string, countyCode: string, name: string, seat: string, landAreaKm2: number | null, population: { value: number, year: number }, neighbours: Array<{ isoCode: string }>, nominations: Array<{ won: boolean, edition: { year: number, award: { slug: string } } }>, interviews: { totalCount: number, edges: Array<{ node: { slug: string } }> } } | null };

export type PrizeHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type PrizeHistoryQuery = { award: { name: string, editions: Array<{ year: number, ceremonyDate: string | null, motivation: string | null, winner: { isoCode: string } | null, nominees: Array<{ isoCode: string }>, presentedBy: { name: string } | null }> } | null };

export type InterviewPageQueryVariables = Exact<{ [key: string]: never; }>;


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

export type WebPrizeHistoryQueryVariables = Exact<{
  lang: Language;
}>;


export type WebPrizeHistoryQuery = { award: { name: string, purpose: string | null, editions: Array<{ year: number, ceremonyDate: string | null, winner: { isoCode: string, name: string } | null, nominees: Array<{ isoCode: string, name: string }>, presentedBy: { name: string } | null, motivationText: { text: string, isTranslation: boolean } | null }> } | null };

export type WebRegionsQueryVariables = Exact<{
  lang: Language;
}>;


export type WebRegionsQuery = { regions: { totalCount: number, edges: Array<{ node: { isoCode: string, name: string } }> } };

export type WebRegionQueryVariables = Exact<{
  code: string;
  lang: Language;
}>;


export type WebRegionQuery = { region: { isoCode: string, name: string, seat: string, countyCode: string, landAreaKm2: number | null, population: { value: number, year: number }, neighbours: Array<{ isoCode: string, name: string }>, nominations: Array<{ won: boolean, edition: { year: number, award: { name: string } } }>, interviews: { totalCount: number, edges: Array<{ node: { slug: string, title: string, interviewee: { name: string } } }> } } | null };

export type WebInterviewQueryVariables = Exact<{
  slug: string;
  lang: Language;
}>;


export type WebInterviewQuery = { interview: { publishedAt: string, titleText: { text: string, isTranslation: boolean }, interviewee: { name: string, role: string | null }, organization: { name: string }, region: { isoCode: string, name: string }, questions: Array<{ position: number, questionText: { text: string, isTranslation: boolean }, answerText: { text: string, isTranslation: boolean } }>, article: { title: string, url: string } } | null };

export type WebSearchQueryVariables = Exact<{
  query: string;
  lang: Language;
}>;


export type WebSearchQuery = { search: { totalCount: number, edges: Array<{ snippet: string, node:
        | { __typename: 'Article', title: string }
        | { __typename: 'Award', name: string }
        | { __typename: 'AwardEdition', year: number, award: { name: string } }
        | { __typename: 'Company', name: string }
        | { __typename: 'ExportCooperation', name: string }
        | { __typename: 'ExportFigure', label: string }
        | { __typename: 'Interview', slug: string, title: string }
        | { __typename: 'NominationReasons' }
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
export const PrizeHistoryDocument = new TypedDocumentString(`
    query PrizeHistory {
  award(slug: "arets-exportregion") {
    name(lang: SV)
    editions {
      year
      ceremonyDate
      winner {
        isoCode
      }
      nominees {
        isoCode
      }
      presentedBy {
        name
      }
      motivation(lang: EN)
    }
  }
}
    `) as unknown as TypedDocumentString<PrizeHistoryQuery, PrizeHistoryQueryVariables>;
export const InterviewPageDocument = new TypedDocumentString(`
    query InterviewPage {
  interviews(first: 10, filter: {region: {eq: "SE-BD"}}) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title(lang: SV)
        interviewee {
          name
          role(lang: EN)
          organization {
            name
          }
        }
        questions {
          question(lang: SV)
          answer(lang: EN)
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
  award(slug: "arets-exportregion") {
    name(lang: $lang)
    purpose(lang: $lang)
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
      motivationText {
        text(lang: $lang)
        isTranslation(lang: $lang)
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
    countyCode
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
        year
        award {
          name(lang: $lang)
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
    `) as unknown as TypedDocumentString<WebRegionQuery, WebRegionQueryVariables>;
export const WebInterviewDocument = new TypedDocumentString(`
    query WebInterview($slug: String!, $lang: Language!) {
  interview(slug: $slug) {
    titleText {
      text(lang: $lang)
      isTranslation(lang: $lang)
    }
    publishedAt
    interviewee {
      name
      role(lang: $lang)
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
        text(lang: $lang)
        isTranslation(lang: $lang)
      }
      answerText {
        text(lang: $lang)
        isTranslation(lang: $lang)
      }
    }
    article {
      title(lang: $lang)
      url
    }
  }
}
    `) as unknown as TypedDocumentString<WebInterviewQuery, WebInterviewQueryVariables>;
export const WebSearchDocument = new TypedDocumentString(`
    query WebSearch($query: String!, $lang: Language!) {
  search(query: $query, first: 10) {
    totalCount
    edges {
      snippet
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
          year
          award {
            name(lang: $lang)
          }
        }
        ... on Award {
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
        }
        ... on Article {
          title(lang: $lang)
        }
        ... on Quote {
          person {
            name
          }
        }
        ... on ExportCooperation {
          name(lang: $lang)
        }
        ... on ExportFigure {
          label(lang: $lang)
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebSearchQuery, WebSearchQueryVariables>;