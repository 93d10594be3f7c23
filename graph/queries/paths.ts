// Shortest paths between two entities over the plan's relations, each hop with
// its evidence; onlyCited keeps paths whose every hop the text itself states.
import type { RelationType } from '../../ingest/model.ts';
import { CURATED_METHODS } from '../../ingest/types.ts';
import { ENTITY, decodeRelation, evidenceList, relationProjection } from '../codec.ts';
import type { Executor } from '../executor.ts';
import { relationInDocs, restrictAll, type DocumentFilter } from './document-filter.ts';
import type { RelationRow } from './rows.ts';

export const MAX_HOPS = 6;

export interface PathRow {
  /** entity ids along the path, from first to last */
  nodes: string[];
  relations: RelationRow[];
}

export function pathsCypher(maxHops: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw new RangeError(`maxHops ${maxHops} is outside 1..${MAX_HOPS}`);
  // The bound is a validated integer: variable-length bounds cannot be parameters.
  return `MATCH (a:${ENTITY} {id: $from}), (b:${ENTITY} {id: $to})
     MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
     WHERE all(r IN relationships(p) WHERE type(r) IN $types AND ${relationInDocs('r')}
               AND (NOT $onlyCited OR any(m IN r.${evidenceList('method')} WHERE NOT m IN $curated)))
     WITH p LIMIT $limit
     RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | ${relationProjection('r')}] AS relations`;
}

export async function paths(
  executor: Executor,
  args: { from: string; to: string; maxHops: number; limit: number; types: RelationType[]; onlyCited: boolean; docs?: DocumentFilter },
): Promise<PathRow[]> {
  const rows = await executor.read<{ nodes: string[]; relations: Record<string, unknown>[] }>(pathsCypher(args.maxHops), {
    from: args.from,
    to: args.to,
    types: args.types,
    onlyCited: args.onlyCited,
    curated: CURATED_METHODS,
    limit: args.limit,
    docs: args.docs ?? null,
  });
  return rows.map((r) => ({ nodes: r.nodes, relations: restrictAll(r.relations.map(decodeRelation), args.docs ?? null) }));
}
