// GraphQL Code Generator pointed at the running server, as a client's codegen.ts would
// be: it introspects /graphql with the standard introspection query over HTTP.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { SCHEMA } from '../../codegen.ts';
import { PROJECT_ROOT } from '../../config.ts';
import { createServer } from '../../api/server.ts';
import type { Executor } from '../../graph/executor.ts';
import { silentLogger } from '../support/api.ts';
import { connect } from '../support/neo4j.ts';

/** Generated files by name, from the project's codegen.ts with its schema taken from `schema`. */
async function generated(schema: string): Promise<Map<string, string>> {
  const outputs: { filename: string; content: string }[] = await generate({ ...config, schema, cwd: PROJECT_ROOT, hooks: {} }, false);
  return new Map(outputs.map((o) => [o.filename, o.content]));
}

describe('GraphQL Code Generator against the live server', () => {
  let executor: Executor;
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    executor = await connect();
    server = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 30_000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await executor.close();
  });

  it('generates from the URL exactly the types it generates from api/schema.graphql', async () => {
    const [fromUrl, fromFile] = await Promise.all([generated(url), generated(SCHEMA)]);
    expect([...fromUrl.keys()].sort()).toEqual(['api/generated/explorer-operations.ts', 'api/generated/resolvers.ts']);
    for (const [file, content] of fromFile) expect(fromUrl.get(file), file).toBe(content);
  });
});
