// The Cytoscape stylesheet, generated from the kinds and relation types in ingest/model.ts:
// one rule per kind (colour, shape) and per relation type (colour, line, arrow), so a new
// kind or type is styled without touching this file. Sizes are given in screen pixels and
// divided by the zoom, so labels stay readable however far the reader zooms out.
import type { NodeSingular, StylesheetJson } from 'cytoscape';
import { ENTITY_KINDS, KINDS, RELATION_TYPE_NAMES, isSymmetric, type RelationType } from '../../ingest/model.ts';
import { LABEL_FONT_FAMILY } from './fonts.ts';
import { SIZES } from './sizes.ts';

/** One colour per plan, in the order the server lists the plans: a plan keeps its colour in every view. */
export const DOCUMENT_COLORS = ['#2166ac', '#e66101', '#1b7837', '#762a83', '#c51b7d', '#8c510a'];

/** Ten colours that stay apart from each other and from the kinds' fills, and two line styles. */
const PALETTE = ['#4b5d73', '#1b7837', '#b2182b', '#d6604d', '#762a83', '#e08214', '#2166ac', '#35978f', '#c51b7d', '#8c8c8c'];
const LINES = ['solid', 'dotted'] as const;

/**
 * Dash patterns in screen pixels, as the legend draws them. Cytoscape's own `dotted` is a
 * 1-unit dash in model space: at the zoom of a large view that is a dash every third of a
 * pixel, which looks solid and costs more to draw than everything else on the canvas.
 */
export const DASHES = { dotted: [1.5, 2.5], curated: [5, 3] } as const;

export interface RelationStyle {
  color: string;
  line: (typeof LINES)[number];
}

/** The style of each relation type, from its place in ingest/model.ts's list. */
export const RELATION_STYLES = Object.fromEntries(
  RELATION_TYPE_NAMES.map((type, i) => [type, { color: PALETTE[i % PALETTE.length]!, line: LINES[(i + Math.floor(i / PALETTE.length)) % LINES.length]! }]),
) as Record<RelationType, RelationStyle>;

/** A canvas narrower than this is a phone's: it draws smaller shapes, and the views arrange themselves for it. */
const COMPACT_WIDTH = 600;
export const isCompact = (width: number) => width < COMPACT_WIDTH;
/** How a canvas of this width scales the shapes (not the labels): on a phone's, cities would cover each other. */
export const nodeScaleFor = (width: number) => (isCompact(width) ? 0.6 : 1);

/** How a picture is fitted to its canvas (scene.ts), in screen pixels; an arrangement reads the zoom it will be drawn at from it (geo.ts). */
export const FIT = {
  padding: 40, // around a fitted picture
  compactPadding: 16, // on a phone, where every pixel of width counts
  maxZoom: 1.6, // a small picture is not blown up past this
  titleSpace: 28, // kept free at the top for the title over the canvas, at least
};
export const fitPadding = (width: number) => (isCompact(width) ? FIT.compactPadding : FIT.padding);

/**
 * The room kept around a picture's outermost nodes for their shapes and labels: half a label's
 * width each side (a quarter on a phone, or the picture would shrink to half the width), a city's
 * half above, and its half and name below.
 */
export function labelRoom(width: number): { x: number; top: number; bottom: number } {
  const half = (SIZES.city * nodeScaleFor(width)) / 2;
  return { x: SIZES.labelWidth / (isCompact(width) ? 4 : 2), top: half, bottom: half + SIZES.labelMargin + SIZES.cityFont * 1.4 };
}

/**
 * The part of a canvas a picture is fitted into: the canvas less its padding, the `room` kept
 * around the picture (each side `x`, and `right` more on the right), the title's space at the top
 * and what a drawer covers at the bottom.
 */
