// One relation by its id, with its evidence: what the explorer shows when a link is clicked.
import { parseRelationId } from '../../ingest/model.ts';
import { ENTITY, decodeRelation, relationProjection } from '../codec.ts';
import type { Executor } from '../executor.ts';
import type { RelationRow } from './rows.ts';

/** The relation `id` names, or null when none is stored (or `id` names no relation at all). */
export async function relationById(executor: Executor, id: string): Promise<RelationRow | null> {
  const named = parseRelationId(id);
  if (!named) return null;
  // Found from its start by the entities' id constraint; the type is data, compared, never spliced in.
  const [row] = await executor.read<{ r: Record<string, unknown> }>(
    `MATCH (:${ENTITY} {id: $from})-[r]->(:${ENTITY} {id: $to}) WHERE type(r) = $type AND r.id = $id
     RETURN ${relationProjection('r')} AS r`,
    { ...named, id },
  );
  return row ? decodeRelation(row.r) : null;
}
