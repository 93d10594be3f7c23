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
import { overlaps, toScreen, type Position, type Rect } from './geo.ts';
import { isCompact, shapeSize } from './style.ts';
import { labelFont } from './fonts.ts';
import { SIZES } from './sizes.ts';
import { fitTexts, linesOf, textWidth, type Lines } from './text.ts';

/** Which labels win a place first: the places that orient the reader, then the rest. */
const KIND_RANK: Partial<Record<EntityKind, number>> = { City: 6, IndustryCluster: 5, ScienceCity: 4, Corridor: 3, Zone: 2, Lab: 2, Facility: 2 };

/** What the placement needs of a node, whether read from Cytoscape or from an element definition. */
export interface LabelItem {
  id: string;
  /** the label's text as drawn (withDrawnLabels) */
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
  /** boxes on screen no label may cover: the titles drawn under the graph (a cluster's bands) */
  clear?: Rect[];
  /** the sides a label is tried on, in order (SIDES: below first) */
  sides?: readonly Side[];
}

/** Where a label sits around its node: below it unless something is in the way there. */
export type Side = 'bottom' | 'right' | 'top' | 'left';

/** The sides tried, in order: below, as the stylesheet draws a label by default, then beside and above. */
const SIDES: readonly Side[] = ['bottom', 'right', 'top', 'left'];

const onScreen = (item: LabelItem, view: LabelView) => toScreen(item.position, view);

/**
 * Pixels kept between a label's box and another node's shape: a label as near another shape as
 * its own reads as that node's name (光明科学城's, beside the corridor's square). With the box's
 * own spare pixels, a label's text is then more than twice as far from any other shape as from its own.
 */
const CLEARANCE = SIZES.labelMargin;

/** The node's shape on screen, its border included, and the clearance other nodes' labels keep from it. */
function shapeBox(item: LabelItem, view: LabelView): Rect {
  const half = shapeSize(item.kind, view.nodeScale) / 2 + 1 + CLEARANCE;
  const { x, y } = onScreen(item, view);
  return { x1: x - half, x2: x + half, y1: y - half, y2: y + half };
}

/**
 * Where a label's text lies on screen on one side of a node at `at` whose shape is `size` across
 * (before any slide sideways): off the shape by the text margin, as Cytoscape draws it.
 */
export function textBox(label: string, kind: string, at: Position, size: number, side: Side): Rect {
  const city = kind === 'City';
  // A label on two lines (a name in words, text.ts) is as wide as its wider line, a font size high per line.
  const lines = linesOf(label);
  const width = Math.max(...lines.map((line) => textWidth(line, labelFont(city))));
  const height = lines.length * (city ? SIZES.cityFont : SIZES.font);
  const off = size / 2 + SIZES.labelMargin;
  const { x, y } = at;
  const across = { x1: x - width / 2, x2: x + width / 2 };
  const level = { y1: y - height / 2, y2: y + height / 2 };
  if (side === 'bottom') return { ...across, y1: y + off, y2: y + off + height };
  if (side === 'top') return { ...across, y1: y - off - height, y2: y - off };
  if (side === 'right') return { x1: x + off, x2: x + off + width, ...level };
  return { x1: x - off - width, x2: x - off, ...level };
}

/**
 * The label's box on screen on each side of its node, as Cytoscape's own bounding box has it:
 * its text's box with the background padding and Cytoscape's 2-unit margin of error around it;
 * one pixel more each way for the rounding of a measure taken at another zoom.
 */
function labelBoxes(item: LabelItem, view: LabelView): Record<Side, Rect> {
  const spare = SIZES.labelPadding + 2 * view.zoom + 1;
  const at = onScreen(item, view);
  const size = shapeSize(item.kind, view.nodeScale);
  const grown = (r: Rect) => ({ x1: r.x1 - spare, x2: r.x2 + spare, y1: r.y1 - spare, y2: r.y2 + spare });
  return Object.fromEntries(SIDES.map((side) => [side, grown(textBox(item.label, item.kind, at, size, side))])) as Record<Side, Rect>;
}

