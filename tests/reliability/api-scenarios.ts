// Reliability of the served API: hostile traffic, a long mixed soak, and Neo4j going
// away under it.
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LocalNeo4jSettings } from '../../config.ts';
import { start, stop } from '../../launcher/launcher.ts';
import { percentile } from '../../bench/measure.ts';
import { query, type ApiProcess } from './api-process.ts';
import { LEAKS } from '../support/hostile-strings.ts';
import type { HostileOutcome, HostileRun } from './hostile-clients.ts';
import type { Row } from './report.ts';

/** Questions users ask, uncached in part: ids and texts vary. */
const HONEST = [
  '{ search(text: "松山湖", first: 10) { score entity { id name } } }',
  '{ neighborhood(ids: ["shenzhen"], depth: 2, limit: 200) { nodes { id name } edges { type from { id } to { id } } } }',
  '{ paths(from: "shenzhen", to: "songshan-lake-science-city", maxHops: 4) { length } }',
  '{ platformsForCluster(cluster: "cluster-advanced-materials") { via platform { id name } } }',
  '{ cityProfile(city: "guangzhou") { city { name } groups { kind entities { id } } } }',
  '{ entity(id: "jihua-laboratory") { id name neighbors { entity { id } } mentions { quote } } }',
  '{ indicators { name target } }',
  '{ stats { entities relations } }',
];

/** Hostile clients at once. The API is one Node process: an honest request waits behind those in flight. */
const HOSTILE_CLIENTS = 2;

async function honestLatencies(url: string, count: number): Promise<{ times: number[]; failures: number }> {
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < count; i += 1) {
    const answer = await query(url, HONEST[i % HONEST.length]!);
    if (answer.status !== 200 || answer.body.includes('"errors"')) failures += 1;
    times.push(answer.ms);
  }
  return { times, failures };
}

