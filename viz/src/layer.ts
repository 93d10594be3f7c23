// A large view, held and drawn on a canvas of our own under Cytoscape's: its nodes (layer-nodes.ts)
// as element definitions with their places and the declutter pass's classes, its links
// (layer-edges.ts), the selection and the highlight. Cytoscape holds none of it: it keeps the
// viewport and its gestures. Merely holding 5 000 nodes, undisplayed, cost Cytoscape 100–220 ms
// to add and 130–510 ms at its next frame. What is under the pointer is found here (`edgeAt`,
// `nodeAt`), as Cytoscape would find it in a small view. While the reader pans or zooms, the
// picture last drawn is moved as it is (as Cytoscape moves a texture of its own canvas) and drawn
// again once the viewport is still.
import type { Core, ElementDefinition } from 'cytoscape';
import type { EntityKind } from '../../ingest/model.ts';
import { toScreen, type Position } from './geo.ts';
import { sideOf } from './labels.ts';
import { drawEdges, segmentDistance, type EdgeState, type LayerEdge, type ScreenEdge } from './layer-edges.ts';
import { drawNodes, insideOn, nodeLook, nodeUnder, type LayerNode, type ScreenNode } from './layer-nodes.ts';
import { DOCUMENT_COLORS, shapeSize } from './style.ts';
import { SIZES } from './sizes.ts';

/** Within this many screen pixels of a line, the pointer is on it. */
const REACH = 5;

export interface Layer {
  /** A view to hold and draw: its nodes, placed, and its links; none leaves the layer empty, and Cytoscape draws the view. */
  set(nodes: ElementDefinition[], edges: LayerEdge[]): void;
  /** The same nodes with their labels placed again (their classes and shift): nothing else changes. */
  relabel(nodes: ElementDefinition[]): void;
  /** The nodes held, as last set. */
  nodes(): readonly ElementDefinition[];
  /** How many links are drawn here. */
  size(): number;
  /** Where a node held is, in model units. */
  position(id: string): Position | null;
  /** A node held put somewhere else (dragged by the reader). */
  move(id: string, to: Position): void;
  /** The node selected, drawn with its outline and its name. */
  select(id: string | null): void;
  selected(): string | null;
  /** The nodes and links highlighted (the rest faded); an empty set: none. Whether that changed anything. */
  highlight(ids: ReadonlySet<string>): boolean;
  /** The elements highlighted: their labels are placed first. */
  highlighted(): ReadonlySet<string>;
  /** The nearest link within a few pixels of a point on the canvas. */
  edgeAt(point: Position): string | null;
  /** The node drawn here whose shape is under a point on the canvas. */
  nodeAt(point: Position): string | null;
  /** The link under the pointer, and the one selected: drawn wider, with the relation named. */
  point(hovered: string | null, selected?: string | null): void;
  /** The node under the pointer: its label shown. */
  pointNode(id: string | null): void;
  /** The picture on another canvas, for the PNG export. */
  paint(context: CanvasRenderingContext2D, transform: { zoom: number; pan: Position }): void;
  /**
   * Nodes held flown in a straight line from `from` to their places over `ms`, the picture drawn
   * each frame: an expansion's newcomers, out of the node they came with. Done when they are
   * there, or at once when another view is set meanwhile.
   */
  fly(ids: readonly string[], from: Position, ms: number): Promise<void>;
  /** Nodes in flight put at their places at once, the flight ended: what is read of the picture next is where they land. */
  land(): void;
}

/** A node held: its definition, and its classes read once. */
interface Held {
  element: ElementDefinition;
  classes: Set<string>;
}

interface Resolved {
  edge: LayerEdge;
  from: Held;
  to: Held;
}

const held = (element: ElementDefinition): Held => ({ element, classes: new Set(String(element.classes ?? '').split(' ')) });
const positionOf = (node: Held) => node.element.position!;

