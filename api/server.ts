// innograph's HTTP server: /graphql (yoga), /export/*, /health, /ready and the
// viewer's static files.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { PROJECT_ROOT } from '../config.ts';
import { RELATION_TYPE_NAMES } from '../ingest/model.ts';
import type { Graph } from '../ingest/types.ts';
import { GraphError } from '../graph/errors.ts';
import { exportGraph } from '../graph/queries/export.ts';
import { neighborhood } from '../graph/queries/neighborhood.ts';
import { entitiesByIds } from '../graph/queries/entities.ts';
import { EXPORT_NAMES, exportFormat, exportOptions } from './export.ts';
import { LIMITS, listWithin, within } from './limits.ts';
import { buildYoga, type YogaOptions } from './yoga.ts';

export interface ServerOptions extends YogaOptions {
  /** the built explorer (npm run build); defaults to viz/dist */
  staticRoot?: string;
}

export const DEFAULT_STATIC_ROOT = path.join(PROJECT_ROOT, 'viz', 'dist');
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

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The explorer is not built yet: run `npm run build` (npm start does it for you). The API is at /graphql.\n');
    return;
  }
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no such page: ${pathname}` });
    return;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

/** `?ids=a,b&depth=2`: the subgraph the explorer would show; no ids: everything. */
async function exportSubgraph(options: ServerOptions, query: URLSearchParams): Promise<Graph> {
  const executor = options.executor.bounded(options.requestTimeoutMs * 4);
  const rawIds = query.get('ids');
  if (!rawIds) return exportGraph(executor);
  const ids = listWithin('ids', rawIds.split(',').map((id) => id.trim()).filter(Boolean), LIMITS.ids);
  const depth = within('depth', Number(query.get('depth') ?? '1'), 0, LIMITS.depth);
  const known = await entitiesByIds(executor, ids);
  const missing = ids.filter((_, i) => !known[i]);
  if (missing.length > 0) throw new GraphQLError(`no entity with id ${missing.join(', ')}`, { extensions: { code: 'NOT_FOUND' } });
  if (depth === 0) return exportGraph(executor, ids);
  const sub = await neighborhood(executor, { ids, depth, kinds: null, types: RELATION_TYPE_NAMES, limit: LIMITS.nodes });
  return exportGraph(executor, sub.nodes.map((n) => n.id));
}

function failExport(options: ServerOptions, res: http.ServerResponse, error: unknown): void {
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code ?? 'BAD_USER_INPUT');
    sendJson(res, code === 'NOT_FOUND' ? 404 : 400, { code, message: error.message });
    return;
  }
  options.logger.error({ err: error }, 'export failed');
  const code = error instanceof GraphError && (error.code === 'DATABASE_UNAVAILABLE' || error.code === 'TIMEOUT') ? error.code : 'INTERNAL_SERVER_ERROR';
  sendJson(res, code === 'INTERNAL_SERVER_ERROR' ? 500 : 503, { code, message: code === 'INTERNAL_SERVER_ERROR' ? 'the export failed' : 'the database is unavailable; retry shortly' });
}

// Longer than the idle time of clients' connection pools, so that the server never closes an
// idle keep-alive socket in the instant a client picks it again (the client then reads a reset).
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function createServer(options: ServerOptions): http.Server {
  const yoga = buildYoga(options);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://innograph');
    if (url.pathname === '/graphql') {
      // Refused without parsing: a body of megabytes would be parsed whole only to fail a limit.
      // It is drained first, so that the client, still sending, gets the answer on a sound socket.
      if (Number(req.headers['content-length'] ?? 0) > LIMITS.bodyBytes) {
        req.on('end', () =>
          sendJson(res, 413, { errors: [{ message: `the request body is over the limit of ${LIMITS.bodyBytes} bytes`, extensions: { code: 'BAD_USER_INPUT', limit: 'bodyBytes' } }] }),
        );
        req.resume();
        return;
      }
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
    if (url.pathname.startsWith('/export/')) {
      const name = url.pathname.slice('/export/'.length);
      const format = exportFormat(name);
      if (!format) {
        sendJson(res, 404, { code: 'NOT_FOUND', message: `no export named ${JSON.stringify(name.slice(0, 60))}; the exports are ${EXPORT_NAMES.join(', ')}` });
        return;
      }
      Promise.resolve()
        .then(async () => {
          const exportOpts = exportOptions(url.searchParams);
          const body = format.render(await exportSubgraph(options, url.searchParams), exportOpts);
          res.writeHead(200, { 'content-type': format.type, 'content-disposition': `attachment; filename="innograph-${name}"` });
          res.end(body);
        })
        .catch((error: unknown) => failExport(options, res, error));
      return;
    }
    serveStatic(options.staticRoot ?? DEFAULT_STATIC_ROOT, url.pathname, res);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return server;
}
