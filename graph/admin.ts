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

/**
 * Nodes per label and relationships per type, and the totals, from Neo4j's count store in
 * one call: a count per label matched by a dynamic label (`MATCH (n:$(name))`) is planned
 * as a label scan, which took half a minute at 200 k entities.
 */
export async function storedCounts(executor: Executor, labels: string[], types: string[]): Promise<StoredCounts> {
  const [row] = await executor.read<{ data: GraphCounts }>("CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data");
  if (!row) throw new Error('the count store returned no row');
  const { nodes, relationships } = row.data;
  const byLabel = new Map(nodes.filter((n) => n.label !== undefined).map((n) => [n.label, n.count]));
  // Relationship counts come per type and also per type and end label; the one without an end label is the type's total.
  const byType = new Map(
    relationships
      .filter((r) => r.relationshipType !== undefined && r.startLabel === undefined && r.endLabel === undefined)
      .map((r) => [r.relationshipType, r.count]),
  );
  const total = (list: { count: number; label?: string; relationshipType?: string; startLabel?: string; endLabel?: string }[]) =>
    list.find((c) => c.label === undefined && c.relationshipType === undefined && c.startLabel === undefined && c.endLabel === undefined)?.count ?? 0;
  return {
    nodes: total(nodes),
    relationships: total(relationships),
    labels: Object.fromEntries(labels.map((name) => [name, byLabel.get(name) ?? 0])),
    types: Object.fromEntries(types.map((name) => [name, byType.get(name) ?? 0])),
  };
}

interface GraphCounts {
  nodes: { label?: string; count: number }[];
  relationships: { relationshipType?: string; startLabel?: string; endLabel?: string; count: number }[];
}
