import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import type { Graph } from '../../ingest/types.ts';
import { planGraph } from '../support/plan.ts';
import { printedPlan } from '../support/print-plan.ts';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(PROJECT_ROOT, 'bin', 'ingest.ts');
const SHARE = 0.98;

/** The share of `expected` found in `actual`, and what is missing or extra, printed for the reader of the test log. */
function overlap(what: string, expected: string[], actual: string[]): number {
  const have = new Set(actual);
  const want = new Set(expected);
  const missing = expected.filter((id) => !have.has(id));
  const extra = actual.filter((id) => !want.has(id));
  const share = (expected.length - missing.length) / expected.length;
  console.log(
    `${what}: ${expected.length - missing.length} of ${expected.length} (${(100 * share).toFixed(1)} %) from the PDF; missing ${JSON.stringify(missing)}; extra ${JSON.stringify(extra)}`,
  );
  return share;
}

describe('the plan printed to PDF by Chromium', () => {
  let dir: string;
  let run: { status: number | null; stderr: string };
  let fromPdf: Graph;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-pdf-'));
    const pdf = path.join(dir, 'plan.pdf');
    const out = path.join(dir, 'g.json');
    fs.copyFileSync(await printedPlan(), pdf);
    run = spawnSync(TSX, [CLI, pdf, '--dry-run', '--out', out], { encoding: 'utf8', timeout: 180_000 });
    fromPdf = run.status === 0 ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Graph) : { documents: [], sections: [], nodes: [], edges: [] };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives, through `npm run ingest -- plan.pdf --dry-run --out`, at least 98 % of the entities and relations of the text', () => {
    expect(run.stderr).toMatch(/parsed .*plan\.pdf \(pdf\)/);
    expect(run.status).toBe(0);
    const fromText = planGraph();
    expect(
      overlap(
        'entities',
        fromText.nodes.map((n) => n.id),
        fromPdf.nodes.map((n) => n.id),
      ),
    ).toBeGreaterThanOrEqual(SHARE);
    expect(
      overlap(
        'relations',
        fromText.edges.map((e) => e.id),
        fromPdf.edges.map((e) => e.id),
      ),
    ).toBeGreaterThanOrEqual(SHARE);
  });

  it('has its page furniture removed: no date, URL or page count in the text', () => {
    expect(run.status).toBe(0);
    const text = fromPdf.documents[0]!.text;
    expect(text).not.toMatch(/file:\/\/|\d+\/\d+\s*$|\d{1,2}\/\d{1,2}\/\d{2}, \d{1,2}:\d{2}/m);
    expect(text.split('\n').filter((p) => p === '广东省科技创新“十四五”规划')).toEqual([]);
  });
});
