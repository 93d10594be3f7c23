import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import { createServer } from '../../api/server.ts';
import type { Executor } from '../../graph/executor.ts';
import { silentLogger } from '../support/api.ts';
import { launchChromium } from '../support/chromium.ts';
import { buildExplorer } from '../support/explorer-build.ts';
import { loadBundledPlan } from '../support/loaded.ts';
import { connect } from '../support/neo4j.ts';

const SHOTS = path.join(PROJECT_ROOT, 'tests', 'e2e', 'screenshots');
const idle = (page: Page) => page.waitForSelector('body[data-busy="false"]', { timeout: 30_000 });

describe("the explorer's search box offers the plan's sentences", () => {
  let executor: Executor;
  let server: http.Server;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    executor = await connect();
    await loadBundledPlan(executor);
    await buildExplorer();
    server = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 15_000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await executor?.close();
  });

  it.each([
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])(
    'on a %s, lists matching sentences below matching entities; a picked sentence shows its quote, section and the entities it names',
    async (name, viewport) => {
      const page = await browser.newPage({ viewport });
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      await page.goto(`${base}/`);
      await idle(page);
      await page.fill('#search', '中微子');
      await page.waitForSelector('#suggestions [data-sentence]');
      const rows = await page
        .locator('#suggestions li')
        .evaluateAll((items) => items.map((li) => (li.hasAttribute('data-id') ? 'entity' : li.hasAttribute('data-sentence') ? 'sentence' : li.className)));
      // Entities first, then a heading, then the sentences.
      expect(rows[0]).toBe('entity');
      expect(rows.indexOf('heading')).toBe(rows.lastIndexOf('entity') + 1);
      expect(rows.slice(rows.indexOf('heading') + 1).every((r) => r === 'sentence')).toBe(true);
      const quote = await page.locator('#suggestions [data-sentence]').first().textContent();
      expect(quote).toContain('中微子');
      await page.screenshot({ path: path.join(SHOTS, `sentences-suggested-${name}.png`) });

      await page.click('#suggestions [data-sentence] >> nth=0');
      await page.waitForSelector('#details .sentence');
      expect(await page.locator('#details .sentence .quote').textContent()).toContain('中微子');
      expect(await page.locator('#details .sentence .path').textContent()).toMatch(/^第.章/);
      const named = await page.locator('#details .sentence .named button').allTextContents();
      expect(named).toContain('江门中微子实验站');
      await page.screenshot({ path: path.join(SHOTS, `sentence-panel-${name}.png`) });

      // The sentence is in the address: sent on, it opens the same panel.
      const address = new URL(page.url());
      expect(address.searchParams.get('sentence')).toBeTruthy();
      const shared = await browser.newPage({ viewport });
      shared.on('pageerror', (error) => pageErrors.push(String(error)));
      await shared.goto(`${base}${address.pathname}${address.search}`);
      await idle(shared);
      await shared.waitForSelector('#details .sentence');
      expect(await shared.locator('#details .sentence .quote').textContent()).toBe(await page.locator('#details .sentence .quote').textContent());
      expect(await shared.locator('#panel').isVisible()).toBe(true);
      await shared.close();

      // An entity the sentence names opens like a search hit.
      await page.click('#details .sentence .named button[data-id="jiangmen-neutrino-observatory"]');
      await idle(page);
      expect(page.url()).toContain('jiangmen-neutrino-observatory');
      // One thing is shown: the entity replaces the sentence in the address too.
      expect(new URL(page.url()).searchParams.get('sentence')).toBeNull();
      await page.close();
      expect(pageErrors).toEqual([]);
    },
  );
});
