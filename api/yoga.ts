// The GraphQL endpoint: SDL from schema.graphql, thin resolvers, per-request
// loaders and time bound, limits on what a document may ask, and errors masked so
// that clients see a code and a sentence, never a stack trace or Cypher.
import fs from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { GraphError } from '../graph/errors.ts';
import type { Executor } from '../graph/executor.ts';
import type { Context } from './context.ts';
import { GraphVersion } from './graph-version.ts';
import { useDocumentLimits } from './limits.ts';
import { createLoaders } from './loaders.ts';
import { comparisonResolvers, documentResolvers } from './resolvers/document.ts';
import { entityResolvers } from './resolvers/entity.ts';
import { queryResolvers } from './resolvers/query.ts';
import { relationResolvers } from './resolvers/relation.ts';
import { statsResolvers } from './resolvers/stats.ts';

export const SDL = fs.readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface YogaOptions {
  executor: Executor;
  logger: Logger;
  graphiql: boolean;
  corsOrigin: string | null;
  /** bound of every Neo4j transaction a request runs */
  requestTimeoutMs: number;
  /** cache responses per graph version, polled this often; off when absent */
  cache?: { versionPollMs: number; ttlMs: number };
}

const CLIENT_MESSAGES: Partial<Record<GraphError['code'], string>> = {
  DATABASE_UNAVAILABLE: 'The database is unavailable; retry shortly.',
  TIMEOUT: 'The query took too long and was stopped.',
};

function toClientError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof GraphError && CLIENT_MESSAGES[original.code]) {
    return new GraphQLError(CLIENT_MESSAGES[original.code]!, { extensions: { code: original.code } });
  }
  return defaultMaskError(error, message, isDev);
}

export const schema = makeExecutableSchema<Context>({
  typeDefs: SDL,
  resolvers: [queryResolvers, entityResolvers, relationResolvers, documentResolvers, comparisonResolvers, statsResolvers],
});

export function buildYoga(options: YogaOptions): YogaServerInstance<Record<string, unknown>, Context> {
  const version = options.cache ? new GraphVersion(options.executor, options.logger, options.cache.versionPollMs) : null;
  version?.start();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => {
      const executor = options.executor.bounded(options.requestTimeoutMs);
      return { executor, loaders: createLoaders(executor) };
    },
    graphiql: options.graphiql,
    landingPage: false,
    cors: options.corsOrigin ? { origin: options.corsOrigin } : false,
    logging: options.logger,
    plugins: [
      useDocumentLimits(),
      // GraphiQL and introspection go together: both are for development (INNOGRAPH_GRAPHIQL).
      ...(options.graphiql ? [] : [{ onValidate: ({ addValidationRule }: { addValidationRule: (rule: typeof NoSchemaIntrospectionCustomRule) => void }) => addValidationRule(NoSchemaIntrospectionCustomRule) }]),
      // The graph changes only when a plan is loaded: answers are cached per graph version.
      ...(version && options.cache ? [useResponseCache({ session: () => version.key(), ttl: options.cache.ttlMs })] : []),
    ],
    maskedErrors: {
      maskError: (error, message, isDev) => {
        options.logger.error({ err: error }, 'GraphQL error');
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof GraphError && original.code === 'DATABASE_UNAVAILABLE') version?.markUnavailable();
        return toClientError(error, message, isDev);
      },
    },
  });
}
