// What the explorer's operations return (operations.ts); the shapes follow api/schema.graphql.
import type { EntityKind, RelationType } from '../../ingest/model.ts';

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  nameEn: string | null;
  city: { id: string; name: string; nameEn: string | null } | null;
  source: 'registry' | 'gazetteer' | 'discovered' | 'table';
  confidence: number;
  tier?: string | null;
  domain?: string | null;
  category?: string | null;
  centerType?: string | null;
  institutionType?: string | null;
  lat?: number | null;
  lon?: number | null;
  baseline?: number | null;
  target?: number | null;
  unit?: string | null;
  baselineText?: string | null;
  targetText?: string | null;
  qualifier?: string | null;
  note?: string | null;
}

export interface Evidence {
  quote: string;
  method: string;
  confidence: number;
  start: number;
  end: number;
  section: { id: string; path: string; title: string };
  document: { id: string; title: string };
}

export interface Relation {
  id: string;
  type: RelationType;
  from: { id: string };
  to: { id: string };
  cited: boolean;
  confidence: number;
  evidence?: Evidence[];
}

export interface Subgraph {
  nodes: Entity[];
  edges: Relation[];
}

export interface EntityDetail extends Entity {
  aliases: string[];
  pinyin: string;
  mentions: { quote: string; start: number; end: number; section: { id: string; path: string } }[];
  neighbors: { direction: 'OUT' | 'IN'; entity: Pick<Entity, 'id' | 'name' | 'nameEn' | 'kind'>; relation: Relation & { evidence: Evidence[] } }[];
}

export interface Path {
  length: number;
  hops: { from: Entity; to: Entity; relation: Relation & { evidence: Evidence[] } }[];
}

export interface ClusterPlatform {
  via: 'DIRECT' | 'FIELD' | 'PROGRAM';
  platform: Entity;
  through: Entity | null;
  relations: (Relation & { evidence: Evidence[] })[];
}

export interface CityProfile {
  city: Entity;
  groups: { kind: EntityKind; entities: Entity[] }[];
  links: { local: Entity; other: Entity; relation: Relation }[];
}

export interface SectionText {
  id: string;
  path: string;
  title: string;
  text: string;
  start: number;
  end: number;
  parent: Omit<SectionText, 'parent'> | null;
}

/** A sentence of the plan that holds the searched text, with what it names. */
export interface SentenceHit {
  score: number;
  sentence: {
    id: string;
    quote: string;
    path: string;
    document: { id: string; title: string };
    entities: Pick<Entity, 'id' | 'kind' | 'name' | 'nameEn'>[];
  };
}
