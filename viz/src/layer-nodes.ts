// A large view's nodes as its layer (layer.ts) draws them: each kind's shape and colour, the
// outline of a discovered, selected or highlighted node, a plan's slices, and the labels the
// declutter pass (labels.ts) kept, where it placed them. Cytoscape took two thirds of showing a
// 5 000-node view to style and draw its nodes through its texture caches; here they are one
// path per look. Every look is style.ts's, so a node looks the same drawn either way.
import { ENTITY_KINDS, type EntityKind } from '../../ingest/model.ts';
import type { Position, Rect } from './geo.ts';
import { textBox, type Side } from './labels.ts';
import { SHAPE_PATHS, type Shape } from './shapes.ts';
import { DOCUMENT_COLORS, FADED_OPACITY, LABEL_LOOK, NODE_BORDERS, NODE_Z, PIE_SHARE, SELECTION_RING, shapeSize } from './style.ts';
import { labelFont } from './fonts.ts';
import { SIZES } from './sizes.ts';
import { linesOf } from './text.ts';

/** A node as the layer reads it from the definition it holds (layer.ts). */
export interface LayerNode {
  id: string;
  kind: EntityKind;
  discovered: boolean;
  /** the label's text as drawn (withDrawnLabels), and where the declutter pass put it: null, set aside */
  label: string;
  side: Side | null;
  /** how far a label above or below is slid sideways, in screen pixels */
  shift: number;
  selected: boolean;
  /** under the pointer */
  pointed: boolean;
  highlight: 'highlighted' | 'faded' | null;
  /** each plan's share (%) of the disc, when the view colours by plan */
  pie: number[] | null;
}

export interface NodeLook {
  fill: string;
  shape: Shape;
  /** across, in screen pixels */
  size: number;
  border: { width: number; color: string; dash: readonly number[] };
  /** the selection's ring around the outline, if selected */
  ring: typeof SELECTION_RING | null;
  alpha: number;
  z: number;
  /** its label drawn, and how opaque the box behind it is */
  label: number | null;
}

/** How a node is drawn, as the stylesheet (style.ts) draws it in a small view. */
export function nodeLook(node: LayerNode, nodeScale: number): NodeLook {
  const city = node.kind === 'City';
  const pointed = node.pointed || node.selected;
  const border = node.highlight === 'highlighted' ? NODE_BORDERS.highlighted : node.discovered ? NODE_BORDERS.discovered : NODE_BORDERS.plain;
  const shown = node.label !== '' && (node.side !== null || pointed);
  const z = pointed
    ? NODE_Z.pointed
    : node.highlight === 'highlighted'
      ? NODE_Z.highlighted
      : city
        ? node.side === null
          ? NODE_Z.quietCity
          : NODE_Z.city
        : node.side === null
          ? NODE_Z.quiet
          : NODE_Z.labelled;
  return {
    fill: ENTITY_KINDS[node.kind].color,
    shape: ENTITY_KINDS[node.kind].shape,
    size: shapeSize(node.kind, nodeScale),
    border,
    ring: node.selected ? SELECTION_RING : null,
    alpha: node.highlight === 'faded' ? FADED_OPACITY : 1,
    z,
    label: shown ? (pointed ? LABEL_LOOK.pointedOpacity : LABEL_LOOK.opacity) : null,
  };
}

/** A node on screen: where its centre is, and how it looks. */
export interface ScreenNode {
  node: LayerNode;
  at: Position;
  look: NodeLook;
}

/** Each shape's path, made once. */
const paths = new Map<Shape, Path2D>();
const pathOf = (shape: Shape) => {
  let path = paths.get(shape);
  if (!path) paths.set(shape, (path = new Path2D(SHAPE_PATHS[shape])));
  return path;
};

/**
 * The box of a node's label on screen: on the side the declutter pass chose (below when none,
 * for a pointed node whose label waited), slid as it was slid (labels.ts).
 */
function labelBox({ node, at, look }: ScreenNode): Rect {
  const box = textBox(node.label, node.kind, at, look.size, node.side ?? 'bottom');
  return { ...box, x1: box.x1 + node.shift, x2: box.x2 + node.shift };
}

/** The order nodes are drawn in: by `z`, and in their own order where `z` is the same, as Cytoscape stacks them. */
const stacked = (nodes: ScreenNode[]) => nodes.map((item, i) => ({ item, i })).sort((a, b) => a.item.look.z - b.item.look.z || a.i - b.i);

/** A node coloured by plan: its slices, clockwise from the top, as Cytoscape draws a pie. */
function drawPie(target: CanvasRenderingContext2D, { node, at, look }: ScreenNode): void {
  const radius = (look.size * PIE_SHARE) / 2;
  let from = -Math.PI / 2;
  node.pie!.forEach((share, i) => {
    if (share <= 0) return;
    const to = from + (share / 100) * 2 * Math.PI;
    target.beginPath();
    target.moveTo(at.x, at.y);
    target.arc(at.x, at.y, radius, from, to);
    target.fillStyle = DOCUMENT_COLORS[i % DOCUMENT_COLORS.length]!;
    target.fill();
    from = to;
  });
}

