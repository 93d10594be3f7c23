// Scale figures: synthetic graphs of growing size, each a first load into an empty
// database through Neo4j's offline importer (launcher/bulk-load.ts), then
// neighbourhood and search latency at that size through the real API, one request at
// a time over random entities.
import type { LocalNeo4jSettings } from '../config.ts';
import { clearGraph, isEmpty } from '../graph/admin.ts';
import type { Executor } from '../graph/executor.ts';
import { DEFAULT_REGISTRY } from '../graph/load-plan.ts';
import { loadRegistry } from '../ingest/registry.ts';
import { bulkLoad } from '../launcher/bulk-load.ts';
import { percentile, type Figure } from './measure.ts';
import { profileQueries } from './profile.ts';
import { serveApi } from './serve.ts';
import { syntheticGraph } from './synthetic.ts';

const REQUESTS = 300;

export const SCALE_GOAL_ROWS_PER_S = 50_000;
/** Search latency at any size: it reads capped pools from indexes, so it should not grow with the graph. */
const SEARCH_GOAL_MS = { p50: 50, p99: 150 };

/** Times of the requests answered, and the first errors of those that were not (a time-out on a loaded machine). */
async function latencies(url: string, queries: () => string, count: number): Promise<{ times: number[]; failed: string[] }> {
  const times: number[] = [];
  const failed: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: queries() }) });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors) failed.push(body.errors[0]?.extensions?.code ?? body.errors[0]?.message ?? 'error');
    else times.push(performance.now() - started);
  }
  return { times, failed };
}

/** Reports each size's figures as soon as they are measured: a 1 M run takes long enough to be cut short. */
export async function benchScale(
  executor: Executor,
  local: LocalNeo4jSettings,
  sizes: number[],
  conditions: string,
  report: (figures: Figure[]) => void,
): Promise<void> {
  const registry = loadRegistry(DEFAULT_REGISTRY);
  for (const size of sizes) {
    if (!(await isEmpty(executor))) await clearGraph(executor);
    const made = performance.now();
    const graph = syntheticGraph({ nodes: size, registry });
    const madeMs = performance.now() - made;
    const started = performance.now();
    const loaded = await bulkLoad(local, executor, graph, (m) => console.error(`[bulk ${size}] ${m}`));
    const seconds = (performance.now() - started) / 1000;
    const { csvMs, importMs, schemaMs, verifyMs } = loaded.timings;
    const peakRss = process.resourceUsage().maxRSS / 1024; // KiB → MiB
    const mentions = graph.nodes.reduce((sum, n) => sum + n.mentions.length, 0);
    const base = `${graph.nodes.length} entities, ${graph.edges.length} relations, ${mentions} mentions, ${graph.sections.length} sections; ${conditions}`;
    const split = `CSV ${(csvMs / 1000).toFixed(1)} s, stop + neo4j-admin import + start ${(importMs / 1000).toFixed(1)} s, schema and index population ${(schemaMs / 1000).toFixed(1)} s, count check ${(verifyMs / 1000).toFixed(1)} s`;
    report([
      {
        name: `scale ${size}: bulk first load throughput`,
        value: loaded.rows / seconds,
        unit: 'rows/s',
        goal: size >= 1_000_000 ? `≥ ${SCALE_GOAL_ROWS_PER_S} rows/s` : undefined,
        conditions: `${loaded.rows} nodes and relationships in ${seconds.toFixed(1)} s, from the graph in memory to a queryable, indexed database (${split}; graph generated in ${madeMs.toFixed(0)} ms, not counted); ${base}`,
      },
      {
        name: `scale ${size}: peak RSS of the Node process so far`,
        value: peakRss,
        unit: 'MiB',
        conditions: 'process.resourceUsage().maxRSS: the generated graph and its CSV',
      },
    ]);

    const { url, close } = await serveApi(executor, { requestTimeoutMs: 10_000 });
    try {
      const entity = () => graph.nodes[Math.floor(Math.random() * graph.nodes.length)]!;
      const scenarios: Record<string, () => string> = {
        'neighborhood depth 2': () =>
          `{ neighborhood(ids: ["${entity().id}"], depth: 2, limit: 200) { nodes { id name kind } edges { id type from { id } to { id } } } }`,
        search: () => `{ search(text: "${entity().name.slice(0, 3)}", first: 10) { score entity { id name kind } } }`,
      };
      for (const [name, query] of Object.entries(scenarios)) {
        await latencies(url, query, 30); // warm-up: query plans, JIT
        const { times, failed } = await latencies(url, query, REQUESTS);
        const errors = failed.length > 0 ? ` (${failed.length} not answered, not counted: ${[...new Set(failed)].join(', ')})` : '';
        const how = `${REQUESTS} requests one at a time through the API (response cache off), a random entity each${errors}; ${base}`;
        const goal = name === 'search' ? SEARCH_GOAL_MS : undefined;
        report([
          {
            name: `scale ${size}: ${name} p50 latency`,
            value: times.length > 0 ? percentile(times, 50) : Number.NaN,
            unit: 'ms',
            goal: goal && `≤ ${goal.p50} ms`,
            conditions: how,
          },
          {
            name: `scale ${size}: ${name} p99 latency`,
            value: times.length > 0 ? percentile(times, 99) : Number.NaN,
            unit: 'ms',
            goal: goal && `≤ ${goal.p99} ms`,
            conditions: how,
          },
        ]);
      }
      const one = Object.fromEntries(Object.entries(scenarios).map(([name, query]) => [name, query()]));
      report(await profileQueries(executor, one, `scale ${size}:`, `one random entity; ${base}`));
    } finally {
      await close();
    }
  }
}
