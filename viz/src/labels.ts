// Decluttering: labels are placed in order of importance, and one that would overlap a
// label already placed is set aside (class `quiet`, shown on hover). Run after every layout
// and whenever the reader stops zooming, so zooming in brings more names back.
//
// A label's box on screen is worked out here, from its text, the node's position and the
// viewport, as Cytoscape lays it out (text-valign bottom): asking Cytoscape for thousands of
// bounding boxes made it compute every element's rendered style twice. The same function
// serves elements not added yet, so a new picture is added with its quiet labels decided.
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { EntityKind } from '../../ingest/model.ts';
import { overlaps, type Position, type Rect } from './geo.ts';
import { LABEL_FONT, SIZES } from './style.ts';

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

let measure: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** The text's width in pixels at the label font, cached: the same names come back at every zoom. */
function textWidth(text: string, city: boolean): number {
  const key = `${city ? 'b' : 'n'}${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  measure ??= document.createElement('canvas').getContext('2d')!;
  measure.font = `${city ? 'bold' : 'normal'} ${city ? SIZES.cityFont : SIZES.font}px ${LABEL_FONT}`;
  const width = Math.ceil(measure.measureText(text).width);
  widths.set(key, width);
  return width;
}

/**
 * The label's box on screen, as Cytoscape's own bounding box has it: below the node by the
 * text margin, the background padding and Cytoscape's 2-unit margin of error around it;
 * one pixel more each way for the rounding of a measure taken at another zoom.
 */
export function labelBox(item: LabelItem, view: LabelView): Rect {
  const city = item.kind === 'City';
  const font = city ? SIZES.cityFont : SIZES.font;
  const shape = (city ? SIZES.city : SIZES.node) * view.nodeScale;
  const width = Math.min(textWidth(item.label, city), SIZES.labelWidth);
  const x = item.position.x * view.zoom + view.pan.x;
  const y = item.position.y * view.zoom + view.pan.y + shape / 2 + SIZES.labelMargin;
  const spare = SIZES.labelPadding + 2 * view.zoom + 1;
  return { x1: x - width / 2 - spare, x2: x + width / 2 + spare, y1: y - spare, y2: y + font + spare };
}

const rank = (item: LabelItem) => (item.important ? 100 : (KIND_RANK[item.kind as EntityKind] ?? 1) * 10 + Math.min(9, item.degree));

/** The labels to set aside: each in order of rank, if it would overlap one placed before it or is not wholly on screen. */
export function quietLabels(items: LabelItem[], view: LabelView): Set<string> {
  // A coarse grid keeps the overlap test near-linear for views of thousands of nodes.
  const CELL = 120;
  const grid = new Map<string, Rect[]>();
  const cells = (r: Rect) => {
    const keys: string[] = [];
    for (let x = Math.floor(r.x1 / CELL); x <= Math.floor(r.x2 / CELL); x += 1)
      for (let y = Math.floor(r.y1 / CELL); y <= Math.floor(r.y2 / CELL); y += 1) keys.push(`${x},${y}`);
    return keys;
  };
  const ranked = items.map((item) => ({ item, rank: rank(item) }));
  ranked.sort((a, b) => b.rank - a.rank || a.item.id.localeCompare(b.item.id));
  const quiet = new Set<string>();
  for (const { item } of ranked) {
    if (!item.label) continue;
    const rect = labelBox(item, view);
    // A label the canvas's edge would cut reads as another name: it waits, like one in the way.
    const visible = rect.x1 >= 0 && rect.y1 >= 0 && rect.x2 <= view.width && rect.y2 <= view.height;
    const free = visible && cells(rect).every((key) => !(grid.get(key) ?? []).some((other) => overlaps(rect, other)));
    if (!free) {
      quiet.add(item.id);
      continue;
    }
    for (const key of cells(rect)) {
      const cell = grid.get(key);
      if (cell) cell.push(rect);
      else grid.set(key, [rect]);
    }
  }
  return quiet;
}

/** Elements about to be added, with `quiet` on the labels that must wait: Cytoscape styles them once. */
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
  const quiet = quietLabels(items, view);
  return elements.map((e) => {
    const classes = (e.classes ?? '') as string;
    return quiet.has(e.data.id!) ? { ...e, classes: classes ? `${classes} quiet` : 'quiet' } : e;
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
  const quiet = quietLabels(items, { zoom: cy.zoom(), pan: cy.pan(), width: cy.width(), height: cy.height(), nodeScale });
  cy.batch(() => {
    nodes.forEach((node) => {
      const wanted = quiet.has(node.id());
      if (node.hasClass('quiet') !== wanted) node.toggleClass('quiet', wanted);
    });
  });
}
