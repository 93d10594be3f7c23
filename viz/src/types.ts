// What the explorer's operations return, under the names its modules use: the types
// `npm run codegen` generates from api/explorer-operations.ts against api/schema.graphql.
import type {
  CityProfileQuery,
  CompareQuery,
  DocumentsQuery,
  EntityFieldsFragment,
  EntityQuery,
  EvidenceFieldsFragment,
  IndicatorsQuery,
  NeighborhoodQuery,
  PathsQuery,
  PlatformsQuery,
  RelationFieldsFragment,
  SectionQuery,
  SentencesQuery,
} from '../../api/generated/explorer-operations.ts';

export type { SearchMatch } from '../../api/generated/explorer-operations.ts';

type AnyKey<U> = U extends unknown ? keyof U : never;
type FieldOf<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

/**
 * A union of per-kind shapes (codegen writes one per entity type an interface selection
 * reaches) read as one object: the fields every kind has as they are, the kind-specific
 * ones (tier, lat, baseline …) optional, as the explorer reads any entity.
 */
type Merged<U> = { [K in keyof U & AnyKey<U>]: FieldOf<U, K> } & { [K in Exclude<AnyKey<U>, keyof U>]?: FieldOf<U, K> };

export type Entity = Merged<EntityFieldsFragment>;

export type Evidence = EvidenceFieldsFragment;

/** A relation, with its evidence where the operation asked for it. */
export type Relation = RelationFieldsFragment & { evidence?: Evidence[] };

export type Subgraph = Omit<NeighborhoodQuery['neighborhood'], 'truncated'>;

/** A row of the indicator table, with its notes and years. */
export type IndicatorRow = IndicatorsQuery['indicators'][number];

export type EntityDetail = Merged<NonNullable<EntityQuery['entity']>>;

export type Path = PathsQuery['paths'][number];

export type ClusterPlatform = PlatformsQuery['platformsForCluster'][number];

export type ClusterPlace = PlatformsQuery['placesForCluster'][number];

export type CityProfile = CityProfileQuery['cityProfile'];

export type SectionText = NonNullable<SectionQuery['section']>;

export type DocumentInfo = DocumentsQuery['documents'][number];

type Compared = CompareQuery['compareDocuments'];

/** Where a plan names an entity: the sentence and its section. */
export type Mention = Compared['entities']['onlyA'][number]['mentionsA'][number];

/** compareDocuments as the compare view asks for it: the differences with their sentences, the shared part by name. */
export interface Comparison {
  a: DocumentInfo;
  b: DocumentInfo;
  entities: {
    onlyA: { entity: Entity; mentionsA: Mention[] }[];
    onlyB: { entity: Entity; mentionsB: Mention[] }[];
    both: { entity: Entity }[];
  };
  relations: {
    onlyA: { relation: Relation; evidenceA: Evidence[] }[];
    onlyB: { relation: Relation; evidenceB: Evidence[] }[];
    both: { relation: Relation }[];
  };
}

/** A sentence of the plan that holds the searched text, with what it names. */
export type SentenceHit = SentencesQuery['sentences'][number];