/** A selected node's ring: its shape again, as far outside its outline as the stylesheet's `outline-offset`. */
function drawRing(target: CanvasRenderingContext2D, { at, look }: ScreenNode): void {
  const ring = look.ring!;
  const half = look.size / 2;
  const scale = half + look.border.width / 2 + ring.gap + ring.width / 2;
  const path = new Path2D();
  path.addPath(pathOf(look.shape), new DOMMatrix([scale, 0, 0, scale, at.x, at.y]));
  target.strokeStyle = ring.color;
  target.lineWidth = ring.width;
  target.stroke(path);
}

/**
 * Draws nodes on screen in the order they stack, then the labels shown in the same order: a
 * label is never under a shape. Nodes that follow each other with the same look are one path,
 * so thousands of shapes are a few fills and strokes.
 */
export function drawNodes(target: CanvasRenderingContext2D, nodes: ScreenNode[]): void {
  const ordered = stacked(nodes).map(({ item }) => item);
  const keyOf = ({ look }: ScreenNode) => `${look.z}|${look.fill}|${look.alpha}|${look.border.color}|${look.border.width}|${look.border.dash.join()}`;
  for (let start = 0; start < ordered.length;) {
    const key = keyOf(ordered[start]!);
    let end = start;
    const path = new Path2D();
    for (; end < ordered.length && keyOf(ordered[end]!) === key; end += 1) {
      const { look, at } = ordered[end]!;
      const half = look.size / 2;
      path.addPath(pathOf(look.shape), new DOMMatrix([half, 0, 0, half, at.x, at.y]));
    }
    const { look } = ordered[start]!;
    target.globalAlpha = look.alpha;
    target.fillStyle = look.fill;
    target.fill(path);
    target.strokeStyle = look.border.color;
    target.lineWidth = look.border.width;
    target.setLineDash(look.border.dash as number[]);
    target.stroke(path);
    target.setLineDash([]);
    for (let i = start; i < end; i += 1) {
      if (ordered[i]!.node.pie) drawPie(target, ordered[i]!);
      if (ordered[i]!.look.ring) drawRing(target, ordered[i]!);
    }
    start = end;
  }
  target.textBaseline = 'middle';
  let font = '';
  for (const item of ordered) {
    if (item.look.label === null) continue;
    const city = item.node.kind === 'City';
    if (labelFont(city) !== font) target.font = font = labelFont(city);
    const box = labelBox(item);
    const pad = SIZES.labelPadding;
    target.globalAlpha = item.look.alpha * item.look.label;
    target.fillStyle = LABEL_LOOK.background;
    target.fillRect(box.x1 - pad, box.y1 - pad, box.x2 - box.x1 + 2 * pad, box.y2 - box.y1 + 2 * pad);
    target.globalAlpha = item.look.alpha;
    target.fillStyle = LABEL_LOOK.color;
    // Each line of a label on two lines, a font size high, aligned as Cytoscape aligns them: centred
    // under or over the node, toward it beside it (the canvas aligns it: nothing is measured again).
    const side = item.node.side;
    target.textAlign = side === 'right' ? 'left' : side === 'left' ? 'right' : 'center';
    const x = side === 'right' ? box.x1 : side === 'left' ? box.x2 : (box.x1 + box.x2) / 2;
    const lines = linesOf(item.node.label);
    const height = (box.y2 - box.y1) / lines.length;
    lines.forEach((line, i) => target.fillText(line, x, box.y1 + height * (i + 0.5)));
  }
  target.globalAlpha = 1;
}

/** Whether a point, in a shape's own units (its box from -1 to 1), is inside the shape. */
export type Inside = (shape: Shape, point: Position) => boolean;

/** Whether a point in a shape's units is inside its path, asked of a canvas. */
export function insideOn(context: CanvasRenderingContext2D): Inside {
  return (shape, point) => {
    context.setTransform(1, 0, 0, 1, 0, 0);
    return context.isPointInPath(pathOf(shape), point.x, point.y);
  };
}

/**
 * The node whose shape (its outline included) is under a point on screen; where shapes overlap,
 * the one drawn over the others.
 */
export function nodeUnder(nodes: ScreenNode[], point: Position, inside: Inside): string | null {
  let best: string | null = null;
  for (const { item } of stacked(nodes)) {
    const reach = item.look.size / 2 + item.look.border.width / 2;
    const local = { x: (point.x - item.at.x) / reach, y: (point.y - item.at.y) / reach };
    if (Math.abs(local.x) <= 1 && Math.abs(local.y) <= 1 && inside(item.look.shape, local)) best = item.node.id;
  }
  return best;
}
