// "Which platforms serve this industry cluster?" — directly (SERVES), through a
// field the cluster relates to (platform SERVES or FOCUSES_ON a field RELATED_TO the
// cluster), or through a program that supports both.
import { PLATFORM_KINDS } from '../../ingest/model.ts';
import { anyKind, label } from '../cypher.ts';
import type { Executor } from '../executor.ts';
import { decodeRelation, relationProjection } from '../codec.ts';
import { restrictEvidence, type DocumentFilter } from './document-filter.ts';
import type { RelationRow } from './rows.ts';

export type PlatformVia = 'DIRECT' | 'FIELD' | 'PROGRAM';

export interface PlatformRow {
  platform: string;
  via: PlatformVia;
  through: string | null;
  relations: RelationRow[];
}

const PLATFORM = anyKind('p', PLATFORM_KINDS);

export async function platformsForCluster(executor: Executor, cluster: string, docs: DocumentFilter = null): Promise<PlatformRow[]> {
  const rows = await executor.read<{ platform: string; via: PlatformVia; through: string | null; relations: Record<string, unknown>[] }>(
    `MATCH (c:${label('IndustryCluster')} {id: $cluster})
     CALL (c) {
       MATCH (p)-[r:SERVES]->(c) WHERE ${PLATFORM}
       RETURN p, 'DIRECT' AS via, null AS through, [r] AS rels
       UNION
       MATCH (p)-[r1:SERVES|FOCUSES_ON]->(f:Field)-[r2:RELATED_TO]->(c) WHERE ${PLATFORM}
       RETURN p, 'FIELD' AS via, f AS through, [r1, r2] AS rels
       UNION
       MATCH (g:Program)-[r1:SUPPORTS]->(c), (g)-[r2:SUPPORTS]->(p) WHERE ${PLATFORM}
       RETURN p, 'PROGRAM' AS via, g AS through, [r2, r1] AS rels
     }
     RETURN p.id AS platform, via, through.id AS through, [r IN rels | ${relationProjection('r')}] AS relations
     ORDER BY CASE via WHEN 'DIRECT' THEN 0 WHEN 'FIELD' THEN 1 ELSE 2 END, p.name, through`,
    { cluster },
  );
  // A connection holds for the documents when each of its links is stated by one of them.
  const kept = rows.map((r) => ({ ...r, relations: r.relations.map((rel) => restrictEvidence(decodeRelation(rel), docs)) }));
  return kept.filter((r): r is PlatformRow => r.relations.every((rel) => rel !== null));
}
