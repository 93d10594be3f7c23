// The picture: one Cytoscape instance, changed in place. A new view is laid out afresh;
// an expansion keeps every shown node where it is and places the newcomers around the
// expanded node (expansion.ts); a selection changes nothing but the selection. Sizes stay
// constant on screen (style.ts) and labels are decluttered (labels.ts) whenever the zoom
// settles. A force layout runs fcose in a Web Worker (layout.ts): the page never freezes.
// A view of more than `largeView` nodes is held and drawn by the layer (layer.ts), which draws
// thousands of nodes and links in the time Cytoscape takes to add them: Cytoscape then holds
// nothing, and keeps the viewport and its gestures.
import cytoscape, { type AnimationManipulation, type Core, type EdgeSingular, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import { overlaps, toScreen, type Position, type Rect } from './geo.ts';
import { createLayer } from './layer.ts';
import { layerEdges } from './layer-edges.ts';
import { declutter, unplaced, withDrawnLabels, withQuietLabels, type Side } from './labels.ts';
import { detours, type Line } from './detours.ts';
import { placeOnCanvas, type Newcomer, type Placing, type Whereabouts } from './expansion.ts';
import { forceLayout } from './layout.ts';
import { FIT, NODE_BORDERS, fitArea, fitPadding, labelRoom, nodeScaleFor, shapeSize, stylesheet, zoomInto } from './style.ts';
import { SIZES } from './sizes.ts';
import type { Lines } from './text.ts';
import { nextTask } from './next-task.ts';
import { parseRelationId } from '../../ingest/model.ts';

export const SCENE_DEFAULTS = {
  settleMs: 120, // quiet time after zooming before sizes and labels are redone
  revealMargin: 24, // pixels above a drawer's edge a node revealed stands clear of it
  // Newcomers land this long after their styling began: long enough to see where they come from,
  // short enough to keep an expansion within 300 ms. With 150 ms, 深圳 expanded without being
  // selected first flew 109 ms of the ~270 ms its expansion took (bench/README.md, round 26).
  animateMs: 110,
  // A view of more nodes than this is drawn by the layer. At 250 synthetic nodes, Cytoscape took
  // 350–530 ms to show it and froze 190–240 ms at each zoom; the layer, 30–50 ms and none (bench/README.md).
  largeView: 200,
  flownUpTo: 1000, // newcomers fly out in a view of up to this many nodes; beyond, a frame of the layer takes too long
  shortestFlight: 75, // what is left of animateMs once the newcomers are styled, never less than this
  // After the reader's action, newcomers land by this time where the flight can give up some of its
  // own for it: an answer or a preparation that came late (a busy machine) shortens the flight, not
  // the reader's wait, so that the expansion, its last frame and panel included, is over within 300 ms.
  landWithin: 250,
  taskMs: 40, // styling a picture ahead of its frame is cut into tasks of about this, so input and frames are not kept waiting
  doubleTapMs: 250, // a second tap this soon after the first is a double-tap (Cytoscape's default)
  detourMargin: 4, // pixels a link bent around a node it does not join keeps clear of its outline
};

/** Where a newcomer's flight begins: this part of the way from the node it came with to its place. */
const LEAVING = 0.01;
/** Model units between newcomers waiting at the node they came with to be placed. */
const APART = 0.01;
/** Screen pixels between two rows of a list for their names to take two lines each: two lines of text, each name's background and Cytoscape's margin around it, and a gap. */
const TWO_LINE_ROW = 2 * SIZES.font + 2 * (SIZES.labelPadding + 2) + 4;
/** Cytoscape's caches of the elements' pictures: of a node's shape, of a label, of a link's end labels. */
const PICTURE_CACHES = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache'] as const;

/** What the scene reaches of Cytoscape's renderer, which its typings leave out. */
interface CytoscapeRenderer {
  /** works out the labels' sizes and the links' curves of what its style queue holds */
  flushRenderedStyleQueue?: () => void;
  /** the same for some elements; those already worked out are passed over */
  recalculateRenderedStyle?: (element: NodeSingular | EdgeSingular) => void;
  getPixelRatio?: () => number;
  /** runs `fn` in every frame before the frame's own work, in order of `priority` (higher first) */
  beforeRender?: (fn: (drawing: boolean, frameTime: number) => void, priority: number) => void;
  beforeRenderPriorities?: { animations: number };
  data?: Partial<Record<(typeof PICTURE_CACHES)[number], PictureCache>>;
}

/** Cytoscape's renderer of `cy` (not in its typings): what the explorer reads and hooks of it. */
const rendererOf = (cy: Core) => (cy as unknown as { renderer(): CytoscapeRenderer }).renderer();

/**
 * One of Cytoscape's picture caches (its ElementTextureCache): `getElement` draws an element's
 * picture at the current zoom into a shared texture unless one is there, as a frame does first.
 */
interface PictureCache {
  getBoundingBox(element: NodeSingular | EdgeSingular): { w: number; h: number };
  getElement(element: NodeSingular | EdgeSingular, box: { w: number; h: number }, pixelRatio: number): unknown;
}

/**
 * How long newcomers fly once styled in `preparedMs`: the flight ends animateMs after it was prepared
 * for, or sooner where `leftMs` remains until they should have landed, unless that leaves too short
 * a flight to be seen.
 */
export const flightAfter = (preparedMs: number, leftMs = Infinity) =>
  Math.max(SCENE_DEFAULTS.shortestFlight, Math.min(SCENE_DEFAULTS.animateMs - preparedMs, leftMs));

/**
 * `sides`: where labels go first (labels.ts), for a picture read as a list; `fitWidth`: fitted to the
 * width from the top, read by scrolling; `columnGap`: the model units between two columns of nodes
 * named under them, which a name may take on screen; `rowGap`: the model units between two rows of
 * a list, in which a name beside its node takes two lines where they fit.
 */
export type Arrangement =
  | { kind: 'preset'; positions: Map<string, Position>; fitWidth?: boolean; sides?: readonly Side[]; columnGap?: number; rowGap?: number }
  | { kind: 'force' }
  | { kind: 'concentric' };

export interface Scene {
  cy: Core;
  /** A new picture: everything laid out, fitted to the canvas. */
  replace(elements: ElementDefinition[], arrangement: Arrangement, viewport?: { zoom: number; pan: Position }): Promise<void>;
  /** The canvas takes the size of its container now; the first call attaches Cytoscape to the page. */
  attach(): void;
  /**
   * The same picture with some elements more or fewer: what is shown stays where it is; newcomers
   * fly out of `anchor`, or are simply there. On a map, `whereabouts` says where newcomers belong.
   * `meanwhile`, work of the caller's that draws nothing on the canvas (the selection's panel), is
   * done while the newcomers fly on Cytoscape's canvas, else after the update; the promise waits for it.
   * `since`: when the reader asked for it (performance.now()), for the newcomers to land within landWithin.
   */
  update(
    elements: ElementDefinition[],
    anchor: string | null,
    selected: string | null,
    animate?: boolean,
    whereabouts?: Whereabouts,
    meanwhile?: () => Promise<void>,
    since?: number,
  ): Promise<void>;
  /**
   * Selects one node or none; `reveal` pans to it when it is out of sight (under a drawer, with
   * `clearOfDrawer`, at its edge too). Resolves once any such pan has begun: not before a
   * double-tap's second tap could come, which must land on the node the first one did.
   */
  select(id: string | null, reveal: boolean, clearOfDrawer?: boolean): Promise<void>;
  /** Selects one link, by its relation's id, and nothing else (one not drawn: nothing); its middle is brought into sight, above a drawer. */
  selectLink(id: string): Promise<void>;
  /**
   * The drawer closed: a map moved up to show a node above it goes back down where it was, unless
   * the reader has moved or zoomed it since (then it is theirs, and stays).
   */
  drawerClosed(): void;
  /** Resolves once a tap on the canvas just made can no longer be a double-tap's first: at once if none was. */
  tapSettled(): Promise<void>;
  highlight(ids: Iterable<string>): void;
  /** The whole picture in the part of the canvas the reader sees: below the title, above a drawer. */
  fit(): void;
  positions(): Map<string, Position>;
  /** Whether the layer holds and draws this view (a large one): what is under the pointer is then found by `nodeAt` and `edgeAt`. */
  layered(): boolean;
  /** The link drawn by the layer within a few pixels of a point on the canvas. */
  edgeAt(point: Position): string | null;
  /** The node drawn by the layer under a point on the canvas. */
  nodeAt(point: Position): string | null;
  /** The layer's link under the pointer (a selected one is selectLink's). */
  pointEdge(hovered: string | null): void;
  /** The layer's node under the pointer: its name shown. */
  pointNode(id: string | null): void;
  /** Where a node is on the canvas, wherever it is held; null for one not shown. */
  onScreen(id: string): Position | null;
  /** How many links the layer draws: none in a view Cytoscape draws whole. */
  layerSize(): number;
  /** What the layer draws, on another canvas, for the PNG export. */
  paintLayer(context: CanvasRenderingContext2D, transform: { zoom: number; pan: Position }): void;
  /**
   * What `draw` returns with the labels placed for `area` (screen pixels, reaching past the canvas),
   * as if it were the canvas: a picture of all that is drawn names what lies off the screen too.
   * The labels are placed for the screen again after.
   */
  labelledFor<T>(area: { x: number; y: number; width: number; height: number }, draw: () => T): T;
}

/** A large view is the layer's to hold and draw (a node with no place at the origin, as Cytoscape puts it); a small one is Cytoscape's. */
function split(elements: ElementDefinition[]): { layered: boolean; cytoscape: ElementDefinition[]; nodes: ElementDefinition[]; links: ElementDefinition[] } {
  const nodes = elements.filter((e) => e.group === 'nodes');
  if (nodes.length <= SCENE_DEFAULTS.largeView) return { layered: false, cytoscape: elements, nodes: [], links: [] };
  return {
    layered: true,
    cytoscape: [],
    nodes: nodes.map((e) => (e.position ? e : { ...e, position: { x: 0, y: 0 } })),
    links: elements.filter((e) => e.group === 'edges'),
  };
}

/** Rings by how many links a node has, the most linked in the middle. */
const RINGS = { name: 'concentric', fit: false, minNodeSpacing: 30, animate: false, concentric: (n: NodeSingular) => n.degree(false) } as LayoutOptions;

/** A large view laid out in rings as Cytoscape lays out a small one, by a Cytoscape of its own that draws nothing. */
async function concentricOf(elements: ElementDefinition[], nodeScale: number): Promise<Map<string, Position>> {
  const model = cytoscape({ headless: true, styleEnabled: true, style: stylesheet(1, nodeScale) });
  model.add(elements);
  const layout = model.layout(RINGS);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
  const positions = new Map(model.nodes().map((n: NodeSingular) => [n.id(), { ...n.position() }] as const));
  model.destroy();
  return positions;
}

/**
 * `obscured` tells how many pixels at the bottom of the canvas a drawer covers (on a phone);
 * `covering`, the boxes drawn over the canvas (the title, the legend, the count), in canvas pixels;
 * `titled`, the boxes of the titles drawn under the graph at a viewport, which labels keep off.
 */
export function createScene(
  container: HTMLElement,
  obscured: () => number = () => 0,
  covering: () => Rect[] = () => [],
  titled: (viewport: { zoom: number; pan: Position }) => Rect[] = () => [],
): Scene {
  const cy = cytoscape({
    // Headless, with its styles, until the first picture is in (attach): attached to the page
    // before that, Cytoscape draws and composites an empty frame while the page waits for its data.
    headless: true,
    styleEnabled: true,
    style: stylesheet(1),
    // Large views stay smooth: draw a texture while panning, skip edges while moving.
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    minZoom: 0.05,
    maxZoom: 5,
    multiClickDebounceTime: SCENE_DEFAULTS.doubleTapMs,
    selectionType: 'single',
  });
  /** The zoom, shape scale and label width the stylesheet was last made for. */
  let styled = { zoom: 1, scale: 1, labelWidth: SIZES.labelWidth };
  /** The pixels a label may take in this picture: more in a list, whose names lie beside their nodes. */
  let labelWidth: number = SIZES.labelWidth;
  /** The lines a label may take in this picture: one in a list whose rows are too close for two. */
  let lines: Lines = 2;
  /** Whether the view shown is the layer's. */
  let layered = false;
  /** The links of the layer's view, as given: a label's rank counts them. */
  let layerLinks: ElementDefinition[] = [];
  let attached = false;
  /** When the reader last tapped the canvas, and how many selections have been made: a pan put off is dropped by a later one. */
  let tapped = -Infinity;
  let selections = 0;
  /** Where the map was before selections moved it up above a drawer, and where they left it. */
  let revealed: { from: Position; to: Position; zoom: number } | null = null;
  /** The map is as a reveal left it, or on its way there: the reader has not moved it since. */
  const untouched = (reveal: { to: Position; zoom: number }) =>
    cy.animated() || (Math.abs(cy.zoom() - reveal.zoom) < 1e-6 && Math.abs(cy.pan().x - reveal.to.x) < 1 && Math.abs(cy.pan().y - reveal.to.y) < 1);
  cy.on('tap', () => (tapped = performance.now()));
  /** What the labels were last decluttered for (the viewport, the selected node): the same needs no second pass. */
  let decluttered = '';
  let timer: number | undefined;
  /** A phone-sized canvas draws smaller shapes. */
  const nodeScale = () => nodeScaleFor(cy.width());
  const padding = () => fitPadding(cy.width());
  const layer = createLayer(cy, container, nodeScale, SCENE_DEFAULTS.settleMs);
  /** The sides labels are tried on in this picture: the default unless its arrangement asked otherwise. */
  let sides: readonly Side[] | undefined;
  /**
   * Bends for links over nodes they do not join, at `zoom`: a node is drawn the same size on screen
   * at any zoom, its widest outline (a sited place's) included, and a line of its name under it.
   */
  const bendsOf = (nodes: { id: string; kind: string; at: Position }[], lines: Line[], zoom: number) =>
    detours(
      lines,
      nodes.map(({ id, kind, at }) => {
        const half = (shapeSize(kind, nodeScale()) / 2 + NODE_BORDERS.sited.width) / zoom;
        const name = (SIZES.labelMargin + SIZES.font + 2 * SIZES.labelPadding) / zoom;
        const box = { x1: at.x - half, x2: at.x + half, y1: at.y - half, y2: at.y + half };
        return { id, at, box, named: { ...box, y2: box.y2 + name } };
      }),
      SCENE_DEFAULTS.detourMargin / zoom,
    );
  /** The zoom and places links were last bent for: the same need no second pass (a flight's landing, a pan). */
  let bentFor = '';
  const bendKey = (nodes: { id: string; at: Position }[], zoom: number) =>
    `${zoom.toFixed(4)} ${nodes.map((n) => `${n.id}:${n.at.x.toFixed(1)},${n.at.y.toFixed(1)}`).join(' ')}`;
  /** The straight links among `links` (parallel ones curve already) whose ends `at` places. */
  const linesOf = (links: ElementDefinition['data'][], at: Map<string, Position>): Line[] =>
    links.flatMap((d) => {
      const [from, to] = [at.get(d.source!), at.get(d.target!)];
      return d.parallel !== 'yes' && from && to ? [{ id: d.id!, source: d.source!, target: d.target!, from, to }] : [];
    });
  /**
   * The links of a new picture Cytoscape draws, bent where they pass over a node, as they are given
   * to it. A large view's are the layer's, drawn straight: worked out for 5 000 nodes and 7 500
   * links, bends took 8 s.
   */
  const bent = (elements: ElementDefinition[], zoom: number): ElementDefinition[] => {
    const nodes = elements.flatMap((e) => (e.group === 'nodes' && e.position ? [{ id: e.data.id!, kind: String(e.data.kind ?? ''), at: e.position }] : []));
    const lines = linesOf(
      elements.filter((e) => e.group === 'edges').map((e) => e.data),
      new Map(nodes.map((n) => [n.id, n.at])),
    );
    const bends = bendsOf(nodes, lines, zoom);
    bentFor = bendKey(nodes, zoom);
    return elements.map((e) => {
      const bend = e.group === 'edges' ? bends.get(e.data.id!) : undefined;
      return bend ? { ...e, data: { ...e.data, detour: bend.distance, detourAt: bend.weight } } : e;
    });
  };
  /**
   * Bends Cytoscape's links for the zoom they have now and the places `position` gives (where they
   * are, or where newcomers will land): only those whose bend changes are touched (each is
   * restyled). `newcomers`: nothing else moved, so only their links and the links their shapes
   * now lie on are worked out again (广州's expansion: 140 links, 11 ms each time all of them).
   */
  const bend = (position = (node: NodeSingular): Position => node.position(), newcomers?: ReadonlySet<string>) => {
    if (layered) return;
    const nodes = cy.nodes().map((n: NodeSingular) => ({ id: n.id(), kind: String(n.data('kind') ?? ''), at: position(n) }));
    const zoom = cy.zoom();
    const key = bendKey(nodes, zoom);
    if (key === bentFor) return;
    bentFor = key;
    const at = new Map(nodes.map((n) => [n.id, n.at]));
    // Where a newcomer's shape lies, with room for a link's berth around it.
    const landed = (newcomers ? nodes.filter((n) => newcomers.has(n.id)) : []).map(({ kind, at: p }) => {
      const reach = (shapeSize(kind, nodeScale()) / 2 + NODE_BORDERS.sited.width + SCENE_DEFAULTS.detourMargin) / zoom;
      return { x1: p.x - reach, x2: p.x + reach, y1: p.y - reach, y2: p.y + reach };
    });
    const meets = (from: Position, to: Position) =>
      landed.some((r) => r.x2 > Math.min(from.x, to.x) && r.x1 < Math.max(from.x, to.x) && r.y2 > Math.min(from.y, to.y) && r.y1 < Math.max(from.y, to.y));
    const lines = linesOf(
      cy.edges().map((e: EdgeSingular) => e.data() as ElementDefinition['data']),
      at,
    ).filter((l) => !newcomers || newcomers.has(l.source) || newcomers.has(l.target) || meets(l.from, l.to));
    const bends = bendsOf(nodes, lines, zoom);
    const considered = new Set(lines.map((l) => l.id));
    cy.batch(() =>
      cy.edges().forEach((e: EdgeSingular) => {
        if (!considered.has(e.id())) return;
        const wanted = bends.get(e.id());
        const had = e.data('detour') as number | undefined;
        if (!wanted) {
          if (had !== undefined) e.removeData('detour detourAt');
        } else if (had === undefined || Math.abs(had - wanted.distance) > 0.5 || Math.abs(Number(e.data('detourAt')) - wanted.weight) > 0.01)
          e.data({ detour: wanted.distance, detourAt: wanted.weight });
      }),
    );
  };
  /** The names as drawn, `width` pixels wide at most, on the lines this picture gives them. */
  const drawnLabels = (given: ElementDefinition[], width: number = SIZES.labelWidth) => withDrawnLabels(given, width, lines);
  /**
   * Where no label may lie at a viewport: on the titles under the graph, or under what is drawn over
   * the canvas (the title over it, the legend), where a name would be cut.
   */
  const keptClear = (viewport: { zoom: number; pan: Position }) => [...titled(viewport), ...covering()];
  /** What the declutter pass reads besides Cytoscape: where labels keep clear of at this viewport, the sides. */
  const placing = () => ({ clear: keptClear({ zoom: cy.zoom(), pan: cy.pan() }), sides });
  /** Restyles every element: only when the zoom, the canvas's size class or the label width changed (a layer's view has none). */
  const setStyle = (zoom: number) => {
    if (layered || (Math.abs(zoom - styled.zoom) < 1e-3 && styled.scale === nodeScale() && styled.labelWidth === labelWidth)) return;
    styled = { zoom, scale: nodeScale(), labelWidth };
    cy.style(stylesheet(zoom, styled.scale, labelWidth));
  };
  /** The selected node, wherever it is held. */
  const selectedId = () => (layered ? layer.selected() : cy.$('node:selected').id()) ?? null;
  /** What labels are placed for: the viewport, the canvas, the sides, the titles under the graph. */
  const labelView = (viewport: { zoom: number; pan: Position }) => ({
    ...viewport,
    width: cy.width(),
    height: cy.height(),
    nodeScale: nodeScale(),
    clear: keptClear(viewport),
    sides,
  });

  // The selected node's label is placed first (labels.ts): another selection places them again.
  const labelKey = () => `${cy.zoom()} ${cy.pan().x} ${cy.pan().y} ${cy.width()} ${cy.height()} ${selectedId() ?? ''}`;
  const placeLabels = (force = false) => {
    const key = labelKey();
    if (key === decluttered && !force) return;
    decluttered = key;
    if (!layered) return declutter(cy, nodeScale(), placing());
    // The layer's nodes, their labels placed afresh with every link counted, the selected and highlighted first.
    // The highlight names links too: withQuietLabels asks it of nodes alone.
    const important = new Set(layer.highlighted());
    const chosen = layer.selected();
    if (chosen) important.add(chosen);
    const placed = withQuietLabels([...layer.nodes().map(unplaced), ...layerLinks], labelView({ zoom: cy.zoom(), pan: cy.pan() }), important);
    layer.relabel(placed.filter((e) => e.group === 'nodes'));
  };
  /** Sizes for the zoom, labels for the viewport; `force`: the picture changed, though the viewport did not. */
  const restyle = (force = false) => {
    setStyle(cy.zoom());
    bend();
    placeLabels(force);
  };
  /**
   * A node of the layer's is dragged as Cytoscape drags its own: pressed on, it follows the
   * pointer, and the picture neither pans nor starts a box selection meanwhile.
   */
  let dragged: { id: string; offset: Position; boxes: boolean } | null = null;
  cy.on('tapstart', (event) => {
    if (!layered || event.target !== cy) return;
    const id = layer.nodeAt(event.renderedPosition);
    const at = id ? layer.position(id) : null;
    if (!id || !at) return;
    dragged = { id, offset: { x: at.x - event.position.x, y: at.y - event.position.y }, boxes: cy.boxSelectionEnabled() };
    cy.userPanningEnabled(false);
    cy.boxSelectionEnabled(false);
  });
  cy.on('tapdrag', (event) => {
    if (dragged) layer.move(dragged.id, { x: event.position.x + dragged.offset.x, y: event.position.y + dragged.offset.y });
  });
  cy.on('tapend', () => {
    if (!dragged) return;
    cy.userPanningEnabled(true);
    cy.boxSelectionEnabled(dragged.boxes);
    dragged = null;
  });
  // The selected node's links stand out (style.ts, edge.linked), however it came to be selected.
  // Only those that change: Cytoscape restyles every element a class call names.
  cy.on('select', 'node', (event) => void event.target.connectedEdges().not('.linked').addClass('linked'));
  cy.on('unselect', 'node', (event) => void event.target.connectedEdges('.linked').removeClass('linked'));
  // A node the reader moved may now stand on a link, or no longer.
  cy.on('dragfree', 'node', () => bend());
  cy.on('viewport', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const before = styled;
      restyle();
      // A new zoom's sizes restyle every element: before the frame that draws them, not in it.
      if (styled !== before) void drawnNext(false);
    }, SCENE_DEFAULTS.settleMs);
  });

  /** The pixels kept free at the top for the title over the canvas: more where a long title wraps (a cluster's English name, on a phone). */
  const titleRoom = () => {
    const titles = covering().filter((c) => c.x1 < cy.width() / 2 && c.y1 < padding());
    return Math.max(FIT.titleSpace, ...titles.map((c) => c.y2 - padding() + SIZES.labelMargin));
  };
  /** The viewport that fits a box (model units) into the part of the canvas no drawer covers, below the title. */
  const fitting = (box: { x1: number; y1: number; w: number; h: number }, margin = { x: 0, top: 0, bottom: 0, right: 0 }) => {
    const around = padding();
    const titleSpace = titleRoom();
    const { width, height } = fitArea({ width: cy.width(), height: cy.height() }, margin, titleSpace, obscured());
    const zoom = Math.max(cy.minZoom(), zoomInto(box, { width, height }));
    return {
      zoom,
      pan: {
        x: around + margin.x + (width - box.w * zoom) / 2 - box.x1 * zoom,
        y: around + titleSpace + margin.top + (height - box.h * zoom) / 2 - box.y1 * zoom,
      },
    };
  };
  /** Where each node is, in model units, wherever it is held; a newcomer in flight on the layer, where it lands. */
  const positions = () => {
    if (!layered) return new Map(cy.nodes().map((n: NodeSingular) => [n.id(), { ...n.position() }] as const));
    layer.land();
    return new Map(layer.nodes().map((e) => [e.data.id!, { ...e.position! }] as const));
  };
  const fit = () => {
    // Fitted as a new picture is, with room for the labels and clear of the legend: fitted to
    // Cytoscape's box of the elements, 惠州 ended under the open legend once 深圳 and 东莞 were expanded.
    const held = positions();
    const viewport = held.size > 0 ? presetViewport(held, [...held.keys()]) : null;
    if (viewport) cy.viewport(viewport);
  };

  /**
   * Where positions are known the viewport is known before anything is drawn: the nodes' box
   * with room in screen pixels for the shapes and the labels hanging below them. The
   * stylesheet for that zoom is then applied once, with the elements, instead of a second
   * time over thousands of elements after a fit. `nameWidth`: the pixels a name under a node may
   * take, where wider than a label's (a chain's), kept clear at either side.
   */
  const presetViewport = (positions: Map<string, Position>, ids: string[], fitWidth = false, nameWidth?: number) => {
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of ids) {
      const p = positions.get(id);
      if (!p) continue;
      [x1, y1, x2, y2] = [Math.min(x1, p.x), Math.min(y1, p.y), Math.max(x2, p.x), Math.max(y2, p.y)];
    }
    if (x1 > x2) return null;
    const half = (SIZES.city * nodeScale()) / 2;
    // Labels beside their nodes, on the right, want a label's width there and none on the left.
    const beside = sides?.[0] === 'right';
    const room = labelRoom(cy.width());
    const margin = beside
      ? { x: half, top: half, bottom: half, right: SIZES.labelWidth }
      : { ...room, x: nameWidth ? Math.max(room.x, nameWidth / 2) : room.x, right: 0 };
    const fitted = (m = margin) => {
      // Fitted to the width alone, the picture starts at the top (its first title a padding lower) and goes on below.
      if (!fitWidth) return fitting({ x1, y1, w: x2 - x1, h: y2 - y1 }, m);
      const { zoom, pan } = fitting({ x1, y1, w: x2 - x1, h: 0 }, m);
      return { zoom, pan: { x: pan.x, y: 2 * padding() + titleRoom() + m.top - y1 * zoom } };
    };
    /**
     * How far each box on the canvas's right (the legend, the count) reaches over a node or a
     * band's title at a viewport, downwards for a box at the top and upwards for one at the
     * bottom; none for a box that hides nothing. (The English legend reaches past the middle, and
     * "Parks and places serving it directly" ran under it.)
     */
    const hiding = (viewport: { zoom: number; pan: Position }) => {
      const items = [
        ...ids.flatMap((id) => {
          const p = positions.get(id);
          if (!p) return [];
          const { x, y } = toScreen(p, viewport);
          return [{ x1: x - half, x2: x + half, y1: y - half, y2: y + margin.bottom }];
        }),
        ...titled(viewport),
      ];
      return covering().flatMap((c) => {
        if (c.x1 + c.x2 <= cy.width()) return [];
        const hidden = items.filter((t) => t.x2 > c.x1 && t.x1 < c.x2 && t.y2 > c.y1 && t.y1 < c.y2);
        if (hidden.length === 0) return [];
        const atTop = c.y1 + c.y2 < cy.height();
        return [{ box: c, atTop, reach: atTop ? c.y2 - Math.min(...hidden.map((t) => t.y1)) : Math.max(...hidden.map((t) => t.y2)) - c.y1 }];
      });
    };
    const target = fitted();
    const under = hiding(target);
    if (under.length === 0) return target;
    // The picture keeps to the left of the widest such box, or, where that leaves it larger and
    // clear, moves below those at the top and above those at the bottom: the legend is wide in
    // English and short, and the picture kept left of it was drawn at two thirds of its size.
    const left = fitted({ ...margin, right: Math.max(margin.right, ...under.map(({ box }) => cy.width() - box.x1 - padding())) });
    if (fitWidth) return left;
    const moved = { ...margin };
    let still = under;
    for (let tries = 0; tries < 3; tries += 1) {
      // Centred in what is left of the canvas, a picture whose width sets its size moves half as far as a margin grows.
      moved.top += 2 * Math.max(0, ...still.filter((h) => h.atTop).map((h) => h.reach + 2));
      moved.bottom += 2 * Math.max(0, ...still.filter((h) => !h.atTop).map((h) => h.reach + 2));
      const level = fitted(moved);
      still = hiding(level);
      if (still.length === 0) return level.zoom > left.zoom ? level : left;
    }
    return left;
  };

  /** The pixels from the rightmost node's label margin to the canvas's padding, at a viewport: a label's width in a list, never less than elsewhere. */
  const roomBeside = (positions: Map<string, Position>, ids: string[], viewport: { zoom: number; pan: Position }) => {
    const reach = (SIZES.city * nodeScale()) / 2 + SIZES.labelMargin;
    const right = Math.max(...ids.map((id) => (positions.has(id) ? toScreen(positions.get(id)!, viewport).x + reach : -Infinity)));
    return Math.max(SIZES.labelWidth, Math.floor(cy.width() - padding() - right));
  };

  /**
   * A picture whose positions are known: its viewport worked out from them, the stylesheet
   * applied for that zoom once, and the elements added with their places and quiet labels.
   */
  const show = (elements: ElementDefinition[], positions: Map<string, Position>, viewport?: { zoom: number; pan: Position }, fitWidth = false) => {
    const ids = elements.filter((e) => e.group === 'nodes').map((e) => e.data.id!);
    const target = viewport ?? presetViewport(positions, ids, fitWidth) ?? { zoom: 1, pan: { x: 0, y: 0 } };
    const placed = elements.map((e) => (e.group === 'nodes' && positions.has(e.data.id!) ? { ...e, position: { ...positions.get(e.data.id!)! } } : e));
    // Labels are ranked with every link counted, then the picture goes to Cytoscape or to the layer.
    const parts = split(withQuietLabels(placed, labelView(target)));
    layered = parts.layered;
    layerLinks = parts.links;
    cy.batch(() => {
      cy.elements().remove();
      setStyle(target.zoom);
      cy.add(bent(parts.cytoscape, target.zoom));
    });
    layer.set(parts.nodes, layerEdges(parts.links));
    cy.viewport(target);
    // The labels were placed for this viewport, with nothing selected, as the elements were added.
    decluttered = labelKey();
  };

  /**
   * A new picture's first frame did all of Cytoscape's work at once: styling every element,
   * measuring its label, curving its links, giving its canvases their memory, then drawing
   * (270 ms for the start view, the page's longest task); so did the frame after a zoom, which
   * restyles every element for its new sizes, and the first frame of an expansion's flight.
   * Cytoscape draws nothing while a batch is open: the next frame is held while all but the
   * drawing is done, in tasks of about `taskMs` (in one, it was the start view's longest task,
   * 140–160 ms), the elements' pictures included, and then only draws. `fresh`: a new picture,
   * whose canvases are sized and given their memory here too, in a task of their own.
   */
  const drawnNext = async (fresh: boolean) => {
    if (!attached || layered || cy.elements().empty()) return;
    // Sizes the canvases now: the frame would, and then fill their memory itself.
    if (fresh) cy.resize();
    cy.startBatch();
    try {
      await nextTask();
      if (fresh) {
        for (const canvas of container.querySelectorAll('canvas')) canvas.getContext('2d')?.clearRect(0, 0, 1, 1);
        await nextTask();
      }
      const elements = cy.elements();
      const renderer = rendererOf(cy);
      let began = performance.now();
      /** A new task once this one has run its share: styling 深圳, 广州 and 东莞 expanded took 60–90 ms at once. */
      const share = async () => {
        if (performance.now() - began < SCENE_DEFAULTS.taskMs) return;
        await nextTask();
        began = performance.now();
      };
      // Cytoscape styles an element when a property is first read.
      for (let i = 0; i < elements.length; i += 1) {
        void elements[i]!.style('label');
        await share();
      }
      // Labels' sizes and links' curves, as the frame would work them out before drawing: nodes
      // first, as a link's curve is worked out from its ends (internals of Cytoscape's renderer:
      // without them, the frame does this part itself). Then each element's box, to know what is
      // in sight: taking it marks an element moved since its last box to be worked out again,
      // which the flush does.
      const seen = cy.extent();
      const inSight: (NodeSingular | EdgeSingular)[] = [];
      for (const group of [cy.nodes(), cy.edges()])
        for (let i = 0; i < group.length; i += 1) {
          const element = group[i]!;
          renderer.recalculateRenderedStyle?.(element);
          const box = element.boundingBox();
          if (overlaps(box, seen)) inSight.push(element);
          await share();
        }
      renderer.flushRenderedStyleQueue?.();
      // The pictures of what is in sight, as the frame would draw them first (internals of
      // Cytoscape's renderer). Drawn in the frame, between its copies of them onto the canvas, they
      // made its drawing after a zoom take 80–90 ms (65 ms of it the copies); drawn here, 20–50 ms.
      const caches = PICTURE_CACHES.flatMap((name) => renderer.data?.[name] ?? []);
      const ratio = renderer.getPixelRatio?.() ?? 1;
      for (const element of inSight) {
        for (const cache of caches) {
          const box = cache.getBoundingBox(element);
          if (box.w > 0 && box.h > 0) cache.getElement(element, box, ratio);
        }
        await share();
      }
    } finally {
      cy.endBatch();
    }
  };

  /**
   * A new task with nothing drawn in between: an expansion's newcomers are placed, labelled and bent
   * in tasks of their own (广州's, at once, froze the page ~100 ms), and drawn only once they fly.
   */
  const undrawnTask = async () => {
    cy.startBatch();
    try {
      await nextTask();
    } finally {
      cy.endBatch();
    }
  };

  /** The animations of a layout not yet drawn: timed from the frame that first draws them (see attach). */
  let takingOff: AnimationManipulation[] = [];
  const run = async (options: LayoutOptions) => {
    const layout = cy.layout(options);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    // The animations an animated layout started (internal to Cytoscape's layouts).
    takingOff = (layout as unknown as { animations?: AnimationManipulation[] }).animations ?? [];
    await done;
  };

  /** Selects one node or none; Cytoscape restyles (and redraws) only when that changes anything. */
  const selectOnly = (id: string | null) => {
    const current = cy.$(':selected');
    if (current.length === (id ? 1 : 0) && (!id || current.id() === id)) return;
    cy.batch(() => {
      current.unselect();
      if (id) cy.getElementById(id).select();
    });
  };

  /**
   * Pans a place (a node's, a link's middle) into sight when it is out of it: under a drawer (with
   * `clearOfDrawer`, at its edge too) or off the canvas. Resolves once any such pan has begun;
   * `selection` is the selection it reveals, and a later one takes over.
   */
  const revealPlace = async (place: Position, selection: number, clearOfDrawer: boolean): Promise<void> => {
    const p = toScreen(place, { zoom: cy.zoom(), pan: cy.pan() });
    // What the reader sees of the canvas: on a phone, a drawer covers its lower part.
    const covered = obscured();
    const seen = cy.height() - covered;
    // `clearOfDrawer`: a node at a drawer's very edge is as good as under it, its shape and name cut.
    const inside = p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < seen - (clearOfDrawer && covered > 0 ? SCENE_DEFAULTS.revealMargin : 0);
    if (inside) return;
    // Moved from under the finger at once, 深圳 had a double-tap's second tap land on a link.
    const early = tapped + SCENE_DEFAULTS.doubleTapMs - performance.now();
    if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
    if (selection !== selections) return;
    // Centred on its place, not on its box: a node the layer holds has none in Cytoscape.
    const to = { x: cy.width() / 2 - place.x * cy.zoom(), y: seen / 2 - place.y * cy.zoom() };
    if (covered > 0) {
      // A second reveal with the map as the first left it goes back, in the end, to where the first found it.
      const from = revealed && untouched(revealed) ? revealed.from : { ...cy.pan() };
      revealed = { from, to, zoom: cy.zoom() };
    }
    // A pan under way gives way to this one. Queued behind it, a render's second and third reveal
    // (深圳 double-tapped on a phone) each began from where the first had: the map jumped back
    // down and rose again, twice, and the test that looked in between found 深圳 under the drawer.
    cy.stop(true);
    cy.animate({ pan: to, duration: 200 });
  };

  /** Where a node is, in model units, wherever it is held. */
  const placeOf = (id: string): Position | null => {
    if (layered) return layer.position(id);
    const node = cy.getElementById(id);
    return node.nonempty() ? { ...node.position() } : null;
  };

  /** What placing a newcomer reads of a node. */
  const itemOf = (data: ElementDefinition['data']) => ({ id: data.id!, label: String(data.drawn ?? ''), kind: String(data.kind ?? '') });

  /** Where newcomers go, in model units, on the canvas as the reader has it now (expansion.ts). */
  const placesAround = (shown: Placing[], newcomers: Newcomer[], centre: Position, whereabouts?: Whereabouts) =>
    placeOnCanvas(shown, newcomers, centre, {
      zoom: cy.zoom(),
      pan: cy.pan(),
      width: cy.width(),
      height: cy.height() - obscured(),
      covered: covering(),
      nodeScale: nodeScale(),
      whereabouts,
    });

  /** Scene.update, on Cytoscape's canvas or the layer's; `alongside` starts the caller's work, on Cytoscape's once the newcomers fly. */
  const updateCytoscape = async (
    given: ElementDefinition[],
    anchor: string | null,
    selected: string | null,
    animate: boolean,
    whereabouts: Whereabouts | undefined,
    alongside: () => Promise<void>,
    since: number | undefined,
  ): Promise<void> => {
    const all = drawnLabels(given, labelWidth);
    // A large view before or after is the layer's.
    if (layered || split(all).layered) return updateLayer(all, anchor, selected, animate, whereabouts);
    const elements = all;
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
      // A link added to the selected node is one of its own.
      cy.$('node:selected').connectedEdges().not('.linked').addClass('linked');
    });
    const newcomers = cy.nodes().filter((n) => !before.has(n.id()));
    if (newcomers.nonempty()) {
      const shown = cy.nodes().filter((n) => before.has(n.id()));
      const from = anchor ? cy.getElementById(anchor) : null;
      const box = shown.boundingBox({ includeLabels: false });
      const centre = from?.nonempty() && before.has(anchor!) ? { ...from.position() } : { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
      // At the anchor, a hair apart, until they are placed: the tasks until they fly are not drawn,
      // but another update may read where they are, and two at one point have a link of no direction.
      cy.batch(() => newcomers.positions((_node: NodeSingular, i: number) => ({ x: centre.x + i * APART, y: centre.y })));
      await undrawnTask();
      const places = placesAround(
        shown.map((n: NodeSingular) => ({ ...itemOf(n.data() as ElementDefinition['data']), position: n.position() })),
        newcomers.map((n: NodeSingular) => itemOf(n.data() as ElementDefinition['data'])),
        centre,
        whereabouts,
      );
      const destination = (node: NodeSingular) => places.get(node.id()) ?? node.position();
      // Selected, and labelled for where the newcomers land, before they fly: the frame after
      // the flight has nothing left to restyle.
      selectOnly(selected);
      declutter(cy, nodeScale(), { ...placing(), position: destination });
      await undrawnTask();
      bend(destination, new Set(newcomers.map((n: NodeSingular) => n.id())));
      decluttered = labelKey();
      if (!animate) {
        cy.batch(() => newcomers.positions((node: NodeSingular) => destination(node)));
        return restyle();
      }
      // Newcomers fly out of the node they came with to their places; what was shown stays put.
      // Each leaves from a hair along its way: two newcomers at one point have a link of no
      // direction between them, which Cytoscape cannot draw (a console warning for each such link).
      cy.batch(() =>
        newcomers.positions((node: NodeSingular) => {
          const to = destination(node);
          return { x: centre.x + (to.x - centre.x) * LEAVING, y: centre.y + (to.y - centre.y) * LEAVING };
        }),
      );
      // Styled, their labels measured and their links curved before they fly, in tasks of their
      // own: done in the flight's first frame, this froze the page 100–170 ms, and the flight
      // was over by the time that frame was drawn. The flight keeps its end and takes what is
      // left of its time.
      const preparing = performance.now();
      await drawnNext(false);
      const now = performance.now();
      await Promise.all([
        run({
          name: 'preset',
          positions: destination,
          animate: true,
          animationDuration: flightAfter(now - preparing, since === undefined ? Infinity : since + SCENE_DEFAULTS.landWithin - now),
          fit: false,
          eles: newcomers,
        } as LayoutOptions),
        // The flight's frames are drawn between its tasks: the flight keeps its time.
        alongside(),
      ]);
      // Placed before the flight; placed again only if the reader moved the viewport meanwhile.
      return restyle();
    }
    restyle(true);
  };

  /**
   * An expansion of a large view, or one that makes a view large or small: what is shown stays
   * where it is, the newcomers are placed around the anchor, and the picture is given whole to the
   * layer or to Cytoscape, at the viewport the reader has. On the layer the newcomers fly out of the
   * anchor as Cytoscape flies them, in a view small enough to be drawn afresh each frame.
   */
  const updateLayer = async (elements: ElementDefinition[], anchor: string | null, selected: string | null, animate: boolean, whereabouts?: Whereabouts) => {
    const before = positions();
    const nodes = elements.filter((e) => e.group === 'nodes');
    const shown = nodes.filter((e) => before.has(e.data.id!));
    const newcomers = nodes.filter((e) => !before.has(e.data.id!));
    const known = [...before.values()];
    const middle = known.length
      ? {
          x: (Math.min(...known.map((p) => p.x)) + Math.max(...known.map((p) => p.x))) / 2,
          y: (Math.min(...known.map((p) => p.y)) + Math.max(...known.map((p) => p.y))) / 2,
        }
      : { x: 0, y: 0 };
    const centre = (anchor && before.get(anchor)) || middle;
    const places = newcomers.length
      ? placesAround(
          shown.map((e) => ({ ...itemOf(e.data), position: before.get(e.data.id!)! })),
          newcomers.map((e) => itemOf(e.data)),
          centre,
          whereabouts,
        )
      : new Map<string, Position>();
    const next = new Map(before);
    for (const e of newcomers) next.set(e.data.id!, places.get(e.data.id!) ?? centre);
    show(elements, next, { zoom: cy.zoom(), pan: { ...cy.pan() } });
    if (layered) layer.select(selected);
    else selectOnly(selected);
    restyle(true);
    if (layered && animate && nodes.length <= SCENE_DEFAULTS.flownUpTo)
      await layer.fly(
        newcomers.map((e) => e.data.id!),
        centre,
        SCENE_DEFAULTS.animateMs,
      );
  };

  return {
    cy,
    attach() {
      if (attached) return void cy.resize();
      attached = true;
      // Mounting applies the stylesheet Cytoscape was created with: the one made for zoom 1.
      cy.mount(container);
      // Cytoscape times an animation from the clock of the frame it first steps in, read as that
      // frame began: after an expansion's styling, that was up to 75 ms before the frame ran, and
      // newcomers landed 16–75 ms after they were first drawn, not the flight's 75 ms at least. A
      // flight's animations are set back by the frame's lateness before their first step, which
      // draws them where they take off: the flight takes its time from then on screen.
      const renderer = rendererOf(cy);
      renderer.beforeRender?.((_drawing, frameTime) => {
        if (takingOff.length === 0) return;
        const late = performance.now() - frameTime;
        // A negative time starts an animation that much after the frame's clock (its start is the clock less its time).
        for (const animation of takingOff) animation.time(-late);
        takingOff = [];
      }, renderer.beforeRenderPriorities!.animations + 1);
      styled = { zoom: 1, scale: 1, labelWidth: SIZES.labelWidth };
    },
    async replace(given, arrangement, viewport) {
      sides = arrangement.kind === 'preset' ? arrangement.sides : undefined;
      labelWidth = SIZES.labelWidth;
      lines = 2;
      if (arrangement.kind === 'preset') {
        const { positions, fitWidth, rowGap } = arrangement;
        const ids = given.filter((e) => e.group === 'nodes').map((e) => e.data.id!);
        let target = viewport ?? presetViewport(positions, ids, fitWidth) ?? undefined;
        // A list's names lie beside their nodes, a row apart: each may take the canvas's width to its
        // right, and a second line where two rows' two-line names clear each other (a phone's cluster
        // list: "High-end Equipment / Manufacturing Cluster", not "High-end Equipment…").
        if (sides?.[0] === 'right') lines = rowGap && target && rowGap * target.zoom >= TWO_LINE_ROW ? 2 : 1;
        if (target && fitWidth && sides?.[0] === 'right') labelWidth = roomBeside(positions, ids, target);
        // Names under nodes in columns (a path's chain, a cluster's bands) may take the room between two
        // columns: 大湾区综合性国家科学中心 whole in a four-node path, not cut to 大湾区综合…科学中心. The
        // picture is fitted again with room for such a name at either side, which may draw it smaller.
        else if (target && arrangement.columnGap) {
          const gap = arrangement.columnGap;
          const room = (zoom: number) => Math.max(SIZES.labelWidth, Math.floor(gap * zoom) - 2 * SIZES.labelMargin);
          const wide = room(target.zoom);
          if (!viewport && wide > SIZES.labelWidth) target = presetViewport(positions, ids, fitWidth, wide) ?? target;
          labelWidth = room(target.zoom);
        }
        show(drawnLabels(given, labelWidth), positions, target, fitWidth);
        return drawnNext(true);
      }
      const elements = drawnLabels(given);
      if (arrangement.kind === 'force') {
        // Laid out before Cytoscape holds the elements: the page styles and draws them once, placed.
        const nodes = elements.filter((e) => e.group === 'nodes');
        const ids = new Set(nodes.map((e) => e.data.id!));
        // forceLayout asks the worker only for two or more linked nodes.
        const positions = await forceLayout(
          nodes.map((e) => {
            // A node's size on screen at zoom 1, its border included, as the stylesheet draws it.
            const size = shapeSize(String(e.data.kind), nodeScale()) + 2;
            return { id: e.data.id!, w: size, h: size, x: 0, y: 0 };
          }),
          elements
            .filter((e) => e.group === 'edges' && ids.has(e.data.source!) && ids.has(e.data.target!))
            .map((e) => ({ id: e.data.id!, source: e.data.source!, target: e.data.target! })),
          { quality: nodes.length > 1500 ? 'draft' : 'default', randomize: true, nodeRepulsion: 9000, idealEdgeLength: 90, nodeSeparation: 90 },
        );
        show(elements, positions, viewport);
        return drawnNext(true);
      }
      if (split(elements).layered) return show(elements, await concentricOf(elements, nodeScale()), viewport);
      // Lay out at zoom 1, where sizes in the stylesheet are the sizes on screen.
      layered = false;
      layerLinks = [];
      layer.set([], []);
      cy.batch(() => {
        cy.elements().remove();
        cy.zoom(1);
        setStyle(1);
        cy.add(elements);
      });
      await run(RINGS);
      if (viewport) cy.viewport({ zoom: viewport.zoom, pan: viewport.pan });
      else fit();
      restyle(true);
    },
    async update(given, anchor, selected, animate = true, whereabouts, meanwhile, since) {
      let started: Promise<void> | undefined;
      const alongside = () => (started ??= meanwhile?.() ?? Promise.resolve());
      await updateCytoscape(given, anchor, selected, animate, whereabouts, alongside, since);
      await alongside();
    },
    async select(id, reveal, clearOfDrawer = false) {
      const selection = ++selections;
      if (layered) layer.select(id);
      else selectOnly(id);
      layer.point(null, null);
      placeLabels();
      const place = id ? placeOf(id) : null;
      if (reveal && place) await revealPlace(place, selection, clearOfDrawer);
    },
    async selectLink(id) {
      const selection = ++selections;
      if (layered) {
        layer.select(null);
        layer.point(null, id);
      } else selectOnly(cy.getElementById(id).nonempty() ? id : null);
      // Its middle in sight, above a drawer: sent as a link, 香港—深圳 opened under its own panel.
      const ends = parseRelationId(id);
      const [from, to] = ends ? [placeOf(ends.from), placeOf(ends.to)] : [null, null];
      if (from && to) await revealPlace({ x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }, selection, true);
    },
    drawerClosed() {
      const back = revealed;
      revealed = null;
      if (!back || !untouched(back)) return;
      cy.stop(true);
      cy.animate({ pan: back.from, duration: 200 });
    },
    async tapSettled() {
      const left = tapped + SCENE_DEFAULTS.doubleTapMs - performance.now();
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    },
    highlight(ids) {
      const set = new Set(ids);
      if (layered) {
        // Highlighted labels are placed first: the next placement must not be skipped.
        if (layer.highlight(set)) decluttered = '';
        return;
      }
      let changed = false;
      // Cytoscape restyles (and redraws) every element a class call names, whether or not its
      // classes change: only the elements whose highlight changes are named.
      cy.batch(() => {
        cy.elements().forEach((el) => {
          const wanted = set.size === 0 ? null : set.has(el.id()) ? 'highlighted' : 'faded';
          for (const name of ['highlighted', 'faded'])
            if (el.hasClass(name) !== (name === wanted)) {
              el.toggleClass(name, name === wanted);
              changed = true;
            }
        });
      });
      // Highlighted labels are placed first: the next placement must not be skipped.
      if (changed) decluttered = '';
    },
    fit,
    positions,
    onScreen(id) {
      const place = placeOf(id);
      return place ? toScreen(place, { zoom: cy.zoom(), pan: cy.pan() }) : null;
    },
    layered: () => layered,
    edgeAt: (point) => layer.edgeAt(point),
    nodeAt: (point) => layer.nodeAt(point),
    pointEdge: (hovered) => layer.point(hovered),
    pointNode: (id) => layer.pointNode(id),
    layerSize: () => layer.size(),
    paintLayer: (context, transform) => layer.paint(context, transform),
    labelledFor(area, draw) {
      if (layered) return draw();
      // Nothing keeps clear in the picture but the titles under the graph: no legend, no drawer covers it.
      const pan = { x: cy.pan().x - area.x, y: cy.pan().y - area.y };
      declutter(cy, nodeScale(), { clear: titled({ zoom: cy.zoom(), pan }), sides, frame: { pan, width: area.width, height: area.height } });
      // The names' sizes and places worked out now, as a frame would before drawing: boxes read before include them.
      rendererOf(cy).flushRenderedStyleQueue?.();
      try {
        return draw();
      } finally {
        placeLabels(true);
      }
    },
  };
}
