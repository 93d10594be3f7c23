import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.ts';
import type { Executor } from '../../graph/executor.ts';
import { graphql, silentLogger } from '../support/api.ts';
import { connect } from '../support/neo4j.ts';

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
    await new Promise((resolve) => server.close(resolve));
    await executor.close();
    fs.rmSync(staticRoot, { recursive: true, force: true });
  });

  it('refuses a GraphQL body over the size limit', async () => {
    const query = `{ search(text: "${'松'.repeat(60_000)}") { entity { id } } }`;
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(413);
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
    await new Promise((resolve) => bare.close(resolve));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
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
