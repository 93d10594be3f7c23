import { inject } from 'vitest';
import { Executor } from '../../graph/executor.ts';

/** A connection to the suite's real Neo4j, found by the global setup. */
export function connect(): Promise<Executor> {
  return Executor.connect(inject('neo4j'));
}
