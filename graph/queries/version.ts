import type { Executor } from '../executor.ts';

/** The id of the one Meta node; every load bumps its version in the load's own transaction. */
export const GRAPH_VERSION_ID = 'graph';

export async function graphVersion(executor: Executor): Promise<number> {
  const [row] = await executor.read<{ version: number | null }>(`OPTIONAL MATCH (m:Meta {id: '${GRAPH_VERSION_ID}'}) RETURN m.version AS version`);
  return row?.version ?? 0;
}
