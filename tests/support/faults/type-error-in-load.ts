// Preloaded (node --import) into the ingest CLI by a test: the statement that writes the
// entities throws a TypeError, as a bug inside a load would, after the document and its
// sections were already written in the same transaction.
import { Executor, type Tx } from '../../../graph/executor.ts';

const transaction = Executor.prototype.transaction;

Executor.prototype.transaction = function <T>(this: Executor, work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
  return transaction.call(
    this,
    (tx: Tx) =>
      work({
        run: ((cypher: string, params?: Record<string, unknown>) => {
          if (cypher.includes('MERGE (e:`Entity` {id: row.id})')) throw new TypeError('planted fault: entities cannot be written');
          return tx.run(cypher, params);
        }) as Tx['run'],
      }),
    timeoutMs,
  ) as Promise<T>;
};
