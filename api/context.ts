import type { Executor } from '../graph/executor.ts';
import type { Loaders } from './loaders.ts';

/** What every resolver may use: the database door, bounded to this request, and its batching loaders. */
export interface Context {
  executor: Executor;
  loaders: Loaders;
}
