// The GraphQL endpoint: SDL from schema.graphql, thin resolvers, per-request
// loaders and budget, limits on what a document may ask, readiness and health, and
// errors masked so that clients see a code and a sentence, never a stack trace or Cypher.
import fs from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, useReadinessCheck, type Plugin, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { GraphError } from '../graph/errors.ts';
import { answerStore, cacheKey } from './answer-cache.ts';
import { OVERLOADED } from './errors.ts';
import type { Executor } from '../graph/executor.ts';
import type { Context } from './context.ts';
import type { VersionSource } from './graph-version.ts';
import { graphiqlPage } from './graphiql.ts';
import { LIMITS, useDocumentLimits } from './limits.ts';
import { createLoaders } from './loaders.ts';
import { comparisonResolvers, documentResolvers } from './resolvers/document.ts';
import { entityResolvers } from './resolvers/entity.ts';
import { queryResolvers } from './resolvers/query.ts';
import { relationResolvers } from './resolvers/relation.ts';
import { sentenceResolvers } from './resolvers/sentences.ts';
import { statsResolvers } from './resolvers/stats.ts';

export const SDL = fs.readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface YogaOptions {
  executor: Executor;
  logger: Logger;
  graphiql: boolean;
  corsOrigin: string | null;
  /** one deadline for all the Neo4j transactions of a request */
  requestTimeoutMs: number;
  /** cache responses per graph version (a GraphVersion polling it, or a SharedVersion over its memory); off when absent */
  cache?: { version: VersionSource; ttlMs: number };
  /**
   * false: the body comes whole from the HTTP thread, which read it up to LIMITS.bodyBytes;
   * yoga need not count it again (counting streams every body through a transform).
   */
  countBody?: boolean;
}

/** A request with this header is answered and not cached: the warm-up's (server.ts), which runs the code that answers readers before they come. */
export const WARM_UP_HEADER = 'x-innograph-warm-up';

const READY_TIMEOUT_MS = 2000; // /ready must answer fast even while Neo4j is down

/** Database conditions a client can act on: each keeps its code, gets a sentence and an HTTP status. */
const DATABASE_ERRORS: Partial<Record<GraphError['code'], { message: string; http?: { status: number; headers?: Record<string, string> } }>> = {
  DATABASE_UNAVAILABLE: { message: 'The database is unavailable; retry shortly.' },
  TIMEOUT: { message: 'The query took too long and was stopped.' },
  OVERLOADED: { message: OVERLOADED.message, http: { status: 503, headers: { 'Retry-After': String(OVERLOADED.retryAfterS) } } },
};

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/** The error a client sees: a code and a sentence; never a stack or originalError, in any mode. */
function toClientError(error: unknown, message: string): Error {
  const original = originalOf(error);
  if (original instanceof GraphError && original.code === 'LIMIT_EXCEEDED') {
    return new GraphQLError(`${original.message}; ask for less in one request`, { extensions: { code: 'BAD_USER_INPUT', limit: original.context.limit } });
  }
  const known = original instanceof GraphError ? DATABASE_ERRORS[original.code] : undefined;
  if (original instanceof GraphError && known) {
    return new GraphQLError(known.message, { extensions: { code: original.code, ...(known.http ? { http: known.http } : {}) } });
  }
  return defaultMaskError(error, message, false);
}

/** Client errors are the client's business: info, no stack. Ours are errors, with one. */
function logError(logger: Logger, error: unknown): void {
  const original = originalOf(error);
  if (original instanceof GraphError) {
    if (DATABASE_ERRORS[original.code] || original.code === 'LIMIT_EXCEEDED')
      logger.warn({ code: original.code, message: original.message }, 'request not served');
    else logger.error({ err: original }, 'GraphQL request failed');
    return;
  }
  if (error instanceof GraphQLError && original instanceof GraphQLError) {
    logger.info({ code: error.extensions.code, message: error.message }, 'client error');
    return;
  }
  logger.error({ err: original }, 'GraphQL request failed');
}

/**
 * yoga logs every error its maskError replaced, at error level with the stack. maskError
 * (logError above) has already logged each of them at the level it deserves: a time-out
 * or a client's mistake is not a server error, so yoga's copy is left out.
 */
function yogaLogger(logger: Logger): YogaLogger {
  const forward = (level: 'debug' | 'info' | 'warn') => (first: unknown) =>
    typeof first === 'string' ? logger[level](first) : logger[level]({ err: first }, 'graphql-yoga');
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: () => {} };
}

