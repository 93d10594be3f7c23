// A large view drawn on a canvas of our own under Cytoscape's: its links (layer-edges.ts) and its
// nodes (layer-nodes.ts). Cytoscape keeps the nodes, hidden, as the view's model: their places,
// the selection, the declutter pass's classes, the viewport and its gestures. What is under the
// pointer is found here (`edgeAt`, `nodeAt`), as Cytoscape would find it in a small view.
// While the reader pans or zooms, the picture last drawn is moved as it is (as Cytoscape moves a
// texture of its own canvas) and drawn again once the viewport is still.
import type { Core, NodeSingular } from 'cytoscape';
import type { EntityKind } from '../../ingest/model.ts';
import { toScreen, type Position } from './geo.ts';
import type { Side } from './labels.ts';
import { drawEdges, segmentDistance, type EdgeState, type LayerEdge, type ScreenEdge } from './layer-edges.ts';
import { drawNodes, nodeLook, nodeUnder, type LayerNode, type ScreenNode } from './layer-nodes.ts';
import { DOCUMENT_COLORS, SIZES } from './style.ts';

/** Within this many screen pixels of a line, the pointer is on it. */
const REACH = 5;

export interface Layer {
  /** The links drawn here, and whether the nodes are too; none of either leaves the layer empty, and Cytoscape draws the view. */
  set(edges: LayerEdge[], nodes: boolean): void;
  /** How many links are drawn here. */
  size(): number;
  /** Whether the view's nodes are drawn here. */
  drawsNodes(): boolean;
  /** The links highlighted (the rest faded); an empty set: none. Nodes read theirs from Cytoscape's classes. */
  highlight(ids: ReadonlySet<string>): void;
  /** The nearest link within a few pixels of a point on the canvas. */
  edgeAt(point: Position): string | null;
  /** The node drawn here whose shape is under a point on the canvas. */
  nodeAt(point: Position): string | null;
  /** The link under the pointer, and the one selected: drawn wider, with the relation named. */
  point(hovered: string | null, selected?: string | null): void;
  /** The node under the pointer: its label shown. */
  pointNode(id: string | null): void;
  /** Drawn again: the nodes' classes or selection changed. */
  refresh(): void;
  /** How many links each node has here: a label's rank counts them (labels.ts). */
  degree(id: string): number;
  /** The picture on another canvas, for the PNG export. */
  paint(context: CanvasRenderingContext2D, transform: { zoom: number; pan: Position }): void;
}

interface Resolved {
  edge: LayerEdge;
  from: NodeSingular;
  to: NodeSingular;
}

const SIDE_CLASSES: [string, Side][] = [
  ['label-right', 'right'],
  ['label-left', 'left'],
  ['label-top', 'top'],
];

/** A node as the layer draws it, read from Cytoscape's data and classes. */
function readNode(node: NodeSingular, zoom: number, pointed: string | null): LayerNode {
  const data = node.data() as Record<string, unknown>;
  const quiet = node.hasClass('quiet');
  return {
    id: node.id(),
    kind: data.kind as EntityKind,
    discovered: data.source === 'discovered',
    label: String(data.drawn ?? ''),
    side: quiet ? null : (SIDE_CLASSES.find(([name]) => node.hasClass(name))?.[1] ?? 'bottom'),
    shift: typeof data.shift === 'number' ? data.shift * zoom : 0,
    selected: node.selected(),
    pointed: node.id() === pointed,
    highlight: node.hasClass('highlighted') ? 'highlighted' : node.hasClass('faded') ? 'faded' : null,
    pie: node.hasClass('by-document') ? DOCUMENT_COLORS.map((_, i) => Number(data[`doc${i}`] ?? 0)) : null,
  };
}

