// Per-request batching: however many entities a response holds, each nested level
// (their mentions, their neighbours, the sections their evidence cites …) costs one
// round trip to Neo4j.
import DataLoader from 'dataloader';
import { RELATION_TYPE_NAMES, type RelationType } from '../ingest/model.ts';
import type { Executor } from '../graph/executor.ts';
import { childSections, documentIdsOf, documentsByIds, sectionsByIds } from '../graph/queries/documents.ts';
import { entitiesByIds, mentionSpansOf, mentionsOf } from '../graph/queries/entities.ts';
import { neighborsOf, type NeighborRow } from '../graph/queries/neighborhood.ts';
import type { DocumentRow, EntityRow, MentionRow, MentionSpan, SectionRow } from '../graph/queries/rows.ts';
import { entitiesInSentences } from '../graph/queries/sentences.ts';

export interface NeighborKey {
  id: string;
  types: RelationType[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  first: number;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(row);
  }
  return groups;
}

/**
 * Batches wait for the event loop to settle rather than for the next tick, so that
 * loads started by sibling resolvers at slightly different times share one query.
 */
const BATCHING = { batchScheduleFn: (run: () => void) => setImmediate(run) };

export function createLoaders(executor: Executor) {
  return {
    entity: new DataLoader<string, EntityRow | null>((ids) => entitiesByIds(executor, ids), BATCHING),
    mentions: new DataLoader<string, MentionRow[]>(async (ids) => {
      const byEntity = groupBy(await mentionsOf(executor, ids), (m) => m.entityId);
      return ids.map((id) => byEntity.get(id) ?? []);
    }, BATCHING),
    mentionSpans: new DataLoader<string, MentionSpan[]>(async (ids) => {
      const byEntity = groupBy(await mentionSpansOf(executor, ids), (m) => m.entityId);
      return ids.map((id) => byEntity.get(id) ?? []);
    }, BATCHING),
    neighbors: new DataLoader<NeighborKey, NeighborRow[], string>(
      async (keys) => {
        // Keys that share their arguments go to Neo4j together.
        const results = new Map<NeighborKey, NeighborRow[]>();
        for (const group of groupBy([...keys], (k) => JSON.stringify([k.types, k.direction, k.first])).values()) {
          const { types, direction, first } = group[0]!;
          const rows = await neighborsOf(executor, { ids: group.map((k) => k.id), types: types ?? RELATION_TYPE_NAMES, direction, first });
          const byEntity = groupBy(rows, (r) => r.of);
          for (const key of group) results.set(key, byEntity.get(key.id) ?? []);
        }
        return keys.map((k) => results.get(k) ?? []);
      },
      { ...BATCHING, cacheKeyFn: (k) => JSON.stringify(k) },
    ),
    entityDocuments: new DataLoader<string, string[]>(async (ids) => {
      const byId = new Map((await documentIdsOf(executor, ids)).map((r) => [r.id, r.docs]));
      return ids.map((id) => byId.get(id) ?? []);
    }, BATCHING),
    section: new DataLoader<string, SectionRow | null>(async (ids) => {
      const byId = new Map((await sectionsByIds(executor, ids)).map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }, BATCHING),
    children: new DataLoader<string, SectionRow[]>(async (parentIds) => {
      const byParent = groupBy(await childSections(executor, parentIds), (s) => s.parentId ?? s.docId);
      return parentIds.map((id) => byParent.get(id) ?? []);
    }, BATCHING),
    sentenceEntities: new DataLoader<string, string[]>(async (ids) => {
      const byId = new Map((await entitiesInSentences(executor, ids)).map((r) => [r.id, r.entities]));
      return ids.map((id) => byId.get(id) ?? []);
    }, BATCHING),
    document: new DataLoader<string, DocumentRow | null>(async (ids) => {
      const byId = new Map((await documentsByIds(executor, ids)).map((d) => [d.id, d]));
      return ids.map((id) => byId.get(id) ?? null);
    }, BATCHING),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
