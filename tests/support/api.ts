import pino from 'pino';
import type { Executor } from '../../graph/executor.ts';
import { buildYoga } from '../../api/yoga.ts';

export const silentLogger = pino({ level: 'silent' });

/** Runs one GraphQL operation in-process against the real Neo4j behind `executor`. */
export async function graphql<T = Record<string, unknown>>(
  executor: Executor,
  query: string,
  variables: Record<string, unknown> = {},
  // A generous deadline: the machines tests share can be slow, and these tests are about answers, not time.
  requestTimeoutMs = 30_000,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const yoga = buildYoga({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs });
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}
