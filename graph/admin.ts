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
