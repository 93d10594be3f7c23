// innograph's HTTP server: /graphql, /health and /ready (yoga), /export/*, GraphiQL's
// files and the explorer's (sirv). Every request is answered, and no request can
// end the process: whatever escapes a handler is answered 500 here. GraphQL questions
// and exports are worked out in a thread of their own (query-thread.ts); this thread
// answers health, files and the questions whose answers it holds, however busy that one is.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import PQueue from 'p-queue';
import getRawBody from 'raw-body';
import sirv from 'sirv';
import { DEFAULT_ALLOWED_HOSTS, PROJECT_ROOT } from '../config.ts';
import { OVERLOADED } from './errors.ts';
import { EXPORT_NAMES, exportFormat } from './export.ts';
import { GRAPHIQL_BUNDLE, GRAPHIQL_CSP, GRAPHIQL_PATH, GRAPHIQL_START } from './graphiql.ts';
import { LIMITS } from './limits.ts';
import { bodyCacheKey, ServedAnswers, type HttpAnswer } from './answer-cache.ts';
import { QueryThread } from './query-thread.ts';
import { GraphVersion } from './graph-version.ts';
import { warmExplorer, type AskGraphql } from './warm-explorer.ts';
import { buildYoga, WARM_UP_HEADER, type YogaOptions } from './yoga.ts';

export interface ServerOptions extends Omit<YogaOptions, 'cache'> {
  /** cache answers per graph version, polled this often; off when absent */
  cache?: { versionPollMs: number; ttlMs: number };
  /** host names the server answers to (the Host header without its port); others get 403, against DNS rebinding */
  allowedHosts?: readonly string[];
  /** the built explorer (npm run build); defaults to viz/dist */
  staticRoot?: string;
  /** how many requests are worked on and wait at once (HTTP_LIMITS by default) */
  turns?: Pick<typeof HTTP_LIMITS, 'inFlight' | 'queued' | 'queuedMs'>;
}

export const DEFAULT_STATIC_ROOT = path.join(PROJECT_ROOT, 'viz', 'dist');

/** Slow or idle clients are cut off; at most this many sockets are held at once. */
export const HTTP_LIMITS = {
  headersTimeoutMs: 10_000, // to send the request line and headers
  requestTimeoutMs: 30_000, // to send the whole request
  // An idle kept-alive socket: longer than the idle time of clients' connection pools, so that the server
  // never closes one in the instant a client picks it again (the client then reads a reset, and no answer).
  keepAliveTimeoutMs: 65_000,
  checkIntervalMs: 1_000, // how often the two time-outs above are checked (Node's default is 30 s)
  // Open sockets; more are closed on arrival. Clients keep sockets open for the keep-alive time,
  // so a burst of a few hundred requests from one client holds that many for a minute.
  connections: 1024,
  // GraphQL requests and exports worked on at once; more wait their turn. Two cores' Neo4j answers no
  // faster for more: past this, extra requests only wait for it while their answers, finishing together,
  // crowd the event loop (300 questions at once, measured when GraphQL ran in the HTTP thread: /health
  // waited 0.4–3 s at 32 in flight, 0.2–0.8 s at 12, with the burst done as soon).
  inFlight: 12,
  // Requests waiting for a turn; more are answered OVERLOADED on arrival, as is one still waiting after queuedMs.
  queued: 256,
  queuedMs: 5_000,
};