/** `settleMs`: how long the viewport is still before the picture is drawn again. */
export function createLayer(cy: Core, container: HTMLElement, nodeScale: () => number, settleMs: number): Layer {
  const canvas = document.createElement('canvas');
  canvas.className = 'view-layer';
  canvas.setAttribute('aria-hidden', 'true');
  container.before(canvas);
  const context = canvas.getContext('2d')!;
  // The picture without what the pointer is on, kept: a hover draws it back and the pointed items
  // over it, not thousands of nodes and links again.
  const base = document.createElement('canvas');
  const baseContext = base.getContext('2d')!;
  /** Whether `base` holds the picture as it is now (nodes, labels, selection, highlight, viewport). */
  let baseFresh = false;
  // Asks whether a point is inside a shape, in the shape's own units.
  const inside = insideOn(document.createElement('canvas').getContext('2d')!);
  let nodes: Held[] = [];
  let byId = new Map<string, Held>();
  let edges: Resolved[] = [];
  let edgeById = new Map<string, Resolved>();
  let highlighted: ReadonlySet<string> = new Set();
  let selectedNode: string | null = null;
  let hovered: string | null = null;
  let selected: string | null = null;
  let pointedNode: string | null = null;
  let frame = 0;
  let settling: number | undefined;
  /** Counts the views set: a flight ends when the view it flies in is gone. */
  let generation = 0;
  /** Puts the nodes in flight, if any, where they land, and ends their flight. */
  let landing: (() => void) | null = null;
  /** The viewport the canvas was last drawn for. */
  let drawn = { zoom: 1, pan: { x: 0, y: 0 } };
  const empty = () => nodes.length === 0;

  /** A node's half size on screen, its border included: an arrow stops at it. */
  const radius = (node: Held) => shapeSize(String(node.element.data.kind), nodeScale()) / 2 + 1;

  /**
   * How a link stands in the picture under the pointer's: the selected one is pointed at; with
   * nothing highlighted, the selected node's links are drawn as highlighted ones (style.ts, edge.linked).
   */
  const stateOf = (edge: LayerEdge): EdgeState => {
    if (edge.id === selected) return 'pointed';
    if (highlighted.size > 0) return highlighted.has(edge.id) ? 'highlighted' : 'faded';
    return selectedNode !== null && (edge.source === selectedNode || edge.target === selectedNode) ? 'highlighted' : 'plain';
  };

  /** A node as the layer draws it, read from its definition and classes; `pointed`, the node under the pointer. */
  const readNode = ({ element, classes }: Held, zoom: number, pointed: boolean): LayerNode => {
    const data = element.data as Record<string, unknown>;
    const id = String(data.id);
    return {
      id,
      kind: data.kind as EntityKind,
      discovered: data.source === 'discovered',
      label: String(data.drawn ?? ''),
      side: sideOf(classes),
      shift: typeof data.shift === 'number' ? data.shift * zoom : 0,
      selected: id === selectedNode,
      pointed,
      highlight: highlighted.size === 0 ? null : highlighted.has(id) ? 'highlighted' : 'faded',
      pie: classes.has('by-document') ? DOCUMENT_COLORS.map((_, i) => Number(data[`doc${i}`] ?? 0)) : null,
    };
  };

  /** Whether a point is within `margin` of a box from the origin to `width` × `height`. */
  const near = (p: Position, width: number, height: number, margin: number, origin: Position = { x: 0, y: 0 }) =>
    p.x > origin.x - margin && p.y > origin.y - margin && p.x < origin.x + width + margin && p.y < origin.y + height + margin;

  /** A node held, on screen at a viewport. */
  const onScreen = (node: Held, zoom: number, pan: Position, pointed = false): ScreenNode => {
    const read = readNode(node, zoom, pointed);
    return { node: read, at: toScreen(positionOf(node), { zoom, pan }), look: nodeLook(read, nodeScale()) };
  };

  /** The nodes held, on screen at a viewport, whose centre is where `keep` wants it. */
  const screenNodes = (zoom: number, pan: Position, keep: (at: Position) => boolean): ScreenNode[] =>
    nodes.filter((node) => keep(toScreen(positionOf(node), { zoom, pan }))).map((node) => onScreen(node, zoom, pan));

  /** A link on screen at a viewport. */
  const screenEdge = (item: Resolved, zoom: number, pan: Position, state: EdgeState): ScreenEdge => ({
    edge: item.edge,
    state,
    a: toScreen(positionOf(item.from), { zoom, pan }),
    b: toScreen(positionOf(item.to), { zoom, pan }),
    radius: radius(item.to),
  });

  /** The picture, but for what the pointer is on. */
  const drawBase = (target: CanvasRenderingContext2D, zoom: number, pan: Position, width: number, height: number) => {
    const lines: ScreenEdge[] = [];
    for (const item of edges) {
      const line = screenEdge(item, zoom, pan, stateOf(item.edge));
      const { a, b } = line;
      // Off screen on one side: nothing of it is seen.
      if ((a.x < 0 && b.x < 0) || (a.y < 0 && b.y < 0) || (a.x > width && b.x > width) || (a.y > height && b.y > height)) continue;
      lines.push(line);
    }
    drawEdges(target, lines);
    // A label reaches this far from its node: a node off screen may have its name on it.
    const reach = SIZES.labelWidth + SIZES.city;
    drawNodes(
      target,
      screenNodes(zoom, pan, (at) => near(at, width, height, reach)),
    );
  };

  /** What the pointer is on, over the picture: the link named, the node with its name. */
  const drawPointer = (target: CanvasRenderingContext2D, zoom: number, pan: Position) => {
    const link = hovered && hovered !== selected ? edgeById.get(hovered) : undefined;
    if (link) drawEdges(target, [screenEdge(link, zoom, pan, 'pointed')]);
    const node = pointedNode ? byId.get(pointedNode) : undefined;
    if (node) drawNodes(target, [onScreen(node, zoom, pan, true)]);
  };

  const redraw = () => {
    frame = 0;
    const ratio = window.devicePixelRatio || 1;
    const [width, height] = [cy.width(), cy.height()];
    const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)];
    // A hidden canvas (a table's view) has nothing to draw, and a canvas of no size cannot be drawn from.
    if (w === 0 || h === 0) return;
    // An empty layer (every view but a large one) keeps no canvas memory: sizing its two canvases
    // to the page and copying one onto the other took 25 ms as the start view was first drawn.
    if (empty()) {
      for (const c of [canvas, base]) if (c.width !== 0 || c.height !== 0) [c.width, c.height] = [0, 0];
      baseFresh = false;
      canvas.style.transform = '';
      return;
    }
    const [zoom, pan] = [cy.zoom(), { ...cy.pan() }];
    if (canvas.width !== w || canvas.height !== h || zoom !== drawn.zoom || pan.x !== drawn.pan.x || pan.y !== drawn.pan.y) baseFresh = false;
    for (const c of [canvas, base]) if (c.width !== w || c.height !== h) [c.width, c.height] = [w, h];
    drawn = { zoom, pan };
    canvas.style.transform = '';
    if (!baseFresh) {
      baseContext.setTransform(1, 0, 0, 1, 0, 0);
      baseContext.clearRect(0, 0, w, h);
      baseContext.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawBase(baseContext, zoom, pan, width, height);
      baseFresh = true;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, w, h);
    context.drawImage(base, 0, 0);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawPointer(context, zoom, pan);
  };
  /**
   * At most one drawing per frame, however many changes or viewport events came; `all`: the
   * picture changed, not only what the pointer is on.
   */
  const schedule = (all = true) => {
    if (all) baseFresh = false;
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };
  cy.on('resize', () => schedule());
  cy.on('viewport', () => {
    if (empty()) return;
    // A point drawn at q for the old viewport is now at q × s + (pan − old pan × s).
    const [zoom, pan] = [cy.zoom(), cy.pan()];
    const s = zoom / drawn.zoom;
    canvas.style.transform = `translate(${pan.x - drawn.pan.x * s}px, ${pan.y - drawn.pan.y * s}px) scale(${s})`;
    window.clearTimeout(settling);
    settling = window.setTimeout(() => schedule(), settleMs);
  });

  return {
    set(given, links) {
      if (given.length === 0 && nodes.length === 0) return;
      generation += 1;
      nodes = given.map(held);
      byId = new Map(nodes.map((node) => [String(node.element.data.id), node]));
      const resolved: Resolved[] = [];
      for (const edge of links) {
        const [from, to] = [byId.get(edge.source), byId.get(edge.target)];
        if (!from || !to) continue;
        resolved.push({ edge, from, to });
      }
      edges = resolved;
      edgeById = new Map(resolved.map((item) => [item.edge.id, item]));
      hovered = selected = pointedNode = selectedNode = null;
      highlighted = new Set();
      schedule();
    },
    relabel(given) {
      // The same nodes: each keeps its place in the links resolved to it.
      for (const element of given) {
        const node = byId.get(String(element.data.id));
        if (!node) continue;
        node.element = element;
        node.classes = held(element).classes;
      }
      schedule();
    },
    nodes: () => nodes.map((node) => node.element),
    position(id) {
      const node = byId.get(id);
      return node ? { ...positionOf(node) } : null;
    },
    move(id, to) {
      const node = byId.get(id);
      if (!node) return;
      node.element.position = { ...to };
      schedule();
    },
    size: () => edges.length,
    select(id) {
      if (id === selectedNode) return;
      selectedNode = id && byId.has(id) ? id : null;
      schedule();
    },
    selected: () => selectedNode,
    highlight(ids) {
      // As Cytoscape's highlight: an element not named is faded, whenever any element is named.
      if (ids.size === highlighted.size && [...ids].every((id) => highlighted.has(id))) return false;
      highlighted = new Set(ids);
      schedule();
      return true;
    },
    highlighted: () => highlighted,
    edgeAt(point) {
      const [zoom, pan] = [cy.zoom(), cy.pan()];
      let best: { id: string; distance: number } | null = null;
      for (const { edge, from, to } of edges) {
        const distance = segmentDistance(point, toScreen(positionOf(from), { zoom, pan }), toScreen(positionOf(to), { zoom, pan }));
        if (distance <= REACH && (!best || distance < best.distance)) best = { id: edge.id, distance };
      }
      return best?.id ?? null;
    },
    nodeAt(point) {
      return nodeUnder(
        screenNodes(cy.zoom(), cy.pan(), (at) => near(at, 0, 0, SIZES.city, point)),
        point,
        inside,
      );
    },
    point(hover, select) {
      const next = select === undefined ? selected : select;
      if (hover === hovered && next === selected) return;
      // The selected link is in the picture; the hovered one over it.
      schedule(next !== selected);
      [hovered, selected] = [hover, next];
    },
    pointNode(id) {
      if (id === pointedNode) return;
      pointedNode = id;
      schedule(false);
    },
    paint(target, { zoom, pan }) {
      target.save();
      drawBase(target, zoom, pan, cy.width(), cy.height());
      drawPointer(target, zoom, pan);
      target.restore();
    },
    fly(ids, from, ms) {
      const flying = ids.flatMap((id) => {
        const node = byId.get(id);
        return node ? [{ node, to: { ...positionOf(node) } }] : [];
      });
      const at = (t: number) => {
        for (const { node, to } of flying) node.element.position = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
      };
      const flown = generation;
      const started = performance.now();
      let landed = false;
      return new Promise((resolve) => {
        if (flying.length === 0) return resolve();
        // Each step is the frame's drawing (held in `frame`, so none other is scheduled meanwhile) and draws the whole picture.
        const step = (now: number) => {
          // Another view set meanwhile is drawn as it is; these nodes are no longer shown.
          const done = landed || generation !== flown || now - started >= ms;
          if (generation === flown) at(done ? 1 : Math.max(0, now - started) / ms);
          baseFresh = false;
          redraw();
          if (!done) return void (frame = requestAnimationFrame(step));
          landing = null;
          resolve();
        };
        landing = () => {
          at(1);
          landed = true;
        };
        at(0);
        if (frame !== 0) cancelAnimationFrame(frame);
        frame = requestAnimationFrame(step);
      });
    },
    land() {
      landing?.();
    },
  };
}
