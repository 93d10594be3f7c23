import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import { createServer } from '../../api/server.ts';
import type { Executor } from '../../graph/executor.ts';
import { silentLogger } from '../support/api.ts';
import { launchChromium } from '../support/chromium.ts';
import { loadBundledPlan } from '../support/loaded.ts';
import { connect } from '../support/neo4j.ts';

const SHOTS = path.join(PROJECT_ROOT, 'tests', 'e2e', 'screenshots');

/** Labels of the nodes the explorer draws, read from its Cytoscape instance. */
const labels = (page: Page) => page.evaluate(() => (window as any).innograph.cy.nodes().map((n: any) => n.data('label')) as string[]);
const selected = (page: Page) => page.evaluate(() => (window as any).innograph.cy.$(':selected').map((n: any) => n.id()) as string[]);
const idle = (page: Page) => page.waitForSelector('body[data-busy="false"]', { timeout: 20_000 });

describe('the explorer in Chromium', () => {
  let executor: Executor;
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    executor = await connect();
    await loadBundledPlan(executor);
    await build({ configFile: path.join(PROJECT_ROOT, 'viz', 'vite.config.ts'), logLevel: 'warn' });
    server = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 5000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await executor?.close();
  });

  it('opens on the Greater Bay Area cities and the industry clusters', async () => {
    await page.goto(`${base}/`);
    await idle(page);
    expect(await labels(page)).toEqual(expect.arrayContaining(['深圳', '广州', '光明科学城']));
    expect(await page.locator('#clusters li').count()).toBe(20);
    await page.screenshot({ path: path.join(SHOTS, '1-start.png') });
  });

  it('selects 深圳 from a search suggestion', async () => {
    await page.fill('#search', '深圳');
    await page.click('#suggestions button[data-id="shenzhen"]');
    await idle(page);
    expect(await selected(page)).toEqual(['shenzhen']);
    expect(await page.locator('#details h2').textContent()).toBe('深圳');
  });

  it('expands 深圳 and shows its neighbours, 光明科学城 among them', async () => {
    const before = (await labels(page)).length;
    await page.click('#expand');
    await idle(page);
    const after = await labels(page);
    expect(after).toContain('光明科学城');
    expect(after.length).toBeGreaterThan(before);
    expect(page.url()).toContain('exp=shenzhen');
  });

  it('collapses 深圳 again, and expands it back', async () => {
    const expanded = (await labels(page)).length;
    await page.click('#collapse');
    await idle(page);
    expect((await labels(page)).length).toBeLessThan(expanded);
    expect(page.url()).not.toContain('exp=shenzhen');
    await page.click('#expand');
    await idle(page);
    expect((await labels(page)).length).toBe(expanded);
  });

  it('shows the quote behind an edge when it is clicked', async () => {
    const edge = await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const e = cy.$('edge[source = "guangming-science-city"][target = "shenzhen"]');
      const p = e.renderedMidpoint();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, id: e.id() };
    });
    expect(edge.id).toBe('LOCATED_IN:guangming-science-city->shenzhen');
    await page.evaluate((id) => {
      (window as any).innograph.cy.$id(id).emit('tap');
    }, edge.id);
    await page.waitForSelector('#details .edge .quote', { timeout: 10_000 });
    expect(await page.locator('#details .quote').first().textContent()).toContain('光明科学城');
    await page.locator('#details .quote').first().click();
    await page.waitForSelector('#reader mark', { timeout: 10_000 });
    expect(await page.locator('#reader mark').textContent()).toContain('光明科学城');
    await page.screenshot({ path: path.join(SHOTS, '2-evidence.png') });
  });

  it('highlights the shortest paths from 深圳 to 松山湖科学城', async () => {
    await page.click('summary:has-text("Path between A and B")');
    await page.fill('#path-from', '深圳');
    await page.click('#path-from-suggestions button[data-id="shenzhen"]');
    await page.fill('#path-to', '松山湖科学城');
    await page.click('#path-to-suggestions button[data-id="songshan-lake-science-city"]');
    await idle(page);
    const highlighted = await page.evaluate(() => (window as any).innograph.cy.$('.highlighted').map((e: any) => e.id()) as string[]);
    expect(highlighted).toEqual(expect.arrayContaining(['shenzhen', 'songshan-lake-science-city']));
    expect(await page.locator('#details .hop').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, '3-path.png') });
  });

  it('lists a materials laboratory among the platforms of the advanced-materials cluster', async () => {
    await page.click('#clusters button[data-id="cluster-advanced-materials"]');
    await idle(page);
    expect((await page.locator('#details .platform').allTextContents()).join('\n')).toContain('季华实验室');
    await page.screenshot({ path: path.join(SHOTS, '4-cluster.png') });
  });

  it('switches labels to English', async () => {
    await page.click('#lang');
    await idle(page);
    expect(await labels(page)).toContain('Ji Hua Laboratory');
    expect(page.url()).toContain('lang=en');
  });

  it('reopens the same view from its URL', async () => {
    const url = page.url();
    const before = (await labels(page)).sort();
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(url);
    await idle(fresh);
    expect((await labels(fresh)).sort()).toEqual(before);
    expect(await fresh.locator('#details h2').textContent()).toBe('Advanced Materials Cluster');
    await fresh.close();
  });

  it('shows the indicators with their 2020 and 2025 values', async () => {
    await page.click('#show-indicators');
    await idle(page);
    const rows = await page.locator('.indicators tbody tr').allTextContents();
    expect(rows).toHaveLength(10);
    expect(rows.join('\n')).toContain('3.5左右');
    await page.screenshot({ path: path.join(SHOTS, '5-indicators.png') });
  });

  it('is usable at phone width', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${base}/`);
    await idle(phone);
    expect(await phone.locator('#search').isVisible()).toBe(true);
    await phone.screenshot({ path: path.join(SHOTS, '6-phone.png') });
    await phone.close();
  });
});
