// Decluttering: labels are placed in order of importance, and one that would overlap a
// label already placed is set aside (class `quiet`, shown on hover). Run after every layout
// and whenever the reader stops zooming, so zooming in brings more names back.
import type { Core, NodeSingular } from 'cytoscape';
import type { EntityKind } from '../../ingest/model.ts';

/** Which labels win a place first: the places that orient the reader, then the rest. */
const KIND_RANK: Partial<Record<EntityKind, number>> = { City: 6, IndustryCluster: 5, ScienceCity: 4, Corridor: 3, Zone: 2, Lab: 2, Facility: 2 };

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function importance(node: NodeSingular): number {
  if (node.selected() || node.hasClass('highlighted')) return 100;
  return (KIND_RANK[node.data('kind') as EntityKind] ?? 1) * 10 + Math.min(9, node.degree(false));
}

/** The label's box on screen, as Cytoscape draws it. */
export function labelRect(node: NodeSingular): Rect {
  const box = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
  return { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
}

export function declutter(cy: Core): void {
  const { w, h } = { w: cy.width(), h: cy.height() };
  const placed: Rect[] = [];
  // A coarse grid keeps the overlap test near-linear for views of thousands of nodes.
  const CELL = 120;
  const grid = new Map<string, Rect[]>();
  const cells = (r: Rect) => {
    const keys: string[] = [];
    for (let x = Math.floor(r.x1 / CELL); x <= Math.floor(r.x2 / CELL); x += 1)
      for (let y = Math.floor(r.y1 / CELL); y <= Math.floor(r.y2 / CELL); y += 1) keys.push(`${x},${y}`);
    return keys;
  };
  const nodes = cy.nodes().sort((a, b) => importance(b) - importance(a) || a.id().localeCompare(b.id()));
  cy.batch(() => {
    nodes.forEach((node) => {
      const rect = labelRect(node);
      const visible = rect.x2 > 0 && rect.y2 > 0 && rect.x1 < w && rect.y1 < h;
      const free = visible && cells(rect).every((key) => !(grid.get(key) ?? []).some((other) => overlaps(rect, other)));
      if (free) {
        placed.push(rect);
        for (const key of cells(rect)) grid.set(key, [...(grid.get(key) ?? []), rect]);
        node.removeClass('quiet');
      } else node.addClass('quiet');
    });
  });
}
