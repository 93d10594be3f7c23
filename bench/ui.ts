// UI figures in headless Chromium: time to the first useful render of the start view (the map
// drawn, labels placed), an expansion, views of 200, 1 k and 5 k nodes shown, the fcose layout of 1 k / 5 k
// nodes, the longest main-thread task while the reader starts, selects, expands and switches
// views, and the bytes the first view downloads. The explorer is built and served as the
// end-to-end tests build and serve it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Executor } from '../graph/executor.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { buildExplorer, EXPLORER_DIST } from '../tests/support/explorer-build.ts';
import { serveApi } from '../tests/support/serve.ts';
import { SCENE_DEFAULTS } from '../viz/src/scene.ts';
import { median, type Figure } from './measure.ts';

/**
 * Runs in the page, given as source text: tsx would wrap a function passed directly with
 * helpers that do not exist in the browser. A seeded random graph of ~1.5 edges per node,
 * so every run draws the same graph.
 */
const SYNTHETIC = `function (n) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const kinds = ['City', 'Lab', 'Facility', 'Zone', 'Field'];
  const elements = [];
  for (let i = 0; i < n; i += 1) elements.push({ group: 'nodes', data: { id: 'n' + i, label: 'n' + i, kind: kinds[i % kinds.length] } });
  for (let i = 0; i < n * 1.5; i += 1) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a !== b) elements.push({ group: 'edges', data: { id: 'e' + i, source: 'n' + a, target: 'n' + b, type: 'RELATED_TO', cited: 'yes' } });
  }
  return { elements, random };
}`;

/** fcose alone, as the force layout runs it (in its worker), and the longest main-thread task meanwhile. */
const LAYOUT_IN_PAGE = `async function (n) {
  const { elements } = (${SYNTHETIC})(n);
  const { scene } = window.innograph;
  // A first small force layout starts the worker, so the figure is the layout alone.
  await scene.replace(elements.slice(0, 3), { kind: 'force' });
  window.__long = [];
  const started = performance.now();
  await scene.replace(elements, { kind: 'force' });
  const ms = performance.now() - started;
  // Long tasks are reported after they end: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return [ms, Math.max(0, ...window.__long)];
}`;

/**
 * From the page's first moment: the main thread's long tasks (over 50 ms) in window.__long, and in
 * window.__idle the page's clock (ms since navigation) each time the explorer finished a render
 * (`data-busy` back to 'false') and the next frame was painted. Timed in the page because the
 * driver's wait for a selector polls at 0, 20, 50, 100, 100 and then every 500 ms: a render done
 * 280 ms after the action would be seen at 770 ms.
 */
const WATCH_PAGE = `window.__long = [];
window.__idle = [];
window.__ended = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
new MutationObserver(() => {
  if (document.body.dataset.busy !== 'false') return;
  window.__ended += 1;
  // The frame after the render is drawn in an animation frame; the task after it runs once it is painted.
  requestAnimationFrame(() => setTimeout(() => window.__idle.push(performance.now()), 0));
}).observe(document, { attributes: true, attributeFilter: ['data-busy'], subtree: true });`;

/**
 * When the explorer last finished a render, in the page's clock: once more than `before` renders
 * have ended and the frame after each of them is painted.
 */
async function idleAt(page: Page, before = 0): Promise<number> {
  // A function, not a string: a string predicate that has to be polled is compiled in the page by
  // eval, which the explorer's Content-Security-Policy refuses.
  const at = await page.waitForFunction(
    (after) => {
      const w = window as unknown as { __ended: number; __idle: number[] };
      return w.__ended > after && w.__idle.length === w.__ended && w.__idle.at(-1);
    },
    before,
    { polling: 'raf' },
  );
  return (await at.jsonValue()) as number;
}

const LONG_TASK_GOAL_MS = 100;
/** Page loads of the start view timed, after a first that warms the server. */
const START_LOADS = 9;

/** A view of n nodes with positions known (precomputed or remembered): drawn, sized, labels placed, one frame painted. */
const SHOW_IN_PAGE = `async function (n) {
  const { elements, random } = (${SYNTHETIC})(n);
  const positions = new Map();
  for (let i = 0; i < n; i += 1) positions.set('n' + i, { x: random() * 4000, y: random() * 3000 });
  const { scene } = window.innograph;
  const started = performance.now();
  await scene.replace(elements, { kind: 'preset', positions });
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return performance.now() - started;
}`;

