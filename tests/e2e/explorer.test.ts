import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import type { Executor } from '../../graph/executor.ts';
import { launchChromium } from '../support/chromium.ts';
import { buildExplorer } from '../support/explorer-build.ts';
import { idle, labels, nodeIds, onScreen, statementsBesideGraph } from '../support/explorer-page.ts';
import { loadBundledPlan } from '../support/loaded.ts';
import { connect } from '../support/neo4j.ts';
import { RELATION_STYLES } from '../../viz/src/style.ts';
import { SIZES } from '../../viz/src/sizes.ts';
import { SCENE_DEFAULTS } from '../../viz/src/scene.ts';
import { t } from '../../viz/src/messages.ts';
import { ENTITY_KINDS } from '../../ingest/model.ts';
import { serveApi, type Served } from '../support/serve.ts';

const SHOTS = path.join(PROJECT_ROOT, 'tests', 'e2e', 'screenshots');

const selected = (page: Page) => page.evaluate(() => (window as any).innograph.cy.$('node:selected').map((n: any) => n.id()) as string[]);

/**
 * The labels a reader sees (text drawn, inside the canvas): how many pairs of them overlap,
 * out of how many, and the median size they are drawn at in screen pixels; which lie under
 * another node's shape, and which pairs of different names are drawn as the same text.
 */
const labelStats = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as any).innograph.cy;
    const [w, h] = [cy.width(), cy.height()];
    const shown = cy.nodes().filter((n: any) => n.data('label') && Number(n.style('text-opacity')) > 0);
    const boxes = shown
      .map((n: any) => ({
        node: n,
        box: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
        size: parseFloat(n.style('font-size')) * cy.zoom(),
      }))
      .filter(({ box }: any) => box.x2 > 0 && box.y2 > 0 && box.x1 < w && box.y1 < h);
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i].box, boxes[j].box];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping += 1;
      }
    const sizes = boxes.map((b: any) => b.size).sort((a: number, b: number) => a - b);
    const hidden: string[] = [];
    const beside: string[] = [];
    /** Pixels between two boxes (0 where they touch or overlap). */
    const gap = (a: any, b: any) => Math.hypot(Math.max(0, a.x1 - b.x2, b.x1 - a.x2), Math.max(0, a.y1 - b.y2, b.y1 - a.y2));
    for (const { node, box } of boxes)
      cy.nodes().forEach((other: any) => {
        const shape = other.renderedBoundingBox({ includeLabels: false });
        if (other === node) return;
        if (box.x1 < shape.x2 && shape.x1 < box.x2 && box.y1 < shape.y2 && shape.y1 < box.y2) hidden.push(`${node.data('label')} under ${other.data('label')}`);
        // A label touches its own shape (its box includes the margin between them): one that nearly
        // touches another's as well reads as either node's name.
        else if (gap(box, shape) <= gap(box, node.renderedBoundingBox({ includeLabels: false })) + 2)
          beside.push(`${node.data('label')} beside ${other.data('label')}`);
      });
    // The text as Cytoscape draws it, after its own ellipsis if any. A name cut at its end reads as
    // any name drawn with the same start: 横琴粤澳深度合作区… beside 横琴粤澳深度合作区.
    const drawn = boxes.map(({ node }: any) => ({ name: node.data('label'), text: cy.renderer().getLabelText(node) as string }));
    const alike: string[] = [];
    for (const a of drawn)
      for (const b of drawn) {
        const cut = a.text.endsWith('…') ? a.text.slice(0, -1) : null;
        if (a.name !== b.name && (a.text === b.text || (cut && b.text.startsWith(cut)))) alike.push(`${a.name} drawn ${a.text}, ${b.name} drawn ${b.text}`);
      }
    // Shapes that lie on one another read as one node, or hide one: only two cities may (珠海 and 澳门 are that near).
    const shapes = cy.nodes().map((n: any) => ({ n, box: n.renderedBoundingBox({ includeLabels: false }) }));
    const stacked: string[] = [];
    for (let i = 0; i < shapes.length; i += 1)
      for (let j = i + 1; j < shapes.length; j += 1) {
        const [a, b] = [shapes[i], shapes[j]];
        const cities = a.n.data('kind') === 'City' && b.n.data('kind') === 'City';
        if (!cities && a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2)
          stacked.push(`${a.n.data('label')} on ${b.n.data('label')}`);
      }
    // Names under what is drawn over the canvas (the title, the legend, the count) are cut.
    const graph = document.getElementById('graph')!.getBoundingClientRect();
    const over = ['intro', 'legend-box', 'count']
      .map((id) => document.getElementById(id)!.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x1: r.left - graph.left, x2: r.right - graph.left, y1: r.top - graph.top, y2: r.bottom - graph.top }));
    const cut = boxes
      .filter(({ box }: any) => over.some((o) => box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2))
      .map(({ node }: any) => node.data('label'));
    return {
      cut,
      stacked,
      shown: boxes.length,
      pairs: (boxes.length * (boxes.length - 1)) / 2,
      overlapping,
      median: sizes[Math.floor(sizes.length / 2)] ?? 0,
      hidden,
      beside,
      alike,
    };
  });

const largestMove = (before: Record<string, { x: number; y: number }>, after: Record<string, { x: number; y: number }>) =>
  Object.keys(before)
    .filter((id) => after[id])
    .map((id) => Math.hypot(after[id]!.x - before[id]!.x, after[id]!.y - before[id]!.y));

/** Asks for the paths from 深圳 to 松山湖科学城 as a reader does, in the side list's path section. */
async function choosePath(page: Page) {
  await page.click('#sidebar summary:has-text("Path between A and B")');
  await page.fill('#path-from', '深圳');
  await page.click('#path-from-suggestions [data-id="shenzhen"]');
  await page.fill('#path-to', '松山湖科学城');
  await page.click('#path-to-suggestions [data-id="songshan-lake-science-city"]');
  await idle(page);
}

/** Selects an entity as the store does on a click, and waits for its panel. */
async function selectAndShow(page: Page, id: string) {
  await page.evaluate((entity) => (window as any).innograph.store.actions.select(entity), id);
  await idle(page);
  await page.waitForSelector(`#details .entity[data-id="${id}"]`);
}

/** What is new since `before` (an expansion's newcomers, a whole view) is where the reader can see it: on the canvas, not under the title or the legend. */
async function expectNewcomersInView(page: Page, before: Record<string, unknown>, after: Record<string, { x: number; y: number }>) {
  const covers = await page.evaluate(() => {
    const canvas = document.getElementById('graph')!.getBoundingClientRect();
    const box = (id: string) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return { x1: r.left - canvas.left, x2: r.right - canvas.left, y1: r.top - canvas.top, y2: r.bottom - canvas.top };
    };
    return { canvas: { w: canvas.width, h: canvas.height }, covered: [box('intro'), box('legend-box')] };
  });
  const newcomers = Object.entries(after).filter(([id]) => !before[id]);
  expect(newcomers.length).toBeGreaterThan(0);
  for (const [id, p] of newcomers) {
    expect(p.x > 0 && p.x < covers.canvas.w && p.y > 0 && p.y < covers.canvas.h, `${id} on the canvas`).toBe(true);
    for (const c of covers.covered) expect(p.x > c.x1 && p.x < c.x2 && p.y > c.y1 && p.y < c.y2, `${id} under ${JSON.stringify(c)}`).toBe(false);
  }
}