/** Boxes filed by the cells of a grid they cover: an overlap test looks only at the boxes of the cells its box covers. */
function boxGrid(cell: number) {
  const filed = new Map<number, { rect: Rect; id: string }[]>();
  // A cell's key: its column and row in one number (a view is far less than 2^16 cells across).
  const keys = (r: Rect) => {
    const found: number[] = [];
    for (let x = Math.floor(r.x1 / cell); x <= Math.floor(r.x2 / cell); x += 1)
      for (let y = Math.floor(r.y1 / cell); y <= Math.floor(r.y2 / cell); y += 1) found.push(x * 65536 + y);
    return found;
  };
  return {
    put(rect: Rect, id: string) {
      for (const key of keys(rect)) {
        const boxes = filed.get(key);
        if (boxes) boxes.push({ rect, id });
        else filed.set(key, [{ rect, id }]);
      }
    },
    /** Whether `rect` overlaps a box filed for another id than `id`. */
    hits(rect: Rect, id: string) {
      return keys(rect).some((key) => (filed.get(key) ?? []).some((other) => other.id !== id && overlaps(rect, other.rect)));
    },
    /** The other ids whose boxes `rect` overlaps. */
    under(rect: Rect, id: string): Set<string> {
      const found = new Set<string>();
      for (const key of keys(rect)) for (const other of filed.get(key) ?? []) if (other.id !== id && overlaps(rect, other.rect)) found.add(other.id);
      return found;
    },
  };
}

/**
 * Whether a name may lie over other nodes' shapes rather than be set aside: a city's, which orients
 * the reader; and on a phone, which has no pointer to hover a name set aside, a science city's, what
 * a reader of the plan looks for (光明科学城 and 西丽湖国际科教城 by 深圳 had no name among its zones).
 */
const overShapes = (item: LabelItem, view: LabelView) => item.kind === 'City' || (item.kind === 'ScienceCity' && isCompact(view.width));

const rank = (item: LabelItem) => (item.important ? 100 : (KIND_RANK[item.kind as EntityKind] ?? 1) * 10 + Math.min(9, item.degree));

/** A label's place: its side, and for one above or below, how far it is slid sideways (screen pixels). */
export interface Placement {
  side: Side;
  shift: number;
}

/**
 * A label above or below a node near the canvas's left or right edge, slid sideways onto the
 * canvas as far as it can go while it still spans its node: the leftmost node of a picture (a
 * cluster's star, on a phone) keeps its name. Other sides, and labels already on the canvas, stay.
 */
function slid(side: Side, box: Rect, x: number, width: number): { box: Rect; shift: number } {
  if (side === 'left' || side === 'right') return { box, shift: 0 };
  const shift = box.x1 < 0 ? -box.x1 : box.x2 > width ? width - box.x2 : 0;
  if (shift === 0 || box.x1 + shift > x || box.x2 + shift < x) return { box, shift: 0 };
  return { box: { ...box, x1: box.x1 + shift, x2: box.x2 + shift }, shift };
}

/**
 * Where each label goes, or `null` for one set aside. In order of rank, a label takes the
 * first side where it is wholly on screen (slid onto it, if above or below its node) and overlaps
 * neither a label placed before it nor another node's shape. A city's name, which orients the
 * reader, a science city's on a phone (overShapes) and the selected node's may lie over a shape
 * (they are drawn above it) rather than be set aside: on the side where it hides least, never
 * another city if a side spares them (on a phone, "Guangzhou" lay over 佛山's square, whose own
 * name then had no room).
 */
