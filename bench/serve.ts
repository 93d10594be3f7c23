// The API server every bench part drives: innograph's own HTTP server on a free
// loopback port, logging off and GraphiQL off, with or without the response cache.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createServer } from '../api/server.ts';
import type { Executor } from '../graph/executor.ts';

export interface Served {
  /** the /graphql endpoint */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** the response cache as served in production; off, every request reaches Neo4j */
  cached?: boolean;
  requestTimeoutMs?: number;
}

/** Listens on a free port on 127.0.0.1; any HTTP server (the peer's too). */
export async function listen(server: Server): Promise<Served> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function serveApi(executor: Executor, { cached = false, requestTimeoutMs = 5000 }: ServeOptions = {}): Promise<Served> {
  const server = createServer({
    executor,
    logger: pino({ level: 'silent' }),
    graphiql: false,
    corsOrigin: null,
    requestTimeoutMs,
    cache: cached ? { versionPollMs: 1000, ttlMs: 60_000 } : undefined,
  });
  return listen(server);
}