function bundleBytes(): { raw: number; brotli: number } {
  const folder = path.join(EXPLORER_DIST, 'assets');
  const index = fs.readFileSync(path.join(EXPLORER_DIST, 'index.html'), 'utf8');
  // What the first view downloads: the files index.html names (lazy chunks come later, if ever).
  const named = fs.readdirSync(folder).filter((f) => /\.(js|css)$/.test(f) && index.includes(f));
  let raw = 0;
  let brotli = 0;
  for (const file of named) {
    const data = fs.readFileSync(path.join(folder, file));
    raw += data.length;
    brotli += fs.existsSync(path.join(folder, `${file}.br`)) ? fs.statSync(path.join(folder, `${file}.br`)).size : zlib.brotliCompressSync(data).length;
  }
  return { raw, brotli };
}

const idle = (page: Page) => page.waitForSelector('body[data-busy="false"]', { timeout: 180_000 });

/** How long a render took, and the longest main-thread task meanwhile. */
interface Timed {
  ms: number;
  longest: number;
}

/** Runs `act` in the page, waits for the explorer to settle, and gives the time taken and the longest main-thread task meanwhile. */
async function timed(page: Page, act: string): Promise<Timed> {
  await page.evaluate('window.__long = []');
  const [started, before] = (await page.evaluate(
    `(() => { const started = performance.now(); const before = window.__ended; ${act}; return [started, before]; })()`,
  )) as [number, number];
  // A render starts on the action; wait until it has begun, then until it is done.
  await page.waitForTimeout(0);
  await idle(page);
  const ms = (await idleAt(page, before)) - started;
  // Long tasks are reported after they end: give the observer a frame.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
  return { ms, longest: (await page.evaluate('Math.max(0, ...window.__long)')) as number };
}

/** Cities of the start view expanded before the figure is taken, none of them the ones it expands. */
const WARM_UP_EXPANSIONS = ['foshan', 'zhuhai', 'huizhou'];
/** The expansions timed: the same cities, in orders that ask different questions. */
const READER_EXPANSIONS = ['shenzhen', 'guangzhou', 'dongguan'];
const COLD_EXPANSIONS = ['dongguan', 'shenzhen', 'guangzhou'];
/** The page's action that expands an entity by its id. */
const expanding = (id: string) => `window.innograph.store.actions.expand(${JSON.stringify(id)})`;
/**
 * How many fresh pages those are expanded on, each page's median taken: on one page alone, the
 * figure (in effect 深圳's one expansion) read 234–466 ms from run to run of the same build, a
 * spread wider than any change measured (bench/README.md, round 26).
 */
const COLD_PAGES = 5;
/** A double-click's second click after its first: the selection's lead on the expansion. */
const DOUBLE_CLICK_MS = 200;

const within = (value: number, goal: number) => ({ goal: `≤ ${goal} ms`, met: value <= goal });

