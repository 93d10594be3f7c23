import { decodeEntity, entityProjection, type EntityRow } from '../codec.ts';
import { label } from '../cypher.ts';
import type { Executor } from '../executor.ts';

/** The indicators, in the order of the plan's table. */
export async function indicators(executor: Executor): Promise<EntityRow[]> {
  const rows = await executor.read<{ e: Record<string, unknown> }>(`MATCH (e:${label('Indicator')}) RETURN ${entityProjection('e')} AS e ORDER BY e.row, e.id`);
  return rows.map((r) => decodeEntity(r.e));
}
