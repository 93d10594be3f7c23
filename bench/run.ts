// `npm run bench`: prints figures with their conditions and writes bench/results.json.
// Figures, not assertions: compare ratios measured in one run, on one machine.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { benchIngest } from './ingest.ts';
import { machine, type Figure } from './measure.ts';

async function main(): Promise<void> {
  console.log(`innograph bench on ${machine()}`);
  const figures: Figure[] = [...(await benchIngest())];
  for (const f of figures) {
    console.log(`${f.name}: ${f.value.toFixed(1)} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ''}\n    ${f.conditions}`);
  }
  const out = path.join(PROJECT_ROOT, 'bench', 'results.json');
  fs.writeFileSync(out, `${JSON.stringify({ machine: machine(), figures }, null, 2)}\n`);
  console.log(`written to ${path.relative(PROJECT_ROOT, out)}`);
}

main().catch((error: unknown) => {
  console.error(`innograph bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
