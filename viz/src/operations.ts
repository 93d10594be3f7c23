// Every GraphQL operation the explorer sends, written once; a unit test validates
// each against api/schema.graphql, so a schema change that breaks the UI fails CI.

const ENTITY = `id kind name nameEn city { id name nameEn } source confidence
  ... on Lab { tier } ... on Facility { domain } ... on IndustryCluster { category }
  ... on InnovationCenter { centerType } ... on Institution { institutionType }
  ... on City { lat lon }
  ... on Indicator { baseline target unit baselineText targetText qualifier }`;

/** The fields every entity type has, for places where the type is already known (a City, an Indicator). */
const COMMON = 'id kind name nameEn city { id name nameEn } source confidence';

const RELATION = 'id type from { id } to { id } cited confidence';

const EVIDENCE = 'quote method confidence start end section { id path title } document { id title }';

export const OPERATIONS = {
  search: `query Search($text: String!, $kinds: [EntityKind!]) {
    search(text: $text, kinds: $kinds, first: 8) { score entity { ${ENTITY} aliases } }
  }`,
  sentences: `query Sentences($text: String!) {
    sentences(text: $text, first: 5) { score sentence { id quote path document { id title } entities { id kind name nameEn } } }
  }`,
  neighborhood: `query Neighborhood($ids: [ID!]!, $depth: Int!, $kinds: [EntityKind!], $types: [RelationType!]) {
    neighborhood(ids: $ids, depth: $depth, kinds: $kinds, relationTypes: $types, limit: 400) {
      truncated nodes { ${ENTITY} } edges { ${RELATION} }
    }
  }`,
  entity: `query Entity($id: ID!) {
    entity(id: $id) {
      ${ENTITY} aliases pinyin
      mentions(first: 5) { quote start end section { id path } }
      neighbors(first: 100) { direction entity { id name nameEn kind } relation { ${RELATION} evidence { ${EVIDENCE} } } }
    }
  }`,
  paths: `query Paths($from: ID!, $to: ID!, $onlyCited: Boolean!) {
    paths(from: $from, to: $to, maxHops: 6, limit: 5, onlyCited: $onlyCited) {
      length hops { from { ${ENTITY} } to { ${ENTITY} } relation { ${RELATION} evidence { ${EVIDENCE} } } }
    }
  }`,
  clusters: `query Clusters { entities(kind: IndustryCluster, first: 50) { edges { node { ${ENTITY} } } } }`,
  platforms: `query Platforms($cluster: ID!) {
    platformsForCluster(cluster: $cluster) {
      via platform { ${ENTITY} } through { ${ENTITY} } relations { ${RELATION} evidence { ${EVIDENCE} } }
    }
  }`,
  cities: `query Cities { entities(kind: City, first: 50) { edges { node { ${ENTITY} } } } }`,
  cityProfile: `query CityProfile($city: ID!) {
    cityProfile(city: $city) {
      city { ${COMMON} lat lon }
      groups { kind entities { ${ENTITY} } }
      links { local { ${ENTITY} } other { ${ENTITY} } relation { ${RELATION} } }
    }
  }`,
  indicators: `query Indicators { indicators { ${COMMON} baseline target unit baselineText targetText qualifier note } }`,
  section: `query Section($id: ID!) {
    section(id: $id) { id path title text start end parent { id path title text start end } }
  }`,
} as const;

export type OperationName = keyof typeof OPERATIONS;
