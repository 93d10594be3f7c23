// innograph's HTTP server: /graphql (yoga), /health, /ready and the viewer's static files.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../config.ts';
import type { Executor } from '../graph/executor.ts';
import { buildYoga } from './yoga.ts';

export interface ServerOptions {
  executor: Executor;
  logger: Logger;
  graphiql: boolean;
  corsOrigin: string | null;
}

const STATIC_ROOT = path.join(PROJECT_ROOT, 'viz');
const READY_TIMEOUT_MS = 2000; // /ready must answer fast even while Neo4j is down

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function serveStatic(pathname: string, res: http.ServerResponse): void {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(STATIC_ROOT, relative);
  if (!file.startsWith(STATIC_ROOT + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    sendJson(res, 404, { error: 'NOT_FOUND', path: pathname });
    return;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

export function createServer(options: ServerOptions): http.Server {
  const yoga = buildYoga(options);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://innograph');
    if (url.pathname === '/graphql') {
      void yoga(req, res);
      return;
    }
    if (url.pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (url.pathname === '/ready') {
      options.executor
        .read('RETURN 1 AS ok', {}, READY_TIMEOUT_MS)
        .then(() => sendJson(res, 200, { status: 'ready' }))
        .catch((error: unknown) => {
          options.logger.warn({ err: error }, 'Neo4j is not ready');
          sendJson(res, 503, { status: 'unavailable', code: 'DATABASE_UNAVAILABLE' });
        });
      return;
    }
    serveStatic(url.pathname, res);
  });
}
