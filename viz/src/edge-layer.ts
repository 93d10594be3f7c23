// The links of a large view, drawn on a canvas of our own under Cytoscape's. Given thousands of
// edges, Cytoscape styles each one, projects it and draws it with its arrow through its texture
// caches: over two seconds for the 7 500 links of a 5 000-node view on two cores, where this
// layer draws them in tens of milliseconds, one path per colour and line. The nodes stay with
// Cytoscape (taps, hover, selection, labels); a link is found under the pointer here (`at`).
// Colours, lines, dashes and widths are style.ts's, so a link looks the same drawn either way.
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { RELATION_TYPES, isSymmetric, type RelationType } from '../../ingest/model.ts';
import { toScreen, type Position } from './geo.ts';
import { DASHES, EDGE_FONT, RELATION_STYLES, SIZES } from './style.ts';

/** A link as the layer draws it: its ends, how it looks, what it is called on hover. */
export interface LayerEdge {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** stated by a sentence of a plan (solid), or by the curated registry alone (dashed, hollow arrow) */
  cited: boolean;
  /** the plan's colour, when the view colours by plan */
  plan?: string;
  label: string;
}

export interface EdgeLook {
  color: string;
  /** dash pattern in screen pixels; empty: solid */
  dash: readonly number[];
  width: number;
  alpha: number;
  arrow: 'filled' | 'hollow' | 'none';
}

/** How a link stands in the picture, in the order they are drawn: the later over the earlier. */
const STATES = ['faded', 'plain', 'highlighted', 'pointed'] as const;
type EdgeState = (typeof STATES)[number];

/**
 * How a link is drawn, in screen pixels: colour, line and arrow as the stylesheet (style.ts)
 * draws them in a small view, but a pixel wide unless highlighted or pointed at. Among
 * thousands of links a thinner line keeps them apart, and Chromium's software canvas draws a
 * one-pixel line several times faster than a wider one (7 500 lines: ~40 against ~150 ms).
 */
export function edgeLook(edge: LayerEdge, state: EdgeState): EdgeLook {
  const style = RELATION_STYLES[edge.type];
  const dash = !edge.cited ? DASHES.curated : style.line === 'dotted' ? DASHES.dotted : [];
  const width = state === 'highlighted' ? SIZES.edge * 2.5 : state === 'pointed' ? SIZES.edge * 2 : 1;
  return {
    color: edge.plan ?? style.color,
    dash,
    width,
    alpha: state === 'faded' ? 0.15 : 1,
    arrow: isSymmetric(edge.type) ? 'none' : edge.cited ? 'filled' : 'hollow',
  };
}

/** The layer's links from element definitions: those Cytoscape is not given. */
export function layerEdges(elements: ElementDefinition[]): LayerEdge[] {
  return elements
    .filter((e) => e.group === 'edges' && e.data.type && e.data.type in RELATION_TYPES)
    .map((e) => ({
      id: e.data.id!,
      source: e.data.source!,
      target: e.data.target!,
      type: e.data.type as RelationType,
      cited: e.data.cited !== 'no',
      ...(String(e.classes ?? '').includes('by-document') && e.data.plan ? { plan: String(e.data.plan) } : {}),
      label: String(e.data.label ?? ''),
    }));
}

/** The distance from `p` to the segment from `a` to `b`. */
export function segmentDistance(p: Position, a: Position, b: Position): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Within this many screen pixels of a line, the pointer is on it. */
const REACH = 5;
/** An arrowhead's length and half width in screen pixels, as Cytoscape draws a triangle at the stylesheet's arrow scale. */
const ARROW = { length: 7.8, half: 3.9 };

export interface EdgeLayer {
  /** The links drawn here; none leaves the layer empty, and Cytoscape draws the view's links. */
  set(edges: LayerEdge[]): void;
  size(): number;
  /** The links highlighted (the rest faded); an empty set: none. */
  highlight(ids: ReadonlySet<string>): void;
  /** The nearest link within a few pixels of a point on the canvas. */
  at(point: Position): string | null;
  /** The link under the pointer, and the one selected: drawn wider, with the relation named. */
  point(hovered: string | null, selected?: string | null): void;
  /** How many links each node has here: a label's rank counts them (labels.ts). */
  degree(id: string): number;
  /** The links on another canvas, for the PNG export. */
  paint(context: CanvasRenderingContext2D, transform: { zoom: number; pan: Position }): void;
}

