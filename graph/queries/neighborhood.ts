// What the explorer draws around some entities: everything within `depth` links,
// nearest first up to a limit, and the links among what is kept.
import { ENTITY_LABEL, type EntityKind, type RelationType } from '../../ingest/model.ts';
import { label } from '../cypher.ts';
import type { Executor } from '../executor.ts';
import { entityProjection, relationProjection, toEntity, toRelation, type EntityRow, type RelationRow } from './rows.ts';

const ENTITY = label(ENTITY_LABEL);

/** Variable-length bounds cannot be parameters: these are the only ones ever put in the query text. */
export const MAX_DEPTH = 3;
const HOPS: Record<number, string> = { 1: '*1..1', 2: '*1..2', 3: '*1..3' };

export interface SubgraphRows {
  nodes: EntityRow[];
  edges: RelationRow[];
  truncated: boolean;
}

export function neighborhoodCypher(depth: number): string {
  const hops = HOPS[depth];
  if (!hops) throw new RangeError(`depth ${depth} is outside 1..${MAX_DEPTH}`);
  return `MATCH (s:${ENTITY}) WHERE s.id IN $ids
     OPTIONAL MATCH path = (s)-[rels${hops}]-(n:${ENTITY})
     WHERE all(r IN rels WHERE type(r) IN $types)
     WITH s, n, min(length(path)) AS distance
     WITH collect(DISTINCT {node: s, distance: 0}) + collect({node: n, distance: distance}) AS reached
     UNWIND reached AS r
     WITH r.node AS node, min(r.distance) AS distance WHERE node IS NOT NULL
       AND (distance = 0 OR $kinds IS NULL OR any(k IN labels(node) WHERE k IN $kinds))
     WITH node, distance ORDER BY distance, node.id
     WITH collect(node) AS inReach
     WITH inReach[0..$limit] AS kept, size(inReach) > $limit AS truncated
     CALL (kept) {
       UNWIND kept AS a
       MATCH (a)-[r]->(b:${ENTITY}) WHERE b IN kept AND type(r) IN $types
       RETURN collect(${relationProjection('r')}) AS edges
     }
     RETURN [k IN kept | ${entityProjection('k')}] AS nodes, edges, truncated`;
}

export async function neighborhood(
  executor: Executor,
  args: { ids: string[]; depth: number; kinds: EntityKind[] | null; types: RelationType[]; limit: number },
): Promise<SubgraphRows> {
  const [row] = await executor.read<{ nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; truncated: boolean }>(
    neighborhoodCypher(args.depth),
    { ids: args.ids, kinds: args.kinds, types: args.types, limit: args.limit },
  );
  const edges = (row?.edges ?? []).map(toRelation).sort((a, b) => a.id.localeCompare(b.id));
  return { nodes: (row?.nodes ?? []).map(toEntity), edges, truncated: row?.truncated ?? false };
}

export interface NeighborRow {
  /** the entity whose neighbours these are */
  of: string;
  relation: RelationRow;
  other: string;
  direction: 'OUT' | 'IN';
}

/** The links of several entities at once (one round trip for a whole list). */
export async function neighborsOf(
  executor: Executor,
  args: { ids: readonly string[]; types: RelationType[]; direction: 'OUT' | 'IN' | 'BOTH'; first: number },
): Promise<NeighborRow[]> {
  const rows = await executor.read<{ of: string; relation: Record<string, unknown>; other: string; direction: 'OUT' | 'IN' }>(
    `MATCH (e:${ENTITY}) WHERE e.id IN $ids
     CALL (e) {
       MATCH (e)-[r]-(o:${ENTITY})
       WHERE type(r) IN $types
       WITH r, o, CASE WHEN startNode(r) = e THEN 'OUT' ELSE 'IN' END AS direction
       WHERE $direction = 'BOTH' OR direction = $direction
       RETURN r, o, direction ORDER BY type(r), o.id LIMIT $first
     }
     RETURN e.id AS of, ${relationProjection('r')} AS relation, o.id AS other, direction`,
    { ids: [...new Set(args.ids)], types: args.types, direction: args.direction, first: args.first },
  );
  return rows.map((r) => ({ of: r.of, relation: toRelation(r.relation), other: r.other, direction: r.direction }));
}
