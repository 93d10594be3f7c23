// A large view's links as its layer (layer.ts) draws them. Given thousands of edges, Cytoscape
// styles each one, projects it and draws it with its arrow through its texture caches: over two
// seconds for the 7 500 links of a 5 000-node view on two cores, where these are drawn in tens of
// milliseconds, grouped by colour and line. Colours, lines, dashes and widths are style.ts's, so
// a link looks the same drawn either way.
import type { ElementDefinition } from 'cytoscape';
import { RELATION_TYPES, isSymmetric, type RelationType } from '../../ingest/model.ts';
import type { Position } from './geo.ts';
import { DASHES, FADED_OPACITY, RELATION_STYLES } from './style.ts';
import { EDGE_FONT } from './fonts.ts';
import { SIZES } from './sizes.ts';

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
export type EdgeState = (typeof STATES)[number];

/**
 * How a link is drawn, in screen pixels: colour, line and arrow as the stylesheet (style.ts)
 * draws them in a small view, but a pixel wide unless highlighted or pointed at. Among
 * thousands of links a thinner line keeps them apart, and Chromium's software canvas draws a
 * one-pixel line several times faster than a wider one (7 500 lines: ~40 against ~150 ms).
 */
export function edgeLook(edge: LayerEdge, state: EdgeState): EdgeLook {
  const style = RELATION_STYLES[edge.type];
  const dash = !edge.cited ? DASHES.curated : style.line === 'dotted' ? DASHES.dotted : [];
  const width = state === 'highlighted' ? SIZES.edgeStressed : state === 'pointed' ? SIZES.edgePointed : 1;
  return {
    color: edge.plan ?? style.color,
    dash,
    width,
    alpha: state === 'faded' ? FADED_OPACITY : 1,
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

/** An arrowhead's length and half width in screen pixels, as Cytoscape draws a triangle at the stylesheet's arrow scale. */
const ARROW = { length: 7.8, half: 3.9 };

/** A link on screen: from `a` to `b`, whose end node is `radius` pixels across from its centre to its outline. */
export interface ScreenEdge {
  edge: LayerEdge;
  state: EdgeState;
  a: Position;
  b: Position;
  radius: number;
}

/** Draws links on screen (their ends already projected): grouped by look, so each colour and dash is set once. */
export function drawEdges(target: CanvasRenderingContext2D, edges: ScreenEdge[]): void {
  const groups = new Map<string, { state: EdgeState; look: EdgeLook; lines: ScreenEdge[] }>();
  for (const item of edges) {
    const look = edgeLook(item.edge, item.state);
    const key = `${item.state}|${look.color}|${look.dash.join()}|${look.arrow}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { state: item.state, look, lines: [] }));
    group.lines.push(item);
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
    for (const { a, b, radius: r } of lines) {
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
  for (const { edge, state, a, b } of edges) {
    if (state !== 'pointed') continue;
    const [x, y] = [(a.x + b.x) / 2, (a.y + b.y) / 2];
    const w = target.measureText(edge.label).width;
    target.fillStyle = 'rgba(255,255,255,0.85)';
    target.fillRect(x - w / 2 - 2, y - 8, w + 4, 16);
    target.fillStyle = '#333';
    target.fillText(edge.label, x, y);
  }
}