export function placeLabels(items: LabelItem[], view: LabelView): Map<string, Placement | null> {
  const order = view.sides ?? SIDES;
  // Labels are few and wide; shapes are many and small (thousands in a large view): each in a grid of its own cell size.
  const labels = boxGrid(120);
  const shapes = boxGrid(30);
  // A label the canvas's edge would cut reads as another name: it waits, like one in the way.
  const visible = (rect: Rect) => rect.x1 >= 0 && rect.y1 >= 0 && rect.x2 <= view.width && rect.y2 <= view.height;
  // Only a node within a label's reach of the canvas can have its label shown, or cover one.
  const reach = SIZES.labelWidth + SIZES.city;
  const near = (item: LabelItem) => {
    const { x, y } = onScreen(item, view);
    return x > -reach && y > -reach && x < view.width + reach && y < view.height + reach;
  };
  for (const item of items) if (near(item)) shapes.put(shapeBox(item, view), item.id);
  const cities = new Set(items.filter((item) => item.kind === 'City').map((item) => item.id));
  /** What a label would hide of the shapes under it: a city's outweighs any number of others'. */
  const hiding = (rect: Rect, id: string) => [...shapes.under(rect, id)].reduce((sum, other) => sum + (cities.has(other) ? 1000 : 1), 0);
  // Filed as labels of no node: every label keeps off them.
  for (const box of view.clear ?? []) labels.put(box, '');
  const ranked = items.map((item) => ({ item, rank: rank(item) }));
  ranked.sort((a, b) => b.rank - a.rank || a.item.id.localeCompare(b.item.id));
  const placed = new Map<string, Placement | null>();
  for (const { item } of ranked) {
    if (!item.label) continue;
    if (!near(item)) {
      placed.set(item.id, null);
      continue;
    }
    const x = onScreen(item, view).x;
    const boxes = labelBoxes(item, view);
    const at = Object.fromEntries(SIDES.map((side) => [side, slid(side, boxes[side], x, view.width)])) as Record<Side, { box: Rect; shift: number }>;
    const free = (side: Side, overShapes: boolean) =>
      visible(at[side].box) && !labels.hits(at[side].box, item.id) && (overShapes || !shapes.hits(at[side].box, item.id));
    const over = () => {
      const open = order.filter((s) => free(s, true));
      // The first side that hides least (a stable pick: the order breaks ties).
      return open.reduce<Side | undefined>(
        (best, s) => (best === undefined || hiding(at[s].box, item.id) < hiding(at[best].box, item.id) ? s : best),
        undefined,
      );
    };
    const side = order.find((s) => free(s, false)) ?? (overShapes(item, view) || item.important ? over() : undefined) ?? null;
    placed.set(item.id, side ? { side, shift: at[side].shift } : null);
    if (side) labels.put(at[side].box, item.id);
  }
  return placed;
}

/** The class that draws a label on its side (style.ts), or sets it aside; none for a label below its node. */
const labelClass = (placement: Placement | null | undefined) =>
  placement === null ? 'quiet' : placement === undefined || placement.side === 'bottom' ? null : `label-${placement.side}`;

/** A slid label's shift in model units, as the stylesheet reads it (`data(shift)`); none for a label not slid. */
const shiftOf = (placement: Placement | null | undefined, zoom: number) => (placement?.shift ? placement.shift / zoom : undefined);
const LABEL_CLASSES = ['quiet', ...SIDES.filter((side) => side !== 'bottom').map((side) => `label-${side}`)];

/** The side a label was placed on, read back from the classes labelClass gave its node; null for one set aside. */
export function sideOf(classes: ReadonlySet<string>): Side | null {
  if (classes.has('quiet')) return null;
  return SIDES.find((side) => side !== 'bottom' && classes.has(`label-${side}`)) ?? 'bottom';
}

/**
 * Elements with the text their labels are drawn in (`drawn`): each name as it fits a label,
 * no two names of the picture alike (text.ts), in `width` pixels at most. Given with the whole
 * picture, as a newcomer's name may make a shown one be cut another way.
 */
export function withDrawnLabels(elements: ElementDefinition[], width: number = SIZES.labelWidth, lines: Lines = 2): ElementDefinition[] {
  const names = elements
    .filter((e) => e.group === 'nodes')
    .map((e) => {
      const font = labelFont(e.data.kind === 'City');
      return { name: String(e.data.label ?? ''), width: (text: string) => textWidth(text, font) };
    });
  const drawn = fitTexts(names, width, lines);
  return elements.map((e) => (e.group === 'nodes' ? { ...e, data: { ...e.data, drawn: drawn.get(String(e.data.label ?? '')) ?? '' } } : e));
}

/** An element as it was before its label was placed: its label classes and shift taken off, for another pass. */
export function unplaced(element: ElementDefinition): ElementDefinition {
  if (element.group !== 'nodes') return element;
  const classes = String(element.classes ?? '')
    .split(' ')
    .filter((name) => name && !LABEL_CLASSES.includes(name))
    .join(' ');
  const { shift: _, ...data } = element.data as Record<string, unknown>;
  return { ...element, data: data as ElementDefinition['data'], classes };
}

