import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import type { Executor } from '../../graph/executor.ts';
import { removeDocument, writeGraph } from '../../graph/writer.ts';
import { graphql } from '../support/api.ts';
import { launchChromium } from '../support/chromium.ts';
import { REVISED_ID, REVISION, revisedGraph } from '../support/editions.ts';
import { buildExplorer } from '../support/explorer-build.ts';
import { idle, labels, statementsBesideGraph } from '../support/explorer-page.ts';
import { loadBundledPlan } from '../support/loaded.ts';
import { connect } from '../support/neo4j.ts';
import { planGraph } from '../support/plan.ts';
import { serveApi, type Served } from '../support/serve.ts';

const SHOTS = path.join(PROJECT_ROOT, 'tests', 'e2e', 'screenshots');
const PHONE = { width: 390, height: 844 };
/** A comparison reads the whole of two plans: on a busy machine that takes a while. */
const SLOW = 60_000;

const COMPARE = `query ($a: ID!, $b: ID!) { compareDocuments(a: $a, b: $b) {
  entities { onlyA { entity { id } } onlyB { entity { id } } both { entity { id } } }
  relations { onlyA { relation { id } } onlyB { relation { id } } both { relation { id } } }
} }`;
type Ids = { onlyA: { [k: string]: { id: string } }[]; onlyB: { [k: string]: { id: string } }[]; both: { [k: string]: { id: string } }[] };

/** The share of each plan's slice in a node's fill, as Cytoscape draws it, by the node's label. */
const slices = (page: Page, names: string[]) =>
  page.evaluate(
    (wanted) =>
      Object.fromEntries(
        wanted.map((name) => {
          const n = (window as any).innograph.cy.nodes().filter((node: any) => node.data('label') === name);
          return [name, n.empty() ? null : [1, 2].map((i) => parseFloat(n.style(`pie-${i}-background-size`)))];
        }),
      ) as Record<string, number[] | null>,
    names,
  );

