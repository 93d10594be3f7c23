// UI figures in headless Chromium: time to first render of the start view, and
// fcose layout time for synthetic graphs of 1 k and 5 k nodes.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { build } from 'vite';
import { PROJECT_ROOT } from '../config.ts';
import { createServer } from '../api/server.ts';
import type { Executor } from '../graph/executor.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { median, type Figure } from './measure.ts';


/**
 * Runs in the page, given as source text: tsx would wrap a function passed directly with
 * helpers that do not exist in the browser. A seeded random graph of ~1.5 edges per node,
 * so every run lays out the same graph.
 */
const LAYOUT_IN_PAGE = `function (n) {
  const cy = window.innograph.cy;
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const kinds = ['City', 'Lab', 'Facility', 'Zone', 'Field'];
  const elements = [];
  for (let i = 0; i < n; i += 1) elements.push({ group: 'nodes', data: { id: 'n' + i, label: 'n' + i, kind: kinds[i % kinds.length] } });
  for (let i = 0; i < n * 1.5; i += 1) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a !== b) elements.push({ group: 'edges', data: { id: 'e' + i, source: 'n' + a, target: 'n' + b } });
  }
  cy.elements().remove();
  cy.add(elements);
  const started = performance.now();
  cy.layout({ name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: true }).run();
  return performance.now() - started;
}`;

export async function benchUi(executor: Executor, conditions: string): Promise<Figure[]> {
  await build({ configFile: path.join(PROJECT_ROOT, 'viz', 'vite.config.ts'), logLevel: 'warn' });
  const server = createServer({ executor, logger: pino({ level: 'silent' }), graphiql: false, corsOrigin: null, requestTimeoutMs: 5000, cache: { versionPollMs: 1000, ttlMs: 60_000 } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    const renders: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const started = performance.now();
      await page.goto(`${base}/`);
      await page.waitForSelector('body[data-busy="false"]', { timeout: 30_000 });
      renders.push(performance.now() - started);
      await page.close();
    }
    figures.push({ name: 'ui: time to first render of the start view', value: median(renders), unit: 'ms', goal: '≤ 1000 ms', conditions: `median of ${renders.length} page loads (the first ${renders[0]!.toFixed(0)} ms), 1280×800, ${conditions}` });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-busy="false"]');
    for (const size of [1000, 5000]) {
      const ms = (await page.evaluate(`(${LAYOUT_IN_PAGE})(${size})`)) as number;
      figures.push({ name: `ui: fcose layout of ${size} nodes`, value: ms, unit: 'ms', goal: size >= 5000 ? '≤ 3000 ms' : undefined, conditions: `synthetic graph, ${size} nodes, ~${size * 1.5} edges, quality draft, in headless Chromium (software rendering)` });
    }
    await page.close();
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return figures;
}
