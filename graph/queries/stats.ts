import { ENTITY_LABEL } from '../../ingest/model.ts';
import { ENTITY } from '../codec.ts';
import type { Executor } from '../executor.ts';

export interface StatsRow {
  documents: number;
  byKind: { kind: string; count: number }[];
  byType: { type: string; count: number }[];
}

/** How many documents, entities per kind and relations per type the graph holds. */
export async function stats(executor: Executor): Promise<StatsRow> {
  const [row] = await executor.read<StatsRow>(
    `CALL () { MATCH (d:Document) RETURN count(d) AS documents }
     CALL () {
       MATCH (e:${ENTITY})
       UNWIND [l IN labels(e) WHERE l <> $entity] AS kind
       WITH kind, count(*) AS count ORDER BY kind
       RETURN collect({kind: kind, count: count}) AS byKind
     }
     CALL () {
       MATCH (:${ENTITY})-[r]->(:${ENTITY})
       WITH type(r) AS type, count(*) AS count ORDER BY type
       RETURN collect({type: type, count: count}) AS byType
     }
     RETURN documents, byKind, byType`,
    { entity: ENTITY_LABEL },
  );
  if (!row) throw new Error('the stats query returned no row');
  return row;
}
