// "Which platforms serve this industry cluster?" — directly (SERVES), through a
// field the cluster relates to (platform SERVES or FOCUSES_ON a field RELATED_TO the
// cluster), or through a program that supports both. The program route counts only a
// program specific to the cluster: a box that lays out ten clusters supports each of
// them, and crediting its every platform to every one of the ten would say nothing.
// One row per platform, with all its routes, the direct one first.
import { PLATFORM_KINDS } from '../../ingest/model.ts';
import { decodeRelation, relationProjection } from '../codec.ts';
import { anyKind, label } from '../cypher.ts';
import type { Executor } from '../executor.ts';
import { restrictEvidence, type DocumentFilter } from './document-filter.ts';
import type { RelationRow } from './rows.ts';

export const PLATFORM_VIAS = ['DIRECT', 'FIELD', 'PROGRAM'] as const;
export type PlatformVia = (typeof PLATFORM_VIAS)[number];

/** A program that supports more clusters than this is about clusters in general, not this one. */
export const PROGRAM_CLUSTERS = 3;

export interface PlatformRoute {
  via: PlatformVia;
  through: string | null;
  relations: RelationRow[];
}

export interface PlatformRow extends PlatformRoute {
  platform: string;
  /** every route, direct first; the row's own via/through/relations are the first */
  routes: PlatformRoute[];
}

const PLATFORM = anyKind('p', PLATFORM_KINDS);

export function platformsCypher(): string {
  return `MATCH (c:${label('IndustryCluster')} {id: $cluster})
     CALL (c) {
       MATCH (p)-[r:SERVES]->(c) WHERE ${PLATFORM}
       RETURN p, 'DIRECT' AS via, null AS through, [r] AS rels
       UNION
       MATCH (p)-[r1:SERVES|FOCUSES_ON]->(f:${label('Field')})-[r2:RELATED_TO]->(c) WHERE ${PLATFORM}
       RETURN p, 'FIELD' AS via, f AS through, [r1, r2] AS rels
       UNION
       MATCH (g:${label('Program')})-[r1:SUPPORTS]->(c), (g)-[r2:SUPPORTS]->(p)
       WHERE ${PLATFORM} AND COUNT { (g)-[:SUPPORTS]->(:${label('IndustryCluster')}) } <= $programClusters
       RETURN p, 'PROGRAM' AS via, g AS through, [r2, r1] AS rels
     }
     WITH p, via, through, rels
     ORDER BY CASE via WHEN 'DIRECT' THEN 0 WHEN 'FIELD' THEN 1 ELSE 2 END, through.name, through.id
     WITH p, collect({via: via, through: through.id, relations: [r IN rels | ${relationProjection('r')}]}) AS routes
     WHERE $via IS NULL OR any(route IN routes WHERE route.via IN $via)
     RETURN p.id AS platform, routes
     ORDER BY CASE routes[0].via WHEN 'DIRECT' THEN 0 WHEN 'FIELD' THEN 1 ELSE 2 END, p.name, p.id`;
}

/**
 * `via`: keep only platforms reached by one of these routes (all their routes are still listed).
 * `docs`: a route holds for the documents when each of its links is stated by one of them.
 */
export async function platformsForCluster(
  executor: Executor,
  cluster: string,
  via: PlatformVia[] | null = null,
  docs: DocumentFilter = null,
): Promise<PlatformRow[]> {
  const rows = await executor.read<{ platform: string; routes: { via: PlatformVia; through: string | null; relations: Record<string, unknown>[] }[] }>(
    platformsCypher(),
    { cluster, via, programClusters: PROGRAM_CLUSTERS },
  );
  return rows.flatMap((row) => {
    const routes = row.routes.flatMap((r): PlatformRoute[] => {
      const relations = r.relations.map((rel) => restrictEvidence(decodeRelation(rel), docs));
      return relations.every((rel) => rel !== null) ? [{ via: r.via, through: r.through, relations: relations as RelationRow[] }] : [];
    });
    if (routes.length === 0 || (via !== null && !routes.some((r) => via.includes(r.via)))) return [];
    return [{ platform: row.platform, ...routes[0]!, routes }];
  });
}
