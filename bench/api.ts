// API figures: requests/s and latency of the four questions users ask most, driven
// by autocannon at 32 connections against the real server on loopback.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { PROJECT_ROOT } from '../config.ts';
import type { Executor } from '../graph/executor.ts';
import { serveApi } from '../tests/support/serve.ts';
import type { Figure } from './measure.ts';

const run = promisify(execFile);
const AUTOCANNON = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'autocannon');
export const CONNECTIONS = 32;
export const SECONDS = 8;

export const SCENARIOS: Record<string, string> = {
  search: '{ search(text: "松山湖", first: 10) { score entity { id name nameEn kind } } }',
  'neighborhood depth 2':
    '{ neighborhood(ids: ["shenzhen"], depth: 2, limit: 200) { truncated nodes { id name kind } edges { id type from { id } to { id } } } }',
  paths: '{ paths(from: "shenzhen", to: "songshan-lake-science-city", maxHops: 4) { length hops { relation { type evidence { quote method } } } } }',
  platformsForCluster: '{ platformsForCluster(cluster: "cluster-advanced-materials") { via platform { id name } through { name } relations { type } } }',
};

/** autocannon in a process of its own, so that the load generator does not share the server's event loop. */
export async function drive(url: string, query: string): Promise<autocannon.Result> {
  const args = [
    '-c',
    String(CONNECTIONS),
    '-d',
    String(SECONDS),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    JSON.stringify({ query }),
    '--json',
    url,
  ];
  const { stdout } = await run(AUTOCANNON, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as autocannon.Result;
}

export async function benchApi(executor: Executor, conditions: string, cached: boolean): Promise<Figure[]> {
  const served = await serveApi(executor, { requestTimeoutMs: 5000, cache: cached ? { versionPollMs: 1000, ttlMs: 60_000 } : undefined });
  const url = `${served.base}/graphql`;
  const figures: Figure[] = [];
  try {
    for (const [name, query] of Object.entries(SCENARIOS)) {
      await drive(url, query); // warm-up: query plans, JIT, connection pool
      const result = await drive(url, query);
      const failures = result.errors + result.timeouts + result.non2xx;
      const mode = cached ? 'response cache on (as served)' : 'response cache off (every request reaches Neo4j)';
      const base = `${mode}; ${CONNECTIONS} connections, ${SECONDS} s after an ${SECONDS} s warm-up, ${result.requests.total} requests, ${failures} failed; ${conditions}`;
      const label = `api ${name}${cached ? '' : ', uncached'}`;
      figures.push({ name: `${label}: throughput`, value: result.requests.average, unit: 'req/s', conditions: base });
      figures.push({ name: `${label}: p50 latency`, value: result.latency.p50, unit: 'ms', conditions: base });
      figures.push({ name: `${label}: p99 latency`, value: result.latency.p99, unit: 'ms', goal: '≤ 25 ms', conditions: base });
    }
  } finally {
    await served.close();
  }
  return figures;
}
