import type { EntityKind } from '../../ingest/model.ts';
import {
  ENTITY,
  decodeEntity,
  decodeMention,
  decodeMentionSpan,
  entityProjection,
  mentionProjection,
  mentionSpanProjection,
  type EntityPart,
  type EntityRow,
  type MentionSpan,
} from '../codec.ts';
import { label } from '../cypher.ts';
import type { Executor } from '../executor.ts';
import { ProjectionCompiler, entityFieldsOf, type Folded, type Shape } from './projection.ts';
import type { MentionRow } from './rows.ts';

/** Entities by id, in the order asked; null where there is none. */
export async function entitiesByIds(executor: Executor, ids: readonly string[]): Promise<(EntityRow | null)[]> {
  const rows = await executor.read<{ e: Record<string, unknown> }>(`MATCH (e:${ENTITY}) WHERE e.id IN $ids RETURN ${entityProjection('e')} AS e`, {
    ids: [...new Set(ids)],
  });
  const byId = new Map(rows.map((r) => [r.e.id as string, decodeEntity(r.e)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** One entity with everything the selection asks of it, and no more, in one statement; null when there is none. */
export async function entityWith(executor: Executor, id: string, shape: Shape): Promise<Folded<EntityPart> | null> {
  const compiler = new ProjectionCompiler({ evidence: 'selected', entities: entityFieldsOf([['Entity', shape]]) });
  const entity = compiler.entity('e', shape);
  const [row] = await executor.read<{ e: unknown }>(`MATCH (e:${ENTITY} {id: $id}) RETURN ${entity.cypher} AS e`, { ...compiler.params, id });
  return row ? entity.decode(row.e, new Map()) : null;
}

export interface EntityPage {
  rows: EntityRow[];
  total: number;
  hasNext: boolean;
}

/** A page of entities in id order, after a given id, with the total that match. */
export async function listEntities(
  executor: Executor,
  filter: { kind: EntityKind | null; city: string | null; first: number; afterId: string | null },
): Promise<EntityPage> {
  const match = `MATCH (e:${ENTITY}${filter.kind ? `:${label(filter.kind)}` : ''}) WHERE ($city IS NULL OR e.city = $city)`;
  const [row] = await executor.read<{ total: number; page: Record<string, unknown>[] }>(
    `CALL () { ${match} RETURN count(e) AS total }
     CALL () {
       ${match} AND ($after IS NULL OR e.id > $after)
       WITH e ORDER BY e.id LIMIT $limit
       RETURN collect(${entityProjection('e')}) AS page
     }
     RETURN total, page`,
    { city: filter.city, after: filter.afterId, limit: filter.first + 1 },
  );
  const page = (row?.page ?? []).map(decodeEntity);
  return { rows: page.slice(0, filter.first), total: row?.total ?? 0, hasNext: page.length > filter.first };
}

/** Every mention of the given entities, in document order. */
export async function mentionsOf(executor: Executor, ids: readonly string[]): Promise<MentionRow[]> {
  const rows = await executor.read<{ entityId: string; mention: Record<string, unknown> }>(
    `MATCH (e:${ENTITY})-[m:MENTIONED_IN]->(s:Section) WHERE e.id IN $ids
     RETURN e.id AS entityId, ${mentionProjection('m', 's')} AS mention
     ORDER BY entityId, m.docId, m.start`,
    { ids: [...new Set(ids)] },
  );
  return rows.map((r) => ({ entityId: r.entityId, ...decodeMention(r.mention) }));
}

/** Where each entity is named (document and offsets), without the sentences: what marks a name in a quote. */
export async function mentionSpansOf(executor: Executor, ids: readonly string[]): Promise<(MentionSpan & { entityId: string })[]> {
  const rows = await executor.read<{ entityId: string; span: Record<string, unknown> }>(
    `MATCH (e:${ENTITY})-[m:MENTIONED_IN]->(:Section) WHERE e.id IN $ids
     RETURN e.id AS entityId, ${mentionSpanProjection('m')} AS span`,
    { ids: [...new Set(ids)] },
  );
  return rows.map((r) => ({ entityId: r.entityId, ...decodeMentionSpan(r.span) }));
}