export function fitArea(
  canvas: { width: number; height: number },
  room: { x: number; top: number; bottom: number; right?: number },
  titleSpace: number = FIT.titleSpace,
  obscured = 0,
): { width: number; height: number } {
  const padding = fitPadding(canvas.width);
  return {
    width: canvas.width - 2 * padding - 2 * room.x - (room.right ?? 0),
    height: canvas.height - obscured - 2 * padding - titleSpace - room.top - room.bottom,
  };
}

/** The zoom a picture `extent` across at zoom 1 is drawn at, fitted into an area. */
export const zoomInto = (extent: { w: number; h: number }, area: { width: number; height: number }) =>
  Math.min(FIT.maxZoom, area.width / Math.max(1, extent.w), area.height / Math.max(1, extent.h));

/** The zoom a picture `extent` across at zoom 1 is fitted at on a canvas, before the boxes over the canvas are kept clear of. */
export const fitZoom = (extent: { w: number; h: number }, canvas: { width: number; height: number }) =>
  zoomInto(extent, fitArea(canvas, labelRoom(canvas.width)));

/**
 * A node's outline in screen pixels: plain, found by discovery, drawn at its real site on a map (a
 * place the registry locates; every other place there stands beside what it belongs to), highlighted
 * (a path's, a cluster's).
 */
export const NODE_BORDERS = {
  plain: { width: 1, color: '#ffffff', dash: [] },
  discovered: { width: 2, color: '#555555', dash: [3, 2] },
  sited: { width: 2, color: '#222222', dash: [] },
  highlighted: { width: 4, color: '#e6550d', dash: [] },
} as const;

/**
 * The selection: a ring around the node's own outline, a pixel off it. A node selected within a
 * highlighted path keeps the highlight's outline, so it still reads as one of the path's.
 */
export const SELECTION_RING = { width: 2.5, gap: 1, color: '#111111' } as const;

/**
 * Which node is drawn over which: one whose label is shown over one whose label waits (so no
 * quiet neighbour covers a name the declutter pass kept), cities over what is around them,
 * highlighted and pointed-at nodes over all.
 */
export const NODE_Z = { quiet: 0, labelled: 1, quietCity: 5, city: 6, highlighted: 10, pointed: 30 } as const;

/** How much of an element a highlight leaves out still shows. */
export const FADED_OPACITY = 0.15;

/** A label's text and the box behind it; the box of a pointed or selected node's label is more opaque. */
export const LABEL_LOOK = { color: '#1b1f24', background: '#ffffff', opacity: 0.75, pointedOpacity: 0.9 } as const;

/** Of a node coloured by plan, how much of its width the disc of plans takes. */
export const PIE_SHARE = 0.7;

/** A node's shape across on screen, in pixels, its border not included: a city's is larger. */
export const shapeSize = (kind: string, nodeScale: number) => (kind === 'City' ? SIZES.city : SIZES.node) * nodeScale;

/**
 * `nodeScale` shrinks the shapes (not the labels) on a small canvas, where cities would cover each
 * other; `labelWidth` is the pixels a label may take (a list's names, beside their nodes, take more).
 */
