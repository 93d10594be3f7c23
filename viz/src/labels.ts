// Decluttering: labels are placed in order of importance, each below its node or, where that
// is taken by a label placed before it or by another node's shape, beside or above it; one
// with no free side is set aside (class `quiet`, shown on hover). Run after every layout and
// whenever the reader stops zooming, so zooming in brings more names back.
//
// A label's box on screen is worked out here, from its text, the node's position and the
// viewport, as Cytoscape lays it out: asking Cytoscape for thousands of
// bounding boxes made it compute every element's rendered style twice. The same function
// serves elements not added yet, so a new picture is added with its quiet labels decided.
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { EntityKind } from '../../ingest/model.ts';
import { overlaps, type Position, type Rect } from './geo.ts';
import { SIZES, labelFont, shownLabel } from './style.ts';
import { textWidth } from './text.ts';

/** Which labels win a place first: the places that orient the reader, then the rest. */
const KIND_RANK: Partial<Record<EntityKind, number>> = { City: 6, IndustryCluster: 5, ScienceCity: 4, Corridor: 3, Zone: 2, Lab: 2, Facility: 2 };

/** What the placement needs of a node, whether read from Cytoscape or from an element definition. */
export interface LabelItem {
  id: string;
  label: string;
  kind: string;
  degree: number;
  /** selected or highlighted: placed first */
  important: boolean;
  position: Position;
}

export interface LabelView {
  zoom: number;
  pan: Position;
  width: number;
  height: number;
  /** the stylesheet's nodeScale (smaller shapes on a phone) */
  nodeScale: number;
}

/** Where a label sits around its node: below it unless something is in the way there. */
type Side = 'bottom' | 'right' | 'top' | 'left';

/** The sides tried, in order: below, as the stylesheet draws a label by default, then beside and above. */
const SIDES: readonly Side[] = ['bottom', 'right', 'top', 'left'];

const shapeSize = (item: LabelItem, view: LabelView) => (item.kind === 'City' ? SIZES.city : SIZES.node) * view.nodeScale;

const onScreen = (item: LabelItem, view: LabelView) => ({ x: item.position.x * view.zoom + view.pan.x, y: item.position.y * view.zoom + view.pan.y });

/** The node's shape on screen, its border included: a label under it would be hidden. */
function shapeBox(item: LabelItem, view: LabelView): Rect {
  const half = shapeSize(item, view) / 2 + 1;
  const { x, y } = onScreen(item, view);
  return { x1: x - half, x2: x + half, y1: y - half, y2: y + half };
}

/**
 * The label's box on screen on a side of its node, as Cytoscape's own bounding box has it:
 * off the node by the text margin, with the background padding and Cytoscape's 2-unit margin
 * of error around it; one pixel more each way for the rounding of a measure taken at another zoom.
 */
export function labelBox(item: LabelItem, view: LabelView, side: Side = 'bottom'): Rect {
  const city = item.kind === 'City';
  const font = city ? SIZES.cityFont : SIZES.font;
  const width = textWidth(shownLabel(item.label, city), labelFont(city));
  const off = shapeSize(item, view) / 2 + SIZES.labelMargin;
  const { x, y } = onScreen(item, view);
  const spare = SIZES.labelPadding + 2 * view.zoom + 1;
  const centred = { x1: x - width / 2 - spare, x2: x + width / 2 + spare };
  const middle = { y1: y - font / 2 - spare, y2: y + font / 2 + spare };
  switch (side) {
    case 'bottom':
      return { ...centred, y1: y + off - spare, y2: y + off + font + spare };
    case 'top':
      return { ...centred, y1: y - off - font - spare, y2: y - off + spare };
    case 'right':
      return { ...middle, x1: x + off - spare, x2: x + off + width + spare };
    case 'left':
      return { ...middle, x1: x - off - width - spare, x2: x - off + spare };
  }
}

const rank = (item: LabelItem) => (item.important ? 100 : (KIND_RANK[item.kind as EntityKind] ?? 1) * 10 + Math.min(9, item.degree));

/**
 * Where each label goes, or `null` for one set aside. In order of rank, a label takes the
 * first side where it is wholly on screen and overlaps neither a label placed before it nor
 * another node's shape. A city's name, which orients the reader, may lie over a shape (it is
 * drawn above it) rather than be set aside.
 */
