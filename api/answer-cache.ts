// The response cache's store. Answers are kept by their size, not by count: the plugin's
// own store keeps 1 000 answers of any size, and a burst of large distinct questions (300
// neighbour-of-neighbour questions of a few hundred KB each) would hold them all in the
// heap. Answers are keyed on the graph version, so entity invalidation is not needed.
import type { ExecutionResult } from 'graphql';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { LRUCache } from 'lru-cache';

export interface AnswerBudget {
  /** characters of JSON held in all */
  totalChars: number;
  /** an answer larger than this is not kept */
  maxChars: number;
}

export interface AnswerStore extends Cache {
  /** whether an answer is held for this key now, without touching its recency */
  has(key: string): boolean;
}

export function answerStore(budget: AnswerBudget): AnswerStore {
  const answers = new LRUCache<string, ExecutionResult, unknown>({
    maxSize: budget.totalChars,
    maxEntrySize: budget.maxChars,
    sizeCalculation: (answer) => Math.max(1, JSON.stringify(answer).length),
  });
  return {
    get: (key) => answers.get(key) ?? null,
    set: (key, answer, _entities, ttl) => void answers.set(key, answer, Number.isFinite(ttl) && ttl > 0 ? { ttl } : {}),
    invalidate: () => {},
    has: (key) => answers.has(key),
  };
}