/** `settleMs`: how long the viewport is still before the picture is drawn again. */
export function createLayer(cy: Core, container: HTMLElement, nodeScale: () => number, settleMs: number): Layer {
  const canvas = document.createElement('canvas');
  canvas.className = 'view-layer';
  canvas.setAttribute('aria-hidden', 'true');
  container.before(canvas);
  const context = canvas.getContext('2d')!;
  let edges: Resolved[] = [];
  let withNodes = false;
  let degrees = new Map<string, number>();
  let highlighted: ReadonlySet<string> = new Set();
  let hovered: string | null = null;
  let selected: string | null = null;
  let pointedNode: string | null = null;
  let frame = 0;
  let settling: number | undefined;
  /** The viewport the canvas was last drawn for. */
  let drawn = { zoom: 1, pan: { x: 0, y: 0 } };
  const empty = () => edges.length === 0 && !withNodes;

  /** A node's half size on screen, its border included: an arrow stops at it. */
  const radius = (node: NodeSingular) => ((node.data('kind') === 'City' ? SIZES.city : SIZES.node) * nodeScale()) / 2 + 1;

  const stateOf = (id: string): EdgeState =>
    id === hovered || id === selected ? 'pointed' : highlighted.size === 0 ? 'plain' : highlighted.has(id) ? 'highlighted' : 'faded';

  /** Whether a point is within `margin` of a box from the origin to `width` × `height`. */
  const near = (p: Position, width: number, height: number, margin: number, origin: Position = { x: 0, y: 0 }) =>
    p.x > origin.x - margin && p.y > origin.y - margin && p.x < origin.x + width + margin && p.y < origin.y + height + margin;

  /** The nodes drawn here, on screen at a viewport, whose centre is where `keep` wants it. */
  const screenNodes = (zoom: number, pan: Position, keep: (at: Position) => boolean): ScreenNode[] => {
    if (!withNodes) return [];
    const scale = nodeScale();
    const found: ScreenNode[] = [];
    cy.nodes().forEach((node: NodeSingular) => {
      const at = toScreen(node.position(), { zoom, pan });
      if (!keep(at)) return;
      const read = readNode(node, zoom, pointedNode);
      found.push({ node: read, at, look: nodeLook(read, scale) });
    });
    return found;
  };

  const draw = (target: CanvasRenderingContext2D, zoom: number, pan: Position, width: number, height: number) => {
    const lines: ScreenEdge[] = [];
    for (const item of edges) {
      const [a, b] = [toScreen(item.from.position(), { zoom, pan }), toScreen(item.to.position(), { zoom, pan })];
      // Off screen on one side: nothing of it is seen.
      if ((a.x < 0 && b.x < 0) || (a.y < 0 && b.y < 0) || (a.x > width && b.x > width) || (a.y > height && b.y > height)) continue;
      lines.push({ edge: item.edge, state: stateOf(item.edge.id), a, b, radius: radius(item.to) });
    }
    drawEdges(target, lines);
    // A label reaches this far from its node: a node off screen may have its name on it.
    const reach = SIZES.labelWidth + SIZES.city;
    drawNodes(
      target,
      screenNodes(zoom, pan, (at) => near(at, width, height, reach)),
    );
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
    if (!empty()) draw(context, drawn.zoom, drawn.pan, width, height);
  };
  /** At most one drawing per frame, however many nodes moved or viewport events came. */
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };
  cy.on('resize', schedule);
  cy.on('viewport', () => {
    if (empty()) return;
    // A point drawn at q for the old viewport is now at q × s + (pan − old pan × s).
    const [zoom, pan] = [cy.zoom(), cy.pan()];
    const s = zoom / drawn.zoom;
    canvas.style.transform = `translate(${pan.x - drawn.pan.x * s}px, ${pan.y - drawn.pan.y * s}px) scale(${s})`;
    window.clearTimeout(settling);
    settling = window.setTimeout(schedule, settleMs);
  });
  cy.on('position', 'node', () => {
    if (!empty()) schedule();
  });
  cy.on('select unselect', 'node', () => {
    if (withNodes) schedule();
  });

  return {
    set(given, nodes) {
      if (given.length === 0 && edges.length === 0 && !nodes && !withNodes) return;
      const resolved: Resolved[] = [];
      degrees = new Map();
      for (const edge of given) {
        const [from, to] = [cy.getElementById(edge.source), cy.getElementById(edge.target)];
        if (from.empty() || to.empty()) continue;
        resolved.push({ edge, from: from as NodeSingular, to: to as NodeSingular });
        for (const end of [edge.source, edge.target]) degrees.set(end, (degrees.get(end) ?? 0) + 1);
      }
      edges = resolved;
      withNodes = nodes;
      hovered = selected = pointedNode = null;
      schedule();
    },
    size: () => edges.length,
    drawsNodes: () => withNodes,
    highlight(ids) {
      // As Cytoscape's highlight: a link not named is faded, whenever any element is named.
      highlighted = new Set(ids);
      if (!empty()) schedule();
    },
    edgeAt(point) {
      const [zoom, pan] = [cy.zoom(), cy.pan()];
      let best: { id: string; distance: number } | null = null;
      for (const { edge, from, to } of edges) {
        const distance = segmentDistance(point, toScreen(from.position(), { zoom, pan }), toScreen(to.position(), { zoom, pan }));
        if (distance <= REACH && (!best || distance < best.distance)) best = { id: edge.id, distance };
      }
      return best?.id ?? null;
    },
    nodeAt(point) {
      if (!withNodes) return null;
      return nodeUnder(
        screenNodes(cy.zoom(), cy.pan(), (at) => near(at, 0, 0, SIZES.city, point)),
        point,
      );
    },
    point(hover, select) {
      const next = select === undefined ? selected : select;
      if (hover === hovered && next === selected) return;
      [hovered, selected] = [hover, next];
      schedule();
    },
    pointNode(id) {
      if (id === pointedNode) return;
      pointedNode = id;
      schedule();
    },
    refresh() {
      if (withNodes) schedule();
    },
    degree: (id) => degrees.get(id) ?? 0,
    paint(target, { zoom, pan }) {
      target.save();
      draw(target, zoom, pan, cy.width(), cy.height());
      target.restore();
    },
  };
}
