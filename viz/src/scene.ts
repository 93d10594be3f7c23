// The picture: one Cytoscape instance, changed in place. A new view is laid out afresh;
// an expansion keeps every shown node where it is and places the newcomers around the
// expanded node; a selection changes nothing but the selection. Sizes stay constant on
// screen (style.ts) and labels are decluttered (labels.ts) whenever the zoom settles.
// fcose runs in a Web Worker (layout.ts): the page never freezes while it works.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import type { Position } from './geo.ts';
import { declutter } from './labels.ts';
import { forceLayout } from './layout.ts';
import { stylesheet } from './style.ts';

export const SCENE_DEFAULTS = {
  padding: 40, // pixels around a fitted picture
  maxFitZoom: 1.6, // a small picture is not blown up past this
  settleMs: 120, // quiet time after zooming before sizes and labels are redone
  animateMs: 300, // newcomers fly in over this time
  ring: 110, // pixels from the expanded node where newcomers start
  titleSpace: 28, // pixels kept free at the top for the title over the canvas
  compactWidth: 600, // a canvas narrower than this (a phone) draws smaller shapes
};

export type Arrangement = { kind: 'preset'; positions: Map<string, Position> } | { kind: 'force' } | { kind: 'concentric' };

export interface Scene {
  cy: Core;
  /** A new picture: everything laid out, fitted to the canvas. */
  replace(elements: ElementDefinition[], arrangement: Arrangement, viewport?: { zoom: number; pan: Position }): Promise<void>;
  /** The same picture with some elements more or fewer: what is shown stays where it is. */
  update(elements: ElementDefinition[], anchor: string | null): Promise<void>;
  select(id: string | null, reveal: boolean): void;
  highlight(ids: Iterable<string>): void;
  positions(): Map<string, Position>;
}

