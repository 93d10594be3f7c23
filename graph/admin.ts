// Operations on a running Neo4j that an operator (or a fault-injection test) needs.
import type { Executor } from './executor.ts';

/** Terminates innograph's running write transactions, e.g. a load that hangs; returns how many. */
export async function terminateWrites(executor: Executor): Promise<number> {
  const running = await executor.read<{ id: string }>(
    "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.app = 'innograph' AND metaData.mode = 'WRITE' RETURN transactionId AS id",
  );
  if (running.length === 0) return 0;
  await executor.read('TERMINATE TRANSACTIONS $ids', { ids: running.map((r) => r.id) });
  return running.length;
}

/**
 * Deletes every node and relationship (the schema stays): for throwaway databases such
 * as the bench's. Commits every 10 000 nodes, so that a graph of millions fits the heap.
 */
export async function clearGraph(executor: Executor): Promise<void> {
  await executor.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, 3_600_000);
}

/** True when the database holds no node at all (its schema aside): the only state a bulk import may replace. */
export async function isEmpty(executor: Executor): Promise<boolean> {
  const rows = await executor.read('MATCH (n) RETURN 1 AS one LIMIT 1');
  return rows.length === 0;
}

export interface StoredCounts {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** Nodes per label and relationships per type (Neo4j answers these from its count store), and the totals. */
export async function storedCounts(executor: Executor, labels: string[], types: string[]): Promise<StoredCounts> {
  const [row] = await executor.read<{ nodes: number; relationships: number; labels: [string, number][]; types: [string, number][] }>(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { UNWIND $labels AS name CALL (name) { MATCH (n:$(name)) RETURN count(n) AS n } RETURN collect([name, n]) AS labels }
     CALL () { UNWIND $types AS name CALL (name) { MATCH ()-[r:$(name)]->() RETURN count(r) AS n } RETURN collect([name, n]) AS types }
     RETURN nodes, relationships, labels, types`,
    { labels, types },
  );
  if (!row) throw new Error('the count query returned no row');
  return { nodes: row.nodes, relationships: row.relationships, labels: Object.fromEntries(row.labels), types: Object.fromEntries(row.types) };
}