interface Resolved {
  edge: LayerEdge;
  from: NodeSingular;
  to: NodeSingular;
}

/**
 * `settleMs`: while the reader pans or zooms, the picture last drawn is moved and scaled as it
 * is (as Cytoscape moves a texture of its own canvas); it is drawn again once the viewport has
 * been still this long.
 */
export function createEdgeLayer(cy: Core, container: HTMLElement, nodeScale: () => number, settleMs: number): EdgeLayer {
  const canvas = document.createElement('canvas');
  canvas.className = 'edge-layer';
  canvas.setAttribute('aria-hidden', 'true');
  container.before(canvas);
  const context = canvas.getContext('2d')!;
  let edges: Resolved[] = [];
  let degrees = new Map<string, number>();
  let highlighted: ReadonlySet<string> = new Set();
  let hovered: string | null = null;
  let selected: string | null = null;
  let frame = 0;
  let settling: number | undefined;
  /** The viewport the canvas was last drawn for. */
  let drawn = { zoom: 1, pan: { x: 0, y: 0 } };

  /** A node's half size on screen, its border included: an arrow stops at it. */
  const radius = (node: NodeSingular) => ((node.data('kind') === 'City' ? SIZES.city : SIZES.node) * nodeScale()) / 2 + 1;

  const stateOf = (id: string): EdgeState =>
    id === hovered || id === selected ? 'pointed' : highlighted.size === 0 ? 'plain' : highlighted.has(id) ? 'highlighted' : 'faded';

  const draw = (target: CanvasRenderingContext2D, zoom: number, pan: Position, width: number, height: number) => {
    // Grouped by look, so each colour and dash is set once.
    const groups = new Map<string, { state: EdgeState; look: EdgeLook; lines: [Position, Position, number][] }>();
    const named: [Resolved, Position, Position][] = [];
    for (const item of edges) {
      const [a, b] = [toScreen(item.from.position(), { zoom, pan }), toScreen(item.to.position(), { zoom, pan })];
      // Off screen on one side: nothing of it is seen.
      if ((a.x < 0 && b.x < 0) || (a.y < 0 && b.y < 0) || (a.x > width && b.x > width) || (a.y > height && b.y > height)) continue;
      const state = stateOf(item.edge.id);
      if (state === 'pointed') named.push([item, a, b]);
      const look = edgeLook(item.edge, state);
      const key = `${state}|${look.color}|${look.dash.join()}|${look.arrow}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { state, look, lines: [] }));
      group.lines.push([a, b, radius(item.to)]);
    }
    // Faded links first, highlighted and pointed ones last: drawn over the rest.
    const order = [...groups.values()].sort((g1, g2) => STATES.indexOf(g1.state) - STATES.indexOf(g2.state));
    for (const { look, lines } of order) {
      target.globalAlpha = look.alpha;
      target.strokeStyle = look.color;
      target.fillStyle = look.color;
      target.lineWidth = look.width;
      target.lineCap = 'butt';
      target.setLineDash(look.dash as number[]);
      const heads: [Position, number, number][] = [];
      for (const [a, b, r] of lines) {
        const length = Math.hypot(b.x - a.x, b.y - a.y);
        if (length <= r) continue;
        const [ux, uy] = [(b.x - a.x) / length, (b.y - a.y) / length];
        const tip = { x: b.x - ux * r, y: b.y - uy * r };
        const head = look.arrow === 'none' ? 0 : ARROW.length;
        if (look.arrow !== 'none') heads.push([tip, ux, uy]);
        // Nodes so close that the arrowhead fills the gap: no line behind it.
        if (length - r <= head) continue;
        // A stroke per line: a dashed path of thousands of lines is dashed as a whole by the
        // rasteriser, slower than line by line in Chromium's software canvas (~320 against ~180 ms).
        target.beginPath();
        target.moveTo(a.x, a.y);
        target.lineTo(tip.x - ux * head, tip.y - uy * head);
        target.stroke();
      }
      if (heads.length === 0) continue;
      target.setLineDash([]);
      target.lineWidth = 1;
      target.beginPath();
      for (const [tip, ux, uy] of heads) {
        const base = { x: tip.x - ux * ARROW.length, y: tip.y - uy * ARROW.length };
        target.moveTo(tip.x, tip.y);
        target.lineTo(base.x - uy * ARROW.half, base.y + ux * ARROW.half);
        target.lineTo(base.x + uy * ARROW.half, base.y - ux * ARROW.half);
        // Back to the tip by hand: closePath on a path of thousands of triangles took ~0.1 ms each
        // in Chromium (a second per frame for a 5 000-node view).
        target.lineTo(tip.x, tip.y);
      }
      if (look.arrow === 'hollow') {
        target.fillStyle = '#ffffff';
        target.fill();
        target.stroke();
      } else target.fill();
    }
    target.globalAlpha = 1;
    target.setLineDash([]);
    // The pointed link's relation, at its middle, as the stylesheet names an edge on hover.
    target.font = EDGE_FONT;
    target.textAlign = 'center';
    target.textBaseline = 'middle';
    for (const [item, a, b] of named) {
      const [x, y] = [(a.x + b.x) / 2, (a.y + b.y) / 2];
      const w = target.measureText(item.edge.label).width;
      target.fillStyle = 'rgba(255,255,255,0.85)';
      target.fillRect(x - w / 2 - 2, y - 8, w + 4, 16);
      target.fillStyle = '#333';
      target.fillText(item.edge.label, x, y);
    }
  };

  const redraw = () => {
    frame = 0;
    const ratio = window.devicePixelRatio || 1;
    const [width, height] = [cy.width(), cy.height()];
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    drawn = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    canvas.style.transform = '';
    if (edges.length > 0) draw(context, drawn.zoom, drawn.pan, width, height);
  };
  /** At most one drawing per frame, however many nodes moved or viewport events came. */
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };
  cy.on('resize', schedule);
  cy.on('viewport', () => {
    if (edges.length === 0) return;
    // A point drawn at q for the old viewport is now at q × s + (pan − old pan × s).
    const [zoom, pan] = [cy.zoom(), cy.pan()];
    const s = zoom / drawn.zoom;
    canvas.style.transform = `translate(${pan.x - drawn.pan.x * s}px, ${pan.y - drawn.pan.y * s}px) scale(${s})`;
    window.clearTimeout(settling);
    settling = window.setTimeout(schedule, settleMs);
  });
  cy.on('position', 'node', () => {
    if (edges.length > 0) schedule();
  });

  return {
    set(given) {
      if (given.length === 0 && edges.length === 0) return;
      const resolved: Resolved[] = [];
      degrees = new Map();
      for (const edge of given) {
        const [from, to] = [cy.getElementById(edge.source), cy.getElementById(edge.target)];
        if (from.empty() || to.empty()) continue;
        resolved.push({ edge, from: from as NodeSingular, to: to as NodeSingular });
        for (const end of [edge.source, edge.target]) degrees.set(end, (degrees.get(end) ?? 0) + 1);
      }
      edges = resolved;
      hovered = selected = null;
      schedule();
    },
    size: () => edges.length,
    highlight(ids) {
      // As Cytoscape's highlight: a link not named is faded, whenever any element is named.
      highlighted = new Set(ids);
      schedule();
    },
    at(point) {
      const [zoom, pan] = [cy.zoom(), cy.pan()];
      let best: { id: string; distance: number } | null = null;
      for (const { edge, from, to } of edges) {
        const distance = segmentDistance(point, toScreen(from.position(), { zoom, pan }), toScreen(to.position(), { zoom, pan }));
        if (distance <= REACH && (!best || distance < best.distance)) best = { id: edge.id, distance };
      }
      return best?.id ?? null;
    },
    point(hover, select) {
      const next = select === undefined ? selected : select;
      if (hover === hovered && next === selected) return;
      [hovered, selected] = [hover, next];
      schedule();
    },
    degree: (id) => degrees.get(id) ?? 0,
    paint(target, { zoom, pan }) {
      target.save();
      draw(target, zoom, pan, cy.width(), cy.height());
      target.restore();
    },
  };
}
