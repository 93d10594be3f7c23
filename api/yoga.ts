// The GraphQL endpoint: SDL from schema.graphql, thin resolvers, errors masked
// so that clients see a code and a sentence, never a stack trace or Cypher.
import fs from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { GraphError } from '../graph/errors.ts';
import type { Executor } from '../graph/executor.ts';
import type { Context } from './context.ts';
import { statsResolvers } from './resolvers/stats.ts';

export const SDL = fs.readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export interface YogaOptions {
  executor: Executor;
  logger: Logger;
  graphiql: boolean;
  corsOrigin: string | null;
}

const CLIENT_MESSAGES: Partial<Record<GraphError['code'], string>> = {
  DATABASE_UNAVAILABLE: 'The database is unavailable; retry shortly.',
  TIMEOUT: 'The query took too long and was stopped.',
};

function toClientError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof GraphError && CLIENT_MESSAGES[original.code]) {
    return new GraphQLError(CLIENT_MESSAGES[original.code] as string, { extensions: { code: original.code } });
  }
  return defaultMaskError(error, message, isDev);
}

export function buildYoga(options: YogaOptions): YogaServerInstance<Record<string, unknown>, Context> {
  const schema = makeExecutableSchema<Context>({ typeDefs: SDL, resolvers: [statsResolvers] });
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => ({ executor: options.executor }),
    graphiql: options.graphiql,
    landingPage: false,
    cors: options.corsOrigin ? { origin: options.corsOrigin } : false,
    logging: options.logger,
    maskedErrors: {
      maskError: (error, message, isDev) => {
        options.logger.error({ err: error }, 'GraphQL error');
        return toClientError(error, message, isDev);
      },
    },
  });
}
