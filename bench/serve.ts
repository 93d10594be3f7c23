// The API server every bench part drives: innograph's own HTTP server on a free
// loopback port, logging off and GraphiQL off, with or without the response cache.
import type { Server } from 'node:http';
import type { Executor } from '../graph/executor.ts';
import { listen as listenBase, serveApi as serveBase } from '../tests/support/serve.ts';

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

const atGraphql = ({ base, close }: { base: string; close(): Promise<void> }): Served => ({ url: `${base}/graphql`, close });

/** Any HTTP server (the peer's too) on a free port on 127.0.0.1. */
export async function listen(server: Server): Promise<Served> {
  return atGraphql(await listenBase(server));
}

export async function serveApi(executor: Executor, { cached = false, requestTimeoutMs = 5000 }: ServeOptions = {}): Promise<Served> {
  return atGraphql(await serveBase(executor, { requestTimeoutMs, cache: cached ? { versionPollMs: 1000, ttlMs: 60_000 } : undefined }));
}
