// The API, and the built explorer it serves, on a free loopback port: for the tests and the
// benches that drive it over HTTP as a browser or a load generator would.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type ServerOptions } from '../../api/server.ts';
import type { Executor } from '../../graph/executor.ts';
import { warmServer } from '../../api/warm-explorer.ts';
import { silentLogger } from './api.ts';

export interface Served {
  /** http://127.0.0.1:port, no trailing slash */
  base: string;
  close(): Promise<void>;
}

/**
 * Stops a server: its clients' connections held open for another request are closed too, or
 * `close` waits for them until the keep-alive timeout (65 s, past a test's time).
 */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

/** Any HTTP server (the bench's peer too) on a free port on 127.0.0.1. */
export async function listen(server: Server): Promise<Served> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => closeServer(server),
  };
}

/** `warm`: warmed before it listens, as `npm start` warms it (api/warm-explorer.ts). */
export async function serveApi(
  executor: Executor,
  { warm = false, ...options }: Partial<Omit<ServerOptions, 'executor'>> & { warm?: boolean } = {},
): Promise<Served> {
  const server = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 15_000, ...options });
  if (warm) await warmServer(executor, silentLogger, server.ask);
  return listen(server);
}
