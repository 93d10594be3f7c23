import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.ts';
import type { Executor } from '../../graph/executor.ts';
import { graphql, silentLogger } from '../support/api.ts';
import { connect } from '../support/neo4j.ts';
import { closeServer, serveApi } from '../support/serve.ts';

describe('HTTP server', () => {
  let executor: Executor;
  let server: http.Server;
  let base: string;
  let staticRoot: string;

  beforeAll(async () => {
    executor = await connect();
    staticRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-static-'));
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>innograph explorer</title>');
    fs.mkdirSync(path.join(staticRoot, 'assets'));
    fs.writeFileSync(path.join(staticRoot, 'assets', 'app-abc123.js'), 'console.log("plain");');
    fs.writeFileSync(path.join(staticRoot, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync('console.log("brotli");'));
    server = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 5000, staticRoot });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await closeServer(server);
    await executor.close();
    fs.rmSync(staticRoot, { recursive: true, force: true });
  });

  it('refuses a GraphQL body over the size limit', async () => {
    const query = `{ search(text: "${'松'.repeat(60_000)}") { entity { id } } }`;
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(413);
  });

  it('answers 413 to a client still sending a body many times over the limit, instead of cutting it off', async () => {
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ' '.repeat(6 * 2 ** 20) });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    }
  });

  it('refuses a chunked GraphQL body over the size limit', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 50; i += 1) controller.enqueue(new Uint8Array(100 * 1024).fill(0x20));
        controller.close();
      },
    });
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('answers requests over the in-flight limit OVERLOADED at once, with Retry-After, and every other one in full', async () => {
    const busy = await serveApi(executor, { requestTimeoutMs: 5000, staticRoot, turns: { inFlight: 1, queued: 1, queuedMs: 5000 } });
    try {
      const url = `${busy.base}/graphql`;
      const { data } = await graphql(executor, '{ entities(first: 20) { edges { node { id } } } }');
      const ids = (data as { entities: { edges: { node: { id: string } }[] } }).entities.edges.map((e) => e.node.id);
      // Twenty different neighbourhoods at once: one runs, one waits, the rest cannot.
      const answers = await Promise.all(
        ids.map(async (id) => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: `{ neighborhood(ids: ["${id}"], depth: 2, limit: 100) { nodes { id } edges { id } } }` }),
          });
          return {
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] },
          };
        }),
      );
      const refused = answers.filter((a) => a.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(ids.length - 2 - 2); // at most the first two can have finished before the last arrived
      for (const answer of refused) {
        expect(answer.retryAfter).toBe('2');
        expect(answer.body.errors?.[0]?.extensions.code).toBe('OVERLOADED');
      }
      for (const answer of answers.filter((a) => a.status !== 503)) {
        expect(answer.status).toBe(200);
        expect(answer.body.errors).toBeUndefined();
      }
    } finally {
      await busy.close();
    }
  });

  it('answers a question already in the response cache while every turn is taken', async () => {
    const busy = await serveApi(executor, {
      requestTimeoutMs: 5000,
      staticRoot,
      cache: { versionPollMs: 1000, ttlMs: 60_000 },
      turns: { inFlight: 1, queued: 0, queuedMs: 5000 },
    });
    try {
      const url = `${busy.base}/graphql`;
      const post = async (query: string) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
      };
      const cached = '{ stats { entities relations } }';
      // Asked until the query thread keeps an answer (it then carries an ETag, its cache key): the graph version must be
      // known first. The HTTP thread keeps the next one: it looks for an answer only once it knows the version itself.
      for (let tries = 0; (await post(cached)).etag === null; tries += 1) {
        expect(tries).toBeLessThan(50);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await post(cached);
      const { data } = await graphql(executor, '{ entities(first: 20) { edges { node { id } } } }');
      const ids = (data as { entities: { edges: { node: { id: string } }[] } }).entities.edges.map((e) => e.node.id);
      // Twenty uncached neighbourhoods at once take the one turn, and most are refused it; the cached question, asked while they run, is not.
      const uncached = Promise.all(ids.map((id) => post(`{ neighborhood(ids: ["${id}"], depth: 2, limit: 100) { nodes { id } } }`)));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const repeated = await Promise.all(Array.from({ length: 5 }, () => post(cached)));
      expect((await uncached).filter((a) => a.status === 503).length).toBeGreaterThanOrEqual(ids.length / 2);
      for (const answer of repeated) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body.data).toMatchObject({ stats: { entities: expect.any(Number) } });
      }
    } finally {
      await busy.close();
    }
  });

  it('keeps a turn free while a client sends its body slowly', async () => {
    const busy = await serveApi(executor, { requestTimeoutMs: 5000, staticRoot, turns: { inFlight: 1, queued: 0, queuedMs: 5000 } });
    const port = Number(new URL(busy.base).port);
    const slow = net.connect(port, '127.0.0.1');
    let received = '';
    const answered = new Promise<void>((resolve) => slow.on('close', () => resolve()));
    slow.on('data', (chunk: Buffer) => (received += chunk.toString()));
    try {
      const body = JSON.stringify({ query: '{ stats { entities } }' });
      await new Promise<void>((resolve) => slow.once('connect', resolve));
      slow.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { relations } }' }),
      });
      expect(response.status).toBe(200);
      expect(received).toBe(''); // the slow client is still sending
      slow.write(body.slice(5));
      await answered;
      expect(received).toMatch(/^HTTP\/1\.1 200[\s\S]*"entities":\d+/);
    } finally {
      slow.destroy();
      await busy.close();
    }
  });

  it('answers /health while the process is up', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
  });

  it.each(['/%ff', '//', '/%c0%af', '/%00', '/export/__proto__', '/export/constructor'])('answers %s with a JSON 404', async (target) => {
    const response = await fetch(`${base}${target}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('refuses a request for a host name it does not serve', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`${base}/health`, { headers: { host: 'rebound.example.com' } }, resolve).on('error', reject);
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a GraphQL form post from another site', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7Bstats%7Bdocuments%7D%7D',
    });
    expect(response.status).toBe(403);
  });

  it('sets the security headers on every answer', async () => {
    for (const target of ['/', '/graphql?query=%7Bstats%7Bdocuments%7D%7D', '/nope', '/health']) {
      const response = await fetch(`${base}${target}`, { headers: { 'x-graphql-yoga-csrf': '1' } });
      expect(response.headers.get('content-security-policy'), target).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy'), target).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), target).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), target).toBe('no-referrer');
    }
  });

  it('answers malformed GET variables with a 400', async () => {
    const response = await fetch(`${base}/graphql?query=%7Bstats%7Bdocuments%7D%7D&variables=%7Bbad`, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(response.status).toBe(400);
  });

  it('answers /ready when Neo4j answers', async () => {
    const response = await fetch(`${base}/ready`);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('serves the explorer at /', async () => {
    const response = await fetch(`${base}/`);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('innograph explorer');
  });

  it('sends the compressed copy of a hashed asset, cached for good, and asks again for index.html', async () => {
    const asset = await fetch(`${base}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(await asset.text()).toBe('console.log("brotli");');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const plain = await fetch(`${base}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("plain");');
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('says how to build the explorer when it is not built', async () => {
    const bare = createServer({
      executor,
      logger: silentLogger,
      graphiql: false,
      corsOrigin: null,
      requestTimeoutMs: 5000,
      staticRoot: path.join(staticRoot, 'missing'),
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
    const text = await response.text();
    await closeServer(bare);
    expect(response.status).toBe(503);
    expect(text).toContain('npm run build');
  });

  it('goes on answering when a file it listed at start is gone (the explorer rebuilt under it), and says so', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-static-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>innograph explorer</title>');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'app-old.js'), 'console.log("old build");');
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const rebuilt = createServer({
      executor,
      logger: pino({ level: 'warn' }, sink),
      graphiql: false,
      corsOrigin: null,
      requestTimeoutMs: 5000,
      staticRoot: root,
    });
    await new Promise<void>((resolve) => rebuilt.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(rebuilt.address() as AddressInfo).port}`;
    try {
      fs.rmSync(path.join(root, 'assets', 'app-old.js'));
      // Its headers were sent before the file failed to open: the answer is cut, not completed.
      await expect(fetch(`${at}/assets/app-old.js`, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.text())).rejects.toThrow();
      expect((await fetch(`${at}/health`)).status).toBe(200);
      expect(await (await fetch(`${at}/`)).text()).toContain('innograph explorer');
      const warning = lines.map((l) => JSON.parse(l) as { msg: string; url?: string; err?: { code?: string } }).find((l) => l.err);
      expect(warning).toMatchObject({ url: '/assets/app-old.js', err: { code: 'ENOENT' } });
      expect(warning?.msg).toContain('restart it');
    } finally {
      await closeServer(rebuilt);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('does not serve files outside the viewer folder', async () => {
    const response = await fetch(`${base}/..%2fpackage.json`);
    expect(response.status).toBe(404);
  });

  it('answers stats with counts that add up', async () => {
    const { data, errors } = await graphql<{ stats: { entities: number; byKind: { count: number }[] } }>(
      executor,
      '{ stats { documents entities relations byKind { kind count } byType { type count } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.stats.entities).toBe(data?.stats.byKind.reduce((sum, k) => sum + k.count, 0));
  });
});