export async function benchUi(executor: Executor, conditions: string): Promise<Figure[]> {
  await buildExplorer();
  // Warmed and served as npm start warms and serves it (with its response cache).
  const served = await serveApi(executor, { warm: true, requestTimeoutMs: 5000, cache: { versionPollMs: 1000, ttlMs: 60_000 } });
  const base = served.base;
  const browser = await launchChromium();
  const figures: Figure[] = [];
  const viewport = { width: 1440, height: 900 };
  try {
    const bytes = bundleBytes();
    figures.push({
      name: 'ui: bytes the first view downloads (js + css)',
      value: Math.round(bytes.raw / 1024),
      unit: 'KiB',
      conditions: `${Math.round(bytes.brotli / 1024)} KiB as brotli (.br files written by the build; sent only if the server negotiates them); the layout worker and exports load later, on first use`,
    });

    /** A new page (a first visit: its own browser context) on the start view, watched from its first moment. */
    const open = async (server = base): Promise<Page> => {
      const page = await browser.newPage({ viewport });
      await page.addInitScript(WATCH_PAGE);
      await page.goto(`${server}/`);
      await idle(page);
      return page;
    };

    const renders: number[] = [];
    const startTasks: number[] = [];
    // Nine loads after the first: with five, the median of two runs of the same build on this
    // shared host read 1 095 and 1 285 ms.
    for (let i = 0; i < 1 + START_LOADS; i += 1) {
      const page = await open();
      // The page's clock starts at navigation.
      renders.push(await idleAt(page));
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
      startTasks.push((await page.evaluate('Math.max(0, ...window.__long)')) as number);
      await page.close();
    }
    // The first load warms the server's cache; the figure is a reader's on a server in use. Each
    // load is a new browser context, so nothing is in the browser's HTTP or compile cache: a first
    // visit. (One context for all loads, caches warm, was ~50 ms faster in a probe.)
    const firstRender = median(renders.slice(1));
    figures.push({
      name: 'ui: first useful render of the start view',
      value: firstRender,
      unit: 'ms',
      ...within(firstRender, 1000),
      conditions: `median of ${renders.length - 1} page loads (each: ${renders
        .slice(1)
        .map((t) => t.toFixed(0))
        .join(
          ' / ',
        )} ms) after a first of ${renders[0]!.toFixed(0)} ms, from navigation to the map drawn with labels placed, ${viewport.width}×${viewport.height}, ${conditions}`,
    });
    const startLongest = median(startTasks.slice(1));
    figures.push({
      name: 'ui: longest main-thread task, start view',
      value: startLongest,
      unit: 'ms',
      ...within(startLongest, LONG_TASK_GOAL_MS),
      conditions: `PerformanceObserver longtask (0: none over 50 ms) from navigation to the start view drawn; median of the same ${startTasks.length - 1} loads (each: ${startTasks
        .slice(1)
        .map((t) => t.toFixed(0))
        .join(' / ')} ms)`,
    });

    /** Other expansions before, as a server in use has had: they plan its statements and warm its threads. */
    const warmUp = async (server: string) => {
      const page = await open(server);
      for (const id of WARM_UP_EXPANSIONS) await timed(page, expanding(id));
      await page.close();
    };
    await warmUp(base);

    // Cold: expanded by name, nothing asked about them before. Asked of a server without a response
    // cache, warmed as npm start warms it and by the same expansions, so that every page's questions
    // go to Neo4j as the first page's would.
    const uncached = await serveApi(executor, { warm: true, requestTimeoutMs: 5000 });
    const colds: Timed[][] = [];
    try {
      await warmUp(uncached.base);
      for (let i = 0; i < COLD_PAGES; i += 1) {
        const cold = await open(uncached.base);
        const expansions: Timed[] = [];
        for (const id of COLD_EXPANSIONS) expansions.push(await timed(cold, expanding(id)));
        colds.push(expansions);
        await cold.close();
      }
    } finally {
      await uncached.close();
    }
    const pageMedians = colds.map((expansions) => median(expansions.map((e) => e.ms)));
    const expandCold = median(pageMedians);
    figures.push({
      name: 'ui: expand an entity not selected before (fetch, place newcomers, animate)',
      value: expandCold,
      unit: 'ms',
      ...within(expandCold, 300),
      conditions: `median over ${COLD_PAGES} fresh pages of each page's median of expanding ${COLD_EXPANSIONS.join(', ')} in turn on the start view by name (${colds.map((expansions) => expansions.map((e) => e.ms.toFixed(0)).join(' / ')).join('; ')} ms), from the action to the frame after the flight; answers not cached (a server without its response cache, warmed, that expanded ${WARM_UP_EXPANSIONS.join(', ')} before)`,
    });

    // As a reader expands: the node is selected first (a double-click's first click, or the
    // panel whose button expands it), which asks ahead for what expanding it would show.
    const page = await open();
    const select = await timed(page, `window.innograph.store.actions.select('shenzhen')`);
    const expands: Timed[] = [];
    for (const id of READER_EXPANSIONS) {
      await page.evaluate(`window.innograph.store.actions.select(${JSON.stringify(id)})`);
      await page.waitForTimeout(DOUBLE_CLICK_MS);
      expands.push(await timed(page, expanding(id)));
    }
    const nodes = (await page.evaluate('window.innograph.cy.nodes().length')) as number;
    const expand = median(expands.map((e) => e.ms));
    figures.push({
      name: 'ui: expand an entity the reader selected (fetch, place newcomers, animate)',
      value: expand,
      unit: 'ms',
      ...within(expand, 300),
      conditions: `median of selecting, then ${DOUBLE_CLICK_MS} ms later (a double-click's second click) expanding, ${READER_EXPANSIONS.join(', ')} in turn on the start view (${expands.map((e) => e.ms.toFixed(0)).join(' / ')} ms; ${nodes} nodes after), from the expand action to the frame after the flight; answers not cached before the selection (深圳's selection came earlier, for the selecting figure: its lead was longer); shown nodes fixed, the newcomers placed on the page (expansion.ts), styled in tasks of their own, and flown out to land ${SCENE_DEFAULTS.animateMs} ms after the styling began (a flight of ${SCENE_DEFAULTS.shortestFlight} ms at least)`,
    });
    figures.push({
      name: 'ui: longest main-thread task, selecting',
      value: select.longest,
      unit: 'ms',
      ...within(select.longest, LONG_TASK_GOAL_MS),
      conditions: 'PerformanceObserver longtask (0: none over 50 ms), selecting 深圳 on the start view',
    });
    const expandLongest = Math.max(...[...colds.flat(), ...expands].map((e) => e.longest));
    figures.push({
      name: 'ui: longest main-thread task, expanding',
      value: expandLongest,
      unit: 'ms',
      ...within(expandLongest, LONG_TASK_GOAL_MS),
      conditions: `PerformanceObserver longtask over the expansions above (not selected before: ${colds.map((expansions) => expansions.map((e) => e.longest.toFixed(0)).join(' / ')).join('; ')} ms; selected: ${expands.map((e) => e.longest.toFixed(0)).join(' / ')} ms)`,
    });
    // Zooming with the wheel over the expanded view, as a reader looks closer and back: each
    // gesture is four notches, then a pause in which the sizes and labels settle (scene.ts).
    const graph = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
    const zooms: number[] = [];
    for (const direction of [-1, 1, -1]) {
      await page.evaluate('window.__long = []');
      for (let notch = 0; notch < 4; notch += 1) {
        await page.mouse.wheel(0, direction * 100);
        await page.waitForTimeout(40);
      }
      await page.waitForTimeout(1000);
      zooms.push((await page.evaluate('Math.max(0, ...window.__long)')) as number);
    }
    const zoomLongest = Math.max(...zooms);
    figures.push({
      name: 'ui: longest main-thread task, zooming',
      value: zoomLongest,
      unit: 'ms',
      ...within(zoomLongest, LONG_TASK_GOAL_MS),
      conditions: `PerformanceObserver longtask over three wheel gestures (in, out, in: four notches each, ×1.2) on the ${nodes}-node view above, each followed by 1 s to settle (each: ${zooms.map((z) => z.toFixed(0)).join(' / ')} ms)`,
    });
    const switches: [string, string][] = [
      ['cluster', `window.innograph.store.actions.openCluster('cluster-advanced-materials')`],
      ['city', `window.innograph.store.actions.openCity('shenzhen')`],
      ['path', `window.innograph.store.actions.openPath('shenzhen', 'songshan-lake-science-city')`],
      ['start', `window.innograph.store.actions.home()`],
    ];
    const switched: ({ view: string } & Timed)[] = [];
    for (const [view, act] of switches) switched.push({ view, ...(await timed(page, act)) });
    const switchLongest = Math.max(...switched.map((s) => s.longest));
    figures.push({
      name: 'ui: longest main-thread task, switching views',
      value: switchLongest,
      unit: 'ms',
      ...within(switchLongest, LONG_TASK_GOAL_MS),
      conditions: `PerformanceObserver longtask opening ${switched.map((s) => `${s.view} ${s.longest.toFixed(0)} ms (shown in ${s.ms.toFixed(0)} ms)`).join(', ')}`,
    });
    // The largest view Cytoscape draws, then two the layer draws.
    for (const size of [SCENE_DEFAULTS.largeView, 1000, 5000]) {
      const ms = (await page.evaluate(`(${SHOW_IN_PAGE})(${size})`)) as number;
      figures.push({
        name: `ui: a ${size}-node view shown (positions known)`,
        value: ms,
        unit: 'ms',
        ...(size >= 5000 ? within(ms, 1000) : {}),
        conditions: `synthetic graph, ${size} nodes, ~${size * 1.5} edges: added, sized for the zoom, labels decluttered, one frame painted; drawn by ${size > SCENE_DEFAULTS.largeView ? 'the layer' : 'Cytoscape'}`,
      });
    }
    for (const size of [1000, 5000]) {
      const [ms, longest] = (await page.evaluate(`(${LAYOUT_IN_PAGE})(${size})`)) as [number, number];
      figures.push({
        name: `ui: force layout (fcose) of ${size} nodes`,
        value: ms,
        unit: 'ms',
        ...(size >= 5000 ? within(ms, 3000) : {}),
        conditions: `synthetic graph, ${size} nodes, ~${size * 1.5} edges, quality ${size > 1500 ? 'draft' : 'default'}, in a Web Worker; longest main-thread task meanwhile ${longest.toFixed(0)} ms, headless Chromium (software rendering)`,
      });
    }
    await page.close();
  } finally {
    await browser.close();
    await served.close();
  }
  return figures;
}
