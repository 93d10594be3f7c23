import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type LocalNeo4jSettings } from '../../config.ts';
import { Executor } from '../../graph/executor.ts';
import { freePort, start, stop } from '../../launcher/launcher.ts';
import { applySchema } from '../../graph/schema.ts';
import { graphql } from '../support/api.ts';

// A Neo4j of its own, so stopping it disturbs no other test.
describe('the API while Neo4j goes away and comes back', () => {
  let settings: LocalNeo4jSettings;
  let executor: Executor;

  beforeAll(async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-outage-'));
    settings = { ...loadConfig().local, home, boltPort: await freePort(), httpPort: await freePort(), heap: '512m', pageCache: '64m' };
    const server = await start(settings, () => {});
    executor = await Executor.connect(server, { connectTimeoutMs: 2000, retryMs: 1000 });
    await applySchema(executor);
  });
  afterAll(async () => {
    await executor.close();
    await stop(settings);
    fs.rmSync(settings.home, { recursive: true, force: true });
  });

  it('answers DATABASE_UNAVAILABLE quickly, then recovers without a restart of its own', async () => {
    expect((await graphql(executor, '{ stats { documents } }')).errors).toBeUndefined();

    await stop(settings);
    const started = Date.now();
    const down = await graphql(executor, '{ stats { documents } }');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(down.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(down.errors)).not.toMatch(/ECONNREFUSED|bolt:|at /);

    await start(settings, () => {});
    const back = Date.now();
    let answer = await graphql(executor, '{ stats { documents } }');
    while (answer.errors && Date.now() - back < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await graphql(executor, '{ stats { documents } }');
    }
    expect(answer.errors).toBeUndefined();
    expect(Date.now() - back).toBeLessThan(5000);
  });
});
