// Ingest figures: parse + extract of the bundled plan, load into an empty Neo4j,
// idempotent reload. Uses a throwaway local Neo4j so that emptying it harms nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { Executor } from '../graph/executor.ts';
import { start, stop } from '../graph/launcher.ts';
import { DEFAULT_REGISTRY } from '../graph/load-plan.ts';
import { clearGraph } from '../graph/admin.ts';
import { applySchema, awaitIndexes } from '../graph/schema.ts';
import { writeGraph } from '../graph/writer.ts';
import { buildGraph } from '../ingest/pipeline.ts';
import { planMetadata } from '../ingest/plan-index.ts';
import { loadRegistry } from '../ingest/registry.ts';
import { freePort, median, type Figure } from './measure.ts';

export async function benchIngest(): Promise<Figure[]> {
  const config = loadConfig();
  const bytes = fs.readFileSync(config.plan);
  const figures: Figure[] = [];

  const parses: number[] = [];
  let graph = null as ReturnType<typeof buildGraph>['graph'] | null;
  for (let i = 0; i < 15; i += 1) {
    const started = performance.now();
    const registry = loadRegistry(DEFAULT_REGISTRY);
    graph = buildGraph({ source: config.plan, bytes, registry, discover: true, ...planMetadata(config.plan) }).graph;
    parses.push(performance.now() - started);
  }
  figures.push({ name: 'ingest: parse + extract of the bundled plan (registry load included)', value: median(parses), unit: 'ms', goal: '≤ 300 ms', conditions: `median of ${parses.length} runs, first run ${parses[0]!.toFixed(0)} ms; ${bytes.length} bytes → ${graph!.nodes.length} entities, ${graph!.edges.length} relations, ${graph!.sections.length} sections` });

  const local = { ...config.local, home: fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bench-')), boltPort: await freePort(), httpPort: await freePort() };
  const server = await start(local, (m) => console.error(`[neo4j] ${m}`));
  const executor = await Executor.connect(server);
  try {
    await applySchema(executor);
    await awaitIndexes(executor);
    const conditions = `local Neo4j 5.26, heap ${local.heap}, page cache ${local.pageCache}, one transaction per load`;
    let started = performance.now();
    await writeGraph(executor, graph!);
    figures.push({ name: 'ingest: first load into a just-started, empty Neo4j', value: performance.now() - started, unit: 'ms', goal: '≤ 2000 ms', conditions: `${conditions}; the JVM and the query caches are cold` });
    const reloads: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      started = performance.now();
      await writeGraph(executor, graph!);
      reloads.push(performance.now() - started);
    }
    figures.push({ name: 'ingest: reload of the same plan (idempotent)', value: median(reloads), unit: 'ms', goal: '≤ 2000 ms', conditions: `${conditions}; median of ${reloads.length}` });
    const emptyLoads: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await clearGraph(executor);
      started = performance.now();
      await writeGraph(executor, graph!);
      emptyLoads.push(performance.now() - started);
    }
    figures.push({ name: 'ingest: load into an empty graph, server warmed up', value: median(emptyLoads), unit: 'ms', goal: '≤ 2000 ms', conditions: `${conditions}; median of ${emptyLoads.length}` });
  } finally {
    await executor.close();
    await stop(local);
    fs.rmSync(local.home, { recursive: true, force: true });
  }
  return figures;
}