export function placeLabels(items: LabelItem[], view: LabelView): Map<string, Side | null> {
  // A coarse grid keeps the overlap tests near-linear for views of thousands of nodes.
  const CELL = 120;
  const cells = (r: Rect) => {
    const keys: string[] = [];
    for (let x = Math.floor(r.x1 / CELL); x <= Math.floor(r.x2 / CELL); x += 1)
      for (let y = Math.floor(r.y1 / CELL); y <= Math.floor(r.y2 / CELL); y += 1) keys.push(`${x},${y}`);
    return keys;
  };
  type Grid = Map<string, { rect: Rect; id: string }[]>;
  const put = (grid: Grid, rect: Rect, id: string) => {
    for (const key of cells(rect)) {
      const cell = grid.get(key);
      if (cell) cell.push({ rect, id });
      else grid.set(key, [{ rect, id }]);
    }
  };
  const hits = (grid: Grid, rect: Rect, id: string) =>
    cells(rect).some((key) => (grid.get(key) ?? []).some((other) => other.id !== id && overlaps(rect, other.rect)));
  const labels: Grid = new Map();
  const shapes: Grid = new Map();
  // A label the canvas's edge would cut reads as another name: it waits, like one in the way.
  const visible = (rect: Rect) => rect.x1 >= 0 && rect.y1 >= 0 && rect.x2 <= view.width && rect.y2 <= view.height;
  for (const item of items) put(shapes, shapeBox(item, view), item.id);
  const ranked = items.map((item) => ({ item, rank: rank(item) }));
  ranked.sort((a, b) => b.rank - a.rank || a.item.id.localeCompare(b.item.id));
  const placed = new Map<string, Side | null>();
  for (const { item } of ranked) {
    if (!item.label) continue;
    const free = (side: Side, overShapes: boolean) => {
      const rect = labelBox(item, view, side);
      return visible(rect) && !hits(labels, rect, item.id) && (overShapes || !hits(shapes, rect, item.id));
    };
    const side = SIDES.find((s) => free(s, false)) ?? (item.kind === 'City' ? SIDES.find((s) => free(s, true)) : undefined) ?? null;
    placed.set(item.id, side);
    if (side) put(labels, labelBox(item, view, side), item.id);
  }
  return placed;
}

/** The class that draws a label on its side (style.ts), or sets it aside; none for a label below its node. */
const labelClass = (side: Side | null | undefined) => (side === null ? 'quiet' : side === undefined || side === 'bottom' ? null : `label-${side}`);
const LABEL_CLASSES = ['quiet', ...SIDES.filter((side) => side !== 'bottom').map((side) => `label-${side}`)];

/** Elements about to be added, with their labels placed (`quiet` for those that must wait): Cytoscape styles them once. */
export function withQuietLabels(elements: ElementDefinition[], view: LabelView, important: ReadonlySet<string> = new Set()): ElementDefinition[] {
  const degree = new Map<string, number>();
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    for (const end of [e.data.source!, e.data.target!]) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  const items = elements
    .filter((e) => e.group === 'nodes' && e.position)
    .map((e) => ({
      id: e.data.id!,
      label: String(e.data.label ?? ''),
      kind: String(e.data.kind ?? ''),
      degree: degree.get(e.data.id!) ?? 0,
      important: important.has(e.data.id!),
      position: e.position!,
    }));
  const placed = placeLabels(items, view);
  return elements.map((e) => {
    const wanted = labelClass(placed.get(e.data.id!));
    if (!wanted) return e;
    const classes = (e.classes ?? '') as string;
    return { ...e, classes: classes ? `${classes} ${wanted}` : wanted };
  });
}

/**
 * Where the labels will be, when that is not where the nodes are yet: an expansion decides its
 * labels for the newcomers' places before they fly there, so the frame after the flight has
 * no label left to restyle.
 */
export interface Destination {
  position: (node: NodeSingular) => Position;
}

function itemOf(node: NodeSingular, destination?: Destination): LabelItem {
  return {
    id: node.id(),
    label: String(node.data('label') ?? ''),
    kind: String(node.data('kind') ?? ''),
    degree: node.degree(false),
    important: node.selected() || node.hasClass('highlighted'),
    position: destination ? destination.position(node) : node.position(),
  };
}

export function declutter(cy: Core, nodeScale: number, destination?: Destination): void {
  const nodes = cy.nodes();
  const items = nodes.map((node: NodeSingular) => itemOf(node, destination));
  const placed = placeLabels(items, { zoom: cy.zoom(), pan: cy.pan(), width: cy.width(), height: cy.height(), nodeScale });
  cy.batch(() => {
    nodes.forEach((node) => {
      const wanted = labelClass(placed.get(node.id()));
      // Only a label whose place changes is restyled.
      for (const name of LABEL_CLASSES) if (node.hasClass(name) !== (name === wanted)) node.toggleClass(name, name === wanted);
    });
  });
}