/**
 * How many links each node has to others, counted from the links' ends: Cytoscape's own
 * `degree()` makes collections of each link's ends, which for a whole picture was most of a
 * label pass's time, and its garbage more.
 */
function degrees(links: Iterable<{ source: string; target: string }>): Map<string, number> {
  const degree = new Map<string, number>();
  for (const { source, target } of links) {
    if (source === target) continue;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  return degree;
}

/** Elements about to be added, with their labels placed (`quiet` for those that must wait): Cytoscape styles them once. */
export function withQuietLabels(elements: ElementDefinition[], view: LabelView, important: ReadonlySet<string> = new Set()): ElementDefinition[] {
  const degree = degrees(elements.filter((e) => e.group === 'edges').map((e) => e.data as { source: string; target: string }));
  const items = elements
    .filter((e) => e.group === 'nodes' && e.position)
    .map((e) => ({
      id: e.data.id!,
      label: String(e.data.drawn ?? ''),
      kind: String(e.data.kind ?? ''),
      degree: degree.get(e.data.id!) ?? 0,
      important: important.has(e.data.id!),
      position: e.position!,
    }));
  const placed = placeLabels(items, view);
  return elements.map((e) => {
    const wanted = labelClass(placed.get(e.data.id!));
    const shift = shiftOf(placed.get(e.data.id!), view.zoom);
    if (!wanted && shift === undefined) return e;
    const classes = (e.classes ?? '') as string;
    return {
      ...e,
      ...(shift === undefined ? {} : { data: { ...e.data, shift } }),
      ...(wanted ? { classes: classes ? `${classes} ${wanted}` : wanted } : {}),
    };
  });
}

/** What the placement reads of a node besides Cytoscape's own. */
export interface Placing {
  /** boxes on screen no label may cover (LabelView's `clear`) */
  clear?: Rect[];
  /**
   * Where the labels will be, when that is not where the nodes are yet: an expansion decides its
   * labels for the newcomers' places before they fly there, so the frame after the flight has
   * no label left to restyle.
   */
  position?: (node: NodeSingular) => Position;
  /** LabelView's `sides` */
  sides?: readonly Side[];
  /**
   * The part of the plane labels are placed in, in screen pixels at the current zoom, where it is
   * not the canvas as the reader has it: an exported picture's, which holds what lies off the screen.
   */
  frame?: { pan: Position; width: number; height: number };
}

function itemOf(node: NodeSingular, placing: Placing, degree: ReadonlyMap<string, number>): LabelItem {
  return {
    id: node.id(),
    label: String(node.data('drawn') ?? ''),
    kind: String(node.data('kind') ?? ''),
    degree: degree.get(node.id()) ?? 0,
    important: node.selected() || node.hasClass('highlighted'),
    position: placing.position ? placing.position(node) : node.position(),
  };
}

export function declutter(cy: Core, nodeScale: number, placing: Placing): void {
  const nodes = cy.nodes();
  const degree = degrees(cy.edges().map((edge) => edge.data() as { source: string; target: string }));
  const items = nodes.map((node: NodeSingular) => itemOf(node, placing, degree));
  const frame = placing.frame ?? { pan: cy.pan(), width: cy.width(), height: cy.height() };
  const placed = placeLabels(items, {
    zoom: cy.zoom(),
    pan: frame.pan,
    width: frame.width,
    height: frame.height,
    nodeScale,
    clear: placing.clear,
    sides: placing.sides,
  });
  cy.batch(() => {
    nodes.forEach((node) => {
      const wanted = labelClass(placed.get(node.id()));
      // Only a label whose place changes is restyled.
      for (const name of LABEL_CLASSES) if (node.hasClass(name) !== (name === wanted)) node.toggleClass(name, name === wanted);
      const shift = shiftOf(placed.get(node.id()), cy.zoom());
      if (shift !== node.data('shift')) {
        if (shift === undefined) node.removeData('shift');
        else node.data('shift', shift);
      }
    });
  });
}