export const schema = makeExecutableSchema<Context>({
  typeDefs: SDL,
  resolvers: [queryResolvers, entityResolvers, relationResolvers, documentResolvers, comparisonResolvers, statsResolvers, sentenceResolvers],
});

/**
 * Parsed documents (or their parse errors) by their text, bounded by the text's size: a
 * parsed document keeps its text, every token and the tree, some ten times the text. The
 * explorer's documents are a few KiB; a hostile one may be the whole body limit, and such
 * documents filled most of the heap in the reliability suite's snapshots. A document over
 * maxText is parsed again each time.
 */
export function parsedDocuments<T extends object>(budget: { totalText: number; maxText: number }): LRUCache<string, T> {
  return new LRUCache<string, T>({
    maxSize: budget.totalText,
    maxEntrySize: budget.maxText,
    sizeCalculation: (_value, text) => Math.max(1, text.length),
    ttl: 10 * 60_000,
  });
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/** GET parameters that are JSON must be JSON: yoga would answer a malformed one 500. */
function useGetParameters(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
      for (const name of ['variables', 'extensions']) {
        const raw = url.searchParams.get(name);
        if (raw === null) continue;
        try {
          JSON.parse(raw);
        } catch {
          throw badRequest(`the ${name} parameter is not JSON`);
        }
      }
    },
  };
}

/** What yoga itself adds to some errors (the parser's originalError) never reaches a client. */
function useNoInternals(): Plugin {
  const scrub = (error: GraphQLError) => {
    const { originalError: _original, stack: _stack, ...extensions } = error.extensions ?? {};
    return new GraphQLError(error.message, { path: error.path, extensions });
  };
  const clean = (result: { errors?: readonly GraphQLError[] }) => (result.errors ? { ...result, errors: result.errors.map(scrub) } : result);
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(clean));
      else if (!(Symbol.asyncIterator in result)) setResult(clean(result as { errors?: readonly GraphQLError[] }));
    },
  };
}

export function buildYoga(options: YogaOptions): YogaServerInstance<Record<string, unknown>, Context> {
  const cache = options.cache ? { ...options.cache, answers: answerStore(LIMITS.cachedAnswers) } : null;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => {
      const executor = options.executor.forRequest(options.requestTimeoutMs, LIMITS.transactions);
      return { executor, loaders: createLoaders(executor) };
    },
    graphiql: options.graphiql ? { title: 'innograph GraphQL' } : false,
    renderGraphiQL: graphiqlPage,
    landingPage: false,
    healthCheckEndpoint: '/health',
    // Counted while the body streams in, so a chunked body is bounded too.
    maxRequestBodySize: options.countBody === false ? false : LIMITS.bodyBytes,
    // Kept for minutes, not yoga's hour, and by size, not count.
    parserAndValidationCache: { documentCache: parsedDocuments(LIMITS.parsedDocuments), errorCache: parsedDocuments(LIMITS.parseErrors) },
    cors: options.corsOrigin ? { origin: options.corsOrigin } : false,
    logging: yogaLogger(options.logger),
    plugins: [
      useNoInternals(),
      useGetParameters(),
      useDocumentLimits(),
      // A form or a multipart post from another site is not a preflighted request: refused.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async ({ fetchAPI }) => {
          try {
            await options.executor.read('RETURN 1 AS ok', {}, READY_TIMEOUT_MS);
            return fetchAPI.Response.json({ status: 'ready' });
          } catch (error) {
            options.logger.warn({ code: error instanceof GraphError ? error.code : undefined }, 'Neo4j is not ready');
            return fetchAPI.Response.json({ status: 'unavailable', code: 'DATABASE_UNAVAILABLE' }, { status: 503 });
          }
        },
      }),
      // The graph changes only when a plan is loaded: answers are cached per graph version.
      ...(cache
        ? [
            useResponseCache({
              session: () => cache.version.key(),
              // The warm-up's questions (warm-explorer.ts) are asked to run the code that answers, not to be kept.
              enabled: (request) => cache.version.known() && !request.headers.has(WARM_UP_HEADER),
              ttl: cache.ttlMs,
              cache: cache.answers,
              buildResponseCacheKey: async (p) => cacheKey(p),
            }),
          ]
        : []),
    ],
    maskedErrors: {
      maskError: (error, message) => {
        logError(options.logger, error);
        const original = originalOf(error);
        if (original instanceof GraphError && original.code === 'DATABASE_UNAVAILABLE') cache?.version.markUnavailable();
        return toClientError(error, message);
      },
    },
  });
}
