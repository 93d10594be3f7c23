// Two documents side by side: what each names and states, and what both do; and one
// document's facts with their sentences, to compare a new edition with the stored one.
import { ENTITY_LABEL } from '../../ingest/model.ts';
import type { DocumentFacts, EntityFact, RelationFact } from '../../ingest/facts.ts';
import { ENTITY, decodeEntity, decodeRelation, entityProjection, evidenceList, relationProjection } from '../codec.ts';
import type { Executor } from '../executor.ts';
import type { EntityRow, RelationRow } from './rows.ts';

export interface Compared<T> {
  item: T;
  inA: boolean;
  inB: boolean;
}

export interface ComparisonRows {
  entities: Compared<EntityRow>[];
  relations: Compared<RelationRow>[];
}

const DOCS = evidenceList('docId');

/** Every entity and relation of either document, marked with the documents that name or state it. */
export async function compareDocuments(executor: Executor, a: string, b: string): Promise<ComparisonRows> {
  const entities = await executor.read<{ e: Record<string, unknown>; inA: boolean; inB: boolean }>(
    `MATCH (e:${ENTITY}) WHERE $a IN e.docs OR $b IN e.docs
     RETURN ${entityProjection('e')} AS e, $a IN e.docs AS inA, $b IN e.docs AS inB ORDER BY e.id`,
    { a, b },
  );
  const relations = await executor.read<{ r: Record<string, unknown> }>(
    `MATCH (:${ENTITY})-[r]->(:${ENTITY}) WHERE $a IN r.${DOCS} OR $b IN r.${DOCS}
     RETURN ${relationProjection('r')} AS r ORDER BY r.id`,
    { a, b },
  );
  return {
    entities: entities.map((row) => ({ item: decodeEntity(row.e), inA: row.inA, inB: row.inB })),
    relations: relations.map((row) => {
      const relation = decodeRelation(row.r);
      return { item: relation, inA: relation.evidence.some((e) => e.docId === a), inB: relation.evidence.some((e) => e.docId === b) };
    }),
  };
}

const unique = (quotes: string[]) => [...new Set(quotes)];
// The order factsOf() gives, so that stored and ingested facts compare as they are.
const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);

/** What a stored document names and states, with its sentences: the shape factsOf() gives for an ingested one. */
export async function documentFacts(executor: Executor, docId: string): Promise<DocumentFacts> {
  const entities = await executor.read<EntityFact>(
    `MATCH (e:${ENTITY}) WHERE $doc IN e.docs
     CALL (e) {
       OPTIONAL MATCH (e)-[m:MENTIONED_IN {docId: $doc}]->(s:Section)
       WITH m, s ORDER BY m.start, m.end
       RETURN collect(s.text) AS quotes
     }
     RETURN e.id AS id, [l IN labels(e) WHERE l <> '${ENTITY_LABEL}'][0] AS kind, e.name AS name, quotes`,
    { doc: docId },
  );
  const relations = await executor.read<{ r: Record<string, unknown>; fromName: string; toName: string }>(
    `MATCH (a:${ENTITY})-[r]->(b:${ENTITY}) WHERE $doc IN r.${DOCS}
     RETURN ${relationProjection('r')} AS r, a.name AS fromName, b.name AS toName`,
    { doc: docId },
  );
  return {
    entities: entities.map((e) => ({ ...e, quotes: unique(e.quotes) })).sort(byId),
    relations: relations
      .map(({ r, fromName, toName }): RelationFact => {
        const relation = decodeRelation(r);
        const evidence = relation.evidence.filter((e) => e.docId === docId).sort((x, y) => x.start - y.start || x.method.localeCompare(y.method));
        return { id: relation.id, type: relation.type, from: relation.from, to: relation.to, fromName, toName, quotes: unique(evidence.map((e) => e.quote)) };
      })
      .sort(byId),
  };
}