export function stylesheet(zoom = 1, nodeScale = 1, labelWidth: number = SIZES.labelWidth): StylesheetJson {
  const px = (value: number) => value / zoom;
  const shape = (value: number) => (value * nodeScale) / zoom;
  return [
    {
      selector: 'node',
      style: {
        // The name as it fits a label, no two alike (labels.ts).
        label: 'data(drawn)',
        'font-size': px(SIZES.font),
        'font-family': LABEL_FONT_FAMILY,
        'text-valign': 'bottom',
        'text-margin-y': px(SIZES.labelMargin),
        // Lines break where text.ts broke them: each fits the label's width as labels.ts measures
        // it, and 4 pixels more keep Cytoscape's own measure, at another zoom, from breaking one again.
        'text-wrap': 'wrap',
        'text-max-width': `${px(labelWidth + 4)}px`,
        'text-background-color': LABEL_LOOK.background,
        'text-background-opacity': LABEL_LOOK.opacity,
        'text-background-padding': `${px(SIZES.labelPadding)}px`,
        width: shape(SIZES.node),
        height: shape(SIZES.node),
        'border-width': px(NODE_BORDERS.plain.width),
        'border-color': NODE_BORDERS.plain.color,
        color: LABEL_LOOK.color,
        'z-index': NODE_Z.labelled,
      },
    },
    ...KINDS.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': ENTITY_KINDS[kind].color, shape: ENTITY_KINDS[kind].shape },
    })),
    // Cities orient the reader: drawn, with their names, above everything placed around them.
    {
      selector: 'node[kind = "City"]',
      style: { width: shape(SIZES.city), height: shape(SIZES.city), 'font-size': px(SIZES.cityFont), 'font-weight': 'bold', 'z-index': NODE_Z.city },
    },
    // Off a map, a name hides the links passing under it (graph-data.ts: offMap).
    { selector: 'node.off-map', style: { 'text-background-opacity': 1 } },
    {
      selector: 'node.sited',
      style: { 'border-color': NODE_BORDERS.sited.color, 'border-width': px(NODE_BORDERS.sited.width) },
    },
    {
      selector: 'node[source = "discovered"]',
      style: { 'border-style': 'dashed', 'border-color': NODE_BORDERS.discovered.color, 'border-width': px(NODE_BORDERS.discovered.width) },
    },
    // Coloured by plan: the kind keeps its shape and colour; a disc inside holds one slice per plan that names the node.
    {
      selector: 'node.by-document',
      style: {
        'pie-size': `${PIE_SHARE * 100}%`,
        ...Object.fromEntries(
          DOCUMENT_COLORS.flatMap((color, i) => [
            [`pie-${i + 1}-background-color`, color],
            [`pie-${i + 1}-background-size`, `data(doc${i})`],
          ]),
        ),
      },
    },
    // A label above or below a node at the canvas's edge, slid onto the canvas (labels.ts), in model units.
    { selector: 'node[shift]', style: { 'text-margin-x': (node: NodeSingular) => Number(node.data('shift')) } },
    // Labels the declutter pass (labels.ts) placed beside or above their node, where below was taken.
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': px(-SIZES.labelMargin) } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': px(SIZES.labelMargin) } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': px(-SIZES.labelMargin) } },
    // Labels the declutter pass set aside; hovering or selecting brings one back.
    // Without its text too: Cytoscape then neither measures nor draws it (thousands, in a large view).
    { selector: 'node.quiet', style: { label: '', 'text-opacity': 0, 'text-background-opacity': 0, 'z-index': NODE_Z.quiet } },
    { selector: 'node.quiet[kind = "City"]', style: { 'z-index': NODE_Z.quietCity } },
    {
      selector: 'edge',
      style: {
        width: px(SIZES.edge),
        'target-arrow-shape': 'triangle',
        // Cytoscape draws an arrowhead at least 29 × arrow-scale model units wide, whatever the
        // edge's width: scaled by the zoom like the shapes, or zooming in grows it past the nodes.
        'arrow-scale': (0.9 * Math.sqrt(nodeScale)) / zoom,
        // Straight unless two links join the same ends: a bezier link has Cytoscape look up its
        // parallel links in every pass that moves its ends (working out 广州's expansion's links
        // took 60 ms with every link a bezier one, 40 ms so, in a profile).
        'curve-style': 'straight',
        // Opaque: Cytoscape draws the arrow of a translucent edge twice (a destination-out pass
        // first), which made arrows the costliest part of drawing a large view.
        opacity: 1,
      },
    },
    ...RELATION_TYPE_NAMES.map((type) => ({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': RELATION_STYLES[type].color,
        'target-arrow-color': RELATION_STYLES[type].color,
        ...(isSymmetric(type) ? { 'target-arrow-shape': 'none' as const } : {}),
        // Butt caps: round ones lengthen each dot by the line's width, and close the gaps of a highlighted (wider) line.
        ...(RELATION_STYLES[type].line === 'dotted'
          ? { 'line-style': 'dashed' as const, 'line-dash-pattern': DASHES.dotted.map(px), 'line-cap': 'butt' as const }
          : { 'line-style': 'solid' as const }),
      },
    })),
    { selector: 'edge[parallel = "yes"]', style: { 'curve-style': 'bezier' } },
    // A link that would pass over a node it does not join bends around it (detours.ts). Its ends lie
    // where the line between its nodes leaves their outlines: by default Cytoscape aims them at the
    // control point, and finds none when that point lies inside a shape, as it does for a moment
    // when a newcomer flying out of the node it came with clears that node's outline (the link is
    // not drawn, and Cytoscape warns of it: 广州's hypersonic wind tunnel, in 1 of 4 e2e runs).
    {
      selector: 'edge[detour]',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(detour)',
        'control-point-weights': 'data(detourAt)',
        'source-endpoint': 'outside-to-line',
        'target-endpoint': 'outside-to-line',
      },
    },
    { selector: 'edge.by-document', style: { 'line-color': 'data(plan)', 'target-arrow-color': 'data(plan)' } },
    // Links only the curated registry states, not the text: dashed, with a hollow arrow.
    {
      selector: 'edge[cited = "no"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': DASHES.curated.map(px), 'line-cap': 'butt', 'target-arrow-fill': 'hollow' },
    },
    // Nodes and edges are highlighted apart: a `width` meant for a line would squash a node's shape.
    {
      selector: 'node.highlighted',
      style: {
        'border-width': px(NODE_BORDERS.highlighted.width),
        'border-color': NODE_BORDERS.highlighted.color,
        'border-style': 'solid',
        'z-index': NODE_Z.highlighted,
      },
    },
    // The selected node's links are drawn as highlighted ones are: the reader sees which lines are its own.
    { selector: 'edge.highlighted, edge.linked', style: { width: px(SIZES.edgeStressed), 'z-index': 10 } },
    { selector: 'edge.highlighted', style: { opacity: 1 } },
    { selector: '.faded', style: { opacity: FADED_OPACITY } },
    // The relation is named where the reader looks: on hover and on selection, a faded link too.
    // The look of a link's name is given only to the links that show one: Cytoscape applies every
    // property a rule gives to each element it matches, and hashes each value into the element's
    // style key (the font's list of names character by character). Given to every link, styling an
    // expansion's newcomers took 52–55 ms for 深圳 and 85–92 ms for 广州 (medians of alternating cold
    // pages, two runs), 45–47 and 61–71 ms so.
    {
      selector: 'edge.hover, edge:selected',
      style: {
        label: 'data(label)',
        'font-size': px(SIZES.edgeFont),
        'font-family': LABEL_FONT_FAMILY,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        color: '#333',
        width: px(SIZES.edgePointed),
        opacity: 1,
        'z-index': 20,
      },
    },
    {
      selector: 'node.hover, node:selected',
      style: { label: 'data(drawn)', 'text-opacity': 1, 'text-background-opacity': LABEL_LOOK.pointedOpacity, 'z-index': NODE_Z.pointed },
    },
    // The link selected stands out as a selected node does, with a dark halo: a wider line alone was missed.
    {
      selector: 'edge:selected',
      style: {
        width: px(SIZES.edgeStressed),
        'underlay-color': SELECTION_RING.color,
        'underlay-padding': px(SELECTION_RING.width),
        'underlay-opacity': 0.3,
      },
    },
    // The selection shows around a highlight (a path's nodes are all highlighted).
    {
      selector: 'node:selected',
      style: {
        'outline-width': px(SELECTION_RING.width),
        'outline-color': SELECTION_RING.color,
        'outline-offset': px(SELECTION_RING.gap),
        'outline-opacity': 1,
      },
    },
  ];
}
