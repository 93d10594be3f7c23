// The response cache: its key, the store of answers yoga's plugin keeps (in the thread
// that executes GraphQL), and the store of finished HTTP answers the HTTP thread serves
// from without a turn. Both are kept by size, not count: the plugin's own store keeps
// 1 000 answers of any size, and a burst of large distinct questions (300
// neighbour-of-neighbour questions of a few hundred KB each) would hold them all.
// Answers are keyed on the graph version, so entity invalidation is not needed.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { stripIgnoredCharacters } from 'graphql';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { LRUCache } from 'lru-cache';

export interface AnswerBudget {
  /** characters of JSON held in all */
  totalChars: number;
  /** an answer larger than this is not kept */
  maxChars: number;
}

export interface QuestionKey {
  documentString: string;
  variableValues?: unknown;
  operationName?: string | null;
  /** the graph version */
  sessionId?: string | null;
}

/** Comments and spacing do not change a question: they must not change its cache key. */
export function cacheKey(params: QuestionKey): string {
  let document = params.documentString;
  try {
    document = stripIgnoredCharacters(document);
  } catch {
    // not a document (execution reports why): the raw text is as good a key
  }
  return createHash('sha256')
    .update(JSON.stringify([document, params.variableValues ?? null, params.operationName ?? null, params.sessionId ?? null]))
    .digest('hex');
}

/** The cache key of a POST body, as the plugin works it out; null when the body is not a GraphQL request in JSON. */
export function bodyCacheKey(body: Buffer, sessionId: string): string | null {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof params !== 'object' || params === null || !('query' in params) || typeof params.query !== 'string') return null;
  const { query, variables, operationName } = params as { query: string; variables?: unknown; operationName?: string | null };
  return cacheKey({ documentString: query, variableValues: variables, operationName, sessionId });
}

export function answerStore(budget: AnswerBudget): Cache {
  const answers = new LRUCache<string, ExecutionResult, unknown>({
    maxSize: budget.totalChars,
    maxEntrySize: budget.maxChars,
    sizeCalculation: (answer) => Math.max(1, JSON.stringify(answer).length),
  });
  return {
    get: (key) => answers.get(key) ?? null,
    set: (key, answer, _entities, ttl) => void answers.set(key, answer, Number.isFinite(ttl) && ttl > 0 ? { ttl } : {}),
    invalidate: () => {},
  };
}

/** An HTTP answer as the GraphQL thread gave it. */
export interface HttpAnswer {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** An answer whose body is this value as JSON. */
export function jsonAnswer(status: number, body: unknown, headers: [string, string][] = []): HttpAnswer {
  return { status, headers: [['content-type', 'application/json; charset=utf-8'], ...headers], body: new TextEncoder().encode(JSON.stringify(body)) };
}

/** A GraphQL error answer: a sentence and a code, as yoga words its own. */
export function graphqlErrorAnswer(status: number, message: string, code: string): HttpAnswer {
  return jsonAnswer(status, { errors: [{ message, extensions: { code } }] });
}

export interface ServedBudget {
  /** bytes of answer bodies held in all */
  totalBytes: number;
  /** an answer larger than this is not kept */
  maxBytes: number;
}

/**
 * Finished answers by the question's cache key and the request headers that shape the
 * answer (its media type, its CORS headers): the same request gets the same bytes.
 */
export class ServedAnswers {
  private readonly answers: LRUCache<string, HttpAnswer>;

  constructor(budget: ServedBudget, ttlMs: number) {
    this.answers = new LRUCache<string, HttpAnswer>({
      maxSize: budget.totalBytes,
      maxEntrySize: budget.maxBytes,
      sizeCalculation: (answer) => Math.max(1, answer.body.byteLength),
      ttl: ttlMs,
    });
  }

  static slot(key: string, headers: IncomingHttpHeaders): string {
    return `${key}\n${headers.accept ?? ''}\n${headers.origin ?? ''}`;
  }

  get(slot: string): HttpAnswer | undefined {
    return this.answers.get(slot);
  }

  /** Keeps an answer the GraphQL thread's cache kept under this very key (its ETag): one it judged fit to serve again. */
  keep(slot: string, key: string, answer: HttpAnswer): void {
    const etag = answer.headers.find(([name]) => name.toLowerCase() === 'etag')?.[1];
    if (answer.status === 200 && etag === key) this.answers.set(slot, answer);
  }
}
