// `npm run bench`: prints figures with their conditions and writes bench/results.json.
// Figures, not assertions: compare ratios measured in one run, on one machine. It
// runs against a throwaway local Neo4j, so it can empty it without harming anything.
//
//   npm run bench                        every part, scale at 10 k / 100 k / 1 M entities
//   npm run bench -- --only api,peer     some parts (ingest, api, peer, ui, scale, fidelity)
//   npm run bench -- --only fidelity --registry none   fidelity without the curated registry
//   npm run bench -- --only fidelity --misses          …and what it misses or shows unstated, listed
//   npm run bench -- --sizes 10000       other scale sizes
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, loadConfig } from '../config.ts';
import { Executor } from '../graph/executor.ts';
import { freePort, start, stop } from '../launcher/launcher.ts';
import { applySchema, awaitIndexes } from '../graph/schema.ts';
import { writeGraph } from '../graph/writer.ts';
import { benchApi, SCENARIOS } from './api.ts';
import { benchFidelity, printMisses } from './fidelity.ts';
import { benchLoad, benchParse } from './ingest.ts';
import { machine, yardstick, type Figure } from './measure.ts';
import { benchPeer, PEER_SCENARIOS } from './peer.ts';
import { profileQueries } from './profile.ts';
import { benchScale } from './scale.ts';
import { benchUi } from './ui.ts';

const PARTS = ['ingest', 'api', 'peer', 'ui', 'scale', 'fidelity'] as const;
/** Parts that need no database: a run of these alone starts no Neo4j. */
const PURE: readonly Part[] = ['fidelity'];
const REGISTRIES = ['default', 'none'] as const;
type Part = (typeof PARTS)[number];

function options(): { parts: Set<Part>; sizes: number[]; registries: (typeof REGISTRIES)[number][]; misses: boolean } {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, sizes: { type: 'string' }, registry: { type: 'string' }, misses: { type: 'boolean' } },
  });
  const parts = (values.only ?? PARTS.join(',')).split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}: choose among ${PARTS.join(', ')}`);
  const sizes = (values.sizes ?? '10000,100000,1000000').split(',').map(Number);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 100)) throw new Error(`--sizes wants whole numbers ≥ 100, got ${values.sizes}`);
  const registries = (values.registry ?? REGISTRIES.join(',')).split(',').map((r) => r.trim());
  const strange = registries.filter((r) => !(REGISTRIES as readonly string[]).includes(r));
  if (strange.length > 0) throw new Error(`unknown --registry ${strange.join(', ')}: choose among ${REGISTRIES.join(', ')}`);
  return { parts: new Set(parts as Part[]), sizes, registries: registries as (typeof REGISTRIES)[number][], misses: values.misses ?? false };
}

async function main(): Promise<void> {
  const { parts, sizes, registries, misses } = options();
  console.log(`innograph bench on ${machine()}`);
  const figures: Figure[] = [];
  const speed = (when: string): Figure => ({
    name: `machine: a fixed CPU loop, ${when}`,
    value: yardstick(),
    unit: 'ms',
    conditions: 'best of 3; a larger value than another run’s means a slower host (shared, virtual): compare the figures of two such runs as ratios only',
  });
  const report = (list: Figure[]) => {
    for (const f of list) {
      const verdict = f.met === undefined ? '' : f.met ? ': met' : ': missed';
      console.log(`${f.name}: ${f.value.toFixed(1)} ${f.unit}${f.goal ? ` (goal ${f.goal}${verdict})` : ''}\n    ${f.conditions}`);
    }
    figures.push(...list);
  };

  report([speed('at the start')]);
  if (parts.has('fidelity')) report(benchFidelity(registries));
  if (parts.has('fidelity') && misses) printMisses(registries);
  if ([...parts].every((p) => PURE.includes(p))) {
    writeResults(figures);
    return;
  }

  const parsed = benchParse();
  if (parts.has('ingest')) report(parsed.figures);

  const config = loadConfig();
  const local = { ...config.local, home: fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bench-')), boltPort: await freePort(), httpPort: await freePort() };
  const server = await start(local, (m) => console.error(`[neo4j] ${m}`));
  const executor = await Executor.connect(server, { timeoutMs: 600_000 });
  const conditions = `local Neo4j 5.26, heap ${local.heap}, page cache ${local.pageCache}`;
  const loaded = `${conditions}, the bundled plan loaded`;
  try {
    await applySchema(executor);
    await awaitIndexes(executor);
    if (parts.has('ingest')) report(await benchLoad(executor, parsed.graph, `${conditions}, one transaction per load`));
    else await writeGraph(executor, parsed.graph);
    if (parts.has('api')) {
      report(await benchApi(executor, loaded, true));
      report(await benchApi(executor, loaded, false));
      report(await profileQueries(executor, SCENARIOS, 'api', loaded));
    }
    if (parts.has('peer')) {
      report(await benchPeer(executor, loaded));
      report(await profileQueries(executor, Object.fromEntries(PEER_SCENARIOS.map((s) => [s.name, s.innograph])), 'peer', loaded));
    }
    if (parts.has('ui')) report(await benchUi(executor, loaded));
    // Last: it empties the graph.
    if (parts.has('scale')) await benchScale(executor, local, sizes, conditions, report);
  } finally {
    await executor.close();
    await stop(local);
    fs.rmSync(local.home, { recursive: true, force: true });
  }
  report([speed('at the end')]);
  writeResults(figures);
}

function writeResults(figures: Figure[]): void {
  const out = path.join(PROJECT_ROOT, 'bench', 'results.json');
  fs.writeFileSync(out, `${JSON.stringify({ machine: machine(), figures }, null, 2)}\n`);
  console.log(`written to ${path.relative(PROJECT_ROOT, out)}`);
}

main().catch((error: unknown) => {
  console.error(`innograph bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
