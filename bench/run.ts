// `npm run bench`: prints figures with their conditions and writes bench/results.json.
// Figures, not assertions: compare ratios measured in one run, on one machine. It
// runs against a throwaway local Neo4j, so it can empty it without harming anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../config.ts';
import { Executor } from '../graph/executor.ts';
import { freePort, start, stop } from '../graph/launcher.ts';
import { applySchema, awaitIndexes } from '../graph/schema.ts';
import { benchApi } from './api.ts';
import { benchLoad, benchParse } from './ingest.ts';
import { benchUi } from './ui.ts';
import { machine, type Figure } from './measure.ts';

async function main(): Promise<void> {
  console.log(`innograph bench on ${machine()}`);
  const figures: Figure[] = [];
  const report = (list: Figure[]) => {
    for (const f of list) console.log(`${f.name}: ${f.value.toFixed(1)} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ''}\n    ${f.conditions}`);
    figures.push(...list);
  };

  const parsed = benchParse();
  report(parsed.figures);

  const config = loadConfig();
  const local = { ...config.local, home: fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bench-')), boltPort: await freePort(), httpPort: await freePort() };
  const server = await start(local, (m) => console.error(`[neo4j] ${m}`));
  const executor = await Executor.connect(server);
  const conditions = `local Neo4j 5.26, heap ${local.heap}, page cache ${local.pageCache}`;
  try {
    await applySchema(executor);
    await awaitIndexes(executor);
    report(await benchLoad(executor, parsed.graph, `${conditions}, one transaction per load`));
    report(await benchApi(executor, `${conditions}, the bundled plan loaded`, true));
    report(await benchApi(executor, `${conditions}, the bundled plan loaded`, false));
    report(await benchUi(executor, `${conditions}, the bundled plan loaded`));
  } finally {
    await executor.close();
    await stop(local);
    fs.rmSync(local.home, { recursive: true, force: true });
  }
  const out = path.join(PROJECT_ROOT, 'bench', 'results.json');
  fs.writeFileSync(out, `${JSON.stringify({ machine: machine(), figures }, null, 2)}\n`);
  console.log(`written to ${path.relative(PROJECT_ROOT, out)}`);
}

main().catch((error: unknown) => {
  console.error(`innograph bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