export async function hostileScenario(api: ApiProcess, count: number): Promise<Row[]> {
  await honestLatencies(api.url, 100); // warm-up
  const quiet = await honestLatencies(api.url, 400);
  const run: HostileRun = { url: api.url, count, seed: 20261128, clients: HOSTILE_CLIENTS };
  const clients = new Worker(new URL('./hostile-clients.ts', import.meta.url), { workerData: run });
  let settled = false;
  const finished = new Promise<HostileOutcome>((resolve, reject) => {
    clients.once('message', resolve);
    clients.once('error', reject);
  }).finally(() => (settled = true));
  finished.catch(() => {}); // awaited below, once the honest loop sees it settled
  // Honest questions alongside, one at a time, for as long as the hostile ones run.
  const loaded: number[] = [];
  let loadedFailures = 0;
  while (!settled) {
    const round = await honestLatencies(api.url, HONEST.length);
    loaded.push(...round.times);
    loadedFailures += round.failures;
  }
  const { kinds, slowest, bad } = await finished;
  await clients.terminate();
  const alive = api.alive() && (await fetch(api.url.replace('/graphql', '/health'))).ok;
  const before = percentile(quiet.times, 99);
  const during = percentile(loaded, 99);
  const mix = kinds.map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    {
      scenario: 'hostile GraphQL',
      tried: `${count} requests (${mix}), ${HOSTILE_CLIENTS} at a time`,
      failures: bad.length + (alive ? 0 : 1),
      figure: `process alive: ${alive}; 5xx, leaks or no answer: ${bad.length}`,
      kind: 'check',
      ok: alive && bad.length === 0,
      detail: bad.slice(0, 5),
    },
    {
      scenario: 'honest p99 alongside hostile',
      tried: `${quiet.times.length} honest requests unloaded, ${loaded.length} during`,
      failures: Number(during > 2 * before),
      figure: `p99 ${before.toFixed(1)} ms unloaded → ${during.toFixed(1)} ms (${(during / before).toFixed(2)}×, target ≤ 2×)`,
      kind: 'figure',
      ok: quiet.failures + loadedFailures === 0 && during <= 2 * before,
      detail: [
        `slowest hostile answer by kind: ${[...slowest]
          .sort((a, b) => b[1] - a[1])
          .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`)
          .join(', ')}`,
      ],
    },
  ];
}

export async function soakScenario(api: ApiProcess, seconds: number): Promise<Row[]> {
  const requests = HONEST.map((q) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) }));
  let graphqlErrors = 0;
  const withCheck = requests.map((r) => ({ ...r, onResponse: (_status: number, body: string) => void (body.includes('"errors"') && (graphqlErrors += 1)) }));
  const run = (duration: number) => autocannon({ url: api.url, connections: 64, duration, requests: withCheck });
  // Warm-up until the process has grown to its working size (JIT, pools, caches, V8's heap):
  // at least 3 rounds of 5 s, then until RSS moves less than 5 % from one round to the next.
  let rssStart = api.rssMiB();
  let rounds = 0;
  for (let previous = 0; rounds < 8 && (rounds < 3 || Math.abs(rssStart - previous) > 0.05 * rssStart); rounds += 1) {
    previous = rssStart;
    await run(5);
    rssStart = api.rssMiB();
  }
  graphqlErrors = 0;
  const result = await run(seconds);
  const rssEnd = api.rssMiB();
  const failures = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  const growth = (rssEnd - rssStart) / rssStart;
  const tried = `${result.requests.total} mixed requests, 64 connections, ${seconds} s`;
  return [
    {
      scenario: 'soak: errors',
      tried,
      failures,
      figure: `${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, ${failures} errors`,
      kind: 'check',
      ok: failures === 0,
    },
    {
      scenario: 'soak: memory',
      tried,
      failures: Number(growth > 0.1),
      figure: `RSS of the API process after ${rounds} warm-up rounds of 5 s ${rssStart.toFixed(0)} MiB → ${rssEnd.toFixed(0)} MiB at the end (${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)} %, target ≤ +10 %)`,
      kind: 'figure',
      ok: growth <= 0.1,
    },
  ];
}

export async function outageScenario(api: ApiProcess, neo4j: LocalNeo4jSettings, requestTimeoutMs: number): Promise<Row> {
  // Texts no response cache has seen, so every request needs Neo4j.
  let n = 0;
  const fresh = () => query(api.url, `{ search(text: "实验室${(n += 1)}", first: 3) { entity { id } } }`);
  const problems: string[] = [];
  await stop(neo4j);
  const down: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const answer = await fresh();
    down.push(answer.ms);
    if (!answer.body.includes('DATABASE_UNAVAILABLE')) problems.push(`while down: ${answer.body.slice(0, 160)}`);
    if (LEAKS.test(answer.body)) problems.push(`leak while down: ${answer.body.slice(0, 160)}`);
  }
  await start(neo4j, () => {});
  const back = performance.now();
  let recoveredMs = Number.POSITIVE_INFINITY;
  while (performance.now() - back < 30_000) {
    const answer = await fresh();
    if (answer.status === 200 && !answer.body.includes('"errors"')) {
      recoveredMs = performance.now() - back;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const slowest = Math.max(...down);
  if (slowest > requestTimeoutMs) problems.push(`a request took ${slowest.toFixed(0)} ms while Neo4j was down`);
  if (recoveredMs > 5000) problems.push(`answered again only after ${recoveredMs.toFixed(0)} ms`);
  return {
    scenario: 'Neo4j stopped while serving',
    tried: `${down.length} requests while down, then until answered`,
    failures: problems.length,
    figure: `DATABASE_UNAVAILABLE in ≤ ${slowest.toFixed(0)} ms (time-out ${requestTimeoutMs} ms); answered ${recoveredMs.toFixed(0)} ms after Neo4j was up (limit 5000 ms)`,
    kind: 'check',
    ok: problems.length === 0 && api.alive(),
    detail: problems.slice(0, 5),
  };
}
