// `npm run test:reliability`: hostile traffic, a soak, Neo4j stopped and killed, bad
// input files — against a throwaway local Neo4j and the API in a process of its own.
// Prints a summary table and exits 1 when a correctness check fails; timing and memory
// targets are printed as met or missed (see report.ts).
//
//   npm run test:reliability                  10 000 hostile requests, a 30 s soak
//   npm run test:reliability -- --size small  2 000 and 10 s: the size CI runs (npm test)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { Executor } from '../../graph/executor.ts';
import { freePort, start, stop } from '../../launcher/launcher.ts';
import { applySchema } from '../../graph/schema.ts';
import { writeGraph } from '../../graph/writer.ts';
import { exportHash } from '../support/export-hash.ts';
import { startApi } from './api-process.ts';
import { hostileScenario, outageScenario, soakScenario } from './api-scenarios.ts';
import { edgeScenarios } from './edge-scenarios.ts';
import { badInputScenario, bundledGraph, killScenario } from './ingest-scenarios.ts';
import { table, type Row } from './report.ts';

const SIZES = {
  full: { hostile: 10_000, soakSeconds: 30, slowClients: 200, poolBurst: 300 },
  small: { hostile: 2_000, soakSeconds: 10, slowClients: 50, poolBurst: 150 },
};

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'full' } } });
  const size = SIZES[values.size as keyof typeof SIZES];
  if (!size) throw new Error(`--size is full or small, not ${values.size}`);
  const config = loadConfig();
  const settings = {
    ...config.local,
    home: fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-reliability-')),
    boltPort: await freePort(),
    httpPort: await freePort(),
  };
  const rows: Row[] = [];
  const step = (name: string) => console.error(`reliability: ${name}…`);
  let server = await start(settings, (m) => console.error(`[neo4j] ${m}`));
  try {
    const executor = await Executor.connect(server);
    await applySchema(executor);
    await writeGraph(executor, await bundledGraph());
    const clean = await exportHash(executor);
    await executor.close();

    const api = await startApi(server);
    try {
      step(`${size.hostile} hostile requests`);
      rows.push(...(await hostileScenario(api, size.hostile)));
      step('attacks on the HTTP edge');
      rows.push(...(await edgeScenarios(api, size)));
      step(`soak, ${size.soakSeconds} s`);
      rows.push(...(await soakScenario(api, size.soakSeconds)));
      step('Neo4j stopped under the API');
      rows.push(await outageScenario(api, settings, config.server.requestTimeoutMs));
      server = await start(settings, () => {}); // the scenario restarted it; this finds its pid
    } finally {
      await api.stop();
    }
    step('Neo4j killed during ingests');
    const killed = await killScenario(server, settings, clean);
    rows.push(...killed.rows);
    server = killed.server;
    step('bad input files');
    rows.push(...(await badInputScenario(server, clean)));
  } finally {
    await stop(settings);
    fs.rmSync(settings.home, { recursive: true, force: true });
  }
  console.log(`\ninnograph reliability (${values.size}) on ${os.cpus().length} cores\n`);
  console.log(table(rows));
  for (const row of rows.filter((r) => !r.ok && r.detail?.length)) console.log(`\n${row.scenario}:\n  ${row.detail!.join('\n  ')}`);
  const failed = rows.filter((r) => r.kind === 'check' && !r.ok).length;
  const missed = rows.filter((r) => r.kind === 'figure' && !r.ok).length;
  console.log(`\n${failed === 0 ? 'all checks pass' : `${failed} check(s) FAIL`}; ${missed} figure target(s) missed (figures never fail the run)`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`innograph reliability: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
