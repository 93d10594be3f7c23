import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
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
    server = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 5000, staticRoot });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await executor.close();
    fs.rmSync(staticRoot, { recursive: true, force: true });
  });

  it('refuses a GraphQL body over the size limit before parsing it', async () => {
    const query = `{ search(text: "${'松'.repeat(60_000)}") { entity { id } } }`;
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string; limit: string } }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'bodyBytes' });
  });

  it('answers /health while the process is up', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
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

  it('says how to build the explorer when it is not built', async () => {
    const bare = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 5000, staticRoot: path.join(staticRoot, 'missing') });
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