/** What a client is told when the server is at its in-flight limit, as GraphQL and as an export: the explorer backs off on OVERLOADED. */
const BUSY = {
  graphql: { errors: [{ message: OVERLOADED.message, extensions: { code: 'OVERLOADED' } }] },
  export: { code: 'OVERLOADED', message: OVERLOADED.message },
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The path and query of a request target, without URL parsing that throws on `//` or `%ff`. */
export function target(raw: string): { pathname: string; query: URLSearchParams } {
  const [pathname = '/', search = ''] = raw.split('#', 1)[0]!.split(/\?(.*)/s, 2);
  return { pathname: pathname || '/', query: new URLSearchParams(search) };
}

/** The host name of a Host header: `localhost:4000` → localhost, `[::1]:4000` → [::1]. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0]!;
  return name.toLowerCase().replace(/\.$/, '');
}

/** A body over the limit is still read, and dropped, so that a client busy sending it gets to read the 413; up to a point. */
const DISCARD_BYTES = 16 * 1024 * 1024;

function discardRest(req: http.IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * Reads a request's body, up to the limit, into `req.body`, where yoga's adapter takes it
 * as the body (the convention of Node frameworks that read it first). Answers 413 or 400
 * and returns false when the body is too large or cannot be read.
 */
async function readBody(req: http.IncomingMessage & { body?: Buffer }, res: http.ServerResponse): Promise<boolean> {
  try {
    req.body = await getRawBody(req, { limit: LIMITS.bodyBytes, length: req.headers['content-length'] });
    return true;
  } catch (error) {
    const tooLarge = (error as { status?: number }).status === 413;
    if (tooLarge) discardRest(req);
    else res.setHeader('connection', 'close'); // the client broke off: there is nothing more to read
    sendJson(res, tooLarge ? 413 : 400, {
      errors: [
        tooLarge
          ? { message: `Request body too large: at most ${LIMITS.bodyBytes} bytes`, extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }
          : { message: 'the request body could not be read', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    return false;
  }
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/** sirv for one folder mounted under a prefix. */
function mounted(prefix: string, handler: Handler): Handler {
  return (req, res, next) => {
    const original = req.url ?? '/';
    req.url = original.slice(prefix.length - 1);
    handler(req, res, () => {
      req.url = original;
      next();
    });
  };
}

function staticFiles(root: string): Handler {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The explorer is not built yet: run `npm run build` (npm start does it for you). The API is at /graphql.\n');
    };
  }
  return sirv(root, {
    etag: true,
    dotfiles: false,
    // The build writes .br and .gz beside each file: sent when the browser accepts them.
    brotli: true,
    gzip: true,
    // Vite names what it puts in assets/ by content hash: such a file never changes, while
    // index.html must be asked for again to find the new names.
    setHeaders: (res, pathname) => {
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

function notFound(res: http.ServerResponse, pathname: string): void {
  sendJson(res, 404, { code: 'NOT_FOUND', message: `no such page: ${pathname.slice(0, 200)}` });
}

/** Only a body this small is looked up in the cache: the explorer's questions are a few KiB, and the look-up reads the document. */
const CACHE_PROBE_BYTES = 16 * 1024;

/** Headers that describe this hop, not the request: the GraphQL thread gets the body whole. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'expect', 'upgrade']);

function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (!HOP_HEADERS.has(raw[i]!.toLowerCase())) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

function sendAnswer(res: http.ServerResponse, answer: HttpAnswer): void {
  if (res.destroyed) return; // the client left while its question was worked on
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.writeHead(answer.status);
  res.end(answer.body);
}

/** The API's HTTP server, with a way to ask its query thread a question directly (the warm-up's). */
export interface ApiServer extends http.Server {
  /** a GraphQL request's JSON body, answered in the query thread as a request of a reader's would be, cache aside */
  ask: AskGraphql;
}

export function createServer(options: ServerOptions): ApiServer {
  // /health, /ready and the GraphiQL page: yoga's own, in this thread. No question runs here.
  const edge = buildYoga({ ...options, cache: undefined });
  // The one poll of the graph version: the query thread reads it from the same memory.
  const cached = options.cache
    ? {
        // Once Neo4j is back, the explorer's questions are asked again where they are answered, in the query thread.
        version: new GraphVersion(options.executor, options.logger, options.cache.versionPollMs, () => warmExplorer(askThread)).start(),
        answers: new ServedAnswers(LIMITS.servedAnswers, options.cache.ttlMs),
        ttlMs: options.cache.ttlMs,
      }
    : null;
  const queries = new QueryThread(
    {
      neo4j: options.executor.settings,
      executor: options.executor.options,
      logLevel: options.logger.level,
      yoga: { corsOrigin: options.corsOrigin, requestTimeoutMs: options.requestTimeoutMs },
      cache: cached ? { ttlMs: cached.ttlMs, version: cached.version.shared.memory } : undefined,
    },
    options.logger,
  );
  const askThread: AskGraphql = async (body) => {
    const answer = await queries.ask({
      kind: 'graphql',
      method: 'POST',
      url: 'http://localhost/graphql',
      headers: [
        ['content-type', 'application/json'],
        [WARM_UP_HEADER, '1'],
      ],
      body: new TextEncoder().encode(body),
    });
    let json: unknown = null;
    try {
      json = JSON.parse(new TextDecoder().decode(answer.body));
    } catch {
      // Not JSON: warmExplorer reports the status.
    }
    return { status: answer.status, json };
  };
  /** The cache's place for the answer to this POST: none while the graph version is unknown, or for a revalidation. */
  const cachePlace = (body: Buffer | undefined, headers: http.IncomingHttpHeaders) => {
    if (!cached?.version.known() || !body || body.length > CACHE_PROBE_BYTES || headers['if-none-match']) return null;
    const key = bodyCacheKey(body, cached.version.key());
    if (!key) return null;
    const slot = ServedAnswers.slot(key, headers);
    return { held: cached.answers.get(slot), keep: (answer: HttpAnswer) => cached.answers.keep(slot, key, answer) };
  };
  const allowed = new Set((options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS).map((h) => h.toLowerCase()));
  const explorer = staticFiles(options.staticRoot ?? DEFAULT_STATIC_ROOT);
  const graphiqlStart = mounted(GRAPHIQL_PATH, sirv(GRAPHIQL_START, { etag: true }));
  const graphiqlBundle = mounted(GRAPHIQL_PATH, sirv(GRAPHIQL_BUNDLE, { etag: true, maxAge: 86_400 }));

  const limits = options.turns ?? HTTP_LIMITS;
  const turns = new PQueue({ concurrency: limits.inFlight });
  /** Runs work that needs Neo4j when its turn comes, or answers OVERLOADED when too many wait or it waited too long. */
  const admitted = async (res: http.ServerResponse, kind: keyof typeof BUSY, work: () => Promise<void>): Promise<void> => {
    const busy = () => {
      res.setHeader('retry-after', String(OVERLOADED.retryAfterS));
      sendJson(res, 503, BUSY[kind]);
    };
    if (turns.pending >= limits.inFlight && turns.size >= limits.queued) return busy();
    const queued = Date.now();
    await turns.add(async () => {
      if (res.destroyed) return; // the client left while it waited
      if (Date.now() - queued > limits.queuedMs) return busy();
      await work();
    });
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // sirv pipes a file into the response with no handler for the file's errors: one gone or
    // unreadable since the server listed its files at start (viz/dist rebuilt under it) would end
    // the process. The response, its headers already sent, is cut instead.
    res.once('pipe', (file: NodeJS.ReadableStream) =>
      file.once('error', (error: Error) => {
        options.logger.warn(
          { err: error, url: req.url?.slice(0, 200) },
          'a served file changed or went since the server started: restart it to serve the new files',
        );
        res.destroy();
      }),
    );
    const host = hostName(req.headers.host);
    if (!host || !allowed.has(host)) {
      options.logger.info({ host: req.headers.host?.slice(0, 100) }, 'request for a host not served');
      sendJson(res, 403, { code: 'HOST_NOT_ALLOWED', message: 'this server does not answer for that host name' });
      return;
    }
    const { pathname, query } = target(req.url ?? '/');
    if (pathname === '/health' || pathname === '/ready') {
      await edge.handle(req, res);
      return;
    }
    if (pathname === '/graphql') {
      if (options.graphiql && req.method === 'GET' && req.headers.accept?.includes('text/html')) {
        res.setHeader('content-security-policy', GRAPHIQL_CSP);
        await edge.handle(req, res); // the GraphiQL page: no query runs
        return;
      }
      // The body is read before the request waits for a turn, so that a client sending it slowly
      // holds only its own socket (bounded by requestTimeoutMs), not one of the turns.
      if (req.method !== 'GET' && req.method !== 'HEAD' && !(await readBody(req, res))) return;
      const body = (req as { body?: Buffer }).body;
      const place = cachePlace(body, req.headers);
      // An answer already in the cache needs no Neo4j: it does not wait behind a burst of questions that do.
      if (place?.held) {
        sendAnswer(res, place.held);
        return;
      }
      await admitted(res, 'graphql', async () => {
        const answer = await queries.ask({
          kind: 'graphql',
          method: req.method ?? 'GET',
          url: `http://localhost${req.url ?? '/graphql'}`,
          headers: headerPairs(req.rawHeaders),
          body: body ? new Uint8Array(body) : null,
        });
        place?.keep(answer);
        sendAnswer(res, answer);
      });
      return;
    }
    if (pathname.startsWith('/export/')) {
      const name = pathname.slice('/export/'.length);
      const format = exportFormat(name);
      if (!format) {
        sendJson(res, 404, { code: 'NOT_FOUND', message: `no export named ${JSON.stringify(name.slice(0, 60))}; the exports are ${EXPORT_NAMES.join(', ')}` });
        return;
      }
      await admitted(res, 'export', async () => sendAnswer(res, await queries.ask({ kind: 'export', name, search: query.toString() })));
      return;
    }
    if (options.graphiql && pathname.startsWith(GRAPHIQL_PATH)) {
      graphiqlStart(req, res, () => graphiqlBundle(req, res, () => notFound(res, pathname)));
      return;
    }
    explorer(req, res, () => notFound(res, pathname));
  };

  const server = http.createServer(
    {
      headersTimeout: HTTP_LIMITS.headersTimeoutMs,
      requestTimeout: HTTP_LIMITS.requestTimeoutMs,
      keepAliveTimeout: HTTP_LIMITS.keepAliveTimeoutMs,
      connectionsCheckingInterval: HTTP_LIMITS.checkIntervalMs,
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        options.logger.error({ err: error, method: req.method, url: req.url?.slice(0, 200) }, 'request failed');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        sendJson(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: 'the server could not answer this request' });
      });
    },
  );
  server.maxConnections = HTTP_LIMITS.connections;
  server.on('close', () => {
    cached?.version.stop();
    void queries.close();
  });
  return Object.assign(server, { ask: askThread });
}
