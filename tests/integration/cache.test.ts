import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildYoga, WARM_UP_HEADER } from '../../api/yoga.ts';
import { GraphVersion } from '../../api/graph-version.ts';
import { Executor } from '../../graph/executor.ts';
import { writeGraph } from '../../graph/writer.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import { planMetadata } from '../../ingest/plan-index.ts';
import { silentLogger } from '../support/api.ts';
import { serveApi } from '../support/serve.ts';
import { loadBundledPlan, usePlan } from '../support/loaded.ts';
import { PLAN_PATH, bundledRegistry, planBytes } from '../support/plan.ts';

describe('the response cache', () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(() => {
    executor = plan();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('serves a repeated question without Neo4j, and stops once a load changes the graph', async () => {
    const version = new GraphVersion(executor, silentLogger, 50).start();
    const yoga = buildYoga({
      executor,
      logger: silentLogger,
      graphiql: false,
      corsOrigin: null,
      requestTimeoutMs: 5000,
      cache: { version, ttlMs: 60_000 },
    });
    const entities = async () => {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { entities } }' }),
      });
      return ((await response.json()) as { data: { stats: { entities: number } } }).data.stats.entities;
    };
    await vi.waitFor(() => expect(version.known()).toBe(true)); // the first version poll
    const before = await entities();
    // Watches (does not replace) every read: the version polls run on their own clock, so
    // only the question's own queries are counted.
    const reads = vi.spyOn(Executor.prototype, 'read');
    expect(await entities()).toBe(before);
    const questionReads = reads.mock.calls.filter(([cypher]) => !cypher.includes(':Meta'));
    expect(questionReads).toEqual([]);
    reads.mockRestore();

    const text = planBytes().toString('utf8').replaceAll('阳江合金材料实验室', '阳江新型合金研究平台');
    await writeGraph(
      executor,
      buildGraph({ ...planMetadata(PLAN_PATH), source: PLAN_PATH, bytes: Buffer.from(text), registry: bundledRegistry(), discover: true }).graph,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await entities()).toBe(before - 1);
  });

  it("keeps none of the warm-up's answers: a reader's first question is worked out, and kept", async () => {
    const version = new GraphVersion(executor, silentLogger, 50).start();
    const yoga = buildYoga({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 5000, cache: { version, ttlMs: 60_000 } });
    const ask = (headers: Record<string, string>) =>
      yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ stats { relations } }' }),
      });
    try {
      await vi.waitFor(() => expect(version.known()).toBe(true));
      const reads = vi.spyOn(Executor.prototype, 'read');
      const questionReads = () => reads.mock.calls.filter(([cypher]) => !cypher.includes(':Meta')).length;
      for (let i = 0; i < 2; i += 1) expect((await ask({ [WARM_UP_HEADER]: '1' })).status).toBe(200);
      const warmed = questionReads();
      expect(warmed).toBeGreaterThanOrEqual(2);
      await ask({});
      const asked = questionReads();
      expect(asked).toBeGreaterThan(warmed);
      await ask({});
      expect(questionReads()).toBe(asked);
    } finally {
      version.stop();
    }
  });

  it('stops serving from both threads of the server once a load changes the graph, as they read one version', async () => {
    await loadBundledPlan(executor); // the test above left its changed plan
    const served = await serveApi(executor, { requestTimeoutMs: 5000, cache: { versionPollMs: 50, ttlMs: 60_000 } });
    try {
      const ask = async () => {
        const response = await fetch(`${served.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ stats { entities } }' }),
        });
        const body = (await response.json()) as { data: { stats: { entities: number } } };
        return { etag: response.headers.get('etag'), entities: body.data.stats.entities };
      };
      // Asked until the query thread keeps the answer (it then carries an ETag), then once more for the HTTP thread to keep it.
      let first = await ask();
      for (let tries = 0; first.etag === null; tries += 1) {
        expect(tries).toBeLessThan(50);
        await new Promise((resolve) => setTimeout(resolve, 100));
        first = await ask();
      }
      expect(await ask()).toEqual(first);
      expect(await ask()).toEqual(first);

      const text = planBytes().toString('utf8').replaceAll('阳江合金材料实验室', '阳江新型合金研究平台');
      await writeGraph(
        executor,
        buildGraph({ ...planMetadata(PLAN_PATH), source: PLAN_PATH, bytes: Buffer.from(text), registry: bundledRegistry(), discover: true }).graph,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await ask();
      expect(after.entities).toBe(first.entities - 1);
      // Kept again under the new version: the query thread's key is the HTTP thread's.
      let kept = after;
      for (let tries = 0; kept.etag === null || kept.etag === first.etag; tries += 1) {
        expect(tries).toBeLessThan(50);
        await new Promise((resolve) => setTimeout(resolve, 100));
        kept = await ask();
      }
      expect(kept.entities).toBe(first.entities - 1);
    } finally {
      await served.close();
    }
  });
});