/** `obscured` tells how many pixels at the bottom of the canvas a drawer covers (on a phone). */
export function createScene(container: HTMLElement, obscured: () => number = () => 0): Scene {
  const cy = cytoscape({
    container,
    style: stylesheet(1),
    // Large views stay smooth: draw a texture while panning, skip edges while moving.
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    minZoom: 0.05,
    maxZoom: 5,
    selectionType: 'single',
  });
  let styledZoom = 1;
  let timer: number | undefined;
  /** A phone-sized canvas draws smaller shapes. */
  const nodeScale = () => (cy.width() < SCENE_DEFAULTS.compactWidth ? 0.6 : 1);

  const restyle = () => {
    if (Math.abs(cy.zoom() - styledZoom) > 1e-3) {
      styledZoom = cy.zoom();
      cy.style(stylesheet(styledZoom, nodeScale()));
    }
    declutter(cy);
  };
  cy.on('viewport', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(restyle, SCENE_DEFAULTS.settleMs);
  });

  /** Fits the picture into the part of the canvas no drawer covers, below the title. */
  const fit = () => {
    const { padding, maxFitZoom, titleSpace } = SCENE_DEFAULTS;
    if (cy.nodes().empty()) return;
    const box = cy.elements().boundingBox();
    const width = cy.width() - 2 * padding;
    const height = cy.height() - obscured() - 2 * padding - titleSpace;
    const zoom = Math.max(cy.minZoom(), Math.min(maxFitZoom, width / Math.max(1, box.w), height / Math.max(1, box.h)));
    cy.viewport({
      zoom,
      pan: { x: padding + (width - box.w * zoom) / 2 - box.x1 * zoom, y: padding + titleSpace + (height - box.h * zoom) / 2 - box.y1 * zoom },
    });
  };

  const run = async (options: LayoutOptions) => {
    const layout = cy.layout(options);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
  };

  return {
    cy,
    async replace(elements, arrangement, viewport) {
      // Lay out at zoom 1, where sizes in the stylesheet are the sizes on screen.
      cy.batch(() => {
        cy.elements().remove();
        cy.zoom(1);
        styledZoom = 1;
        cy.style(stylesheet(1, nodeScale()));
        cy.add(elements);
      });
      if (arrangement.kind === 'preset') {
        cy.nodes().forEach((node) => {
          const p = arrangement.positions.get(node.id());
          if (p) node.position(p);
        });
      } else if (arrangement.kind === 'concentric') {
        await run({ name: 'concentric', fit: false, minNodeSpacing: 30, animate: false, concentric: (n: NodeSingular) => n.degree(false) } as LayoutOptions);
      } else if (cy.nodes().length > 1) {
        const positions = await forceLayout(cy.nodes(), {
          quality: cy.nodes().length > 1500 ? 'draft' : 'default',
          randomize: true,
          nodeRepulsion: 9000,
          idealEdgeLength: 90,
          nodeSeparation: 90,
        });
        cy.nodes().positions((node: NodeSingular) => positions.get(node.id()) ?? node.position());
      }
      if (viewport) cy.viewport({ zoom: viewport.zoom, pan: viewport.pan });
      else fit();
      restyle();
    },
    async update(elements, anchor) {
      const wanted = new Map(elements.map((e) => [e.data.id!, e]));
      const before = new Set(cy.nodes().map((n) => n.id()));
      cy.batch(() => {
        cy.elements().forEach((el) => {
          const next = wanted.get(el.id());
          if (!next) el.remove();
          else {
            // Only what changed is set: new data restyles the element, and restyling every element shown is what makes an expansion slow.
            const data = el.data() as Record<string, unknown>;
            if (Object.entries(next.data).some(([key, value]) => data[key] !== value)) el.data(next.data);
            // The reader switched between colouring by kind and by plan.
            const byDocument = (next.classes ?? '').includes('by-document');
            if (el.hasClass('by-document') !== byDocument) el.toggleClass('by-document', byDocument);
          }
        });
        cy.add(elements.filter((e) => cy.getElementById(e.data.id!).empty()));
      });
      const newcomers = cy.nodes().filter((n) => !before.has(n.id()));
      if (newcomers.nonempty()) {
        // Newcomers start on a ring around the node they came with, then make room for each other.
        const centre =
          (anchor && cy.getElementById(anchor).nonempty() ? cy.getElementById(anchor).position() : null) ??
          cy
            .nodes()
            .filter((n) => before.has(n.id()))
            .boundingBox();
        const c = 'x' in centre ? centre : { x: (centre.x1 + centre.x2) / 2, y: (centre.y1 + centre.y2) / 2 };
        const radius = SCENE_DEFAULTS.ring / cy.zoom();
        newcomers.forEach((node, i) => {
          const angle = (2 * Math.PI * i) / newcomers.length;
          const r = radius * (1 + 0.35 * (i % 3));
          node.position({ x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) });
        });
        const fixed = cy.nodes().filter((n) => before.has(n.id()));
        const positions = await forceLayout(cy.nodes(), {
          quality: 'default',
          randomize: false,
          nodeRepulsion: 9000,
          idealEdgeLength: 110 / cy.zoom(),
          nodeSeparation: 90 / cy.zoom(),
          fixedNodeConstraint: fixed.map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } })),
        });
        // Only the newcomers move, from their ring to their places; what was shown stays put.
        await run({
          name: 'preset',
          positions: (node: NodeSingular) => positions.get(node.id()) ?? node.position(),
          animate: true,
          animationDuration: SCENE_DEFAULTS.animateMs,
          fit: false,
          eles: newcomers,
        } as LayoutOptions);
      }
      restyle();
    },
    select(id, reveal) {
      cy.batch(() => {
        cy.$(':selected').unselect();
        if (id) cy.getElementById(id).select();
      });
      const node = id ? cy.getElementById(id) : null;
      if (reveal && node?.nonempty()) {
        const p = node.renderedPosition();
        const inside = p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height();
        if (!inside) cy.animate({ center: { eles: node }, duration: 200 });
      }
      declutter(cy);
    },
    highlight(ids) {
      const set = new Set(ids);
      cy.batch(() => {
        cy.elements().removeClass('highlighted faded');
        if (set.size === 0) return;
        cy.elements().forEach((el) => {
          el.addClass(set.has(el.id()) ? 'highlighted' : 'faded');
        });
      });
    },
    positions() {
      return new Map(cy.nodes().map((n: NodeSingular) => [n.id(), { ...n.position() }] as const));
    },
  };
}
