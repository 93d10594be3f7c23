// Every GraphQL operation the explorer sends, written once. `npm run codegen` reads this
// file (each string marked /* GraphQL */) and writes the result and variable types of
// every operation to generated/explorer-operations.ts; a unit test validates each operation
// against api/schema.graphql, so a schema change that breaks the UI fails CI.
// An operation carries the fragments it spreads: codegen reads each fragment once, from its own string.
import type {
  CitiesQuery,
  CitiesQueryVariables,
  CityProfileQuery,
  CityProfileQueryVariables,
  ClustersQuery,
  ClustersQueryVariables,
  CompareQuery,
  CompareQueryVariables,
  DocumentsQuery,
  DocumentsQueryVariables,
  EntityQuery,
  EntityQueryVariables,
  IndicatorsQuery,
  IndicatorsQueryVariables,
  NeighborhoodQuery,
  NeighborhoodQueryVariables,
  PathsQuery,
  PathsQueryVariables,
  PlatformsQuery,
  PlatformsQueryVariables,
  RelationQuery,
  RelationQueryVariables,
  SearchQuery,
  SearchQueryVariables,
  SectionQuery,
  SectionQueryVariables,
  SentenceQuery,
  SentenceQueryVariables,
  SentencesQuery,
  SentencesQueryVariables,
} from './generated/explorer-operations.ts';

const ENTITY = /* GraphQL */ `
  fragment EntityFields on Entity {
    id
    kind
    name
    nameEn
    city {
      id
      name
      nameEn
    }
    source
    confidence
    documents {
      id
    }
    ... on Lab {
      tier
    }
    ... on Facility {
      domain
    }
    ... on IndustryCluster {
      category
    }
    ... on InnovationCenter {
      centerType
    }
    ... on Institution {
      institutionType
    }
    ... on City {
      lat
      lon
    }
    ... on ScienceCity {
      lat
      lon
    }
    ... on Zone {
      lat
      lon
    }
    ... on Indicator {
      baseline
      baselineYear
      target
      targetYear
      unit
      baselineText
      targetText
      qualifier
    }
  }
`;

const RELATION = /* GraphQL */ `
  fragment RelationFields on Relation {
    id
    type
    from {
      id
    }
    to {
      id
    }
    cited
    confidence
  }
`;

const EVIDENCE = /* GraphQL */ `
  fragment EvidenceFields on Evidence {
    quote
    method
    confidence
    start
    end
    section {
      id
      path
      title
    }
    document {
      id
      title
    }
    marks {
      start
      end
    }
  }
`;

/** How many neighbours the entity question asks for (its neighbors(first: 100)): fewer back means all of them. */
export const NEIGHBOURS_ASKED = 100;

/** A sentence as the search box lists it and its panel shows it: found by its words, or opened from an address. */
const SENTENCE = /* GraphQL */ `
  fragment SentenceFields on Sentence {
    id
    quote
    path
    document {
      id
      title
    }
    entities {
      id
      kind
      name
      nameEn
    }
  }
`;

