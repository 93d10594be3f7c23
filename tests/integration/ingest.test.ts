import { beforeAll, describe, expect, inject, it } from 'vitest';
import { clearGraph, storedCounts, terminateWrites } from '../../graph/admin.ts';
import { GraphError } from '../../graph/errors.ts';
import { Executor } from '../../graph/executor.ts';
import { exportGraph } from '../../graph/queries/export.ts';
import { writeGraph } from '../../graph/writer.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import { planMetadata } from '../../ingest/plan-index.ts';
import type { Graph } from '../../ingest/types.ts';
import { exportHash, usePlan } from '../support/loaded.ts';
import { PLAN_PATH, bundledRegistry, planBytes, planGraph } from '../support/plan.ts';

function edge(graph: Graph, type: string, fromName: string, toName: string) {
  const id = (name: string) => graph.nodes.find((n) => n.name === name)?.id;
  return graph.edges.find((e) => e.type === type && e.from === id(fromName) && e.to === id(toName));
}

describe('loading the bundled plan into Neo4j', () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(() => {
    executor = plan();
  });

  it('stores exactly what the pipeline produced: the export equals the ingest JSON', async () => {
    expect(JSON.stringify(await exportGraph(executor))).toBe(JSON.stringify(planGraph()));
  });

  it('knows that 光明科学城 is in 深圳, citing the plan', async () => {
    const found = edge(await exportGraph(executor), 'LOCATED_IN', '光明科学城', '深圳');
    expect(found?.evidence.length).toBeGreaterThan(0);
    expect(found?.evidence[0]?.quote).toContain('光明科学城');
  });

  it('knows that 松山湖科学城 focuses on 新材料, from the sentence that says so', async () => {
    const found = edge(await exportGraph(executor), 'FOCUSES_ON', '松山湖科学城', '新材料');
    expect(found?.evidence.map((e) => e.method)).toContain('focuses-on');
    expect(found?.evidence[0]?.quote).toContain('推动松山湖科学城聚焦新材料');
  });

  it('knows that the P4 laboratory is hosted by 中山大学', async () => {
    const found = edge(await exportGraph(executor), 'HOSTED_BY', '华南首家 P4 实验室', '中山大学');
    expect(found?.evidence.some((e) => e.method === 'hosted-by' && e.quote.includes('依托中山大学建设华南首家 P4 实验室'))).toBe(true);
  });

  it('holds the 2025 target of R&D/GDP: 3.5 %', async () => {
    const indicator = (await exportGraph(executor)).nodes.find((n) => n.kind === 'Indicator' && n.name === 'R&D/GDP');
    expect(indicator?.props).toMatchObject({ baseline: 3.14, target: 3.5, unit: '%' });
  });

  it('loads a plan into an emptied graph without sweeping it, into the same graph and section links', async () => {
    await clearGraph(executor);
    const stages = new Map<string, number>();
    const summary = await writeGraph(executor, planGraph(), { onStage: (stage, rows) => void stages.set(stage, rows) });
    expect(stages.get('remove previous version')).toBe(0);
    expect(summary.pruned).toBe(0);
    expect(JSON.stringify(await exportGraph(executor))).toBe(JSON.stringify(planGraph()));
    const counts = await storedCounts(executor, ['Section'], ['HAS_SECTION']);
    expect(counts.types.HAS_SECTION).toBe(planGraph().sections.length);
  });

  it('merges a graph whose relation ids repeat, into an emptied graph too: one relationship with every citation', async () => {
    await clearGraph(executor);
    const graph = planGraph();
    const first = graph.edges[0]!;
    const again = { ...first, evidence: [{ ...first.evidence[0]!, method: 'again' }] };
    await writeGraph(executor, { ...graph, edges: [...graph.edges, again] });
    const stored = (await exportGraph(executor)).edges.filter((e) => e.id === first.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.evidence.map((e) => e.method).sort()).toEqual([...first.evidence.map((e) => e.method), 'again'].sort());
    // Loaded again, the document's contribution is replaced: the plan's graph as it is.
    await writeGraph(executor, graph);
    expect(JSON.stringify(await exportGraph(executor))).toBe(JSON.stringify(graph));
  });

  it('changes nothing when the same file is loaded again', async () => {
    const before = await exportHash(executor);
    const summary = await writeGraph(executor, planGraph());
    expect(summary.pruned).toBe(0);
    expect(await exportHash(executor)).toBe(before);
  });

  it('keeps the previous graph exactly when Neo4j kills a reload half-way', async () => {
    const before = await exportHash(executor);
    const doomed = await Executor.connect(inject('neo4j'));
    let killed = 0;
    const changed = buildGraph({
      ...planMetadata(PLAN_PATH),
      source: PLAN_PATH,
      bytes: Buffer.from(planBytes().toString('utf8').replaceAll('湛江湾实验室', '湛江湾海洋实验室')),
      registry: bundledRegistry(),
      discover: true,
    }).graph;
    const load = writeGraph(doomed, changed, {
      onStage: async (stage) => {
        if (stage === 'entities') killed += await terminateWrites(executor);
      },
    });
    await expect(load).rejects.toThrow(GraphError);
    await doomed.close();
    expect(killed).toBeGreaterThan(0);
    expect(await exportHash(executor)).toBe(before);
  });

  it("replaces a changed document's contribution: what the new version no longer names is gone", async () => {
    const text = planBytes().toString('utf8').replaceAll('阳江合金材料实验室', '阳江新型合金研究平台');
    const changed = buildGraph({ ...planMetadata(PLAN_PATH), source: PLAN_PATH, bytes: Buffer.from(text), registry: bundledRegistry(), discover: true }).graph;
    const summary = await writeGraph(executor, changed);
    expect(summary.pruned).toBe(1);
    const after = await exportGraph(executor);
    expect(after.nodes.some((n) => n.id === 'yangjiang-alloy-materials-lab')).toBe(false);
    expect(after.edges.some((e) => e.from === 'yangjiang-alloy-materials-lab' || e.to === 'yangjiang-alloy-materials-lab')).toBe(false);
    expect(JSON.stringify(after)).toBe(JSON.stringify(changed));
  });
});

describe('a batched load (one transaction per batch, for documents too large for one)', () => {
  const plan = usePlan();

  it('stores the same graph as an atomic load, in many small transactions', async () => {
    const executor = plan();
    const before = executor.queryCount;
    await writeGraph(executor, planGraph(), { commit: 'batched', batchSize: 50 });
    expect(executor.queryCount - before).toBeGreaterThan(20);
    expect(JSON.stringify(await exportGraph(executor))).toBe(JSON.stringify(planGraph()));
  });

  it('is repaired by loading the document again after a load that broke half-way', async () => {
    const executor = plan();
    const broken = writeGraph(executor, planGraph(), {
      commit: 'batched',
      batchSize: 50,
      onStage: (stage) => {
        if (stage === 'mentions') throw new Error('the machine went away');
      },
    });
    await expect(broken).rejects.toThrow('the machine went away');
    // What the broken load wrote is visible: the entities are there, their relations are not.
    const half = await exportGraph(executor);
    expect(half.nodes.length).toBe(planGraph().nodes.length);
    expect(half.edges.length).toBe(0);
    await writeGraph(executor, planGraph(), { commit: 'batched' });
    expect(JSON.stringify(await exportGraph(executor))).toBe(JSON.stringify(planGraph()));
  });
});