describe('the explorer in Chromium', () => {
  let executor: Executor;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];
  /**
   * What the page warned of in its console: Cytoscape says so there of what it cannot draw. Not
   * Chromium's hint that many getImageData calls want willReadFrequently: these tests' own pixel
   * reads cause it.
   */
  const warnings: string[] = [];
  const watch = (p: Page) =>
    p
      .on('pageerror', (error) => pageErrors.push(String(error)))
      .on('console', (message) => {
        if (message.type() === 'warning' && !message.text().startsWith('Canvas2D: Multiple readback')) warnings.push(message.text());
      });
  /** A page of its own, its errors watched, at `address` once the explorer has settled; `hasTouch`, tapped as on a phone. */
  const opened = async (address: string, viewport = { width: 1440, height: 900 }, hasTouch = false) => {
    const fresh = await browser.newPage({ viewport, hasTouch });
    watch(fresh);
    await fresh.goto(`${base}${address}`);
    await idle(fresh);
    return fresh;
  };

  beforeAll(async () => {
    executor = await connect();
    await loadBundledPlan(executor);
    await buildExplorer();
    served = await serveApi(executor);
    base = served.base;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    watch(page);
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await executor?.close();
  });

  it('opens on a titled map of the Greater Bay Area, its cities where they are, labels readable and apart', async () => {
    await page.addInitScript(() => {
      const w = window as any;
      w.__blocked = [];
      document.addEventListener('securitypolicyviolation', (event) => w.__blocked.push(`${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`));
    });
    await page.goto(`${base}/`);
    await idle(page);
    // The server's Content-Security-Policy blocks nothing the explorer does.
    expect(await page.evaluate(() => (window as any).__blocked)).toEqual([]);
    expect(await labels(page)).toEqual(expect.arrayContaining(['深圳', '广州', '光明科学城']));
    expect(await page.locator('#title').textContent()).toBe('广东科技创新图谱');
    // On the base map the legend says which places stand where they are.
    expect(await page.locator('#legend .map-note').textContent()).toContain('实际位置');
    // The dashed marks say in a line what they are, and in full on hover what the registry and discovery are.
    const marks = await page.locator('#legend .marks li').evaluateAll((items) => items.map((li) => [li.textContent, li.getAttribute('title')]));
    expect(marks).toEqual([
      [expect.stringContaining('登记表所载'), expect.stringContaining('人工整理的登记表')],
      [expect.stringContaining('按措辞自动识别'), expect.stringContaining('不在人工整理的登记表中')],
    ]);
    expect(await page.locator('.underlay path').count()).toBeGreaterThanOrEqual(21);
    // The places drawn at their real sites have the outline the legend's note shows; a corridor, which has none, and a city, which always is, do not.
    const sited = await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const node = (id: string) => cy.getElementById(id);
      return {
        guangming: node('guangming-science-city').hasClass('sited'),
        border: node('guangming-science-city').style('border-color'),
        corridor: node('gz-sz-hk-corridor').hasClass('sited'),
        shenzhen: node('shenzhen').hasClass('sited'),
        noted: !!document.querySelector('#legend .map-note svg'),
      };
    });
    expect(sited).toEqual({ guangming: true, border: 'rgb(34,34,34)', corridor: false, shenzhen: false, noted: true });
    // A view of the whole province marks no city's part of it, and draws the whole map.
    expect(await page.locator('.underlay path.subject').count()).toBe(0);
    expect(await page.locator('.underlay g[clip-path]').count()).toBe(0);
    const at = await onScreen(page);
    expect(at.shenzhen!.x).toBeGreaterThan(at.guangzhou!.x); // east
    expect(at.shenzhen!.y).toBeGreaterThan(at.guangzhou!.y); // and south
    const stats = await labelStats(page);
    expect(stats.shown).toBeGreaterThanOrEqual(20);
    expect(stats.overlapping).toBeLessThanOrEqual(2);
    expect(stats.median).toBeGreaterThanOrEqual(11);
    // No name is hidden under another node, nor drawn as near another node as its own, nor drawn as the same text as another name.
    expect(stats.alike).toEqual([]);
    expect(stats.hidden).toEqual([]);
    expect(stats.beside).toEqual([]);
    expect(stats.stacked).toEqual([]);
    expect(stats.cut).toEqual([]);
    expect(await page.locator('#clusters li').count()).toBe(20);
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as { innograph: { cy: { nodes(): { length: number }; edges(): { length: number } } } }).innograph.cy;
      return `${cy.nodes().length} 个节点 · ${cy.edges().length} 条关系`;
    });
    expect(await page.locator('#count').textContent()).toBe(drawn);
    await page.screenshot({ path: path.join(SHOTS, '1-start.png') });
  });

  it('draws a place an expansion brings from beyond the map at its edge, its name pointing where it lies, without the dark outline of a place at its site', async () => {
    const fresh = await opened('/');
    await fresh.evaluate(() => (window as any).innograph.store.actions.expand('hengqin-cooperation-zone'));
    await fresh.waitForFunction(() => location.search.includes('exp=hengqin-cooperation-zone'));
    await idle(fresh);
    const hainan = await fresh.evaluate(() => {
      const node = (window as any).innograph.cy.getElementById('hainan-free-trade-port');
      return { shown: node.nonempty() as boolean, sited: node.hasClass('sited') as boolean, label: node.data('label') as string };
    });
    // Before, 海南自由贸易港 had the outline of a place drawn where it lies, beside 横琴, and no arrow:
    // as if it lay in 珠海. The start view's arrangement draws it so, when it has it, at the edge toward Hainan.
    expect(hainan).toEqual({ shown: true, sited: false, label: '↙ 海南自由贸易港' });
    await fresh.evaluate(() => (window as any).innograph.store.actions.select('hainan-free-trade-port'));
    await idle(fresh);
    expect(await fresh.locator('#details .drawn-beyond').textContent()).toContain('↙');
    await fresh.close();
  });

  it('draws the start view’s names apart in English too, none under another node', async () => {
    const fresh = await opened('/?lang=en');
    const stats = await labelStats(fresh);
    expect(stats.shown).toBeGreaterThanOrEqual(20);
    expect(stats.overlapping).toBeLessThanOrEqual(2);
    expect(stats.alike).toEqual([]);
    expect(stats.hidden).toEqual([]);
    expect(stats.beside).toEqual([]);
    await fresh.close();
    // On a phone some city's name must lie over a shape, but over no other city's: "Guangzhou" lay
    // over 佛山's square, and Foshan's name was then set aside.
    const phone = await opened('/?lang=en', { width: 390, height: 844 });
    const cities = await phone.evaluate(() => (window as any).innograph.cy.nodes('[kind = "City"]').map((n: any) => n.data('label')) as string[]);
    const onPhone = await labelStats(phone);
    const overCity = onPhone.hidden.filter((entry) => cities.some((a) => entry.startsWith(`${a} under `)) && cities.some((b) => entry.endsWith(` under ${b}`)));
    expect(overCity).toEqual([]);
    expect(cities.length).toBeGreaterThanOrEqual(9);
    await phone.close();
  });

  it('adds one step to Back for a double-click’s selection and one for its expansion, not one per click', async () => {
    const fresh = await opened('/');
    const steps = await fresh.evaluate(() => history.length);
    const graph = (await fresh.locator('#graph').boundingBox())!;
    const at = (await onScreen(fresh)).dongguan!;
    await fresh.mouse.dblclick(graph.x + at.x, graph.y + at.y);
    await fresh.waitForFunction(() => location.search.includes('exp=dongguan'));
    await idle(fresh);
    expect(await fresh.evaluate(() => history.length)).toBe(steps + 2);
    await fresh.goBack();
    await idle(fresh);
    expect(new URL(fresh.url()).search).toBe('?sel=dongguan');
    await fresh.goBack();
    await idle(fresh);
    expect(new URL(fresh.url()).search).toBe('');
    await fresh.close();
  });

  it('asks each of the start view’s questions once: those sent early are taken up, not asked again', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(fresh);
    const asked: string[] = [];
    fresh.on('request', (request) => {
      if (request.url().endsWith('/graphql')) asked.push(/query (\w+)/.exec(String(request.postDataJSON()?.query))?.[1] ?? '?');
    });
    await fresh.goto(`${base}/`);
    await idle(fresh);
    expect(asked.sort()).toEqual(['Cities', 'Clusters', 'Documents', 'Neighborhood']);
    await fresh.close();
  });

  it('says the explorer could not load when its main chunk cannot be fetched', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await fresh.route(/\/assets\/main-[^/]*\.js$/, (route) => route.abort());
    await fresh.goto(`${base}/`);
    await fresh.waitForSelector('#status[data-kind="error"]');
    expect(await fresh.locator('#status').textContent()).toBe('图谱未能加载，请刷新页面');
    await fresh.close();
  });

  it('says the lowest confidence a filter keeps, as its slider moves and when a link gives it', async () => {
    const fresh = await opened('/');
    await fresh.click('summary:has-text("Filters")');
    expect(await fresh.locator('#min-confidence-value').textContent()).toBe('0.0');
    await fresh.locator('#min-confidence').fill('0.6');
    expect(await fresh.locator('#min-confidence-value').textContent()).toBe('0.6');
    await fresh.waitForFunction(() => location.search.includes('minConf=0.6'));
    await idle(fresh);
    const linked = await opened('/?minConf=0.8');
    expect(await linked.locator('#min-confidence-value').textContent()).toBe('0.8');
    // What it keeps, said under it: a link the registry curates counts as 1, and which box shows only the plan's.
    const curated = await linked.evaluate(() => (window as any).innograph.cy.edges('[cited = "no"]').length as number);
    expect(curated).toBeGreaterThan(0);
    expect(await fresh.locator('#min-confidence-note').textContent()).toContain('登记表所载的联系（短划线）由人工整理，计为 1');
    await Promise.all([fresh.close(), linked.close()]);
  });

  it('says in a panel how many of a group of links the picture shows', async () => {
    const view = await opened('/?sel=shenzhen');
    await view.waitForSelector('#details .entity[data-id="shenzhen"]');
    const heading = (await view.locator('#details .relation-group h4', { hasText: '位于' }).first().textContent())!;
    const [, all, shown] = /^位于 \((\d+) · 图中 (\d+)\)$/.exec(heading) ?? [];
    // The places the map draws as in 深圳, of all the plan places there.
    const drawn = await view.evaluate(() => (window as any).innograph.cy.edges('[type = "LOCATED_IN"][target = "shenzhen"]').length as number);
    expect(Number(shown)).toBe(drawn);
    expect(Number(all)).toBeGreaterThan(drawn);
    // Which they are: those in the picture first, then a line, then the rest.
    const group = view.locator('#details .relation-group', { has: view.locator('h4', { hasText: '位于' }) }).first();
    const order = await group.evaluate((g) => [...g.children].slice(1).map((c) => (c.classList.contains('not-in-picture') ? 'line' : 'link')));
    expect(order).toEqual([...Array(Number(shown)).fill('link'), 'line', ...Array(Number(all) - Number(shown)).fill('link')]);
    expect(await group.locator('.not-in-picture').textContent()).toBe(t('notInPicture', 'zh'));
    await view.close();
  });

  it('names an entity in both languages and its kind in a tooltip', async () => {
    const p = (await onScreen(page))['guangming-science-city']!;
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.waitForSelector('#tooltip:not([hidden])');
    const text = await page.locator('#tooltip').textContent();
    expect(text).toContain('光明科学城');
    expect(text).toContain('Guangming Science City');
    expect(text).toContain('Science city');
    // At the canvas's right edge it opens to the left of the pointer, not under the side panel.
    const east = await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const p = cy.$id('huizhou').renderedPosition();
      cy.panBy({ x: cy.width() - 12 - p.x, y: 0 });
      return cy.$id('huizhou').renderedPosition();
    });
    await page.mouse.move(box.x + east.x, box.y + east.y);
    await expect.poll(() => page.locator('#tooltip').textContent()).toContain('惠州');
    const tip = (await page.locator('#tooltip').boundingBox())!;
    const canvas = (await page.locator('#canvas').boundingBox())!;
    expect(tip.x + tip.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    await page.click('#fit');
    await idle(page);
  });

  it('selects a node on click without moving anything or changing the zoom, and deselects on the background', async () => {
    await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      cy.zoom({ level: cy.zoom() * 1.4, renderedPosition: cy.$id('shenzhen').renderedPosition() });
    });
    await page.waitForTimeout(300);
    const before = await onScreen(page);
    const zoom = await page.evaluate(() => (window as any).innograph.cy.zoom());
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + before.shenzhen!.x, box.y + before.shenzhen!.y);
    await idle(page);
    await page.waitForSelector('#details .entity[data-id="shenzhen"]');
    expect(await selected(page)).toEqual(['shenzhen']);
    expect(Math.max(...largestMove(before, await onScreen(page)))).toBeLessThanOrEqual(2);
    expect(await page.evaluate(() => (window as any).innograph.cy.zoom())).toBeCloseTo(zoom, 5);
    // 深圳's own links are drawn wider than the rest: the reader sees which lines are its.
    const widths = () =>
      page.evaluate(() => {
        const cy = (window as any).innograph.cy;
        const own = cy.$id('shenzhen').connectedEdges();
        const width = (e: any) => e.renderedWidth();
        return { own: own.map(width) as number[], others: cy.edges().difference(own).map(width) as number[] };
      });
    const linked = await widths();
    expect(linked.own.length).toBeGreaterThan(3);
    expect(Math.min(...linked.own)).toBeGreaterThan(Math.max(...linked.others));
    await page.mouse.click(box.x + 8, box.y + box.height - 8);
    await idle(page);
    expect(await selected(page)).toEqual([]);
    expect(page.url()).not.toContain('sel=');
    // Deselected, its links are as the others again.
    const plain = await widths();
    expect(Math.max(...plain.own)).toBeCloseTo(Math.max(...plain.others), 5);
  });

  it('leaves the side lists, filters and legend as they are when a node is selected', async () => {
    const parts = ['#clusters button', '#cities button', '#kind-filters input', '#type-filters input', '#documents input', '#legend *'];
    await page.evaluate((selectors) => {
      (window as any).__kept = selectors.map((selector) => document.querySelector(selector));
    }, parts);
    await selectAndShow(page, 'guangzhou');
    // Rebuilt, they would be new elements: the page restyled and laid out again for nothing.
    const kept = await page.evaluate(() => (window as any).__kept.map((el: Element | null) => el?.isConnected ?? null) as (boolean | null)[]);
    expect(Object.fromEntries(parts.map((part, i) => [part, kept[i]]))).toEqual(Object.fromEntries(parts.map((part) => [part, true])));
    await page.evaluate(() => (window as any).innograph.store.actions.select(null));
    await idle(page);
  });

  it('opens the panel of another entity at its top, and keeps where the reader scrolled in the same one', async () => {
    const scrolled = () => page.evaluate(() => document.getElementById('panel')!.scrollTop);
    const scrollDown = () => page.evaluate(() => (document.getElementById('panel')!.scrollTop = 600));
    await selectAndShow(page, 'shenzhen');
    await scrollDown();
    expect(await scrolled()).toBeGreaterThan(300);
    // Expanded, 深圳's panel is drawn again (its button now collapses): the reader is still where they read.
    await page.evaluate(() => (window as any).innograph.store.actions.expand('shenzhen'));
    await idle(page);
    await page.waitForSelector('#details .entity[data-id="shenzhen"]');
    expect(await scrolled()).toBeGreaterThan(300);
    // Another entity opens on its name, not halfway down where 深圳's was read.
    await selectAndShow(page, 'guangzhou');
    expect(await scrolled()).toBe(0);
    await page.evaluate(() => (window as any).innograph.store.actions.home());
    await idle(page);
  });

  it('keeps the panel’s × in reach when scrolled, and gives the reader back their place when the plan’s reader closes', async () => {
    await selectAndShow(page, 'shenzhen');
    // A quote far down 深圳's panel.
    const quote = page.locator('#details .relation .evidence .quote').nth(12);
    await quote.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => document.getElementById('panel')!.scrollTop);
    expect(scrolled).toBeGreaterThan(600);
    const panel = (await page.locator('#panel').boundingBox())!;
    const close = (await page.locator('#close-panel').boundingBox())!;
    expect(close.y).toBeGreaterThanOrEqual(panel.y);
    expect(close.y + close.height).toBeLessThanOrEqual(panel.y + panel.height);
    // Scrolled, the panel's words pass under a bar across its top, not under the × alone: beside the ×,
    // across the panel, nothing of them shows (before, a letter or two of each line showed around it).
    // The bar says whose panel it is, its heading having scrolled away.
    await page.waitForSelector('#panel.scrolled');
    expect(await page.locator('#panel-title').textContent()).toBe('深圳');
    expect(await page.locator('#panel-title').isVisible()).toBe(true);
    const named = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('panel-title')!);
      return range.getBoundingClientRect().right;
    });
    expect(named).toBeGreaterThan(panel.x);
    const strip = await page.screenshot({ clip: { x: named + 4, y: close.y + 2, width: close.x - named - 10, height: close.height - 4 } });
    const inked = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 170) dark += 1;
      return dark;
    }, strip.toString('base64'));
    expect(inked).toBe(0);
    await quote.click();
    await page.waitForSelector('#reader mark', { timeout: 10_000 });
    await page.click('#reader .close');
    expect(await page.locator('#reader mark').count()).toBe(0);
    // Before, it was left at the top of 深圳's panel, the quote it came from 600 px and more below.
    expect(Math.abs((await page.evaluate(() => document.getElementById('panel')!.scrollTop)) - scrolled)).toBeLessThanOrEqual(2);
    await page.evaluate(() => (window as any).innograph.store.actions.select(null));
    await idle(page);
  });

  it("closes the plan's reader when the panel turns to something else, and keeps it while the same one is shown", async () => {
    await selectAndShow(page, 'shenzhen');
    await page.locator('#details .relation .evidence .quote').first().click();
    await page.waitForSelector('#reader mark', { timeout: 10_000 });
    // The same entity shown again (a second selection of it): the sentence stays.
    await page.evaluate(() => (window as any).innograph.store.actions.select('shenzhen'));
    await idle(page);
    expect(await page.locator('#reader mark').count()).toBeGreaterThan(0);
    // Another entity: 深圳's sentence is no evidence of it.
    await selectAndShow(page, 'guangzhou');
    expect(await page.locator('#reader .reader').count()).toBe(0);
    await page.evaluate(() => (window as any).innograph.store.actions.select(null));
    await idle(page);
  });

  it('opens a link sent on a phone with its panel, the link in sight above the drawer', async () => {
    const id = 'COOPERATES_WITH:hong-kong->shenzhen';
    const phone = await opened(`/?link=${encodeURIComponent(id)}`, { width: 390, height: 844 });
    await phone.waitForSelector('#details .edge .quote', { timeout: 10_000 });
    expect(await phone.locator('#details .edge h2').textContent()).toBe('香港 —合作— 深圳');
    expect(await selected(phone)).toEqual([]);
    expect(await phone.evaluate(() => (window as any).innograph.cy.$('edge:selected').map((e: any) => e.id()))).toEqual([id]);
    await phone.waitForTimeout(300);
    const canvas = (await phone.locator('#graph').boundingBox())!;
    const drawer = (await phone.locator('#panel').boundingBox())!;
    const ends = await phone.evaluate(() =>
      ['hong-kong', 'shenzhen'].map((end) => (window as any).innograph.cy.getElementById(end).renderedPosition() as { x: number; y: number }),
    );
    for (const end of ends) expect(canvas.y + end.y).toBeLessThan(drawer.y);
    // A selection's panel takes the drawer's full height, more than a view's overview.
    expect(drawer.height / 844).toBeGreaterThan(0.4);
    // Its panel's × lets it go, and the address with it.
    await phone.locator('#close-panel').click();
    await expect.poll(() => new URL(phone.url()).searchParams.get('link')).toBeNull();
    expect(await phone.evaluate(() => (window as any).innograph.cy.$(':selected').length)).toBe(0);
    await phone.close();
  });

  it('brings a node tapped on a phone above the drawer its panel opens over it; on a desktop nothing moves', async () => {
    const phone = await opened('/', { width: 390, height: 844 });
    // The lowest node of the start view: the drawer, once open, covers the lower half of the canvas.
    const low = await phone.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const node = cy.nodes().max((n: any) => n.renderedPosition().y).ele;
      return { id: node.id() as string, ...(node.renderedPosition() as { x: number; y: number }) };
    });
    const canvas = (await phone.locator('#graph').boundingBox())!;
    await phone.mouse.click(canvas.x + low.x, canvas.y + low.y);
    await idle(phone);
    await phone.waitForTimeout(300);
    expect(await selected(phone)).toEqual([low.id]);
    const drawer = (await phone.locator('#panel').boundingBox())!;
    const now = await phone.evaluate((id) => (window as any).innograph.cy.getElementById(id).renderedPosition().y as number, low.id);
    // Before, it stayed where it was tapped, under the drawer or on its edge.
    expect(low.y).toBeGreaterThan(drawer.y - canvas.y - 24);
    expect(canvas.y + now).toBeLessThan(drawer.y - 24);
    // The drawer closed, the map goes back down where it was: its lower half was left empty.
    const at = () => phone.evaluate((id) => (window as any).innograph.cy.getElementById(id).renderedPosition() as { x: number; y: number }, low.id);
    await phone.locator('#close-panel').click();
    await expect.poll(async () => Math.abs((await at()).y - low.y)).toBeLessThan(2);
    // So it does when a tap on the background lets the node go: the start view's guide is no drawer.
    await phone.mouse.click(canvas.x + low.x, canvas.y + low.y);
    await idle(phone);
    await expect.poll(async () => (await at()).y).toBeLessThan(low.y - 24);
    const empty = await phone.evaluate(() => {
      // A point of the canvas above the drawer, far from every node and link end.
      const cy = (window as any).innograph.cy;
      const seen = cy.height() - document.getElementById('panel')!.getBoundingClientRect().height;
      const points = cy.nodes().map((n: any) => n.renderedPosition() as { x: number; y: number });
      for (let y = seen - 30; y > 150; y -= 10)
        for (let x = 30; x < cy.width() - 30; x += 10) if (points.every((p: { x: number; y: number }) => Math.hypot(p.x - x, p.y - y) > 40)) return { x, y };
      return null;
    });
    expect(empty).not.toBeNull();
    await phone.mouse.click(canvas.x + empty!.x, canvas.y + empty!.y);
    await expect.poll(async () => Math.abs((await at()).y - low.y)).toBeLessThan(2);
    expect(await selected(phone)).toEqual([]);
    // Unless the reader moved it meanwhile: then it is theirs, and stays.
    await phone.mouse.click(canvas.x + low.x, canvas.y + low.y);
    await idle(phone);
    // Once the map has moved up: the reader moves it after the reveal, not during it.
    await expect.poll(async () => (await at()).y).toBeLessThan(low.y - 24);
    await expect.poll(() => phone.evaluate(() => (window as any).innograph.cy.animated() as boolean)).toBe(false);
    await phone.evaluate(() => (window as any).innograph.cy.panBy({ x: 0, y: 40 }));
    const moved = await at();
    await phone.locator('#close-panel').click();
    await phone.waitForTimeout(400);
    expect(await at()).toEqual(moved);
    await phone.close();
  });

  it('expands 深圳 double-tapped on a phone, though the drawer its first tap opens reaches it', async () => {
    const phone = await opened('/', { width: 390, height: 844 }, true);
    const canvas = (await phone.locator('#graph').boundingBox())!;
    const at = (await phone.evaluate(() => (window as any).innograph.cy.getElementById('shenzhen').renderedPosition())) as { x: number; y: number };
    // A reader's two taps 150 ms apart, the second while the first one's drawer opens. Sent as the
    // browser's input, not one after the other's answer: a tap is answered once the page has handled
    // it, and under a loaded CI the first one's answer came so late that the taps fell more than a
    // double-tap's window apart.
    const cdp = await phone.context().newCDPSession(phone);
    const point = { x: canvas.x + at.x, y: canvas.y + at.y };
    const tap = () =>
      Promise.all([
        cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] }),
        cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
      ]);
    const first = tap();
    await phone.waitForTimeout(150);
    await Promise.all([first, tap()]);
    await phone.waitForTimeout(300);
    await idle(phone);
    expect(await phone.evaluate(() => (window as any).innograph.store.get().expanded)).toEqual(['shenzhen']);
    // The case at hand: 深圳 lies under the drawer its first tap opens, or too near its edge to be left there.
    const drawer = (await phone.locator('#panel').boundingBox())!;
    expect(canvas.y + at.y).toBeGreaterThan(drawer.y - SCENE_DEFAULTS.revealMargin);
    // Expanded, it is brought clear of the drawer, as a node selected by one tap is.
    await phone.waitForTimeout(300);
    const now = (await phone.evaluate(() => (window as any).innograph.cy.getElementById('shenzhen').renderedPosition())) as { y: number };
    expect(canvas.y + now.y).toBeLessThan(drawer.y - SCENE_DEFAULTS.revealMargin);
    await phone.close();
  });

  it('closes the panel with its ×, rather than opening the view’s overview in its place, until the reader selects again', async () => {
    const phone = await opened('/?view=city&city=shenzhen&sel=guangming-science-city', { width: 390, height: 844 });
    expect(await phone.locator('#details .entity').getAttribute('data-id')).toBe('guangming-science-city');
    await phone.click('#close-panel');
    await idle(phone);
    // Before, the city's overview took the drawer, over half of the map.
    expect(await phone.locator('#panel').isVisible()).toBe(false);
    expect(await phone.evaluate(() => (window as any).innograph.cy.$(':selected').length)).toBe(0);
    await phone.evaluate(() => (window as any).innograph.store.actions.select('shenzhen'));
    await idle(phone);
    expect(await phone.locator('#panel').isVisible()).toBe(true);
    // Let go by a tap on the background rather than closed, the overview is there.
    await phone.evaluate(() => (window as any).innograph.store.actions.select(null));
    await idle(phone);
    expect(await phone.locator('#panel').isVisible()).toBe(true);
    expect(await phone.locator('#details .entity').count()).toBe(0);
    await phone.close();
  });

  it('lists the cities in pinyin order in Chinese, the ones the plan names, as it says', async () => {
    const names = await page.locator('#cities button').allTextContents();
    expect(names[0]).toBe('澳门');
    expect(names.indexOf('广州')).toBeLessThan(names.indexOf('深圳'));
    expect(names.indexOf('揭阳')).toBeLessThan(names.indexOf('梅州'));
    // 肇庆 is a city of the Greater Bay Area the plan never names: the list says whose cities it holds.
    const plan = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'plans', 'guangdong-sti-14th-fyp.txt'), 'utf8').replace(/\s+/g, '');
    for (const name of names) expect(plan, name).toContain(name);
    expect(plan).not.toContain('肇庆');
    expect(await page.locator('#cities').evaluate((list) => list.previousElementSibling?.textContent)).toContain('规划提到的城市');
  });

  it('says an English or misspelt text is held by no name, and offers the names spelt like it', async () => {
    // English: the labs found share a word with Pengcheng Lab, and the list says so rather than offering them as it.
    await page.fill('#search', 'Pengcheng Lab');
    await page.waitForSelector('#suggestions [role="option"]');
    expect(await page.locator('#suggestions li').first().textContent()).toBe('没有这个名称的实体；相近的：');
    // Names like the text and sentences holding it: each heading over its own rows (the sentences'
    // heading stood a row too early, over the last name).
    await page.fill('#search', '高端装备检测');
    await page.waitForSelector('#suggestions .sentence');
    const rows = await page.locator('#suggestions li').evaluateAll((items) => items.map((li) => li.className));
    expect(rows[0]).toContain('near');
    const heading = rows.findIndex((c) => c === 'heading');
    expect(rows.slice(1, heading).every((c) => c === 'suggestion')).toBe(true);
    expect(rows.slice(heading + 1).length).toBeGreaterThan(0);
    expect(rows.slice(heading + 1).every((c) => c === 'suggestion sentence')).toBe(true);
    // A slip of the keyboard: 深圳 comes first, taken only when the reader moves to it.
    await page.fill('#search', 'shenzen');
    await page.waitForSelector('#suggestions [role="option"]');
    expect(await page.locator('#suggestions li').first().getAttribute('class')).toContain('near');
    expect(await page.locator('#suggestions [role="option"]').first().getAttribute('data-id')).toBe('shenzhen');
    expect(await page.locator('#suggestions [aria-selected="true"]').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await page.locator('#details h2').textContent()).toBe('深圳');
  });

  it('lists search suggestions across a phone’s width, under the search box', async () => {
    const phone = await opened('/', { width: 390, height: 844 }, true);
    await phone.fill('#search', 'xianjin');
    await phone.waitForSelector('#suggestions li');
    const list = (await phone.locator('#suggestions').boundingBox())!;
    const input = (await phone.locator('#search').boundingBox())!;
    expect(list.width).toBeGreaterThanOrEqual(380);
    expect(list.y).toBeGreaterThanOrEqual(input.y + input.height - 1);
    await phone.close();
  });

  it('moves through search suggestions with the keyboard, the exact name first, and closes them with Esc', async () => {
    await page.fill('#search', '光明科学城');
    await page.waitForSelector('#suggestions [role="option"]');
    expect(await page.locator('#suggestions [role="option"]').first().getAttribute('data-id')).toBe('guangming-science-city');
    expect(await page.locator('#suggestions .near').count()).toBe(0);
    await page.keyboard.press('Escape');
    // A name the plan does not hold: the labs listed are said to be only like it.
    await page.fill('#search', '鹏城实验室');
    await page.waitForSelector('#suggestions [role="option"]');
    expect(await page.locator('#suggestions li').first().getAttribute('class')).toContain('near');
    // No sentence holds it either: the reader is told the plan does not name it.
    expect(await page.locator('#suggestions .sentence').count()).toBe(0);
    expect(await page.locator('#suggestions li.near').textContent()).toBe('规划原文没有提到这个名称；相近的：');
    // Of those, first the one sharing its rarer word (鹏城), not the labs sharing 实验室.
    expect(await page.locator('#suggestions [role="option"]').first().getAttribute('data-id')).toBe('pengcheng-cloud-brain');
    // Enter takes none of what is only like the name: nothing is selected, the list stays for the reader to choose from.
    expect(await page.locator('#suggestions [aria-selected="true"]').count()).toBe(0);
    const url = page.url();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    expect(page.url()).toBe(url);
    expect(await page.locator('#suggestions [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.locator('#suggestions [role="option"]').count()).toBe(0);
    await page.fill('#search', 'xqzzyw');
    await page.waitForSelector('#suggestions .none');
    await page.fill('#search', '深圳');
    await page.waitForSelector('#suggestions [role="option"]');
    const ids = await page.locator('#suggestions [role="option"]').evaluateAll((list) => list.map((o) => o.getAttribute('data-id')));
    expect(ids[0]).toBe('shenzhen');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#suggestions [aria-selected="true"]').getAttribute('data-id')).toBe(ids[1]);
    // The option pointed at is the one that stands out, and the one the keys go on from: the pointed
    // one and the keys' one both stood out.
    const standingOut = () => page.locator('#suggestions [aria-selected="true"]').evaluateAll((list) => list.map((o) => o.getAttribute('data-id')));
    await page.locator('#suggestions [role="option"]').nth(2).hover();
    expect(await standingOut()).toEqual([ids[2]]);
    const background = (i: number) =>
      page
        .locator('#suggestions [role="option"]')
        .nth(i)
        .evaluate((o) => getComputedStyle(o).backgroundColor);
    expect(await background(1)).toBe(await background(0));
    expect(await background(2)).not.toBe(await background(0));
    await page.keyboard.press('ArrowUp');
    expect(await standingOut()).toEqual([ids[1]]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await idle(page);
    // A city found by search opens its city view.
    expect(page.url()).toContain('view=city');
    expect(await page.locator('#details h2').textContent()).toBe('深圳');
    // What the city panel lists opens: 光明科学城 is selected in the picture, its own panel shown.
    expect(await page.inputValue('#search')).toBe('深圳');
    await page.click('#details .city [data-id="guangming-science-city"]');
    await idle(page);
    expect(await selected(page)).toEqual(['guangming-science-city']);
    // The search box no longer names what is shown: it is emptied, not left saying 深圳.
    expect(await page.inputValue('#search')).toBe('');
    await page.waitForSelector('#details .entity[data-id="guangming-science-city"]');
    // In its own view every neighbour of 深圳 is shown: its panel offers no expansion that adds nothing.
    await selectAndShow(page, 'shenzhen');
    expect(await page.locator('#expand').isDisabled()).toBe(true);
  });

  it('selects 光明科学城 from a search suggestion and expands it, keeping what is shown in place', async () => {
    // Away from the map, its name in the header points back to it, and says so; on the map it does not.
    const arrow = () => page.locator('#home').evaluate((b) => getComputedStyle(b, '::before').content);
    expect(await arrow()).toBe('"← "');
    expect(await page.locator('#home').getAttribute('title')).toBe('回到大湾区地图（开始视图）');
    await page.click('#home');
    await idle(page);
    expect(await page.evaluate(() => (window as any).innograph.store.get().view)).toBe('start');
    expect(await arrow()).toBe('none');
    await page.fill('#search', '深圳');
    await page.waitForSelector('#suggestions [role="option"]');
    await page.fill('#search', '光明科学城');
    // The search's own questions are answered once its suggestion is shown.
    await page.waitForSelector('#suggestions [data-id="guangming-science-city"]');
    const asked: string[] = [];
    const onRequest = (request: Request) => {
      if (request.url().endsWith('/graphql')) asked.push(/query (\w+)/.exec(String(request.postDataJSON()?.query))?.[1] ?? '?');
    };
    page.on('request', onRequest);
    await page.click('#suggestions [data-id="guangming-science-city"]');
    await idle(page);
    expect(await selected(page)).toEqual(['guangming-science-city']);
    // The selection asks for its panel and, ahead, for what expanding it would show.
    expect(asked.sort()).toEqual(['Entity', 'Neighborhood']);
    asked.length = 0;
    const before = await onScreen(page);
    const count = (await labels(page)).length;
    await page.click('#expand');
    await idle(page);
    page.off('request', onRequest);
    // The expansion takes up the answer its selection asked for.
    expect(asked).not.toContain('Neighborhood');
    expect((await labels(page)).length).toBeGreaterThan(count);
    expect(page.url()).toContain('exp=guangming-science-city');
    const after = await onScreen(page);
    const moves = largestMove(before, after);
    expect(moves.reduce((s, m) => s + m, 0) / moves.length).toBeLessThan(40);
    await expectNewcomersInView(page, before, after);
    const stats = await labelStats(page);
    expect(stats.overlapping).toBeLessThanOrEqual(Math.max(1, stats.pairs * 0.05));
    expect(stats.hidden).toEqual([]);
    expect(stats.beside).toEqual([]);
    expect(stats.cut).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '2-expanded.png') });
  });

  it('draws a link with an expansion as the expansion by hand drew it', async () => {
    const open = async (url: string) => {
      const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      watch(fresh);
      await fresh.goto(url);
      await idle(fresh);
      return fresh;
    };
    const byHand = await open(`${base}/?sel=guangming-science-city`);
    await byHand.click('#expand');
    await idle(byHand);
    expect(byHand.url()).toContain('exp=guangming-science-city');
    const here = await onScreen(byHand);
    const linked = await open(byHand.url());
    const there = await onScreen(linked);
    await Promise.all([byHand.close(), linked.close()]);
    expect(Object.keys(there).sort()).toEqual(Object.keys(here).sort());
    const moved = Object.keys(here).filter((id) => Math.hypot(there[id]!.x - here[id]!.x, there[id]!.y - here[id]!.y) > 2);
    expect(moved).toEqual([]);
  });

  it('words each link of the selected entity as stored, an incoming one naming the other end first', async () => {
    // 深圳 has links both ways: places located in it, and its own links out.
    await selectAndShow(page, 'shenzhen');
    const said = (await statementsBesideGraph(page)).filter((s) => s.drawn.length > 0);
    expect(said.filter((s) => s.target === 'shenzhen').length).toBeGreaterThan(0);
    expect(said.filter((s) => s.source === 'shenzhen').length).toBeGreaterThan(0);
    for (const s of said) {
      expect(s.drawn, `${s.source} → ${s.target}`).toEqual([[s.source, s.target]]);
      expect(s.words).toEqual(s.labels);
    }
    // Cooperation holds both ways: worded and drawn without a direction, unlike the others.
    expect(await page.locator('#details .statement[data-type="COOPERATES_WITH"]').first().textContent()).toMatch(/ —合作— /);
    const heads = await page.evaluate(() =>
      Object.fromEntries((window as any).innograph.cy.edges().map((e: any) => [e.data('type'), e.style('target-arrow-shape')])),
    );
    expect(heads.COOPERATES_WITH).toBe('none');
    expect(heads.LOCATED_IN).toBe('triangle');
    await selectAndShow(page, 'guangming-science-city');
  });

  it('says in words what each quote is to its link, sets apart one that does not state it, and lists a sentence once', async () => {
    await selectAndShow(page, 'shenzhen');
    const entries = await page.locator('#details .evidence li').evaluateAll((list) =>
      list.map((li) => ({
        method: (li as HTMLElement).dataset.method!,
        quote: li.querySelector('.quote')!.textContent!,
        unstated: li.querySelector('.quote')!.classList.contains('unstated'),
        curated: li.querySelector('.quote')!.classList.contains('registry'),
        size: getComputedStyle(li.querySelector('.quote')!).fontSize,
        note: li.querySelector('.path')!.textContent! + (li.querySelector('.unstated-note')?.textContent ?? ''),
        list: [...li.closest('#details')!.querySelectorAll('.evidence')].indexOf(li.parentElement!),
      })),
    );
    // 深圳 is on the 广深港 corridor by the registry, and the plan names it there only as 深 inside the corridor's name.
    const corridor = await page.locator('#details .relation:has(.statement[data-target="gz-sz-hk-corridor"]) .evidence li').first();
    expect(await corridor.getAttribute('data-method')).toBe('registry-in-name');
    expect(await corridor.locator('.quote').textContent()).toContain('建设“广深港”科技创新走廊');
    expect(await corridor.locator('.path').textContent()).toContain('本句只在一端的名称中提到另一端');
    // 鹏城云脑 is in 深圳 by the registry alone: its quote is where the plan names it, set apart as stating no link.
    const unstated = page.locator('#details .relation:has(.statement[data-source="pengcheng-cloud-brain"]) .evidence li').first();
    expect(await unstated.getAttribute('data-method')).toBe('registry-no-sentence');
    // The link is marked once as the registry's alone; the quote is then said to be what it is, before it.
    const link = page.locator('#details .relation:has(.statement[data-source="pengcheng-cloud-brain"])').first();
    expect(await link.locator('.curated').textContent()).toContain('原文未陈述');
    expect(await unstated.locator(':scope > :first-child').textContent()).toBe('本句只提到其中一端（点开读全句）');
    // What it says to do, a tap on it does: the whole sentence opens in the reader.
    await unstated.locator('.unstated-note').click();
    await page.waitForSelector('#reader mark', { timeout: 10_000 });
    expect(await page.locator('#reader mark').textContent()).toContain('鹏城云脑');
    await page.click('#reader .close');
    expect(await link.textContent()).not.toContain('登记表所载；');
    expect(entries.some((e) => e.unstated)).toBe(true);
    // Every quote in one size, whatever the link's evidence is (a registry's was in the small print of its mark).
    expect(entries.some((e) => e.curated)).toBe(true);
    expect(new Set(entries.map((e) => e.size)).size).toBe(1);
    for (const e of entries) {
      for (const method of e.method.split(' ')) expect(e.note, e.quote).not.toContain(method);
      expect(e.unstated, e.quote).toBe(e.method === 'registry-no-sentence');
      // A quote only the registry cites is dashed as its link is; one a rule read the link in is not.
      const methods = e.method.split(' ');
      expect(e.curated, e.quote).toBe(!e.unstated && methods.every((m) => m.startsWith('registry')));
    }
    const listed = entries.map((e) => `${e.list} ${e.quote}`);
    expect(new Set(listed).size).toBe(listed.length);
    // A sentence grounding several links of 前海 is quoted in full once, then folded to a line that says so.
    const qianhai = await opened('/?sel=qianhai-cooperation-zone');
    const quotes = await qianhai.locator('#details .relation .evidence li').evaluateAll((list) =>
      list.map((li) => ({
        sentence: (li as HTMLElement).dataset.sentence,
        text: li.querySelector('.quote')!.textContent!,
        marks: [...li.querySelectorAll('.quote mark')].map((m) => m.textContent!),
        folded: li.querySelector('.quote')!.classList.contains('again'),
        note: li.querySelector('.path')!.textContent!,
        // Text laid out below what is shown: the top of a second line can show in the padding.
        below: li.querySelector('.quote')!.scrollHeight > li.querySelector('.quote')!.clientHeight + 1,
      })),
    );
    const folded = quotes.filter((q) => q.folded);
    expect(folded.length).toBeGreaterThan(0);
    for (const q of folded) {
      // Each says where the sentence stands in full: above it or below it.
      const full = quotes.findIndex((o) => o.sentence === q.sentence && !o.folded);
      expect(full).toBeGreaterThanOrEqual(0);
      // It shows the words that name its own link, taken from the sentence, the rest elided.
      expect(q.marks.length, q.text).toBeGreaterThan(0);
      for (const piece of q.text.slice(1, -1).split('…').filter(Boolean)) expect(quotes[full]!.text).toContain(piece);
      expect(q.note).toContain(full < quotes.indexOf(q) ? '上文已全文引出' : '下文全文引出');
      expect(q.below, q.text).toBe(false);
    }
    expect(new Set(quotes.filter((q) => !q.folded).map((q) => q.text)).size).toBe(quotes.filter((q) => !q.folded).length);
    await qianhai.close();
    await selectAndShow(page, 'guangming-science-city');
  });

  it("names a platform's tier or domain in the reader's language, not as the registry's code", async () => {
    await page.evaluate(() => (window as any).innograph.store.actions.select('sysu-p4-lab'));
    await idle(page);
    const facts = await page.locator('#details .entity[data-id="sysu-p4-lab"] .facts').textContent();
    expect(facts).toContain('级别P4 生物安全实验室');
    expect(facts).not.toContain('biosafety');
    await selectAndShow(page, 'guangming-science-city');
  });

  it('lands the many neighbours of 深圳 in view, clear of the title and the legend', async () => {
    const before = await onScreen(page);
    await page.evaluate(() => (window as any).innograph.store.actions.expand('shenzhen'));
    await idle(page);
    await expectNewcomersInView(page, before, await onScreen(page));
    await page.evaluate(() => (window as any).innograph.store.actions.collapse('shenzhen'));
    await idle(page);
    await selectAndShow(page, 'guangming-science-city');
  });

  it('fits every node of an expanded map in view with Fit, none under the open legend', async () => {
    const own = await opened('/?exp=shenzhen,dongguan');
    expect(await own.locator('#legend-box').evaluate((b) => (b as HTMLDetailsElement).open)).toBe(true);
    await own.evaluate(() => (window as any).innograph.cy.zoom((window as any).innograph.cy.zoom() * 1.6));
    await own.click('#fit');
    await own.waitForTimeout(300);
    await expectNewcomersInView(own, {}, await onScreen(own));
    await own.close();
  });

  it("places an expansion's newcomers on the map in their own city's part of it: within its outline, or nearest it where the map has none", async () => {
    for (const [viewport, expanded] of [
      [{ width: 1440, height: 900 }, 'guangzhou'],
      [{ width: 390, height: 844 }, 'shenzhen'],
    ] as const) {
      const map = await opened('/', viewport);
      const before = await onScreen(map);
      await map.evaluate((id) => (window as any).innograph.store.actions.expand(id), expanded);
      await idle(map);
      // On a phone the expanded node is brought clear of the drawer by a pan that ends after the
      // render: read mid-pan, 中新广州知识城国际人才自由港's name was passing under the title, one run in two.
      await map.waitForFunction(() => !(window as any).innograph.cy.animated());
      await map.waitForTimeout(SCENE_DEFAULTS.settleMs + 100);
      const after = await onScreen(map);
      // No newcomer's name is cut under the title or the legend ('…物钻采船' was, after expanding 广州).
      expect((await labelStats(map)).cut).toEqual([]);
      const cities = await map.evaluate(() => (window as any).innograph.cy.nodes('[kind = "City"]').map((n: any) => n.id() as string));
      const newcomers = Object.keys(after).filter((id) => !before[id]);
      const cityOf = async (id: string) => {
        const answer = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query($id: ID!) { entity(id: $id) { city { id name } } }', variables: { id } }),
        }).then((r) => r.json());
        return { id, city: answer.data.entity.city as { id: string; name: string } | null };
      };
      const ofCities = (await Promise.all(newcomers.map(cityOf))).filter((e) => e.city && cities.includes(e.city.id));
      expect(ofCities.length, `${expanded}'s newcomers with a city on the map`).toBeGreaterThan(15);
      let outlined = 0;
      for (const { id, city } of ofCities) {
        // The base map's outline of the city, in the picture's own units: where the node is held.
        const inside = await map.evaluate(
          ([node, name]) => {
            const outline = document.querySelector(`.underlay path[data-name="${name}"]`) as SVGPathElement | null;
            const p = (window as any).innograph.cy.getElementById(node).position();
            return outline ? outline.isPointInFill(new DOMPoint(p.x, p.y)) : null;
          },
          [id, city!.name] as const,
        );
        if (inside !== null) {
          outlined += 1;
          expect(inside, `${id} within ${city!.name}'s outline`).toBe(true);
          continue;
        }
        const p = after[id]!;
        const nearest = cities.reduce((a: string, b: string) =>
          Math.hypot(p.x - after[a]!.x, p.y - after[a]!.y) <= Math.hypot(p.x - after[b]!.x, p.y - after[b]!.y) ? a : b,
        );
        expect(nearest, `${id} of ${city!.id}`).toBe(city!.id);
      }
      expect(outlined).toBeGreaterThan(15);
      // The legend, grown by the kinds the expansion brought, covers none of what was shown: it folds rather than cover it.
      const legend = await map.evaluate(() => {
        const r = document.getElementById('legend-box')!.getBoundingClientRect();
        const c = document.getElementById('graph')!.getBoundingClientRect();
        return { x1: r.left - c.left, x2: r.right - c.left, y1: r.top - c.top, y2: r.bottom - c.top };
      });
      const covered = Object.keys(before).filter(
        (id) => after[id]!.x > legend.x1 && after[id]!.x < legend.x2 && after[id]!.y > legend.y1 && after[id]!.y < legend.y2,
      );
      expect(covered).toEqual([]);
      // On a desktop, where it starts open, 广州's newcomers fold it; folded for that, it says it has
      // entries the reader has not seen, and unfolded, it no longer does.
      if (viewport.width >= 900) {
        expect(await map.locator('#legend-box').evaluate((b) => (b as HTMLDetailsElement).open)).toBe(false);
        expect(await map.locator('#legend-new').textContent()).toContain('新条目');
        await map.click('#legend-box summary');
        // A details element says it opened in a task after the click: polled, not read at once.
        await expect.poll(() => map.locator('#legend-new').isHidden()).toBe(true);
      }
      // On a phone, the expanded node, and so its newcomers, in the part of the canvas the reader sees: above the drawer.
      if (viewport.width < 900) {
        const canvas = (await map.locator('#graph').boundingBox())!;
        const drawer = (await map.locator('#panel').boundingBox())!;
        await expect.poll(async () => canvas.y + (await onScreen(map))[expanded]!.y).toBeLessThan(drawer.y);
      }
      await map.close();
    }
  });

  it('collapses it again, and expands it back', async () => {
    const expanded = (await labels(page)).length;
    await page.click('#collapse');
    await idle(page);
    expect((await labels(page)).length).toBeLessThan(expanded);
    expect(page.url()).not.toContain('exp=');
    // Cytoscape restyles and redraws every element a class call names: a call that changes no class is wasted work.
    await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const classes = new Map<string, string>(cy.elements().map((el: any) => [el.id(), el.classes().join(' ')]));
      const w = window as any;
      w.__unchangedClasses = [];
      w.__onClass = (event: any) => {
        const now = event.target.classes().join(' ');
        if (classes.get(event.target.id()) === now) w.__unchangedClasses.push(event.target.id());
        classes.set(event.target.id(), now);
      };
      cy.on('class', w.__onClass);
    });
    await page.click('#expand');
    await idle(page);
    expect((await labels(page)).length).toBe(expanded);
    // The listener goes with the answer: the later tests' pages restyle without it.
    const unchanged = await page.evaluate(() => {
      const w = window as any;
      w.innograph.cy.off('class', w.__onClass);
      return w.__unchangedClasses;
    });
    expect(unchanged).toEqual([]);
  });

  it('takes an entity away with Remove, from the start view and from an expansion, and brings it back from search', async () => {
    const own = await opened('/');
    const shownIds = () => nodeIds(own);
    const count = () => own.locator('#count').textContent();
    const remove = async (id: string) => {
      await own.evaluate((id) => (window as any).innograph.store.actions.select(id), id);
      await idle(own);
      await own.click('#details .entity #remove');
      await idle(own);
    };
    // A place the start view draws, not expanded: removing it changes the selection alone in the URL's state.
    const before = await count();
    expect(await shownIds()).toContain('guangming-science-city');
    await remove('guangming-science-city');
    expect(await shownIds()).not.toContain('guangming-science-city');
    expect(await count()).not.toBe(before);
    expect(await selected(own)).toEqual([]);
    // One an expansion brought.
    await own.evaluate(() => (window as any).innograph.store.actions.expand('shenzhen'));
    await idle(own);
    expect(await shownIds()).toContain('china-national-genebank-phase-2');
    await remove('china-national-genebank-phase-2');
    expect(await shownIds()).not.toContain('china-national-genebank-phase-2');
    expect(await shownIds()).toContain('shenzhen');
    // Found again by search, it is back.
    await own.fill('#search', '光明科学城');
    await own.click('#suggestions [data-id="guangming-science-city"]');
    await idle(own);
    expect(await shownIds()).toContain('guangming-science-city');
    expect(await selected(own)).toEqual(['guangming-science-city']);
    await own.close();
  });

  it('keeps a laboratory found outside the view in the picture when its link is chosen', async () => {
    const id = 'LOCATED_IN:ji-hua-lab->foshan';
    const own = await opened('/?sel=ji-hua-lab');
    expect(await own.evaluate(() => (window as any).innograph.cy.getElementById('ji-hua-lab').nonempty())).toBe(true);
    await own.evaluate((id) => (window as any).innograph.cy.getElementById(id).emit('tap'), id);
    await idle(own);
    // The lab is in the picture only for its choice: chosen through its link, it stays, and so does
    // the link, whose panel shows (it left with the lab, the panel back to the view's guide).
    expect(new URL(own.url()).searchParams.get('link')).toBe(id);
    await own.waitForSelector('#details .edge .quote', { timeout: 10_000 });
    expect(await own.locator('#details .edge h2').textContent()).toBe('季华实验室 —位于→ 佛山');
    expect(await own.evaluate(() => (window as any).innograph.cy.$(':selected').map((e: any) => e.id()))).toEqual([id]);
    // Chosen elsewhere, it goes with its choice.
    await own.evaluate(() => (window as any).innograph.store.actions.select('shenzhen'));
    await idle(own);
    expect(await own.evaluate(() => (window as any).innograph.cy.getElementById('ji-hua-lab').empty())).toBe(true);
    await own.close();
  });

  it('opens a link sent on whose end the view does not hold with that end, and not a link the graph does not hold', async () => {
    const id = 'LOCATED_IN:ji-hua-lab->foshan';
    const shared = await opened(`/?link=${encodeURIComponent(id)}`);
    await shared.waitForSelector('#details .edge .quote', { timeout: 10_000 });
    expect(await shared.locator('#details .edge h2').textContent()).toBe('季华实验室 —位于→ 佛山');
    expect(await shared.evaluate(() => (window as any).innograph.cy.$(':selected').map((e: any) => e.id()))).toEqual([id]);
    await shared.close();
    // An address naming a link the graph does not hold, between real ends, brings neither in.
    const none = await opened(`/?link=${encodeURIComponent('LOCATED_IN:ji-hua-lab->shenzhen')}`);
    expect(await none.evaluate(() => (window as any).innograph.cy.getElementById('ji-hua-lab').empty())).toBe(true);
    expect(await none.locator('#details .edge').count()).toBe(0);
    await none.close();
  });

  it('shows the quote behind an edge, and opens the reader where it can be seen', async () => {
    const id = await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const e = cy.$('edge[source = "guangming-science-city"][target = "shenzhen"]');
      e.emit('tap');
      return e.id();
    });
    expect(id).toBe('LOCATED_IN:guangming-science-city->shenzhen');
    await page.waitForSelector('#details .edge .quote', { timeout: 10_000 });
    expect(await page.locator('#details .edge h2').textContent()).toBe('光明科学城 —位于→ 深圳');
    // On the canvas, the link selected is named, at the size a link's name has on screen; a link
    // neither selected nor pointed at is not.
    const named = await page.evaluate((id) => {
      const cy = (window as any).innograph.cy;
      const edge = cy.getElementById(id);
      const other = cy.edges().not(edge).not('.hover').first();
      return { label: edge.style('label'), size: parseFloat(edge.style('font-size')) * cy.zoom(), other: other.style('label') };
    }, id);
    expect(named.label).toBe('位于');
    expect(named.size).toBeCloseTo(SIZES.edgeFont, 1);
    expect(named.other).toBe('');
    await page.locator('#details .quote').first().click();
    await page.waitForSelector('#reader mark', { timeout: 10_000 });
    expect(await page.locator('#reader mark').textContent()).toContain('光明科学城');
    const mark = (await page.locator('#reader mark').boundingBox())!;
    expect(mark.y).toBeGreaterThanOrEqual(0);
    expect(mark.y + mark.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: path.join(SHOTS, '3-evidence.png') });
    await page.click('#reader .close');
    expect(await page.locator('#reader mark').count()).toBe(0);
    // The link is in the address: sent on, it opens on the same link, selected, with its sentences.
    const address = new URL(page.url());
    expect(address.searchParams.get('link')).toBe(id);
    const shared = await opened(`${address.pathname}${address.search}`);
    await shared.waitForSelector('#details .edge .quote', { timeout: 10_000 });
    expect(await shared.locator('#details .edge h2').textContent()).toBe('光明科学城 —位于→ 深圳');
    expect(await shared.evaluate(() => (window as any).innograph.cy.$(':selected').map((e: any) => e.id()))).toEqual([id]);
    await shared.close();
    // Back lets go of it, as of a node selected; Forward selects it again.
    await page.goBack();
    await idle(page);
    expect(new URL(page.url()).searchParams.get('link')).toBeNull();
    expect(await page.evaluate(() => (window as any).innograph.cy.$('edge:selected').length)).toBe(0);
    await page.goForward();
    await idle(page);
    expect(await page.evaluate(() => (window as any).innograph.cy.$(':selected').map((e: any) => e.id()))).toEqual([id]);
    // In the other language, an open reader speaks it too, its sentence still marked.
    await page.waitForSelector('#details .edge .quote', { timeout: 10_000 });
    await page.locator('#details .quote').first().click();
    await page.waitForSelector('#reader mark', { timeout: 10_000 });
    await page.click('#lang');
    await idle(page);
    expect(await page.locator('#reader .reader-head').textContent()).toBe('The planClose the plan');
    expect(await page.locator('#reader mark').textContent()).toContain('光明科学城');
    await page.click('#lang');
    await idle(page);
    expect(await page.locator('#reader .reader-head').textContent()).toBe('原文收起原文');
    await page.click('#reader .close');
  });

  it('exports the view: JSON with its evidence, GraphML with every node, PNG', async () => {
    const shown = await page.evaluate(() => (window as any).innograph.cy.nodes().length as number);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#json')]);
    const graph = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    expect(graph.nodes).toHaveLength(shown);
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(graph.edges.every((e: any) => e.evidence.length > 0)).toBe(true);
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('#graphml')]);
    const graphmlText = fs.readFileSync((await graphml.path())!, 'utf8');
    expect(graphmlText.match(/<node /g)).toHaveLength(shown);
    // Labelled as the picture is, in Chinese here: 深圳, and its links by the legend's names.
    expect(graphmlText).toMatch(/<node id="shenzhen">(?:(?!<\/node>).)*<data key="n_label">深圳<\/data>/s);
    expect(graphmlText).toContain('<data key="e_label">位于</data>');
    // In English, in English: its names, and its links as the English legend names them.
    const english = await opened('/?lang=en');
    const [englishGraphml] = await Promise.all([english.waitForEvent('download'), english.click('#graphml')]);
    const englishText = fs.readFileSync((await englishGraphml.path())!, 'utf8');
    expect(englishText).toMatch(/<node id="shenzhen">(?:(?!<\/node>).)*<data key="n_label">Shenzhen<\/data>/s);
    expect(englishText).toMatch(/<node id="shenzhen">(?:(?!<\/node>).)*<data key="n_name">深圳<\/data>/s);
    expect(englishText).toContain('<data key="e_label">located in</data>');
    await english.close();
    // The words the picture is given, as drawn on its canvas.
    await page.evaluate(() => {
      const w = window as any;
      w.__drawnTexts = [];
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      w.__fillText = fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number) {
        w.__drawnTexts.push(text);
        return fillText.call(this, text, x, y);
      };
    });
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#png')]);
    const texts = await page.evaluate(() => {
      const w = window as any;
      CanvasRenderingContext2D.prototype.fillText = w.__fillText;
      return w.__drawnTexts as string[];
    });
    const drawn = texts.join('');
    // On the map, what a place's standing says, in full: a picture cannot be hovered for it.
    expect(await page.locator('#legend .map-note').count()).toBe(1);
    expect(drawn.replace(/\s/g, '')).toContain(t('mapNoteFull', 'zh').replace(/\s/g, ''));
    // The places whose names the labels leave out (hovering names them on screen) are numbered on
    // it and named under it, 1, 2, … in order, each a place of the view; before, they went nameless.
    const key = texts.slice(texts.indexOf(t('unnamedKey', 'zh')) + 1).join('   ');
    expect(texts).toContain(t('unnamedKey', 'zh'));
    const numbered = key.split(/ {3,}/).map((entry) => ({ n: Number(/^\d+/.exec(entry)?.[0]), name: entry.replace(/^\d+ /, '') }));
    expect(numbered.length).toBeGreaterThan(0);
    expect(numbered.map((e) => e.n)).toEqual(numbered.map((_, i) => i + 1));
    const names = await page.evaluate(() => (window as any).innograph.cy.nodes().map((n: any) => n.data('label') as string));
    for (const { name } of numbered) expect(names).toContain(name);
    for (const { n } of numbered) expect(texts).toContain(String(n));
    // Saved under the view's name, and said so.
    const view = await page.evaluate(() => (window as any).innograph.store.get().view as string);
    for (const [file, extension] of [
      [json, 'json'],
      [graphml, 'graphml'],
      [png, 'png'],
    ] as const)
      expect(file.suggestedFilename()).toMatch(new RegExp(`^innograph-${view}(-[\\w.-]+)*\\.${extension}$`));
    await expect.poll(() => page.locator('#status').textContent()).toContain(png.suggestedFilename());
    const image = fs.readFileSync((await png.path())!);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    // Twice the size of the map as framed on the canvas, and of what is drawn past its sides (with a
    // margin there), with a title above it and the legend below it (its header's width and height).
    // The names are placed for the picture, not the screen: one may reach further, a name's width at most.
    const canvas = await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const drawn = cy.elements().renderedBoundingBox({ includeLabels: true });
      const [left, right] = [drawn.x1 < 0 ? drawn.x1 - 28 : 0, drawn.x2 > cy.width() ? drawn.x2 + 28 : cy.width()];
      return { width: cy.width(), height: cy.height(), picture: Math.ceil(right - left) };
    });
    expect(image.readUInt32BE(16)).toBeGreaterThanOrEqual(canvas.picture * 2);
    expect(image.readUInt32BE(16)).toBeLessThanOrEqual((canvas.picture + SIZES.labelWidth) * 2);
    expect(image.readUInt32BE(20)).toBeGreaterThan((canvas.height + 56 + 16 + 22) * 2);
  });

  it('selects and styles what it expands before the newcomers fly, so nothing is restyled after they land', async () => {
    const count = (await labels(page)).length;
    expect(await selected(page)).not.toEqual(['guangzhou']);
    await page.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const w = window as any;
      w.__restyledAfterFlight = [];
      let landed = false;
      // Styled, their labels measured and their links curved ahead (Cytoscape's own marks): the flight's first frame only draws.
      cy.one('layoutstart', () => {
        w.__unstyledAtTakeoff = cy
          .elements()
          .filter((e: any) => e._private.styleDirty || !e._private.rstyle.clean)
          .map((e: any) => e.id());
      });
      cy.one('layoutstop', () => (landed = true));
      w.__onStyle = (event: any) => landed && w.__restyledAfterFlight.push(event.target.id());
      cy.on('style', w.__onStyle);
      w.innograph.store.actions.expand('guangzhou');
    });
    await idle(page);
    expect((await labels(page)).length).toBeGreaterThan(count);
    expect(await selected(page)).toEqual(['guangzhou']);
    // The listener goes with the answer: the later tests' restyles are not recorded.
    const restyled = await page.evaluate(() => {
      const w = window as any;
      w.innograph.cy.off('style', w.__onStyle);
      return w.__restyledAfterFlight;
    });
    expect(restyled).toEqual([]);
    expect(await page.evaluate(() => (window as any).__unstyledAtTakeoff)).toEqual([]);
  });

  it('flies the newcomers for the flight’s time on screen, however long their styling kept the page', async () => {
    const own = await opened('/');
    /** From the last frame that draws a newcomer where it takes off to the first that draws it landed, on the page's clock. */
    const flight = (id: string) =>
      own.evaluate(
        (id) =>
          new Promise<number>((resolve) => {
            const { cy, store } = (window as any).innograph;
            const before = new Set(cy.nodes().map((n: any) => n.id()));
            const frames: { at: number; x: number; y: number }[] = [];
            let watching = true;
            const watch = () => {
              const newcomer = cy.nodes().filter((n: any) => !before.has(n.id()))[0];
              if (newcomer) frames.push({ at: performance.now(), ...newcomer.position() });
              if (watching) requestAnimationFrame(watch);
            };
            requestAnimationFrame(watch);
            cy.one('layoutstop', () =>
              requestAnimationFrame(() => {
                watching = false;
                const last = frames.at(-1)!;
                const away = (f: { x: number; y: number }) => Math.hypot(f.x - last.x, f.y - last.y);
                // Where it waits to take off: at the node it came with, or a hair along its way.
                const still = frames.filter((f) => away(f) > 0.98 * away(frames[0]!)).at(-1)!;
                const landed = frames.find((f) => away(f) < 0.5)!;
                resolve(landed.at - still.at);
              }),
            );
            store.actions.expand(id);
          }),
        id,
      );
    // As the bench expands them, by name: 东莞, then 深圳 and 广州, whose styling takes the page for tens of ms.
    const flights: number[] = [];
    for (const id of ['dongguan', 'shenzhen', 'guangzhou']) {
      flights.push(await flight(id));
      await idle(own);
    }
    // Less the frame it takes off in, which is read here once drawn (16–75 ms before, as Cytoscape timed them).
    expect(Math.min(...flights), `flights of ${flights.map((ms) => ms.toFixed(0)).join(' / ')} ms`).toBeGreaterThanOrEqual(SCENE_DEFAULTS.shortestFlight - 15);
    await own.close();
  });

  it('builds the expanded entity’s panel while its newcomers fly, not after they land', async () => {
    const own = await opened('/');
    // Selected first, as a reader does: the panel's answer is in hand when the expansion needs it.
    await own.evaluate(() => (window as any).innograph.store.actions.select('dongguan'));
    await idle(own);
    expect(await own.locator('#panel #expand').count()).toBe(1);
    const asked: string[] = [];
    own.on('request', (r) => {
      const operation = /query (\w+)/.exec(r.postData() ?? '')?.[1];
      if (operation) asked.push(operation);
    });
    const order = await own.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const w = window as any;
          const events: string[] = [];
          w.innograph.cy.one('layoutstart', () => events.push('takeoff'));
          w.innograph.cy.one('layoutstop', () => events.push('landed'));
          // The panel of an expanded entity offers to collapse it.
          new MutationObserver((_, observer) => {
            if (!document.querySelector('#panel #collapse')) return;
            events.push('panel');
            observer.disconnect();
          }).observe(document.getElementById('panel')!, { childList: true, subtree: true });
          new MutationObserver((_, observer) => {
            if (document.body.dataset.busy !== 'false') return;
            observer.disconnect();
            resolve(events);
          }).observe(document.body, { attributes: true, attributeFilter: ['data-busy'] });
          w.innograph.store.actions.expand('dongguan');
        }),
    );
    expect(order).toEqual(['takeoff', 'panel', 'landed']);
    // The panel shown was of the same entity: its answer is taken, not asked for again.
    expect(asked).not.toContain('Entity');
    await own.close();
  });

  it('asks a double-click’s entity once and ends on its expanded panel, its answer however slow', async () => {
    const own = await opened('/');
    // The selection's question is held back, so that its answer comes after the expansion's panel.
    let entityQuestions = 0;
    await own.route('**/graphql', async (route) => {
      if (/query Entity\b/.test(route.request().postData() ?? '') && entityQuestions++ === 0) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const heldAnswered = own.waitForEvent('requestfinished', { predicate: (r) => /query Entity\b/.test(r.postData() ?? ''), timeout: 20_000 });
    await own.evaluate(() => {
      const { actions } = (window as any).innograph.store;
      actions.select('dongguan');
      setTimeout(() => actions.expand('dongguan'), 200);
    });
    await own.waitForTimeout(300);
    await idle(own);
    await heldAnswered;
    // The held answer has been read by the page.
    await own.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    // Asked once: the expansion takes the selection's answer on its way.
    expect(entityQuestions).toBe(1);
    expect(await own.locator('#panel #collapse').count()).toBe(1);
    await own.close();
  });

  it('says it is loading only while an answer is slow in coming, and nothing for one that comes at once', async () => {
    const own = await opened('/');
    // Every text the status line shows, as the page writes it.
    await own.evaluate(() => {
      const w = window as unknown as { __said: string[] };
      w.__said = [];
      const bar = document.getElementById('status')!;
      new MutationObserver(() => w.__said.push(bar.textContent ?? '')).observe(bar, { childList: true, characterData: true, subtree: true });
    });
    const said = () => own.evaluate(() => (window as unknown as { __said: string[] }).__said.filter(Boolean));
    // 东莞's answer, as the server gives it, to be given again at once.
    const answered = own.waitForEvent('requestfinished', { predicate: (r) => /query Entity\b/.test(r.postData() ?? '') });
    await own.evaluate(() => (window as any).innograph.store.actions.select('dongguan'));
    const dongguan = await (await (await answered).response())!.text();
    await idle(own);
    let held = 0;
    await own.route('**/graphql', async (route) => {
      const question = route.request().postData() ?? '';
      if (/query Entity\b/.test(question) && /"shenzhen"/.test(question)) {
        held += 1;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      if (/query Entity\b/.test(question) && /"dongguan"/.test(question)) return route.fulfill({ contentType: 'application/json', body: dongguan });
      await route.continue();
    });
    await own.evaluate(() => (window as any).innograph.store.actions.select('shenzhen'));
    await expect.poll(() => own.locator('#status').textContent(), { timeout: 1400 }).toBe('加载中：实体…');
    expect(await own.locator('#status').getAttribute('data-kind')).toBe('busy');
    await expect.poll(() => own.locator('#details h2').first().textContent(), { timeout: 10_000 }).toBe('深圳');
    expect(held).toBe(1);
    expect(await own.locator('#status').textContent()).toBe('');
    // An answer given at once: the line never said a thing.
    await own.evaluate(() => ((window as unknown as { __said: string[] }).__said = []));
    await own.evaluate(() => (window as any).innograph.store.actions.select('dongguan'));
    await expect.poll(() => own.locator('#details h2').first().textContent()).toBe('东莞');
    await idle(own);
    expect(await said()).toEqual([]);
    await own.close();
  });

  it('highlights the shortest paths from 深圳 to 松山湖科学城 as a chain read left to right', async () => {
    await choosePath(page);
    const highlighted = await page.evaluate(() => (window as any).innograph.cy.$('.highlighted').map((e: any) => e.id()) as string[]);
    expect(highlighted).toEqual(expect.arrayContaining(['shenzhen', 'songshan-lake-science-city']));
    const at = await onScreen(page);
    expect(at.shenzhen!.x).toBeLessThan(at['songshan-lake-science-city']!.x);
    expect(await page.locator('#details .hop').count()).toBeGreaterThan(0);
    // A name under a node of the chain takes the room between two columns: whole (it was cut to
    // 大湾区综合…科学中心), inside the canvas, and on no other name or shape.
    const centre = await page.evaluate(() => (window as any).innograph.cy.getElementById('gba-comprehensive-national-science-center').data('drawn'));
    expect(centre).toBe('大湾区综合性国家科学中心');
    const stats = await labelStats(page);
    expect(stats.shown).toBe(await page.evaluate(() => (window as any).innograph.cy.nodes().length));
    expect([stats.overlapping, stats.hidden, stats.cut]).toEqual([0, [], []]);
    await page.screenshot({ path: path.join(SHOTS, '4-path.png') });
  });

  it('asks no path from a place to itself: the path shown stays, and the reader is told why in their language', async () => {
    // The path from 深圳 to 松山湖科学城 the test before asked for, its fields still open.
    expect(await page.evaluate(() => (window as any).innograph.store.get().view)).toBe('path');
    const before = await page.evaluate(
      () =>
        (window as any).innograph.cy
          .nodes()
          .map((n: any) => n.id())
          .sort() as string[],
    );
    // 深圳 again, found by its pinyin.
    await page.fill('#path-to', 'shenzhen');
    await page.click('#path-to-suggestions [data-id="shenzhen"]');
    await idle(page);
    expect(await page.locator('#status').textContent()).toBe('A 与 B 是同一个实体：请另选一端');
    expect(await page.evaluate(() => (window as any).innograph.store.get().pathTo)).toBe('songshan-lake-science-city');
    expect(
      await page.evaluate(
        () =>
          (window as any).innograph.cy
            .nodes()
            .map((n: any) => n.id())
            .sort() as string[],
      ),
    ).toEqual(before);
    // An address with one place as both ends opens the start view, with no error.
    const same = await opened('/?view=path&from=shenzhen&to=shenzhen');
    expect(await same.locator('#status').getAttribute('data-kind')).not.toBe('error');
    expect(await same.evaluate(() => (window as any).innograph.cy.nodes().length)).toBeGreaterThan(20);
    await same.close();
  });

  it('highlights one of several paths alone while the reader points at it in the panel', async () => {
    const fresh = await opened('/?view=path&from=shenzhen&to=songshan-lake-materials-lab');
    const nodes = async () => (await fresh.evaluate(() => (window as any).innograph.cy.$('node.highlighted').map((e: any) => e.id()) as string[])).sort();
    const every = await nodes();
    const walks = fresh.locator('#details .path-walk');
    expect(await walks.count()).toBeGreaterThan(1);
    const first = walks.first();
    const named = await first
      .locator('.statement')
      .evaluateAll((list) => list.flatMap((s) => [(s as HTMLElement).dataset.source!, (s as HTMLElement).dataset.target!]));
    await first.hover();
    const pointed = await nodes();
    expect(pointed).toEqual([...new Set(named)].sort());
    expect(pointed.length).toBeLessThan(every.length);
    await fresh.mouse.move(5, 5);
    expect(await nodes()).toEqual(every);
    await fresh.close();
  });

  it('quotes a link two paths share under the first only, and a sentence two hops cite in full once, folded to its own words under the other', async () => {
    const shared = await opened('/?view=path&from=dongguan&to=shenzhen');
    const walks = shared.locator('#details .path-walk');
    expect(await walks.count()).toBe(2);
    const firstHop = (walk: number) => walks.nth(walk).locator('.hop').first();
    // Both paths leave 东莞 by 松山湖科学城 (located in 东莞): stated in each, its sentence quoted in the first.
    expect(await firstHop(0).locator('.statement').getAttribute('data-source')).toBe('songshan-lake-science-city');
    expect(await firstHop(1).locator('.statement').getAttribute('data-source')).toBe('songshan-lake-science-city');
    expect(await firstHop(0).locator('.evidence li').count()).toBeGreaterThan(0);
    expect(await firstHop(1).locator('.evidence li').count()).toBe(0);
    expect(await firstHop(1).locator('.grounds-above').count()).toBe(1);
    // Each path is said once in the order it is walked, the way its first hop's link runs against it.
    for (const walk of [0, 1]) {
      const said = (await walks.nth(walk).locator('.walk').textContent())!;
      expect(said.startsWith('从东莞经松山湖科学城'), said).toBe(true);
      expect(said.endsWith('到深圳：'), said).toBe(true);
    }
    // Opened from a link, the path's boxes name its ends (they were empty, their examples reading as
    // ends), and a new B asks the path from the A shown.
    expect([await shared.inputValue('#path-from'), await shared.inputValue('#path-to')]).toEqual(['东莞', '深圳']);
    expect(await shared.getAttribute('#path-to', 'placeholder')).toBe('B：终点，如 松山湖科学城');
    await shared.fill('#path-to', '广州');
    await shared.waitForSelector('#path-to-suggestions [data-id="guangzhou"]');
    await shared.click('#path-to-suggestions [data-id="guangzhou"]');
    await idle(shared);
    expect(await shared.evaluate(() => (window as any).innograph.store.get())).toMatchObject({ view: 'path', pathFrom: 'dongguan', pathTo: 'guangzhou' });
    await shared.click('#lang');
    await idle(shared);
    expect([await shared.inputValue('#path-from'), await shared.inputValue('#path-to')]).toEqual(['Dongguan', 'Guangzhou']);
    await shared.close();
    const folded = await opened('/?view=path&from=shenzhen&to=songshan-lake-science-city');
    const quotes = await folded.locator('#details .evidence li').evaluateAll((items) =>
      items.map((li) => ({
        key: (li as HTMLElement).dataset.sentence!,
        again: !!li.querySelector('.again'),
        text: li.querySelector('.quote')!.textContent!,
        where: li.querySelector('.path')!.textContent!,
      })),
    );
    const keys = [...new Set(quotes.map((q) => q.key))];
    // Each sentence is quoted in full once in the panel.
    for (const key of keys) expect(quotes.filter((q) => q.key === key && !q.again).length).toBe(1);
    // 以深圳为主阵地…: the science centre's host, and 松山湖科学城's part in it; under the second, the words naming it.
    const centre = quotes.filter((q) => q.text.includes('综合性国家'));
    expect(centre.map((q) => q.again)).toEqual([false, true]);
    expect(centre[1]!.text.length).toBeLessThan(centre[0]!.text.length * 0.7);
    expect(centre[1]!.text).toMatch(/^“?…/);
    expect(centre[1]!.text).toContain('松山湖科学城');
    // It says where the sentence stands in full: the step the reader finds it at.
    expect(centre[1]!.where).toContain('全文见路径 1 第 1 步');
    await folded.close();
  });

  it('states every hop of a path in the direction the relation is stored, as the graph draws it', async () => {
    const hops = await page.locator('#details .hop .statement').evaluateAll((list) =>
      list.map((said) => ({
        source: (said as HTMLElement).dataset.source!,
        target: (said as HTMLElement).dataset.target!,
        type: (said as HTMLElement).dataset.type!,
        said: [...said.querySelectorAll('strong')].map((s) => s.textContent),
      })),
    );
    expect(hops.length).toBeGreaterThan(0);
    // The walk from 深圳 reaches 松山湖科学城 against at least one stored link (the science city is in the corridor).
    expect(hops.map((h) => `${h.source}->${h.target}`)).toContain('songshan-lake-science-city->gz-sz-hk-corridor');
    for (const hop of hops) {
      const drawn = await page.evaluate(({ source, target, type }) => {
        const cy = (window as any).innograph.cy;
        const edge = cy
          .edges()
          .filter(
            (e: any) =>
              e.data('type') === type &&
              ((e.source().id() === source && e.target().id() === target) || (e.source().id() === target && e.target().id() === source)),
          );
        return edge.map((e: any) => [e.source().data('label'), e.target().data('label'), e.source().id()]);
      }, hop);
      expect(drawn).toHaveLength(1);
      expect(drawn[0]![2]).toBe(hop.source);
      expect(hop.said).toEqual([drawn[0]![0], drawn[0]![1]]);
    }
  });

  it('keeps the shapes of the nodes on a path', async () => {
    const sizes = await page.evaluate(
      () => (window as any).innograph.cy.nodes('.highlighted').map((n: any) => [n.renderedWidth(), n.renderedHeight()]) as [number, number][],
    );
    expect(sizes.length).toBeGreaterThan(1);
    for (const [width, height] of sizes) expect(Math.min(width, height)).toBeGreaterThanOrEqual(12);
  });

  it("keeps a cluster's platforms clear of the legend (生物医药与健康's one direct platform sat under it)", async () => {
    await page.evaluate(() => (window as any).innograph.store.actions.openCluster('cluster-biomedicine-health'));
    await idle(page);
    await expectNewcomersInView(page, {}, await onScreen(page));
    // The direct platform's quote names the cluster (the paragraph opens with it), and the field
    // route, whose field-to-cluster links are the registry's alone, says so once, up front.
    expect(await page.locator('#details .via[data-via="DIRECT"] .quote').first().textContent()).toContain('生物医药与健康产业集群');
    expect(await page.locator('#details .via[data-via="FIELD"] > .route-note').count()).toBe(1);
    // 生命科学 leads to facilities and to science cities alike: one band holds it, its platforms and
    // its places, so no line runs from one band into another.
    const titles = await page.evaluate(() =>
      [...document.querySelectorAll('svg.underlay text:not(.area)')].map((t) => [t.textContent, t.getBoundingClientRect().y] as const),
    );
    expect(titles.map(([text]) => text)).toEqual(['直接服务', '经由相关领域的平台与园区等载体']);
    const shown = await onScreen(page);
    const canvasTop = await page.evaluate(() => document.getElementById('graph')!.getBoundingClientRect().y);
    for (const id of ['field-life-science', 'guangming-science-city', 'nansha-science-city', 'songshan-lake-science-city'])
      expect(canvasTop + shown[id]!.y, id).toBeGreaterThan(titles[1]![1]);
    // Off a map a name hides the links passing under it (光明科学城's line to 生命科学 crossed 人类细胞谱系装置's,
    // and read as a link to it); on the start view's map, the map shows through the names.
    const nameBackground = (p: Page) =>
      p.evaluate(
        () =>
          (window as any).innograph.cy
            .nodes(':unselected')
            .not('.quiet, .hover')
            .map((n: any) => Number(n.style('text-background-opacity'))) as number[],
      );
    expect(new Set(await nameBackground(page))).toEqual(new Set([1]));
    const map = await opened('/');
    expect(Math.max(...(await nameBackground(map)))).toBeLessThan(1);
    await map.close();
    // Off a map, the PNG is cut to what the picture draws: the blank the legend left above the bands
    // on screen (a third of the image) is not in it, title and legend included.
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#png')]);
    const image = fs.readFileSync((await png.path())!);
    const canvas = await page.evaluate(() => ({ width: (window as any).innograph.cy.width(), height: (window as any).innograph.cy.height() }));
    expect(image.readUInt32BE(16)).toBeLessThanOrEqual(Math.round(canvas.width) * 2);
    expect(image.readUInt32BE(20)).toBeLessThan(canvas.height * 2);
  });

  it("leads from a platform's panel back to its cluster's, the picture left as it was", async () => {
    const view = await opened('/?view=cluster&cluster=cluster-high-end-equipment&lang=en');
    const before = await onScreen(view);
    await view.click('#details .via[data-via="PLACE"] .platform .link');
    await idle(view);
    await view.waitForSelector('#details .entity[data-id="yuehai-equipment-park"]');
    const back = view.locator('#details .back-to-view');
    expect(await back.textContent()).toBe('← Back to the view: High-end Equipment Manufacturing Cluster');
    await back.click();
    await idle(view);
    await view.waitForSelector('#details .cluster');
    expect(await view.evaluate(() => document.body.dataset.selected)).toBe('no');
    expect(Math.max(...largestMove(before, await onScreen(view)))).toBeLessThanOrEqual(2);
    // A link's panel leads back too; the start view, whose panel is a guide, has no such line.
    await view.evaluate(() => {
      (window as any).innograph.cy.edges()[0].emit('tap');
    });
    await view.waitForSelector('#details .edge');
    await view.click('#details .back-to-view');
    await view.waitForSelector('#details .cluster');
    await view.close();
    const start = await opened('/');
    await selectAndShow(start, 'dongguan');
    expect(await start.locator('#details .back-to-view').count()).toBe(0);
    await start.close();
  });

  it('keeps the side’s tools in sight under the clusters, in English too, whose names take two lines', async () => {
    const view = await opened('/?lang=en');
    const side = await view.evaluate(() => {
      const bottom = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().bottom;
      return { indicators: bottom('#show-indicators'), filters: bottom('nav > details:last-of-type > summary'), height: innerHeight };
    });
    expect(side.indicators).toBeLessThan(side.height);
    expect(side.filters).toBeLessThan(side.height);
    // The clusters are all there, the list scrolling on its own.
    expect(await view.locator('#clusters li').count()).toBe(20);
    await view.close();
  });

  it('draws no link over a node it does not join where a bend gets it clear: 新能源’s one direct link ran through a field', async () => {
    const view = await opened('/?view=cluster&cluster=cluster-new-energy');
    const over = await view.evaluate(() => {
      const cy = (window as any).innograph.cy;
      return cy.edges().map((e: any) => {
        // The curve as Cytoscape draws it: from one end's outline to the other's, through its control point if it has one.
        const [s, t] = [e.sourceEndpoint(), e.targetEndpoint()];
        const c = e.controlPoints()?.[0] ?? { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
        const points = Array.from({ length: 49 }, (_, i) => {
          const u = (i + 1) / 50;
          return { x: (1 - u) ** 2 * s.x + 2 * u * (1 - u) * c.x + u * u * t.x, y: (1 - u) ** 2 * s.y + 2 * u * (1 - u) * c.y + u * u * t.y };
        });
        const crossed = cy
          .nodes()
          .filter((n: any) => n.id() !== e.source().id() && n.id() !== e.target().id())
          .filter((n: any) => points.some((p) => Math.hypot(p.x - n.position('x'), p.y - n.position('y')) < n.outerWidth() / 2))
          .map((n: any) => n.id());
        return { id: e.id(), bent: e.data('detour') !== undefined, crossed };
      });
    });
    const direct = over.find((e: { id: string }) => e.id === 'SERVES:advanced-energy-lab->cluster-new-energy');
    expect(direct, JSON.stringify(over.map((e: { id: string }) => e.id))).toBeDefined();
    expect(direct.bent).toBe(true);
    expect(over.filter((e: { crossed: string[] }) => e.crossed.length > 0)).toEqual([]);
    await view.close();
  });

  it('draws a bent link wherever its nodes stand, as a newcomer’s flight takes them: their outlines just clear of each other included', async () => {
    const view = await opened('/?exp=guangzhou');
    const { bent, undrawable } = await view.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const links = cy.edges('[detour]');
      const undrawable: string[] = [];
      links.forEach((e: any) => {
        const [source, target] = [e.source(), e.target()];
        const home = { ...source.position() };
        const at = target.position();
        const touching = (source.outerWidth() + target.outerWidth()) / 2;
        // Around its other end, from a tenth within touching it to a tenth clear of it, as a flight out
        // of it passes (a flight's places never fall on the very point at which two outlines meet:
        // there, the link is one point long, and Cytoscape draws none).
        for (let degrees = 0; degrees < 360; degrees += 30)
          for (let step = 0; step < 200; step += 1) {
            const [angle, distance] = [(degrees * Math.PI) / 180, touching * (0.9 + (step + 0.5) / 1000)];
            source.position({ x: at.x + Math.cos(angle) * distance, y: at.y + Math.sin(angle) * distance });
            const [s, t] = [e.sourceEndpoint(), e.targetEndpoint()];
            // Cytoscape's own mark (internal) of nodes whose shapes overlap: a link between them is not drawn, and rightly.
            const overlapping = e[0]._private.rscratch.nodesOverlap;
            if (!overlapping && ![s.x, s.y, t.x, t.y].every(Number.isFinite)) {
              undrawable.push(`${e.id()} at ${degrees}°, ${distance.toFixed(1)}`);
              break;
            }
          }
        source.position(home);
      });
      return { bent: links.length, undrawable };
    });
    expect(bent).toBeGreaterThan(10);
    expect(undrawable).toEqual([]);
    await view.close();
  });

  it('lists and draws, in a band of their own, the parks that serve a cluster no platform serves directly', async () => {
    const view = await opened('/?view=cluster&cluster=cluster-high-end-equipment');
    // The panel says what serves it directly, rather than that nothing does.
    expect(await view.locator('#details .no-direct').textContent()).toContain('园区');
    const sections = await view.locator('#details .cluster .via').evaluateAll((list) => list.map((s) => (s as HTMLElement).dataset.via));
    expect(sections[0]).toBe('PLACE');
    // It names the routes the platforms below take, and only those: here each goes through a field.
    expect(sections.filter((via) => !via!.startsWith('PLACE'))).toEqual(['FIELD']);
    // After the platforms through a field, the place through the field of the cluster's own name, its two links as stored.
    expect(sections).toEqual(['PLACE', 'FIELD', 'PLACE_FIELD']);
    const focusing = view.locator('#details .via[data-via="PLACE_FIELD"] .platform');
    expect(await focusing.evaluateAll((list) => list.map((p) => (p as HTMLElement).dataset.id))).toEqual(['songshan-lake-science-city']);
    expect(await focusing.locator('.route-link').evaluateAll((list) => list.map((l) => l.querySelector('.statement')?.textContent))).toEqual([
      '松山湖科学城 —聚焦→ 高端装备制造',
      '高端装备制造 —相关→ 高端装备制造产业集群',
    ]);
    expect(await view.locator('#details .no-direct').textContent()).toContain('经由领域与之相连');
    expect(await view.locator('#details .no-direct').textContent()).not.toContain('专门计划');
    const parks = await view.locator('#details .via[data-via="PLACE"] .platform').evaluateAll((list) => list.map((p) => (p as HTMLElement).dataset.id!));
    expect(parks).toEqual(['yuehai-equipment-park', 'intelligent-manufacturing-value-park']);
    // Each park's line states its link as stored, under a quote that names it.
    const first = view.locator('#details .via[data-via="PLACE"] .platform').first();
    expect(await first.locator('.route-link').first().textContent()).toContain('广东粤海装备技术产业园 —服务→ 高端装备制造产业集群');
    expect(await first.locator('.quote').first().textContent()).toContain('广东粤海装备技术产业园');
    // On the canvas: each park with its link to the cluster, in a band of its own under its title.
    const drawn = await view.evaluate((ids) => {
      const cy = (window as any).innograph.cy;
      return {
        links: ids.map((id: string) => cy.edges(`[source = "${id}"][target = "cluster-high-end-equipment"][type = "SERVES"]`).length),
        columns: ids.map((id: string) => Math.round(cy.getElementById(id).position('x'))),
        titles: [...document.querySelectorAll('.underlay text')].map((t) => t.textContent),
      };
    }, parks);
    expect(drawn.links).toEqual([1, 1]);
    expect(new Set(drawn.columns).size).toBe(1);
    expect(drawn.titles).toContain('直接服务的园区等载体');
    await view.screenshot({ path: path.join(SHOTS, '12-cluster-parks.png') });
    await view.close();
  });

  it("says beside a cluster's platform that discovery found it, and how surely, where the registry did not name it", async () => {
    const { data } = (await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ platformsForCluster(cluster: "cluster-advanced-materials") { platform { id source confidence } } }' }),
    }).then((r) => r.json())) as { data: { platformsForCluster: { platform: { id: string; source: string; confidence: number } }[] } };
    const found = data!.platformsForCluster.map((p) => p.platform).filter((p) => p.source !== 'registry');
    const named = data!.platformsForCluster.map((p) => p.platform).filter((p) => p.source === 'registry');
    expect(found.length).toBeGreaterThan(0);
    expect(named.length).toBeGreaterThan(0);
    const view = await opened('/?view=cluster&cluster=cluster-advanced-materials');
    for (const p of found) {
      const tag = view.locator(`#details .platform[data-id="${p.id}"] > .found-by`).first();
      expect(await tag.textContent()).toContain(`(${p.confidence.toFixed(1)})`);
      // Said in full on hover: what discovery is, and what the number is.
      const title = (await tag.getAttribute('title')) ?? '';
      expect(title).toContain(`${t('confidence', 'zh')} ${p.confidence.toFixed(1)}`);
      if (p.source === 'discovered') expect(title).toContain(t('discoveredFull', 'zh'));
    }
    for (const p of named) expect(await view.locator(`#details .platform[data-id="${p.id}"] > .found-by`).count()).toBe(0);
    await view.close();
  });

  it("keeps a cluster's band titles clear of the English legend without shrinking the picture, and whole on a phone's canvas", async () => {
    // A laptop's width: the English legend reaches past the canvas's middle there (at 1440 it did
    // until its registry line was shortened).
    const view = await opened('/?view=cluster&cluster=cluster-high-end-equipment&lang=en', { width: 1280, height: 800 });
    const desk = await view.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const canvas = document.getElementById('graph')!.getBoundingClientRect();
      const legend = document.getElementById('legend-box')!.getBoundingClientRect();
      const meets = (r: { left: number; right: number; top: number; bottom: number }) =>
        r.left < legend.right && legend.left < r.right && r.top < legend.bottom && legend.top < r.bottom;
      const nodes = cy.nodes().map((n: any) => {
        const b = n.renderedBoundingBox({ includeLabels: false });
        return { left: canvas.left + b.x1, right: canvas.left + b.x2, top: canvas.top + b.y1, bottom: canvas.top + b.y2 };
      });
      return {
        // The legend in English reaches past the canvas's middle: the case at hand.
        legendPastMiddle: legend.left < canvas.left + canvas.width / 2,
        titlesUnder: [...document.querySelectorAll('.underlay text')].filter((t) => meets(t.getBoundingClientRect())).map((t) => t.textContent),
        nodesUnder: nodes.filter(meets).length,
        spread: (Math.max(...nodes.map((n: any) => n.right)) - Math.min(...nodes.map((n: any) => n.left))) / canvas.width,
      };
    });
    expect(desk.legendPastMiddle).toBe(true);
    expect(desk.titlesUnder).toEqual([]);
    expect(desk.nodesUnder).toBe(0);
    // Kept left of the legend, the nodes spanned about 30 % of the canvas's width; below it, 51 %.
    expect(desk.spread).toBeGreaterThan(0.4);
    await view.close();
    const phone = await opened('/?view=cluster&cluster=cluster-high-end-equipment&lang=en', { width: 390, height: 844 });
    const titles = await phone.evaluate(() => {
      const canvas = document.getElementById('graph')!.getBoundingClientRect();
      return [...document.querySelectorAll('.underlay text')].map((t) => ({ text: t.textContent!, over: t.getBoundingClientRect().right - canvas.right }));
    });
    expect(titles.length).toBeGreaterThan(1);
    for (const t of titles) expect(t.over, t.text).toBeLessThanOrEqual(0);
    // Cut in words, not mid-word by the canvas's edge.
    expect(titles.map((t) => t.text)).toContain('Parks and places serving it…');
    await phone.close();
  });

  it("quotes a sentence several of a cluster's links cite in full once, folded to its own words under the others", async () => {
    const view = await opened('/?view=cluster&cluster=cluster-electronic-information');
    const quotes = await view.locator('#details .cluster .evidence li').evaluateAll((list) =>
      list
        .map((li) => ({ sentence: (li as HTMLElement).dataset.sentence!, quote: li.querySelector('.quote')! as HTMLElement }))
        .map(({ sentence, quote }) => ({
          sentence,
          full: !quote.classList.contains('again') && !quote.classList.contains('unstated'),
          text: quote.textContent!,
        })),
    );
    const bySentence = new Map<string, typeof quotes>();
    for (const q of quotes) bySentence.set(q.sentence, [...(bySentence.get(q.sentence) ?? []), q]);
    // 信息科学's sentence names four of the cluster's platforms: each link cites it.
    expect([...bySentence.values()].some((list) => list.length > 2)).toBe(true);
    for (const [sentence, list] of bySentence) {
      expect(list.filter((q) => q.full).length, sentence).toBeLessThanOrEqual(1);
      const full = list.find((q) => q.full);
      // Folded: shorter than the sentence in full.
      if (full) for (const q of list.filter((other) => !other.full)) expect(q.text.length, q.text).toBeLessThan(full.text.length);
    }
    await view.close();
  });

  it('opens a cluster found by search as its platforms, one row each, in bands by route', async () => {
    await page.fill('#search', '先进材料产业集群');
    await page.click('#suggestions [data-id="cluster-advanced-materials"]');
    await idle(page);
    expect(page.url()).toContain('view=cluster');
    // What the plan says of the cluster comes first: its own sentences, each opening the reader.
    const said = await page.locator('#details .said .quote').allTextContents();
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((quote) => quote.includes('先进材料'))).toBe(true);
    // Not its heading alone, which says nothing of it.
    expect(said).not.toContain('“先进材料产业集群。”');
    const rows = await page.locator('#details .platform').evaluateAll((list) => list.map((p) => (p as HTMLElement).dataset.id!));
    expect(new Set(rows).size).toBe(rows.length);
    expect((await page.locator('#details .platform').allTextContents()).join('\n')).toContain('季华实验室');
    expect(await page.locator('.underlay text').count()).toBeGreaterThan(0);
    // A link several routes share is quoted once, under the first platform it leads to.
    const shared = await page
      .locator('#details .route-link')
      .evaluateAll((links) =>
        links.map((l) => ({ id: (l as HTMLElement).dataset.relation, quoted: !!l.querySelector('.evidence'), above: !!l.querySelector('.grounds-above') })),
      );
    const seen = new Set<string>();
    for (const link of shared) {
      expect(link.quoted, link.id).toBe(!seen.has(link.id!));
      expect(link.above, link.id).toBe(seen.has(link.id!));
      seen.add(link.id!);
    }
    expect(shared.length).toBeGreaterThan(seen.size);
    // Bands are no map: the legend says nothing of places.
    expect(await page.locator('#legend .map-note').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, '5-cluster.png') });
  });

  it("words every link of a platform's route in the direction the graph stores and draws it", async () => {
    const said = await statementsBesideGraph(page);
    // Routes through a field or a program have links that do not start at the platform.
    expect(said.filter((s) => s.via !== 'DIRECT').length).toBeGreaterThan(0);
    expect(said.length).toBeGreaterThanOrEqual(await page.locator('#details .platform').count());
    for (const s of said) {
      expect(s.drawn, `${s.source} → ${s.target}`).toEqual([[s.source, s.target]]);
      expect(s.words).toEqual(s.labels);
    }
  });

  it('switches labels to English', async () => {
    await page.click('#lang');
    await idle(page);
    expect(await labels(page)).toContain('Ji Hua Laboratory');
    expect(page.url()).toContain('lang=en');
    // A selected entity's panel is headed in English too, its Chinese name under the heading.
    const entity = await opened('/?sel=guangming-science-city&lang=en');
    expect(await entity.locator('#details h2').textContent()).toBe('Guangming Science City');
    expect(await entity.locator('#details .other-name').textContent()).toBe('光明科学城');
    await entity.close();
  });

  it('titles a cluster’s bands in the language switched to, the picture kept as it was', async () => {
    const own = await opened('/?view=cluster&cluster=cluster-advanced-materials');
    const titles = () => own.locator('.underlay text').allTextContents();
    const before = await titles();
    expect(before).toContain('直接服务');
    const places = await onScreen(own);
    await own.click('#lang');
    await idle(own);
    // "直接服务" and "经由相关领域的平台与园区等载体" stayed over an English picture.
    const after = await titles();
    expect(after).toHaveLength(before.length);
    expect(after).toContain('Serves directly');
    expect(after.filter((title) => /\p{Script=Han}/u.test(title))).toEqual([]);
    expect(Math.max(...largestMove(places, await onScreen(own)))).toBeLessThanOrEqual(2);
    await own.close();
  });

  it('reopens the same view from its URL', async () => {
    const url = page.url();
    const before = (await labels(page)).sort();
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(fresh);
    await fresh.goto(url);
    await idle(fresh);
    expect((await labels(fresh)).sort()).toEqual(before);
    expect(await fresh.locator('#details h2').textContent()).toBe('Advanced Materials Cluster');
    await fresh.close();
    // An address naming nothing the graph holds says so in the reader's language, with the id it named.
    const stale = await opened('/?view=cluster&cluster=no-such-cluster&lang=en');
    expect(await stale.locator('#status').textContent()).toBe('platforms: the graph holds nothing this address names (no-such-cluster)');
    // Its picture is empty: nothing to export or fit, and the buttons say so (a PNG of it failed to decode).
    for (const id of ['#fit', '#png', '#json', '#graphml']) {
      expect(await stale.locator(id).isDisabled(), id).toBe(true);
      expect(await stale.locator(id).getAttribute('title'), id).toBe('nothing is drawn to export or fit');
    }
    await stale.close();
  });

  it('opens a view’s panel again when the reader asks for the view shown, once they closed it', async () => {
    const fresh = await opened('/?view=cluster&cluster=cluster-new-energy&lang=en');
    expect(await fresh.locator('#details h2').textContent()).toBe('New Energy Cluster');
    await fresh.locator('#close-panel').click();
    await expect.poll(() => fresh.evaluate(() => document.body.dataset.panel)).toBe('closed');
    // Before, the item of the cluster shown did nothing: the panel came back only by another view first.
    await fresh.locator('#clusters button.item', { hasText: 'New Energy Cluster' }).click();
    await idle(fresh);
    expect(await fresh.evaluate(() => document.body.dataset.panel)).toBe('open');
    expect(await fresh.locator('#details h2').textContent()).toBe('New Energy Cluster');
    // Exports of a picture with something in it are on.
    expect(await fresh.locator('#png').isDisabled()).toBe(false);
    await fresh.close();
  });

  it('shows the indicators as a full-width table of 2020 → 2025', async () => {
    await page.click('#show-indicators');
    await idle(page);
    const rows = await page.locator('.indicators tbody tr').allTextContents();
    expect(rows).toHaveLength(10);
    // In English: the target as meant, the units in words.
    expect(rows.join('\n')).toContain('about 3.5');
    expect(rows.join('\n')).toContain('person-years');
    // The plan's notes under the table: a baseline of another year dated, what a growth rate averages, the note about all of them once;
    // in English, as the plan's glosses render them, the plan's own words over each.
    expect(rows.find((r) => r.includes('69.72'))).toContain('(2019)');
    expect(rows.find((r) => r.includes('14.1'))).toContain('average annual growth over the 13th (2016–2020) and the 14th (2021–2025)');
    const growthNote = page.locator('.indicators tbody tr', { hasText: '14.1' }).locator('.row-note');
    expect(await growthNote.getAttribute('title')).toContain('分别指“十三五”、“十四五”期间年均增长');
    expect(await page.locator('.indicators .table-note').textContent()).toMatch(/^The plan's note: All the indicators above are anticipatory targets/);
    expect(await page.locator('.indicators .table-note .note').getAttribute('title')).toContain('以上指标均为预期性指标');
    expect(rows.join('\n')).not.toMatch(/年均增长|年数据|累计新增/);
    expect((await page.locator('#table').boundingBox())!.width).toBeGreaterThan(900);
    // Where the plan sets the table out, and each row read there: in the reader, the row marked in its table.
    expect(await page.locator('.indicators .table-source').textContent()).toContain('专栏 1');
    await page.locator('.indicators tbody tr', { hasText: '3465.92' }).locator('button').click();
    await page.waitForSelector('.reader mark');
    expect(await page.locator('.reader mark').textContent()).toBe('9 技术合同成交额（亿元） 3465.92 5000');
    expect(await page.locator('.reader p').textContent()).toContain('10 公民具备科学素质比例');
    await page.locator('.reader .close').click();
    // A table has no picture to lay out, export or fit: those controls are off, and say why.
    for (const id of ['#layout', '#fit', '#png', '#json', '#graphml']) {
      expect(await page.locator(id).isDisabled()).toBe(true);
      expect(await page.locator(id).getAttribute('title')).toBeTruthy();
    }
    await page.screenshot({ path: path.join(SHOTS, '6-indicators.png') });
  });

  it('gives each indicator’s name a phone’s width, its figures and bars under it', async () => {
    const narrow = await opened('/?view=indicators', { width: 390, height: 844 });
    const rows = await narrow.evaluate(() =>
      [...document.querySelectorAll('.indicators tbody tr')].map((tr) => {
        const [name, baseline, , target, , bars] = [...tr.children].map((td) => td.getBoundingClientRect());
        return { name: name!.width, figuresBelow: baseline!.top >= name!.bottom - 1 && target!.top >= name!.bottom - 1, bars: bars!.width };
      }),
    );
    expect(rows).toHaveLength(10);
    // Six columns left a name about 70 pixels: four characters a line.
    expect(rows.filter((row) => !row.figuresBelow)).toEqual([]);
    expect(Math.min(...rows.map((r) => r.name))).toBeGreaterThan(300);
    expect(Math.min(...rows.map((r) => r.bars))).toBeGreaterThan(300);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // In Chinese, the notes are the plan's own words, glossed by nothing.
    expect(await narrow.locator('.indicators tbody tr', { hasText: '14.1' }).locator('.row-note').textContent()).toBe(
      '全社会研发经费投入增长（%）分别指“十三五”、“十四五”期间年均增长。',
    );
    expect(await narrow.locator('.indicators .row-note[title]').count()).toBe(0);
    // A row read in the plan: the reader, a drawer, shows the row it marks (row 7 lay below its edge).
    await narrow.locator('.indicators tbody tr', { hasText: '海外发明专利授权量' }).locator('button').click();
    await narrow.waitForSelector('.reader mark');
    const [drawer, row] = await Promise.all([narrow.locator('#panel').boundingBox(), narrow.locator('.reader mark').boundingBox()]);
    expect(row!.y).toBeGreaterThanOrEqual(drawer!.y);
    expect(row!.y + row!.height).toBeLessThanOrEqual(drawer!.y + drawer!.height);
    expect(await narrow.locator('.reader mark').textContent()).toContain('7 海外发明专利授权量');
    await narrow.close();
  });

  it('goes Back to the previous picture as it was', async () => {
    await page.fill('#search', '松山湖');
    await page.goBack();
    await idle(page);
    expect(page.url()).toContain('view=cluster');
    expect(await page.locator('#details h2').textContent()).toBe('Advanced Materials Cluster');
    expect(await page.locator('#png').isDisabled()).toBe(false);
    expect(await page.locator('#layout').isDisabled()).toBe(false);
    // What was typed in the search box belonged to the step left behind.
    expect(await page.inputValue('#search')).toBe('');
  });

  it('draws arrowheads smaller than the nodes they point at, zoomed out or in', async () => {
    const sizes = async (zoom: number) => {
      await page.evaluate((z) => {
        const cy = (window as any).innograph.cy;
        cy.zoom({ level: z, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      }, zoom);
      await page.waitForTimeout(400); // the sizes are redone once the zoom settles
      return page.evaluate(() => {
        const cy = (window as any).innograph.cy;
        const edge = cy.edges().first();
        // Cytoscape's own measure of the arrowhead it draws, in model units, then on screen.
        const arrow = cy.renderer().getArrowWidth(edge.pstyle('width').pfValue, edge.pstyle('arrow-scale').value) * 0.3 * cy.zoom();
        return { arrow, node: edge.target().renderedWidth() };
      });
    };
    await page.click('#fit');
    const start = (await page.evaluate(() => (window as any).innograph.cy.zoom())) as number;
    for (const zoom of [start, start * 3]) {
      const { arrow, node } = await sizes(zoom);
      expect(arrow, `zoom ${zoom}`).toBeLessThan(node);
    }
    await page.click('#fit');
  });

  it('draws two links between the same two places apart, and a lone link straight', async () => {
    const own = await opened('/');
    const drawn = await own.evaluate(async () => {
      const { scene, cy } = (window as any).innograph;
      const link = (id: string, source: string, target: string, parallel: string) => ({
        group: 'edges',
        data: { id, source, target, type: 'LOCATED_IN', cited: 'yes', label: 'located in', parallel },
      });
      await scene.replace(
        [
          ...['a', 'b', 'c'].map((id) => ({ group: 'nodes', data: { id, label: id, kind: 'Lab' } })),
          link('ab', 'a', 'b', 'yes'),
          link('ba', 'b', 'a', 'yes'),
          link('ac', 'a', 'c', 'no'),
        ],
        {
          kind: 'preset',
          positions: new Map([
            ['a', { x: 0, y: 0 }],
            ['b', { x: 300, y: 0 }],
            ['c', { x: 0, y: 300 }],
          ]),
        },
      );
      const middle = (id: string) => cy.$id(id).midpoint();
      return { ab: middle('ab'), ba: middle('ba'), ac: middle('ac') };
    });
    // Either side of the line between their ends, far enough apart to be told apart.
    expect(Math.abs(drawn.ab.y - drawn.ba.y)).toBeGreaterThan(10);
    expect(Math.abs(drawn.ac.x)).toBeLessThan(0.5);
    expect(drawn.ac.y).toBeCloseTo(150, 0);
    await own.close();
  });

  it('draws the pictures of what is in sight at a new zoom before its frame, which then only copies them', async () => {
    await page.evaluate(() => {
      const w = window as any;
      const cy = w.innograph.cy;
      const renderer = cy.renderer();
      const counts = (w.__pictures = { restyled: false, inFrame: 0, ahead: 0 });
      let framing = false;
      // Cytoscape's frame (render) and its picture caches' drawing of one element into a texture,
      // given its box (internals; a link, which has no picture, is drawn by the same call without
      // one): counted from the stylesheet made for the new zoom on, which gives every element a new picture.
      const render = renderer.render;
      renderer.render = function (...args: unknown[]) {
        framing = true;
        try {
          return render.apply(this, args);
        } finally {
          framing = false;
        }
      };
      for (const name of ['eleTxrCache', 'lblTxrCache']) {
        const cache = renderer.data[name];
        const draw = ((w.__drawElement ??= {})[name] = cache.drawElement);
        cache.drawElement = (...args: unknown[]) => {
          if (counts.restyled && args.length > 2) counts[framing ? 'inFrame' : 'ahead'] += 1;
          return draw(...args);
        };
      }
      const style = cy.style;
      cy.style = function (...args: unknown[]) {
        if (args.length > 0) counts.restyled = true;
        return style.apply(this, args);
      };
      cy.zoom({ level: cy.zoom() * 1.8, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await page.waitForTimeout(400); // the sizes are redone once the zoom settles
    await idle(page);
    const counts = await page.evaluate(() => {
      const w = window as any;
      const cy = w.innograph.cy;
      const renderer = cy.renderer();
      // The prototype's again.
      delete renderer.render;
      delete cy.style;
      for (const name of ['eleTxrCache', 'lblTxrCache']) renderer.data[name].drawElement = w.__drawElement[name];
      return w.__pictures;
    });
    expect(counts.restyled).toBe(true);
    expect(counts.inFrame).toBe(0);
    expect(counts.ahead).toBeGreaterThan(0);
    await page.click('#fit');
  });

  it('takes away an entity its selection brought into the view once Back leaves the selection', async () => {
    const back = await opened('/');
    const ids = () => nodeIds(back);
    const start = await ids();
    expect(start).not.toContain('pengcheng-cloud-brain');
    // Selected from a search: 鹏城云脑 joins the start view with its links.
    await back.evaluate(() => (window as any).innograph.store.actions.select('pengcheng-cloud-brain'));
    await idle(back);
    expect(await ids()).toContain('pengcheng-cloud-brain');
    await back.goBack();
    await idle(back);
    expect(new URL(back.url()).search).toBe('');
    expect((await ids()).sort()).toEqual([...start].sort());
    await back.close();
  });

  it('says of a city the plan only names that it states nothing of it, and leads to the sentences that name it (潮州)', async () => {
    const city = await opened('/?view=city&city=chaozhou&lang=en');
    // Nothing listed under its name: the panel says why, rather than being blank.
    expect(await city.locator('#details .city section').count()).toBe(0);
    expect(await city.locator('#details .city .nothing-stated').textContent()).toBe(`${t('cityNothingStated', 'en')} Chaozhou`);
    await city.click('#details .city .nothing-stated .link');
    await idle(city);
    await city.waitForSelector('#details .entity[data-id="chaozhou"]');
    const mentions = await city.locator('#details .entity .evidence li .quote').allTextContents();
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.every((quote) => quote.includes('潮州'))).toBe(true);
    // It has no links: no heading over none.
    expect(await city.locator('#details .entity h3').allTextContents()).toEqual([t('mentions', 'en')]);
    // A city the plan places things in says nothing of the kind.
    const shenzhen = await opened('/?view=city&city=shenzhen');
    expect(await shenzhen.locator('#details .city section').count()).toBeGreaterThan(0);
    expect(await shenzhen.locator('#details .city .nothing-stated').count()).toBe(0);
    await shenzhen.close();
    await city.close();
  });

  it('frames a city’s view on the city: a partner beyond it stands at the edge, its name pointing there, and no place lies on another (广州’s)', async () => {
    const city = await opened('/?view=city&city=guangzhou');
    const seen = await city.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const label = (id: string) => cy.getElementById(id).data('label') as string;
      const marked = [...document.querySelectorAll('.underlay path.subject')].map((p) => (p as SVGElement).dataset.name);
      return { zoom: cy.zoom() as number, hongKong: label('hong-kong'), macao: label('macao'), shenzhen: label('shenzhen'), marked };
    });
    // The city's own part of the map stands out from its neighbours', which are named, faintly, on
    // the canvas: 东莞's land was read as blank map.
    expect(seen.marked).toEqual(['广州']);
    const areas = await city.evaluate(() => {
      const canvas = document.getElementById('graph')!.getBoundingClientRect();
      return [...document.querySelectorAll('.underlay text.area')].map((t) => {
        const r = t.getBoundingClientRect();
        return { name: t.textContent!, on: r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom };
      });
    });
    expect(areas.map((a) => a.name)).toEqual(expect.arrayContaining(['东莞', '佛山']));
    expect(areas.map((a) => a.name)).not.toContain('广州');
    for (const a of areas) expect(a.on, a.name).toBe(true);
    // The map ends at the frame, so that a place drawn at its edge (香港 ↘) stands off the map, not on another city's land.
    const frame = await city.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const rect = document.querySelector('.underlay clipPath rect')!;
      const edge = (name: string) => Number(rect.getAttribute(name));
      const [x1, y1] = [edge('x'), edge('y')];
      const [x2, y2] = [x1 + edge('width'), y1 + edge('height')];
      // In model units, as the map is drawn: within the frame, or on or past its edge.
      const inside = (id: string) => {
        const p = cy.getElementById(id).position();
        return p.x > x1 + 1 && p.x < x2 - 1 && p.y > y1 + 1 && p.y < y2 - 1;
      };
      return {
        clipped: document.querySelector('.underlay g')!.getAttribute('clip-path'),
        guangzhou: inside('guangzhou'),
        hongKong: inside('hong-kong'),
        shenzhen: inside('shenzhen'),
      };
    });
    expect(frame).toEqual({ clipped: 'url(#underlay-frame)', guangzhou: true, hongKong: false, shenzhen: true });
    // Before, the picture reached 香港, 澳门 and 海南 where they lie and was drawn at zoom 0.68, 24 of
    // its 55 names shown; framed on 广州, it is drawn larger and shows more of them.
    expect(seen.zoom).toBeGreaterThanOrEqual(1);
    expect(seen.hongKong).toBe('香港 ↘');
    expect(seen.macao).toBe('澳门 ↓');
    // Within the frame, where it lies: no arrow.
    expect(seen.shenzhen).toBe('深圳');
    const stats = await labelStats(city);
    expect(stats.shown).toBeGreaterThanOrEqual(30);
    // Before, 11 pairs of shapes lay on one another, 天然气水合物钻采船 on three.
    expect(stats.stacked).toEqual([]);
    // Its links with other cities and zones name the other end as a link to its panel, whose quotes say why.
    const partner = city.locator('#details .city-links li .link').first();
    const partnerId = await partner.getAttribute('data-id');
    await partner.click();
    await city.waitForFunction((id) => location.search.includes(`sel=${id}`), partnerId);
    await idle(city);
    expect(await city.locator('#details .entity').getAttribute('data-id')).toBe(partnerId);
    await city.close();
  });

  it('draws the places an expansion of a partner at a city view’s edge brings at the frame’s edge too, pointing where they lie', async () => {
    const city = await opened('/?view=city&city=shenzhen');
    const before = await nodeIds(city);
    // 广州 stands at the edge of 深圳's frame (↖ 广州); its science cities and zones lie past it.
    await city.evaluate(() => (window as any).innograph.store.actions.expand('guangzhou'));
    await city.waitForFunction(() => location.search.includes('exp=guangzhou'));
    await idle(city);
    // The places the registry locates, and those of 广州, as the API gives them.
    const { located, ofGuangzhou } = await city.evaluate(async () => {
      const query =
        '{ neighborhood(ids: ["guangzhou"], depth: 1) { nodes { id city { id } ... on City { lat } ... on ScienceCity { lat } ... on Zone { lat } } } }';
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const { data } = (await response.json()) as { data: { neighborhood: { nodes: { id: string; lat?: number | null; city: { id: string } | null }[] } } };
      const nodes = data.neighborhood.nodes;
      return { located: nodes.filter((n) => n.lat != null).map((n) => n.id), ofGuangzhou: nodes.filter((n) => n.city?.id === 'guangzhou').map((n) => n.id) };
    });
    // Every place of 广州 stands beside it, past the frame's edge, not on 东莞's or 深圳's land.
    const onTheMap = await city.evaluate(
      ({ shown, ofGuangzhou }) => {
        const cy = (window as any).innograph.cy;
        const rect = document.querySelector('.underlay clipPath rect')!;
        const edge = (name: string) => Number(rect.getAttribute(name));
        const [x1, y1] = [edge('x'), edge('y')];
        const [x2, y2] = [x1 + edge('width'), y1 + edge('height')];
        return ofGuangzhou
          .filter((id) => !shown.includes(id) && cy.getElementById(id).nonempty())
          .filter((id) => {
            const p = cy.getElementById(id).position();
            return p.x > x1 && p.x < x2 && p.y > y1 && p.y < y2;
          });
      },
      { shown: before, ofGuangzhou },
    );
    expect(ofGuangzhou.length).toBeGreaterThan(20);
    expect(onTheMap).toEqual([]);
    const seen = await city.evaluate(
      ({ shown, located }) => {
        const cy = (window as any).innograph.cy;
        const rect = document.querySelector('.underlay clipPath rect')!;
        const edge = (name: string) => Number(rect.getAttribute(name));
        const frame = { x1: edge('x'), y1: edge('y'), x2: edge('x') + edge('width'), y2: edge('y') + edge('height') };
        return cy
          .nodes()
          .filter((n: any) => !shown.includes(n.id()) && located.includes(n.id()))
          .map((n: any) => {
            const p = n.position();
            const inside = p.x > frame.x1 && p.x < frame.x2 && p.y > frame.y1 && p.y < frame.y2;
            return { id: n.id(), label: n.data('label') as string, sited: n.hasClass('sited') as boolean, inside };
          }) as { id: string; label: string; sited: boolean; inside: boolean }[];
      },
      { shown: before, located },
    );
    const pointing = seen.filter((n) => /[↖↗↙↘←→↑↓]/.test(n.label));
    // Before, they were drawn where they lie, past the frame where the map is not drawn, as if at their sites.
    expect(pointing.length).toBeGreaterThanOrEqual(3);
    for (const n of pointing) expect(n.sited, n.label).toBe(false);
    // A located newcomer with no arrow is one that lies within the frame, drawn at its site.
    for (const n of seen.filter((x) => !pointing.includes(x))) expect(n.inside, n.label).toBe(true);
    await city.close();
  });

  it('draws a place found by search from another city’s view in its own city’s part of the map, not beside the city shown', async () => {
    const city = await opened('/?view=city&city=zhanjiang');
    await city.fill('#search', '散裂中子源');
    await city.waitForSelector('#suggestions [role="option"]');
    await city.keyboard.press('Enter');
    await city.waitForFunction(() => location.search.includes('sel=china-spallation-neutron-source'));
    await idle(city);
    const where = await city.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const at = (id: string) => cy.getElementById(id).position();
      const inside = (name: string, p: { x: number; y: number }) =>
        (document.querySelector(`.underlay path[data-name="${name}"]`) as SVGGeometryElement).isPointInFill(new DOMPoint(p.x, p.y));
      const p = at('china-spallation-neutron-source');
      return { dongguan: inside('东莞', p), zhanjiang: inside('湛江', p) };
    });
    // Before, it was drawn beside 湛江, under 湛江's title.
    expect(where.dongguan).toBe(true);
    expect(where.zhanjiang).toBe(false);
    // The reader is taken to it (the picture pans there).
    await expect
      .poll(() =>
        city.evaluate(() => {
          const cy = (window as any).innograph.cy;
          const p = cy.$('node:selected').renderedPosition();
          return p.x > 0 && p.x < cy.width() && p.y > 0 && p.y < cy.height();
        }),
      )
      .toBe(true);
    await city.close();
  });

  it('draws a place beyond the map at the edge of a city’s view, its name pointing where it lies', async () => {
    const city = await opened('/?view=city&city=shenzhen');
    const seen = await city.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const at = (id: string) => ({ ...cy.getElementById(id).renderedPosition(), label: cy.getElementById(id).data('label') as string });
      return {
        hainan: at('hainan-free-trade-port'),
        guangzhou: at('guangzhou'),
        shenzhen: at('shenzhen'),
        guangming: at('guangming-science-city'),
        width: cy.width(),
        height: cy.height(),
      };
    });
    // South-west of Shenzhen, on the canvas, named with the arrow toward Hainan.
    expect(seen.hainan.label).toBe('↙ 海南自由贸易港');
    expect(seen.hainan.x).toBeLessThan(seen.shenzhen.x);
    expect(seen.hainan.y).toBeGreaterThan(seen.shenzhen.y);
    expect(seen.hainan.x > 0 && seen.hainan.x < seen.width && seen.hainan.y > 0 && seen.hainan.y < seen.height).toBe(true);
    // So does a partner city beyond the city's frame, north-west of it.
    expect(seen.guangzhou.label).toBe('↖ 广州');
    expect(seen.guangzhou.x).toBeLessThan(seen.shenzhen.x);
    expect(seen.guangzhou.y).toBeLessThan(seen.shenzhen.y);
    // A place on the map stands where it lies, with no arrow.
    expect(seen.guangming.label).toBe('光明科学城');
    // The city's places crowd its small outline: each name shown is still nearer its own node than any other.
    const stats = await labelStats(city);
    expect(stats.shown).toBeGreaterThanOrEqual(10);
    expect(stats.hidden).toEqual([]);
    expect(stats.beside).toEqual([]);
    // Selected, 广州's panel says it is drawn out of place, and which way it lies; its links to what
    // the picture shows come first (深圳 and 香港, before 中国科学院, which is not in it).
    await city.evaluate(() => (window as any).innograph.store.actions.select('guangzhou'));
    await idle(city);
    expect(await city.locator('#details .drawn-beyond').textContent()).toContain('↖');
    const groups = await city.locator('#details .relation-group').evaluateAll((list) =>
      list.map((group) =>
        [...group.querySelectorAll('.statement')].map((s) => {
          const other = [(s as HTMLElement).dataset.source!, (s as HTMLElement).dataset.target!].find((id) => id !== 'guangzhou')!;
          return (window as any).innograph.cy.getElementById(other).nonempty() as boolean;
        }),
      ),
    );
    // Each kind of link lists those in view first, and the kinds with one in view come first.
    expect(groups[0]![0]).toBe(true);
    for (const group of groups) expect(group).toEqual([...group].sort((a, b) => Number(b) - Number(a)));
    expect(groups.map((group) => group[0])).toEqual([...groups.map((group) => group[0])].sort((a, b) => Number(b) - Number(a)));
    expect(groups.flat()).toContain(false);
    await city.close();
  });

  it('draws the links of a view of thousands of nodes on a layer of its own, where the nodes are, and names one under the pointer', async () => {
    const big = await opened('/');
    // The start view is Cytoscape's: the layer's canvases hold no memory (sized to the page, they cost its first frame 25 ms).
    const layerCanvas = () =>
      big.evaluate(() => {
        const { cy } = (window as any).innograph;
        const canvas = document.querySelector('canvas.view-layer') as HTMLCanvasElement;
        return { held: [canvas.width, canvas.height], page: [cy.width(), cy.height()].map((n: number) => Math.round(n * devicePixelRatio)) };
      });
    expect((await layerCanvas()).held).toEqual([0, 0]);
    // A grid of 1 200 nodes, each linked to its right neighbour (located in: solid, an arrow) and
    // to the one below (part of: dotted).
    const shown = await big.evaluate(async () => {
      const { scene, cy } = (window as any).innograph;
      const [columns, rows] = [40, 30];
      const elements: any[] = [];
      const positions = new Map();
      for (let r = 0; r < rows; r += 1)
        for (let c = 0; c < columns; c += 1) {
          const id = `n${r}-${c}`;
          elements.push({ group: 'nodes', data: { id, label: id, kind: 'Lab' } });
          positions.set(id, { x: c * 60, y: r * 60 });
          if (c > 0)
            elements.push({
              group: 'edges',
              data: { id: `h${r}-${c}`, source: `n${r}-${c - 1}`, target: id, type: 'LOCATED_IN', cited: 'yes', label: 'located in' },
            });
          if (r > 0)
            elements.push({
              group: 'edges',
              data: { id: `v${r}-${c}`, source: `n${r - 1}-${c}`, target: id, type: 'PART_OF', cited: 'yes', label: 'part of' },
            });
        }
      await scene.replace(elements, { kind: 'preset', positions });
      return {
        nodes: scene.positions().size,
        cytoscape: cy.elements().length,
        layer: scene.layerSize(),
        links: elements.filter((e) => e.group === 'edges').length,
      };
    });
    expect(shown).toEqual({ nodes: 1200, cytoscape: 0, layer: 40 * 29 + 30 * 39, links: 40 * 29 + 30 * 39 });
    // Drawn on the layer, its canvas is the page's size once the frame is drawn.
    await big.waitForFunction(() => (document.querySelector('canvas.view-layer') as HTMLCanvasElement).width > 0);
    const sized = await layerCanvas();
    expect(sized.held).toEqual(sized.page);
    // Close enough to tell one link from another.
    await big.evaluate(() => {
      const { cy, scene } = (window as any).innograph;
      cy.zoom({ level: 1, position: scene.positions().get('n15-20') });
    });
    const colour = RELATION_STYLES.LOCATED_IN.color;
    /** A point `along` a link on screen, and whether the layer drew the link's colour there. */
    const look = (id: string, along = 1 / 3) =>
      big.evaluate(
        async ({ id, colour, along }) => {
          // Drawn again once the viewport is still (scene.ts's settleMs), in the next frame.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const { scene, cy } = (window as any).innograph;
          const [source, target] = id.slice(1).split('-').map(Number);
          const [a, b] = [scene.onScreen(`n${source}-${target! - 1}`), scene.onScreen(`n${source}-${target}`)];
          // A third of the way is clear of the nodes, the arrowhead and the relation's name.
          const at = { x: a.x + (b.x - a.x) * along, y: (a.y + b.y) / 2 };
          const layer = document.querySelector('canvas.view-layer') as HTMLCanvasElement;
          const ratio = layer.width / cy.width();
          const pixels = layer.getContext('2d')!.getImageData(Math.round(at.x * ratio) - 1, Math.round(at.y * ratio) - 1, 3, 3).data;
          const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
          let drawn = false;
          for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3]! > 80 && want.every((v, k) => Math.abs(pixels[i + k]! - v) < 60)) drawn = true;
          // How tall what is drawn there is: a line's pixel or two, or the box of its name.
          const strip = layer.getContext('2d')!.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio) - 7, 1, 15).data;
          let tall = 0;
          for (let i = 3; i < strip.length; i += 4) if (strip[i]! > 0) tall += 1;
          return { at, drawn, tall, found: scene.edgeAt(at), moved: layer.style.transform };
        },
        { id, colour, along },
      );
    const before = await look('h15-20');
    expect(before.drawn).toBe(true);
    expect(before.found).toBe('h15-20');
    // Zoomed in on it: the layer is drawn again for the new viewport once it is still.
    const canvas = (await big.locator('#graph').boundingBox())!;
    await big.mouse.move(canvas.x + before.at.x, canvas.y + before.at.y);
    for (let notch = 0; notch < 3; notch += 1) await big.mouse.wheel(0, -100);
    // The pointer, still on the link, has its name drawn over it: a third of the way lies in the
    // name's box at this zoom, whose pixels matched the link's colour or not by where the picture stood.
    await big.mouse.move(canvas.x + 5, canvas.y + 5);
    const after = await look('h15-20');
    expect(after.moved).toBe('');
    expect(after.drawn).toBe(true);
    expect(after.found).toBe('h15-20');
    // Under the pointer, the link is named: its middle is the name's box, no longer the bare line.
    await big.mouse.move(canvas.x + 5, canvas.y + 5);
    expect((await look('h15-20', 1 / 2)).tall).toBeLessThanOrEqual(3);
    await big.mouse.move(canvas.x + after.at.x, canvas.y + after.at.y);
    expect((await look('h15-20', 1 / 2)).tall).toBeGreaterThanOrEqual(14);
    await big.screenshot({ path: path.join(SHOTS, '10-large-view.png') });
    await big.close();
  });

  it('draws the nodes of a view of thousands on the layer too, each in its kind’s colour, and finds, names and selects one there', async () => {
    const big = await opened('/');
    // A grid of 1 200 nodes of every kind; one of them is 深圳, so the selection opens a real panel.
    const kinds = Object.keys(ENTITY_KINDS);
    const shown = await big.evaluate(
      async ({ kinds }) => {
        const { scene, cy } = (window as any).innograph;
        const elements: any[] = [];
        const positions = new Map();
        const idOf = (r: number, c: number) => (r === 15 && c === 21 ? 'shenzhen' : `n${r}-${c}`);
        for (let r = 0; r < 30; r += 1)
          for (let c = 0; c < 40; c += 1) {
            const kind = r === 15 && c === 21 ? 'City' : kinds[(r * 40 + c) % kinds.length];
            elements.push({ group: 'nodes', data: { id: idOf(r, c), label: `节点${r}-${c}`, kind } });
            positions.set(idOf(r, c), { x: c * 60, y: r * 60 });
            if (c > 0)
              elements.push({
                group: 'edges',
                data: { id: `h${r}-${c}`, source: idOf(r, c - 1), target: idOf(r, c), type: 'LOCATED_IN', cited: 'yes', label: 'located in' },
              });
          }
        await scene.replace(elements, { kind: 'preset', positions });
        cy.zoom({ level: 1, position: scene.positions().get('shenzhen') });
        return { layered: scene.layered(), held: scene.positions().size, heldByCytoscape: cy.elements().length };
      },
      { kinds },
    );
    expect(shown).toEqual({ layered: true, held: 1200, heldByCytoscape: 0 });
    /** What the layer drew at a node's centre and around it, once the viewport is still. */
    const look = (id: string) =>
      big.evaluate(async (id) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const { scene, store } = (window as any).innograph;
        const at = scene.onScreen(id);
        const layer = document.querySelector('canvas.view-layer') as HTMLCanvasElement;
        const ratio = layer.width / layer.getBoundingClientRect().width;
        const pixel = (x: number, y: number) => [...layer.getContext('2d')!.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data];
        // The outline and the selection's ring: the darkest pixel drawn on the line from inside the shape up to 3 px past its edge (its label is below).
        const outline = Array.from({ length: 17 }, (_, i) => pixel(at.x, at.y - 6 - i * 0.75))
          .filter((p) => p[3]! > 200)
          .reduce((a, b) => (a[0]! + a[1]! + a[2]! < b[0]! + b[1]! + b[2]! ? a : b), [255, 255, 255, 255]);
        return { at, centre: pixel(at.x, at.y), outline, selected: store.get().selected === id };
      }, id);
    const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    for (const [id, r, c] of [
      ['n15-20', 15, 20],
      ['n15-22', 15, 22],
      ['n14-21', 14, 21],
    ] as const) {
      const kind = kinds[(r * 40 + c) % kinds.length] as keyof typeof ENTITY_KINDS;
      const [seen, want] = [await look(id), hex(ENTITY_KINDS[kind].color)];
      expect(
        seen.centre.slice(0, 3).every((v, k) => Math.abs(v - want[k]!) < 8),
        `${id} (${kind}) drawn ${seen.centre} at its centre`,
      ).toBe(true);
    }
    // Found under the pointer by its shape: a triangle's centre is the node's, its empty top corner nobody's.
    const found = await big.evaluate(() => {
      const { scene } = (window as any).innograph;
      const at = scene.onScreen('n15-22');
      return [scene.nodeAt(at), scene.nodeAt({ x: at.x - 8, y: at.y - 8 })];
    });
    expect(kinds[(15 * 40 + 22) % kinds.length]).toBe('Field');
    expect(found).toEqual(['n15-22', null]);
    const city = hex(ENTITY_KINDS.City.color);
    expect((await look('shenzhen')).centre.slice(0, 3).every((v, k) => Math.abs(v - city[k]!) < 8)).toBe(true);
    // Under the pointer: named by the tooltip, its name in both languages.
    const canvas = (await big.locator('#graph').boundingBox())!;
    const before = await look('shenzhen');
    await big.mouse.move(canvas.x + before.at.x, canvas.y + before.at.y);
    await expect.poll(() => big.locator('#tooltip').isVisible()).toBe(true);
    expect(await big.locator('#tooltip').textContent()).toContain('Shenzhen');
    // A tap selects it: its panel opens, the layer draws its outline, nothing moves.
    await big.mouse.click(canvas.x + before.at.x, canvas.y + before.at.y);
    await idle(big);
    await expect.poll(() => big.locator('#details h2').textContent()).toContain('深圳');
    const after = await look('shenzhen');
    expect(after.selected).toBe(true);
    expect(after.at).toEqual(before.at);
    expect(Math.max(...after.outline.slice(0, 3))).toBeLessThan(60);
    expect(Math.max(...before.outline.slice(0, 3))).toBeGreaterThan(60);
    // A tap on the background deselects it.
    await big.mouse.click(canvas.x + before.at.x + 30, canvas.y + before.at.y + 30);
    await idle(big);
    expect((await look('shenzhen')).selected).toBe(false);
    // The PNG export paints what the layer draws: the nodes are in the exported picture.
    const exported = await big.evaluate(() => {
      const { scene, cy } = (window as any).innograph;
      const canvas = Object.assign(document.createElement('canvas'), { width: cy.width(), height: cy.height() });
      const context = canvas.getContext('2d')!;
      scene.paintLayer(context, { zoom: cy.zoom(), pan: cy.pan() });
      const at = scene.onScreen('shenzhen');
      return [...context.getImageData(Math.round(at.x), Math.round(at.y), 1, 1).data];
    });
    expect(exported.slice(0, 3).every((v, k) => Math.abs(v - city[k]!) < 8)).toBe(true);
    await big.screenshot({ path: path.join(SHOTS, '10-large-view-nodes.png') });
    await big.close();
  });

  it('flies an expansion’s newcomers out on the layer too, and lets a node of the layer be dragged without panning', async () => {
    const big = await opened('/');
    // A grid past the size Cytoscape draws (225 nodes), then an expansion of its middle node.
    const flown = await big.evaluate(async () => {
      const { scene } = (window as any).innograph;
      const elements: any[] = [];
      const positions = new Map();
      for (let r = 0; r < 15; r += 1)
        for (let c = 0; c < 15; c += 1) {
          elements.push({ group: 'nodes', data: { id: `n${r}-${c}`, label: `节点${r}-${c}`, kind: 'Lab' } });
          positions.set(`n${r}-${c}`, { x: c * 80, y: r * 80 });
        }
      await scene.replace(elements, { kind: 'preset', positions });
      const layeredBefore = scene.layered();
      const newcomers = Array.from({ length: 6 }, (_, i) => [
        { group: 'nodes', data: { id: `new${i}`, label: `新${i}`, kind: 'Field' } },
        { group: 'edges', data: { id: `e-new${i}`, source: 'n7-7', target: `new${i}`, type: 'FOCUSES_ON', cited: 'yes' } },
      ]).flat();
      // Where the layer draws it each frame (on screen: reading the scene's positions lands a flight).
      const samples: { x: number; y: number }[] = [];
      let flying = true;
      const sample = () => {
        if (!flying) return;
        const at = scene.onScreen('new0');
        if (at) samples.push(at);
        requestAnimationFrame(sample);
      };
      const flight = scene.update([...elements, ...newcomers], 'n7-7', null, true);
      requestAnimationFrame(sample);
      await flight;
      flying = false;
      const [anchor, place] = [scene.onScreen('n7-7'), scene.onScreen('new0')];
      // The picture read while newcomers fly (as the next step of a render reads it): they are where they land.
      const more = [
        { group: 'nodes', data: { id: 'later', label: '后', kind: 'Field' } },
        { group: 'edges', data: { id: 'e-later', source: 'n0-0', target: 'later', type: 'FOCUSES_ON', cited: 'yes' } },
      ];
      const second = scene.update([...elements, ...newcomers, ...more], 'n0-0', null, true);
      const read = scene.positions().get('later');
      await second;
      return {
        layeredBefore,
        layered: scene.layered(),
        samples,
        anchor,
        place,
        read,
        landed: scene.positions().get('later'),
        from: scene.positions().get('n0-0'),
      };
    });
    expect(flown.layeredBefore).toBe(true);
    expect(flown.layered).toBe(true);
    const from = (p: { x: number; y: number }) => Math.hypot(p.x - flown.anchor.x, p.y - flown.anchor.y);
    const way = from(flown.place);
    expect(way).toBeGreaterThan(20);
    // Out of the expanded node, through the way between, to its place: not put there at once.
    expect(from(flown.samples[0]!)).toBeLessThan(way / 2);
    expect(flown.samples.some((p) => from(p) > 2 && from(p) < way - 2)).toBe(true);
    const steps = flown.samples.map(from);
    expect(steps.every((d, i) => i === 0 || d >= steps[i - 1]! - 0.01)).toBe(true);
    expect(flown.read).toEqual(flown.landed);
    expect(Math.hypot(flown.landed.x - flown.from.x, flown.landed.y - flown.from.y)).toBeGreaterThan(20);
    // A node pressed on follows the pointer; the picture does not pan, and nothing is selected.
    const canvas = (await big.locator('#graph').boundingBox())!;
    const before = await big.evaluate(() => {
      const { scene, cy } = (window as any).innograph;
      return { at: scene.onScreen('n3-3'), model: scene.positions().get('n3-3'), pan: { ...cy.pan() }, zoom: cy.zoom() };
    });
    await big.mouse.move(canvas.x + before.at.x, canvas.y + before.at.y);
    await big.mouse.down();
    for (let step = 1; step <= 5; step += 1) await big.mouse.move(canvas.x + before.at.x + step * 12, canvas.y + before.at.y + step * 8);
    await big.mouse.up();
    await idle(big);
    const after = await big.evaluate(() => {
      const { scene, cy, store } = (window as any).innograph;
      return { model: scene.positions().get('n3-3'), pan: { ...cy.pan() }, selected: store.get().selected, panning: cy.userPanningEnabled() };
    });
    expect(after.pan).toEqual(before.pan);
    expect(after.model.x - before.model.x).toBeCloseTo(60 / before.zoom, 0);
    expect(after.model.y - before.model.y).toBeCloseTo(40 / before.zoom, 0);
    expect(after.selected).toBe(null);
    expect(after.panning).toBe(true);
    // A press on the background (between four nodes, far from the newcomers) still pans.
    const gap = await big.evaluate(() => {
      const { scene } = (window as any).innograph;
      const [a, b] = [scene.onScreen('n12-1'), scene.onScreen('n13-2')];
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, node: scene.nodeAt({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }) };
    });
    expect(gap.node).toBe(null);
    await big.mouse.move(canvas.x + gap.x, canvas.y + gap.y);
    await big.mouse.down();
    for (let step = 1; step <= 5; step += 1) await big.mouse.move(canvas.x + gap.x + step * 10, canvas.y + gap.y);
    await big.mouse.up();
    const panned = await big.evaluate(() => ({ ...(window as any).innograph.cy.pan() }));
    expect(panned.x - before.pan.x).toBeGreaterThan(20);
    await big.close();
  });

  it('marks in each quote the words that name the link’s ends, and only those', async () => {
    const lab = await opened('/?sel=songshan-lake-materials-lab');
    await expect.poll(() => lab.locator('#details .relation').count()).toBeGreaterThan(1);
    const relations = await lab.evaluate(() =>
      [...document.querySelectorAll('#details .relation')].map((r) => {
        const said = r.querySelector('.statement')!;
        const quote = r.querySelector('.evidence .quote')!;
        return {
          type: said.getAttribute('data-type'),
          target: said.getAttribute('data-target'),
          again: quote.classList.contains('again'),
          marks: [...quote.querySelectorAll('mark')].map((m) => m.textContent),
          text: quote.textContent,
        };
      }),
    );
    // 松山湖实验室 serves 新材料: the sentence names both (新材料 in three places), and is quoted in full there.
    const serves = relations.find((r) => r.type === 'SERVES' && r.target === 'field-new-materials')!;
    expect(new Set(serves.marks)).toEqual(new Set(['松山湖实验室', '新材料']));
    expect(serves.again).toBe(false);
    // Its place in 东莞 is the registry's: the same sentence names the lab alone, and only the lab is
    // marked; listed first, it is folded to a line that points below, to where it states a link.
    const located = relations.find((r) => r.type === 'LOCATED_IN')!;
    expect(located.marks).toEqual(['松山湖实验室']);
    expect(located.again).toBe(true);
    expect(await lab.locator('#details .relation .evidence li .path').first().textContent()).toContain('下文全文引出');
    // The marks cut nothing out of the quote.
    for (const r of relations) expect(r.text!.startsWith('“')).toBe(true);
    await lab.screenshot({ path: path.join(SHOTS, '11-quote-marks.png') });
    await lab.close();
  });

  it('keeps every name off the titles of a cluster’s bands, on a phone and in English', async () => {
    const narrow = await opened('/?view=cluster&cluster=cluster-electronic-information&lang=en', { width: 390, height: 844 });
    const overTitles = await narrow.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const canvas = document.getElementById('graph')!.getBoundingClientRect();
      const titles = [...document.querySelectorAll('.underlay text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, x1: r.left - canvas.left, x2: r.right - canvas.left, y1: r.top - canvas.top, y2: r.bottom - canvas.top };
      });
      const over: string[] = [];
      cy.nodes()
        .filter((n: any) => !n.hasClass('quiet') && Number(n.style('text-opacity')) > 0)
        .forEach((n: any) => {
          const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
          for (const t of titles) if (b.x1 < t.x2 && t.x1 < b.x2 && b.y1 < t.y2 && t.y1 < b.y2) over.push(`${n.data('label')} over ${t.text}`);
        });
      return { titles: titles.length, over };
    });
    expect(overTitles.titles).toBeGreaterThan(0);
    expect(overTitles.over).toEqual([]);
    // No platform serves this cluster in so many words: the panel says so before it lists those that reach it otherwise.
    expect(await narrow.locator('#details .no-direct').textContent()).toContain('no platform the plan links to this cluster directly');
    expect(await narrow.locator('#details .via[data-via="DIRECT"]').count()).toBe(0);
    // A list read downwards: one node to a row, each name beside its node and on the canvas.
    const list = await narrow.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const rows = cy.nodes().map((n: any) => Math.round(n.position('y')));
      const named = cy.nodes().filter((n: any) => !n.hasClass('quiet') && n.renderedPosition('y') < cy.height());
      return {
        rows: new Set(rows).size,
        nodes: rows.length,
        beside: named.filter((n: any) => n.hasClass('label-right')).length,
        // A name not beside its node: where it would meet what is drawn over the canvas (the legend, the count at its foot).
        elsewhere: named.filter((n: any) => !n.hasClass('label-right')).map((n: any) => ({ label: n.data('label'), y: n.renderedPosition('y') })),
        covers: ['legend-box', 'count'].map((id) => {
          const r = document.getElementById(id)!.getBoundingClientRect();
          const canvas = document.getElementById('graph')!.getBoundingClientRect();
          return { y1: r.top - canvas.top, y2: r.bottom - canvas.top };
        }),
        named: named.length,
        cut: named.filter((n: any) => n.renderedBoundingBox({ includeLabels: true }).x2 > cy.width()).map((n: any) => n.data('label')),
        // As drawn: a name too wide for its line goes on to a second, whole, rather than ending in an ellipsis.
        shortened: named.filter((n: any) => n.data('drawn').replace('\n', ' ') !== n.data('label')).map((n: any) => n.data('drawn')),
        twoLines: named.filter((n: any) => n.data('drawn').includes('\n')).length,
        boxes: named.map((n: any) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true })),
        widest: Math.max(...named.map((n: any) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }).w)),
      };
    });
    expect(list.rows).toBe(list.nodes);
    expect(list.named).toBeGreaterThan(5);
    // Each name beside its node, but one whose two lines there would run into the legend or the count.
    expect(list.beside).toBeGreaterThanOrEqual(list.named - 1);
    for (const { label, y } of list.elsewhere)
      expect(
        list.covers.some((c: any) => y + 20 > c.y1 && y - 20 < c.y2),
        label,
      ).toBe(true);
    expect(list.cut).toEqual([]);
    // Beside its node, a name may take the canvas's width to its right, not a label's width alone.
    expect(list.widest).toBeGreaterThan(SIZES.labelWidth + 20);
    // Rows stand far enough apart for two lines: the English names are whole ("National Supercomputer
    // Center in / Guangzhou", not "National Supercomputer…"), and no two of them touch.
    expect(list.twoLines).toBeGreaterThan(2);
    expect(list.shortened).toEqual([]);
    const touching = list.boxes.flatMap((a: any, i: number) =>
      list.boxes.slice(i + 1).filter((b: any) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2),
    );
    expect(touching).toEqual([]);
    await narrow.close();
  });

  it('titles each picture with what it shows: the city, the cluster, the two ends of a path', async () => {
    for (const [address, title] of [
      ['/?view=city&city=dongguan', '东莞 · 城市概况'],
      ['/?view=cluster&cluster=cluster-advanced-materials', '先进材料产业集群'],
      ['/?view=path&from=shenzhen&to=songshan-lake-science-city&lang=en', 'Shenzhen → Songshan Lake Science City'],
      ['/', '广东科技创新图谱'],
    ] as const) {
      const view = await opened(address);
      expect(await view.locator('#title').textContent(), address).toBe(title);
      await view.close();
    }
  });

  it("keeps a phone's legend on its screen, its English entries wrapped", async () => {
    const phone = await opened('/?lang=en&exp=shenzhen', { width: 390, height: 844 });
    await phone.click('#legend-box summary');
    const box = (await phone.locator('#legend-box').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Nothing hidden to the side: the box is as wide as what it holds.
    expect(await phone.locator('#legend-box').evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    await phone.close();
  });

  it('shows the suggestions of the path’s second field on a phone, the menu scrolled up to the field', async () => {
    const phone = await opened('/', { width: 390, height: 844 });
    await phone.click('#menu');
    // The cities listed above the path's fields push them to the menu's bottom.
    await phone.click('summary:has-text("Cities")');
    await phone.click('summary:has-text("Path between")');
    await phone.locator('#path-to').fill('科学城');
    await phone.waitForSelector('#path-to-suggestions [role="option"]');
    const seen = await phone.evaluate(
      () => [...document.querySelectorAll('#path-to-suggestions [role="option"]')].filter((li) => li.getBoundingClientRect().bottom <= innerHeight).length,
    );
    // Before, one was in view, the rest below the screen's edge.
    expect(seen).toBeGreaterThanOrEqual(3);
    await phone.close();
  });

  it('exports the whole of a phone’s cluster list as a picture, wherever the reader has panned it', async () => {
    const phone = await opened('/?view=cluster&cluster=cluster-high-end-equipment', { width: 390, height: 844 });
    const pngSize = async () => {
      const [png] = await Promise.all([phone.waitForEvent('download'), phone.click('#png')]);
      const image = fs.readFileSync((await png.path())!);
      return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
    };
    const drawn = () =>
      phone.evaluate(() => {
        const cy = (window as any).innograph.cy;
        const box = cy.elements().renderedBoundingBox({ includeLabels: true });
        return { height: box.h as number, below: box.y2 - cy.height(), above: -box.y1 };
      });
    // The list runs below the screen (its last platforms under the drawer and past the canvas).
    const first = await drawn();
    expect(first.below).toBeGreaterThan(100);
    const opening = await pngSize();
    // The picture, two image pixels to a screen pixel, holds the whole list: taller than the list
    // itself, with the title above it and the legend under it.
    expect(opening.height / 2).toBeGreaterThan(first.height + 100);
    // Panned so that the list's top is off the screen, the picture is the same: a picture of the
    // list, not of the screen (cut to it, it lost the platforms below the screen).
    await phone.evaluate(() => (window as any).innograph.cy.panBy({ x: 0, y: -300 }));
    // Once the viewport is still, the names are placed again for it (scene.ts, settleMs).
    await phone.waitForTimeout(500);
    expect((await drawn()).above).toBeGreaterThan(100);
    const panned = await pngSize();
    expect(Math.abs(panned.width - opening.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(panned.height - opening.height)).toBeLessThanOrEqual(2);
    await phone.close();
  });

  it('says what an export saved above a phone’s open drawer, not under it', async () => {
    const phone = await opened('/?sel=shenzhen', { width: 390, height: 844 });
    await Promise.all([phone.waitForEvent('download'), phone.click('#json')]);
    await expect.poll(() => phone.locator('#status').textContent()).toContain('.json');
    const [status, panel] = [(await phone.locator('#status').boundingBox())!, (await phone.locator('#panel').boundingBox())!];
    expect(status.y + status.height).toBeLessThanOrEqual(panel.y);
    await phone.close();
  });

  it('keeps most of a phone screen for the graph, the panels as drawers', async () => {
    const phone = await opened('/', { width: 390, height: 844 });
    expect(await phone.locator('#search').isVisible()).toBe(true);
    // The guide's drawer waits, so the start view says under its title how to begin; no node lies under it.
    expect(await phone.locator('#hint').isVisible()).toBe(true);
    expect(await phone.locator('#hint').textContent()).toContain('双击展开');
    const underHint = await phone.evaluate(() => {
      const intro = document.getElementById('intro')!.getBoundingClientRect();
      const canvas = document.getElementById('graph')!.getBoundingClientRect();
      return (window as any).innograph.cy
        .nodes()
        .filter((n: any) => {
          const p = n.renderedPosition();
          return canvas.left + p.x < intro.right && canvas.top + p.y < intro.bottom;
        })
        .map((n: any) => n.id());
    });
    expect(underHint).toEqual([]);
    const graph = (await phone.locator('#graph').boundingBox())!;
    expect((graph.width * graph.height) / (390 * 844)).toBeGreaterThanOrEqual(0.4);
    // The map spans most of the phone's width, and no name shown is cut by the canvas's edge.
    const drawn = await phone.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const [w, h] = [cy.width(), cy.height()];
      const cut = cy
        .nodes()
        .filter((n: any) => n.data('label') && Number(n.style('text-opacity')) > 0)
        .filter((n: any) => {
          const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
          return b.x2 > 0 && b.y2 > 0 && b.x1 < w && b.y1 < h && (b.x1 < 0 || b.y1 < 0 || b.x2 > w || b.y2 > h);
        })
        .map((n: any) => n.data('label'));
      return { spread: cy.nodes().renderedBoundingBox({ includeLabels: false }).w / w, cut };
    });
    expect(drawn.spread).toBeGreaterThanOrEqual(0.6);
    expect(drawn.cut).toEqual([]);
    // 深圳's part of the map holds its places' shapes, if not all their names: none lies on another.
    expect((await labelStats(phone)).stacked).toEqual([]);
    // Its science cities keep theirs, over a zone's shape where they must: what a reader of the plan looks for by 深圳.
    const scienceCities = await phone.evaluate(() =>
      ['guangming-science-city', 'xili-lake-science-education-city'].filter((id) => (window as any).innograph.cy.getElementById(id).hasClass('quiet')),
    );
    expect(scienceCities).toEqual([]);
    await phone.screenshot({ path: path.join(SHOTS, '7-phone.png') });
    // The start view's guide waits in its drawer; a link tapped there opens the drawer with its quote.
    expect(await phone.locator('#panel').isVisible()).toBe(false);
    const link = await phone.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const e = cy.getElementById('COOPERATES_WITH:guangzhou->shenzhen');
      const [s, t] = [e.source().renderedPosition(), e.target().renderedPosition()];
      // The line as drawn: straight, or bent around a node through its control point.
      const model = e.controlPoints()?.[0];
      const c = model ? { x: model.x * cy.zoom() + cy.pan().x, y: model.y * cy.zoom() + cy.pan().y } : { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
      // A point of the line nearest its middle that a tap finds it at: clear of every node, not on another line crossing it.
      const at = (f: number) => ({
        x: (1 - f) ** 2 * s.x + 2 * f * (1 - f) * c.x + f * f * t.x,
        y: (1 - f) ** 2 * s.y + 2 * f * (1 - f) * c.y + f * f * t.y,
      });
      const hits = (p: { x: number; y: number }) => {
        const model = { x: (p.x - cy.pan().x) / cy.zoom(), y: (p.y - cy.pan().y) / cy.zoom() };
        const clear = cy.nodes().every((n: any) => Math.hypot(n.renderedPosition().x - p.x, n.renderedPosition().y - p.y) > 20);
        return clear && cy.renderer().findNearestElement(model.x, model.y, true, false) === e;
      };
      const f = [0, 1, -1, 2, -2, 3, -3, 4, -4].map((k) => 0.5 + k * 0.05).find((g) => hits(at(g)));
      return at(f ?? 0.5);
    });
    const onCanvas = (await phone.locator('#graph').boundingBox())!;
    await phone.mouse.click(onCanvas.x + link.x, onCanvas.y + link.y);
    await expect.poll(() => phone.locator('#panel .edge .evidence li').count()).toBeGreaterThan(0);
    expect(await phone.locator('#panel').isVisible()).toBe(true);
    await phone.click('#close-panel');
    await idle(phone);
    // A tap on a node leaves no tooltip behind it once the panel is open, nor after it is closed.
    const shenzhen = (await onScreen(phone)).shenzhen!;
    const canvas = (await phone.locator('#graph').boundingBox())!;
    await phone.mouse.click(canvas.x + shenzhen.x, canvas.y + shenzhen.y);
    await idle(phone);
    expect(await selected(phone)).toEqual(['shenzhen']);
    expect(await phone.locator('#tooltip').isHidden()).toBe(true);
    // The hint has been followed: it gives its room back.
    expect(await phone.locator('#hint').isHidden()).toBe(true);
    await phone.click('#close-panel');
    await idle(phone);
    expect(await phone.locator('#tooltip').isHidden()).toBe(true);
    await phone.click('#menu');
    await phone.click('#clusters [data-id="cluster-advanced-materials"]');
    await idle(phone);
    const open = (await phone.locator('#graph').boundingBox())!;
    const panel = (await phone.locator('#panel').boundingBox())!;
    expect((open.width * (open.height - panel.height)) / (390 * 844)).toBeGreaterThanOrEqual(0.4);
    // The view's overview opens lower than a selection's panel: the picture is what the view is for.
    expect(panel.height / 844).toBeLessThan(0.35);
    // The cluster, leftmost on the canvas, keeps its name: beside it, as the list's every name is, not set aside.
    const named = await phone.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const cluster = cy.getElementById('cluster-advanced-materials');
      const box = cluster.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      return { quiet: cluster.hasClass('quiet'), x1: box.x1, x2: box.x2, node: cluster.renderedPosition().x, width: cy.width() };
    });
    expect(named.quiet).toBe(false);
    expect(named.x1).toBeGreaterThanOrEqual(0);
    expect(named.x2).toBeLessThanOrEqual(named.width);
    expect(named.x1 > named.node, 'the name is beside its node').toBe(true);
    await phone.screenshot({ path: path.join(SHOTS, '8-phone-cluster.png') });
    // Fit shows the whole list where the reader sees it: every node above the drawer, none under the title.
    await phone.click('#fit');
    await phone.waitForTimeout(300);
    const fitted = await phone.evaluate((drawer) => {
      const cy = (window as any).innograph.cy;
      const ys = cy.nodes().map((n: any) => n.renderedPosition('y'));
      return { top: Math.min(...ys), bottom: Math.max(...ys), visible: cy.height() - drawer };
    }, panel.height);
    expect(fitted.top).toBeGreaterThan(20);
    expect(fitted.bottom).toBeLessThan(fitted.visible);
    // A path chosen in the drawer closes it, so that the path is seen.
    await phone.click('#menu');
    await choosePath(phone);
    expect(await phone.evaluate(() => document.body.dataset.drawer)).toBe('closed');
    await phone.screenshot({ path: path.join(SHOTS, '9-phone-path.png') });
    await phone.close();
  });

  it('closes a phone’s menu on a tap beside it, selecting nothing there, and its drawers on Esc', async () => {
    const phone = await opened('/?sel=shenzhen', { width: 390, height: 844 });
    const drawer = () => phone.evaluate(() => document.body.dataset.drawer);
    await phone.click('#menu');
    expect(await drawer()).toBe('open');
    // Beside the menu, over the graph: the tap closes the menu and leaves 深圳 selected, its panel open.
    const graph = (await phone.locator('#graph').boundingBox())!;
    await phone.mouse.click(graph.x + graph.width - 20, graph.y + graph.height / 3);
    expect(await drawer()).toBe('closed');
    await idle(phone);
    expect(await selected(phone)).toEqual(['shenzhen']);
    expect(await phone.locator('#panel').isVisible()).toBe(true);
    // Esc closes the menu first, then the panel, as its × does.
    await phone.click('#menu');
    await phone.keyboard.press('Escape');
    expect(await drawer()).toBe('closed');
    expect(await selected(phone)).toEqual(['shenzhen']);
    await phone.keyboard.press('Escape');
    await idle(phone);
    expect(await selected(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(SHOTS, '10-phone-closed.png') });
    await phone.close();
  });

  it('takes a keyboard into the plan’s reader and back to its quote; Esc closes the reader first, then the panel', async () => {
    const fresh = await opened('/?sel=songshan-lake-materials-lab&lang=en');
    const quote = fresh.locator('#details .relation .evidence .quote').first();
    await quote.focus();
    await fresh.keyboard.press('Enter');
    await fresh.waitForSelector('#reader mark');
    // In the reader, not on the quote it covers: before, the focus stayed on a quote out of sight.
    expect(await fresh.evaluate(() => document.activeElement?.closest('#reader') !== null)).toBe(true);
    await fresh.keyboard.press('Escape');
    expect(await fresh.locator('#reader mark').count()).toBe(0);
    expect(await fresh.evaluate(() => document.body.dataset.panel)).toBe('open');
    expect(await quote.evaluate((element) => element === document.activeElement)).toBe(true);
    await fresh.keyboard.press('Escape');
    await idle(fresh);
    expect(await selected(fresh)).toEqual([]);
    await fresh.close();
  });

  it('raised no error in any page, and warned of nothing', () => {
    expect(pageErrors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
