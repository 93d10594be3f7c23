import type { Executor } from '../graph/executor.ts';

/** What every resolver may use: the database door, nothing else. */
export interface Context {
  executor: Executor;
}
