import { inject, afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildYoga } from '../../api/yoga.ts';
import { GraphVersion } from '../../api/graph-version.ts';
import { Executor } from '../../graph/executor.ts';
import { writeGraph } from '../../graph/writer.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import { planMetadata } from '../../ingest/plan-index.ts';
import { silentLogger } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';
import { PLAN_PATH, bundledRegistry, planBytes } from '../support/plan.ts';

/** The routing scheme clusters and Aura need (neo4j+s:// there); a single server answers it with a routing table of itself. */
function routing(uri: string): string {
  return uri.replace(/^bolt(\+s|\+ssc)?:\/\//, 'neo4j$1://');
}

// Two API instances that share nothing but Neo4j, as two processes behind a load
// balancer would: each has its own driver, connection pool, version poll and
// response cache. One reaches Neo4j through the routing driver.
describe('several API processes against one Neo4j', { timeout: 120_000 }, () => {
  const plan = usePlan();
  let loader: Executor;
  const apis: { executor: Executor; ask: (query: string) => Promise<{ data?: { stats: { entities: number } }; errors?: unknown[] }> }[] = [];

  beforeAll(async () => {
    loader = plan();
    const settings = inject('neo4j');
    for (const uri of [settings.uri, routing(settings.uri)]) {
      const executor = await Executor.connect({ ...settings, uri });
      const yoga = buildYoga({
        executor,
        logger: silentLogger,
        graphiql: false,
        corsOrigin: null,
        requestTimeoutMs: 30_000,
        cache: { version: new GraphVersion(executor, silentLogger, 100).start(), ttlMs: 60_000 },
      });
      apis.push({
        executor,
        ask: async (query) =>
          (
            await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
          ).json(),
      });
    }
  });
  afterAll(async () => {
    for (const api of apis) await api.executor.close();
  });

  const entities = async (api: (typeof apis)[number]) => {
    const { data, errors } = await api.ask('{ stats { entities } }');
    expect(errors).toBeUndefined();
    return data!.stats.entities;
  };
  const settle = async () => {
    // Long enough for each instance's version poll to have answered, even on a loaded machine.
    for (let i = 0; i < 50 && apis.some((api) => api.executor.queryCount === 0); i += 1) await new Promise((r) => setTimeout(r, 100));
    await new Promise((resolve) => setTimeout(resolve, 1500));
  };

  it('reads through the routing neo4j:// scheme from the local server', async () => {
    expect(apis[1]!.executor.settings.uri).toMatch(/^neo4j:\/\//);
    expect(await entities(apis[1]!)).toBeGreaterThan(100);
  });

  it('stops serving cached answers in every process once another process reloads the graph', async () => {
    await settle();
    const before = await Promise.all(apis.map(entities));
    expect(before[0]).toBe(before[1]);
    // Both caches hold the answer now: served again without a question reaching Neo4j
    // (the version polls run on their own clock and are not counted).
    const reads = vi.spyOn(Executor.prototype, 'read');
    expect(await Promise.all(apis.map(entities))).toEqual(before);
    expect(reads.mock.calls.filter(([cypher]) => !cypher.includes(':Meta'))).toEqual([]);
    reads.mockRestore();

    // A reload elsewhere (`npm run ingest` on another machine) that removes one entity.
    const text = planBytes().toString('utf8').replaceAll('阳江合金材料实验室', '阳江新型合金研究平台');
    await writeGraph(
      loader,
      buildGraph({ ...planMetadata(PLAN_PATH), source: PLAN_PATH, bytes: Buffer.from(text), registry: bundledRegistry(), discover: true }).graph,
    );
    await settle();
    expect(await Promise.all(apis.map(entities))).toEqual([before[0]! - 1, before[0]! - 1]);
  });
});
