import { KINDS, RELATION_TYPE_NAMES, type EntityKind, type RelationType } from '../../ingest/model.ts';
import { ENTITY } from '../codec.ts';
import type { Executor } from '../executor.ts';

export interface StatsRow {
  documents: number;
  byKind: { kind: EntityKind; count: number }[];
  byType: { type: RelationType; count: number }[];
}

/**
 * How many documents, entities per kind and relations per type the graph holds. Only the
 * model's kinds and types are counted: a label or relationship someone adds by hand (in
 * Neo4j Browser, say) is no kind the API can name, and must not fail the whole answer.
 */
export async function stats(executor: Executor): Promise<StatsRow> {
  const [row] = await executor.read<StatsRow>(
    `CALL () { MATCH (d:Document) RETURN count(d) AS documents }
     CALL () {
       MATCH (e:${ENTITY})
       UNWIND [l IN labels(e) WHERE l IN $kinds] AS kind
       WITH kind, count(*) AS count ORDER BY kind
       RETURN collect({kind: kind, count: count}) AS byKind
     }
     CALL () {
       MATCH (:${ENTITY})-[r]->(:${ENTITY}) WHERE type(r) IN $types
       WITH type(r) AS type, count(*) AS count ORDER BY type
       RETURN collect({type: type, count: count}) AS byType
     }
     RETURN documents, byKind, byType`,
    { kinds: KINDS, types: RELATION_TYPE_NAMES },
  );
  if (!row) throw new Error('the stats query returned no row');
  return row;
}
