// What the explorer draws around some entities: everything within `depth` links,
// nearest first up to a limit, and the links among what is kept.
import type { EntityKind, RelationType } from '../../ingest/model.ts';
import { ENTITY, decodeEntity, decodeRelation, entityProjection, relationProjection } from '../codec.ts';
import type { Executor } from '../executor.ts';
import { entityInDocs, relationInDocs, restrictAll, type DocumentFilter } from './document-filter.ts';
import type { EntityRow, RelationRow } from './rows.ts';

export const MAX_DEPTH = 3;

export interface SubgraphRows {
  nodes: EntityRow[];
  edges: RelationRow[];
  truncated: boolean;
}

/**
 * Breadth-first, one level per CALL: each level is the distinct entities one link
 * beyond the last, never revisiting one. (A variable-length pattern would enumerate
 * every path first, and on hub nodes such as a 专栏's program there are thousands.)
 * The number of levels is a validated integer that only selects how many blocks
 * the query has; all data stays in parameters.
 */
export function neighborhoodCypher(depth: number): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) throw new RangeError(`depth ${depth} is outside 1..${MAX_DEPTH}`);
  const levels = Array.from({ length: depth }, (_, i) => i + 1);
  const expand = levels
    .map(
      (level) => `CALL (frontier${level - 1}, seen${level - 1}) {
       UNWIND frontier${level - 1} AS f
       MATCH (f)-[r]-(n:${ENTITY}) WHERE type(r) IN $types AND NOT n IN seen${level - 1} AND ${relationInDocs('r')} AND ${entityInDocs('n')}
       WITH DISTINCT n ORDER BY n.id
       RETURN collect(n) AS frontier${level}
     }
     WITH *, seen${level - 1} + frontier${level} AS seen${level}`,
    )
    .join('\n     ');
  const reached = levels.map((level) => `frontier${level}`).join(' + ');
  return `MATCH (s:${ENTITY}) WHERE s.id IN $ids
     WITH collect(s) AS frontier0
     WITH frontier0, frontier0 AS seen0
     ${expand}
     WITH frontier0 + [n IN ${reached} WHERE $kinds IS NULL OR any(k IN labels(n) WHERE k IN $kinds)] AS inReach
     WITH inReach[0..$limit] AS kept, size(inReach) > $limit AS truncated
     CALL (kept) {
       UNWIND kept AS a
       MATCH (a)-[r]->(b:${ENTITY}) WHERE type(r) IN $types AND b IN kept AND ${relationInDocs('r')}
       RETURN collect(${relationProjection('r')}) AS edges
     }
     RETURN [k IN kept | ${entityProjection('k')}] AS nodes, edges, truncated`;
}

export async function neighborhood(
  executor: Executor,
  args: { ids: string[]; depth: number; kinds: EntityKind[] | null; types: RelationType[]; limit: number; docs?: DocumentFilter },
): Promise<SubgraphRows> {
  const docs = args.docs ?? null;
  const [row] = await executor.read<{ nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; truncated: boolean }>(
    neighborhoodCypher(args.depth),
    { ids: args.ids, kinds: args.kinds, types: args.types, limit: args.limit, docs },
  );
  const edges = restrictAll((row?.edges ?? []).map(decodeRelation), docs).sort((a, b) => a.id.localeCompare(b.id));
  return { nodes: (row?.nodes ?? []).map(decodeEntity), edges, truncated: row?.truncated ?? false };
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
  return rows.map((r) => ({ of: r.of, relation: decodeRelation(r.relation), other: r.other, direction: r.direction }));
}
