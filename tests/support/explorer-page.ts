// Reading the explorer's picture in Chromium, for the end-to-end tests: what Cytoscape
// draws (window.innograph.cy), and what the panels say beside it.
import type { Page } from 'playwright-core';

/** Waits until no view is loading (the explorer sets data-busy while it is). */
export const idle = (page: Page) => page.waitForSelector('body[data-busy="false"]', { timeout: 60_000 });

/** Labels of the nodes the explorer draws. */
export const labels = (page: Page) => page.evaluate(() => (window as any).innograph.cy.nodes().map((n: any) => n.data('label')) as string[]);

/** Ids of the nodes the explorer draws. */
export const nodeIds = (page: Page) => page.evaluate(() => (window as any).innograph.cy.nodes().map((n: any) => n.id()) as string[]);

/** Node positions on screen, by id. */
export const onScreen = (page: Page) =>
  page.evaluate(
    () => Object.fromEntries((window as any).innograph.cy.nodes().map((n: any) => [n.id(), n.renderedPosition()])) as Record<string, { x: number; y: number }>,
  );

/**
 * Every relation a panel puts into words, beside the edge the graph draws for it (either way
 * round) and the labels of the ends the words name first and last.
 */
export const statementsBesideGraph = (page: Page, within = '#details') =>
  page.evaluate((scope) => {
    const cy = (window as any).innograph.cy;
    return [...document.querySelectorAll<HTMLElement>(`${scope} .statement[data-source]`)].map((said) => {
      const { source, target, type } = said.dataset;
      const drawn = cy
        .edges()
        .filter(
          (e: any) =>
            e.data('type') === type &&
            ((e.source().id() === source && e.target().id() === target) || (e.source().id() === target && e.target().id() === source)),
        )
        .map((e: any) => [e.source().id(), e.target().id()]);
      // " —位于→ " between the ends; " —合作— " for a relation with no direction.
      const words = said.textContent!.split(/ —.*?[→—] /);
      return {
        source,
        target,
        drawn,
        words,
        labels: [cy.$id(source).data('label'), cy.$id(target).data('label')],
        via: said.closest<HTMLElement>('.via')?.dataset.via,
      };
    });
  }, within);