export const OPERATIONS = {
  search: /* GraphQL */ `
    query Search($text: String!, $kinds: [EntityKind!], $documents: [ID!]) {
      search(text: $text, kinds: $kinds, first: 8, documents: $documents) {
        score
        match
        entity {
          ...EntityFields
          aliases
        }
      }
    }
    ${ENTITY}
  `,
  sentences: /* GraphQL */ `
    query Sentences($text: String!, $documents: [ID!]) {
      sentences(text: $text, first: 5, documents: $documents) {
        score
        sentence {
          ...SentenceFields
        }
      }
    }
    ${SENTENCE}
  `,
  sentence: /* GraphQL */ `
    query Sentence($id: ID!) {
      sentence(id: $id) {
        ...SentenceFields
      }
    }
    ${SENTENCE}
  `,
  neighborhood: /* GraphQL */ `
    query Neighborhood($ids: [ID!]!, $depth: Int!, $kinds: [EntityKind!], $types: [RelationType!], $documents: [ID!], $among: [ID!]) {
      neighborhood(ids: $ids, depth: $depth, kinds: $kinds, relationTypes: $types, limit: 400, documents: $documents, among: $among) {
        truncated
        nodes {
          ...EntityFields
        }
        edges {
          ...RelationFields
        }
      }
    }
    ${ENTITY}
    ${RELATION}
  `,
  entity: /* GraphQL */ `
    query Entity($id: ID!) {
      entity(id: $id) {
        ...EntityFields
        aliases
        pinyin
        mentions(first: 5) {
          quote
          start
          end
          section {
            id
            path
          }
        }
        neighbors(first: 100) {
          direction
          entity {
            id
            name
            nameEn
            kind
          }
          relation {
            ...RelationFields
            evidence {
              ...EvidenceFields
            }
          }
        }
      }
    }
    ${ENTITY}
    ${RELATION}
    ${EVIDENCE}
  `,
  // A link's panel: the link and its evidence alone, not its source entity's every link.
  relation: /* GraphQL */ `
    query Relation($id: ID!) {
      relation(id: $id) {
        ...RelationFields
        evidence {
          ...EvidenceFields
        }
      }
    }
    ${RELATION}
    ${EVIDENCE}
  `,
  paths: /* GraphQL */ `
    query Paths($from: ID!, $to: ID!, $onlyCited: Boolean!, $documents: [ID!]) {
      paths(from: $from, to: $to, maxHops: 6, limit: 5, onlyCited: $onlyCited, documents: $documents) {
        length
        hops {
          from {
            ...EntityFields
          }
          to {
            ...EntityFields
          }
          relation {
            ...RelationFields
            evidence {
              ...EvidenceFields
            }
          }
        }
      }
    }
    ${ENTITY}
    ${RELATION}
    ${EVIDENCE}
  `,
  clusters: /* GraphQL */ `
    query Clusters {
      entities(kind: IndustryCluster, first: 50) {
        edges {
          node {
            ...EntityFields
          }
        }
      }
    }
    ${ENTITY}
  `,
  platforms: /* GraphQL */ `
    query Platforms($cluster: ID!, $documents: [ID!]) {
      cluster: entity(id: $cluster) {
        id
        mentions(first: 4) {
          quote
          start
          end
          section {
            id
            path
          }
        }
      }
      platformsForCluster(cluster: $cluster, documents: $documents) {
        via
        platform {
          ...EntityFields
        }
        through {
          ...EntityFields
        }
        relations {
          ...RelationFields
          evidence {
            ...EvidenceFields
          }
        }
      }
      placesForCluster(cluster: $cluster, documents: $documents) {
        place {
          ...EntityFields
        }
        via
        through {
          ...EntityFields
        }
        relations {
          ...RelationFields
          evidence {
            ...EvidenceFields
          }
        }
      }
    }
    ${ENTITY}
    ${RELATION}
    ${EVIDENCE}
  `,
  cities: /* GraphQL */ `
    query Cities {
      entities(kind: City, first: 50) {
        edges {
          node {
            ...EntityFields
            pinyin
          }
        }
      }
    }
    ${ENTITY}
  `,
  cityProfile: /* GraphQL */ `
    query CityProfile($city: ID!, $documents: [ID!]) {
      cityProfile(city: $city, documents: $documents) {
        city {
          ...EntityFields
        }
        groups {
          kind
          entities {
            ...EntityFields
          }
        }
        links {
          local {
            ...EntityFields
          }
          other {
            ...EntityFields
          }
          relation {
            ...RelationFields
          }
        }
      }
    }
    ${ENTITY}
    ${RELATION}
  `,
  indicators: /* GraphQL */ `
    query Indicators {
      indicators {
        ...EntityFields
        notes
        tableNotes
        notesEn
        tableNotesEn
        table {
          id
          path
          start
          end
          document {
            id
            title
          }
        }
        tableRow {
          start
          end
        }
      }
    }
    ${ENTITY}
  `,
  documents: /* GraphQL */ `
    query Documents {
      documents {
        id
        title
      }
    }
  `,
  // What differs is drawn and listed with its sentences; what both plans share is listed by name only.
  compare: /* GraphQL */ `
    query Compare($a: ID!, $b: ID!) {
      compareDocuments(a: $a, b: $b) {
        a {
          id
          title
        }
        b {
          id
          title
        }
        entities {
          onlyA {
            entity {
              ...EntityFields
            }
            mentionsA {
              quote
              start
              end
              section {
                id
                path
              }
            }
          }
          onlyB {
            entity {
              ...EntityFields
            }
            mentionsB {
              quote
              start
              end
              section {
                id
                path
              }
            }
          }
          both {
            entity {
              ...EntityFields
            }
          }
        }
        relations {
          onlyA {
            relation {
              ...RelationFields
            }
            evidenceA {
              ...EvidenceFields
            }
          }
          onlyB {
            relation {
              ...RelationFields
            }
            evidenceB {
              ...EvidenceFields
            }
          }
          both {
            relation {
              ...RelationFields
            }
          }
        }
      }
    }
    ${ENTITY}
    ${RELATION}
    ${EVIDENCE}
  `,
  section: /* GraphQL */ `
    query Section($id: ID!) {
      section(id: $id) {
        id
        kind
        path
        title
        text
        start
        end
        parent {
          id
          path
          title
          text
          start
          end
        }
      }
    }
  `,
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** Every operation's name must be listed: an operation added above without its types fails to compile. */
type Listed<T extends Record<OperationName, { result: unknown; variables: unknown }>> = T;

/** What each operation returns and takes, as `npm run codegen` generates them from this file. */
type OperationTypes = Listed<{
  search: { result: SearchQuery; variables: SearchQueryVariables };
  neighborhood: { result: NeighborhoodQuery; variables: NeighborhoodQueryVariables };
  entity: { result: EntityQuery; variables: EntityQueryVariables };
  relation: { result: RelationQuery; variables: RelationQueryVariables };
  paths: { result: PathsQuery; variables: PathsQueryVariables };
  clusters: { result: ClustersQuery; variables: ClustersQueryVariables };
  platforms: { result: PlatformsQuery; variables: PlatformsQueryVariables };
  cities: { result: CitiesQuery; variables: CitiesQueryVariables };
  cityProfile: { result: CityProfileQuery; variables: CityProfileQueryVariables };
  indicators: { result: IndicatorsQuery; variables: IndicatorsQueryVariables };
  section: { result: SectionQuery; variables: SectionQueryVariables };
  documents: { result: DocumentsQuery; variables: DocumentsQueryVariables };
  compare: { result: CompareQuery; variables: CompareQueryVariables };
  sentences: { result: SentencesQuery; variables: SentencesQueryVariables };
  sentence: { result: SentenceQuery; variables: SentenceQueryVariables };
}>;

export type Result<K extends OperationName> = OperationTypes[K]['result'];

/** The variables argument: required when the operation has a required variable, else optional. */
export type VariablesArg<K extends OperationName> =
  Record<never, never> extends OperationTypes[K]['variables'] ? [variables?: OperationTypes[K]['variables']] : [variables: OperationTypes[K]['variables']];