describe('several plans in the explorer', () => {
  let executor: Executor;
  let served: Served;
  let browser: Browser;
  let page: Page;
  const A = planGraph().documents[0]!.id;
  /** The plans in the order the server lists them: the first gets the first colour. */
  let order: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    executor = await connect();
    await loadBundledPlan(executor);
    await writeGraph(executor, revisedGraph({ title: '修订版（测试）' }));
    await buildExplorer();
    served = await serveApi(executor, { requestTimeoutMs: SLOW });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await removeDocument(executor, REVISED_ID);
    await executor?.close();
  });

  it('lists the plans loaded in a picker, every one shown to begin with', async () => {
    // Both labs serve 新材料: its neighbours hold the platform under its old name and its new one.
    await page.goto(`${served.base}/?sel=field-new-materials&exp=field-new-materials`);
    await idle(page);
    await page.click('#plans-box summary');
    order = await page.locator('#documents input').evaluateAll((list) => list.map((i) => (i as HTMLInputElement).value));
    expect([...order].sort()).toEqual([A, REVISED_ID].sort());
    expect(await page.locator('#documents input:checked').count()).toBe(2);
    expect(await labels(page)).toEqual(expect.arrayContaining([REVISION.renamed.from, REVISION.renamed.to]));
  });

  it('shows only what the picked plan names', async () => {
    await page.uncheck(`#documents input[value="${A}"]`);
    await idle(page);
    expect(page.url()).toContain(`docs=${REVISED_ID}`);
    expect(await labels(page)).toContain(REVISION.renamed.to);
    expect(await labels(page)).not.toContain(REVISION.renamed.from);
    await page.check(`#documents input[value="${A}"]`);
    await idle(page);
    await page.uncheck(`#documents input[value="${REVISED_ID}"]`);
    await idle(page);
    expect(await labels(page)).toContain(REVISION.renamed.from);
    expect(await labels(page)).not.toContain(REVISION.renamed.to);
    await page.check(`#documents input[value="${REVISED_ID}"]`);
    await idle(page);
    expect(page.url()).not.toContain('docs=');
  });

  it('offers in the search box only the entities and sentences of the picked plans', async () => {
    /** What the search box offers for a text: entity ids, and the sentences' text. */
    const offered = async (text: string) => {
      await page.fill('#search', text);
      await page.waitForSelector('#suggestions li');
      const [entities, sentences] = await Promise.all([
        page.locator('#suggestions li[data-id]').evaluateAll((list) => list.map((li) => (li as HTMLElement).dataset.id!)),
        page.locator('#suggestions li[data-sentence]').allTextContents(),
      ]);
      await page.press('#search', 'Escape');
      return { entities, sentences };
    };
    const pick = async (docs: string[]) => {
      for (const id of [A, REVISED_ID]) if (docs.includes(id)) await page.check(`#documents input[value="${id}"]`);
      for (const id of [A, REVISED_ID]) if (!docs.includes(id)) await page.uncheck(`#documents input[value="${id}"]`);
      await idle(page);
    };
    const added = REVISION.added.slice(4, 12); // 南海海洋数据中心, named by the revised edition alone
    const both = { old: await offered(REVISION.renamed.from), renamed: await offered(REVISION.renamed.to), added: await offered(added) };
    const oldId = both.old.entities[0]!;
    const newId = both.renamed.entities[0]!;
    expect(both.added.sentences.some((s) => s.includes(REVISION.added))).toBe(true);

    await pick([A]);
    expect((await offered(REVISION.renamed.to)).entities).not.toContain(newId);
    expect((await offered(added)).sentences.some((s) => s.includes(REVISION.added))).toBe(false);
    expect((await offered(REVISION.renamed.from)).entities[0]).toBe(oldId);
    await pick([REVISED_ID]);
    expect((await offered(REVISION.renamed.from)).entities).not.toContain(oldId);
    expect((await offered(REVISION.renamed.to)).entities[0]).toBe(newId);
    await pick([A, REVISED_ID]);
    expect(page.url()).not.toContain('docs=');
  });

  it('colours each node by the plans that name it, and the legend says which colour is which plan', async () => {
    await page.check('#color-by-document');
    await idle(page);
    expect(page.url()).toContain('color=document');
    const [first, second] = [order.indexOf(A), order.indexOf(REVISED_ID)];
    const shares = await slices(page, [REVISION.renamed.from, REVISION.renamed.to, '东莞']);
    // A slice for each plan that names the node, in that plan's colour slot.
    expect(shares[REVISION.renamed.from]![first]).toBe(100);
    expect(shares[REVISION.renamed.from]![second]).toBe(0);
    expect(shares[REVISION.renamed.to]![second]).toBe(100);
    expect(shares['东莞']).toEqual([50, 50]);
    const legend = await page.locator('#legend .plans li[data-document]').evaluateAll((list) => list.map((li) => (li as HTMLElement).dataset.document));
    expect(legend).toEqual(order);
    await page.screenshot({ path: path.join(SHOTS, 'plans-colour.png') });
    const phone = await browser.newPage({ viewport: PHONE });
    phone.on('pageerror', (error) => pageErrors.push(String(error)));
    await phone.goto(page.url());
    await idle(phone);
    await phone.screenshot({ path: path.join(SHOTS, 'plans-colour-phone.png') });
    await phone.close();
  });

  it('compares the plan with its revised edition: only in A, only in B, in both, each difference with its sentences', { timeout: SLOW * 3 }, async () => {
    await page.selectOption('#compare-a', A);
    await page.selectOption('#compare-b', REVISED_ID);
    await page.click('#compare');
    await idle(page);
    expect(page.url()).toContain('view=compare');
    const { data } = await graphql<{ compareDocuments: { entities: Ids; relations: Ids } }>(executor, COMPARE, { a: A, b: REVISED_ID }, SLOW);
    const want = (list: { [k: string]: { id: string } }[], key: string) => list.map((x) => x[key]!.id).sort();
    const shown = (side: string, row: string) =>
      page.locator(`#details .side[data-side="${side}"] .${row}`).evaluateAll((list) => list.map((li) => (li as HTMLElement).dataset.id!).sort());
    const { entities, relations } = data!.compareDocuments;
    expect(await shown('a', 'compared-entity')).toEqual(want(entities.onlyA, 'entity'));
    expect(await shown('b', 'compared-entity')).toEqual(want(entities.onlyB, 'entity'));
    expect(await shown('a', 'compared-relation')).toEqual(want(relations.onlyA, 'relation'));
    expect(await shown('b', 'compared-relation')).toEqual(want(relations.onlyB, 'relation'));
    expect(want(entities.onlyA, 'entity').length + want(relations.onlyB, 'relation').length).toBeGreaterThan(0);
    expect(await page.locator('#details .side[data-side="both"] summary').textContent()).toContain(`${entities.both.length}`);
    // The renamed platform: the old name only in A, the new one only in B.
    const names = (side: string) => page.locator(`#details .side[data-side="${side}"] .compared-entity strong`).allTextContents();
    expect(await names('a')).toContain(REVISION.renamed.from);
    expect(await names('b')).toContain(REVISION.renamed.to);
    // Every difference is shown with the sentences that name or state it.
    for (const row of await page.locator('#details .side:not(details) li.compared-entity, #details .side:not(details) li.compared-relation').all())
      expect(await row.locator('.quote').count()).toBeGreaterThan(0);
    // On the canvas: every difference drawn, each relation in the direction stored and in its plan's colour.
    const drawn = await page.evaluate(() => (window as any).innograph.cy.elements().map((e: any) => e.id()) as string[]);
    expect(drawn).toEqual(
      expect.arrayContaining([
        ...want(entities.onlyA, 'entity'),
        ...want(entities.onlyB, 'entity'),
        ...want(relations.onlyA, 'relation'),
        ...want(relations.onlyB, 'relation'),
      ]),
    );
    for (const s of await statementsBesideGraph(page)) {
      expect(s.drawn, `${s.source} → ${s.target}`).toEqual([[s.source, s.target]]);
      expect(s.words).toEqual(s.labels);
    }
    const shares = await slices(page, [REVISION.renamed.from, REVISION.renamed.to]);
    expect(shares[REVISION.renamed.from]![order.indexOf(A)]).toBe(100);
    expect(shares[REVISION.renamed.to]![order.indexOf(REVISED_ID)]).toBe(100);
    const lineColours = await page.evaluate(
      (ids) => ids.map((id) => (window as any).innograph.cy.$id(id).style('line-color') as string),
      want(relations.onlyA, 'relation').slice(0, 1).concat(want(relations.onlyB, 'relation').slice(0, 1)),
    );
    expect(new Set(lineColours).size).toBe(lineColours.length);
    await page.screenshot({ path: path.join(SHOTS, 'plans-compare.png') });
  });

  it('shows a comparison on a phone as groups one under the other, titles and labels apart, the list in a drawer', async () => {
    const phone = await browser.newPage({ viewport: PHONE });
    phone.on('pageerror', (error) => pageErrors.push(String(error)));
    await phone.goto(page.url());
    await idle(phone);
    const seen = await phone.evaluate(() => {
      const cy = (window as any).innograph.cy;
      const apart = (boxes: { x1: number; y1: number; x2: number; y2: number }[]) => {
        let overlapping = 0;
        for (let i = 0; i < boxes.length; i += 1)
          for (let j = i + 1; j < boxes.length; j += 1) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping += 1;
          }
        return overlapping;
      };
      const titles = [...document.querySelectorAll('.underlay text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { x1: r.left, y1: r.top, x2: r.right, y2: r.bottom, top: r.top };
      });
      const shown = cy.nodes().filter((n: any) => Number(n.style('text-opacity')) > 0 && n.style('label'));
      const labels = shown.map((n: any) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
      const sizes = shown.map((n: any) => parseFloat(n.style('font-size')) * cy.zoom()).sort((a: number, b: number) => a - b);
      const panel = document.getElementById('panel')!;
      return {
        titles: titles.length,
        titleTops: titles.map((t) => t.top),
        titlesOverlapping: apart(titles),
        labels: labels.length,
        labelsOverlapping: apart(labels),
        medianSize: sizes[Math.floor(sizes.length / 2)] ?? 0,
        drawer: getComputedStyle(panel).position === 'absolute' && panel.getBoundingClientRect().height < window.innerHeight / 2,
      };
    });
    await phone.screenshot({ path: path.join(SHOTS, 'plans-compare-phone.png') });
    await phone.close();
    expect(seen.titles).toBe(3);
    // One under the other: each title below the one before.
    expect([...seen.titleTops].sort((a, b) => a - b)).toEqual(seen.titleTops);
    expect(seen.titlesOverlapping).toBe(0);
    expect(seen.labels).toBeGreaterThan(3);
    expect(seen.labelsOverlapping).toBeLessThanOrEqual(2);
    expect(seen.medianSize).toBeGreaterThanOrEqual(11);
    expect(seen.drawer).toBe(true);
  });

  it('lists what both plans share when the reader opens it', async () => {
    await page.click('#details .side[data-side="both"] summary');
    // The list is filled on the details' toggle event, which the browser fires after the click returns.
    await page.waitForSelector('#details .side[data-side="both"] li');
    expect(await page.locator('#details .side[data-side="both"] li').count()).toBeGreaterThan(100);
  });

  it('raised no error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
