// Where an expansion's newcomers go: each, in turn, at the first free place on a spiral
// around the node they came with, free meaning that its label box overlaps no box already
// there and, while the visible canvas has room, that it lies inside the canvas and clear of
// what covers it (the title, the legend, a drawer); what was shown stays where it is. The
// spiral's places are evenly spaced along it, so the newcomers stay packed around the node
// however far out it has to go. Worked out in screen pixels, on the page, in a few
// milliseconds: fcose in the worker took a round trip and hundreds of milliseconds for the
// same hundred nodes, and its forces could still leave labels on top of each other.
// On a map, where a node stands says where it is: a newcomer the map locates (a city, a zone)
// stands where it lies, and one of a city drawn there stays nearer that city than any other: on
// the expanded node's spiral when that node is in the city's part of the map, else on a spiral
// around the city.
import { middleOf, nodeBox, overlaps, withinCity as within, type City, type Position, type Rect } from './geo.ts';
import { shapeSize } from './style.ts';

export const EXPANSION_DEFAULTS = {
  ring: 60, // pixels from the expanded node where the spiral starts
  spacing: 12, // pixels along the spiral between two places tried
  pitch: 22, // pixels the spiral widens per turn: about a label's height
  gap: 4, // pixels kept between two boxes
  near: 800, // shown nodes farther than this from the expanded node (pixels) cannot be in the way
};

export interface Placing {
  id: string;
  label: string;
  kind: string;
  /** on screen, in pixels (model position × zoom) */
  position: Position;
}

/** A node to place; on a map, what says where it belongs. */
export interface Newcomer {
  id: string;
  label: string;
  kind: string;
  /** where the map locates it, in the positions' pixels: it stands there */
  at?: Position;
  /** the id of its city: drawn on the map, that city is its spiral's centre */
  city?: string;
  /** located beyond what the map draws: the point of the picture's edge toward where it lies, its spiral's centre */
  edge?: Position;
}

/** The part of the plane the reader sees, and what covers it, in the same pixels as the positions. */
export interface View {
  bounds: Rect;
  covered: Rect[];
}

/**
 * Half a node's box each way, with half the gap kept around it, by node, then by scale and shrink:
 * the same box is tried at every place of a spiral, and against every newcomer placed after it
 * (measured anew each time, 广州's sixty newcomers took 7 ms of boxes).
 */
const halves = new WeakMap<Newcomer, Map<string, { w: number; h: number }>>();

/** A node's box at a place: its label's, or (`shrink` given) its shape's alone, shrunk by that much, which a crowded map settles for. */
function rect(node: Newcomer, at: Position, nodeScale: number, shrink?: number): Rect {
  let known = halves.get(node);
  if (!known) halves.set(node, (known = new Map()));
  const key = `${nodeScale} ${shrink ?? 0}`;
  let half = known.get(key);
  if (!half) {
    const size = shapeSize(node.kind, nodeScale);
    const box = shrink ? { width: size * shrink, height: size * shrink } : nodeBox(node.label, node.kind, nodeScale);
    const gap = EXPANSION_DEFAULTS.gap * (shrink ?? 1);
    half = { w: box.width / 2 + gap / 2, h: box.height / 2 + gap / 2 };
    known.set(key, half);
  }
  return { x1: at.x - half.w, x2: at.x + half.w, y1: at.y - half.h, y2: at.y + half.h };
}

/**
 * What a newcomer settles for, in turn: each step is tried along a spiral of its own until the
 * spiral has grown past where the step allows (out of the view, or a whole turn outside the city's
 * part of the map). A newcomer of a city drawn on the map stays in that city's part of it as long
 * as it can: room for its label in view; then room for its shape in view, the label left to the
 * declutter pass as on a crowded first map, at its size, then at half and a quarter of it (apart
 * once the reader zooms in two or four times: shapes keep their size on screen); then the same out
 * of view; and only then anywhere. A newcomer of no city: in view, then anywhere.
 */
interface Step {
  /** the shape alone, shrunk by this much; unset, the whole label */
  shrink?: number;
  inView: boolean;
  inCity: boolean;
}
const OF_A_CITY: Step[] = [
  ...[true, false].flatMap((inView) => [undefined, 1, 0.5, 0.25].map((shrink) => ({ shrink, inView, inCity: true }))),
  { inView: false, inCity: false },
];
const OF_NO_CITY: Step[] = [
  { inView: true, inCity: false },
  { inView: false, inCity: false },
];

const inside = (box: Rect, bounds: Rect) => box.x1 >= bounds.x1 && box.x2 <= bounds.x2 && box.y1 >= bounds.y1 && box.y2 <= bounds.y2;

/**
 * The newcomers' places on screen, by id; `shown` never move. `cities`: on a map, the cities drawn
 * there (shown, or newcomers it locates), which the newcomers of a city are kept nearest to.
 */
export function placeNewcomers(
  shown: Placing[],
  newcomers: Newcomer[],
  anchor: Position,
  nodeScale = 1,
  view?: View,
  cities: City[] = [],
): Map<string, Position> {
  const { ring, spacing, pitch, near } = EXPANSION_DEFAULTS;
  const homeOf = (node: Newcomer) => (node.city ? cities.find((c) => c.id === node.city) : undefined);
  /** Where a newcomer's spiral turns round: the expanded node, unless that is outside the newcomer's city's part of the map. */
  const centreOf = (home: City | undefined) => (home && !within(home, anchor, cities) ? home.at : anchor);
  const centres = [anchor, ...newcomers.map((n) => n.edge ?? centreOf(homeOf(n)))];
  const boxes = (node: Newcomer, at: Position) => ({ node, at, whole: rect(node, at, nodeScale) });
  const taken = shown.filter((n) => centres.some((c) => Math.hypot(n.position.x - c.x, n.position.y - c.y) < near)).map((n) => boxes(n, n.position));
  const places = new Map<string, Position>();
  for (const node of newcomers)
    if (node.at) {
      places.set(node.id, node.at);
      taken.push(boxes(node, node.at));
    }
  /** Where a spiral is, and which step of its newcomers' it is at. */
  interface Spiral {
    centre: Position;
    steps: Step[];
    step: number;
    angle: number;
    r: number;
    /** past this radius no place on the spiral is in view */
    farthest: number;
    /** how far it has turned since it was last within the city's part of the map */
    outside: number;
  }
  const begin = (spiral: Spiral, step: number) => Object.assign(spiral, { step, angle: -Math.PI / 2, r: ring * (spiral.steps[step]!.shrink ?? 1), outside: 0 });
  // One spiral per city (and one for newcomers of none): the next newcomer tries on from where the last one of its city found room.
  const spirals = new Map<string, Spiral>();
  const spiralOf = (centre: Position, key: string | undefined, ofCity = key !== undefined) => {
    let spiral = spirals.get(key ?? '');
    if (!spiral) {
      // A centre off the view (a city the reader panned away from) has no place in view near it: its newcomers stay beside it.
      const farthest =
        view && inside({ x1: centre.x, x2: centre.x, y1: centre.y, y2: centre.y }, view.bounds)
          ? Math.max(...[view.bounds.x1, view.bounds.x2].flatMap((x) => [view.bounds.y1, view.bounds.y2].map((y) => Math.hypot(x - centre.x, y - centre.y))))
          : 0;
      spiral = begin({ centre, steps: ofCity ? OF_A_CITY : OF_NO_CITY, farthest } as Spiral, 0);
      spirals.set(key ?? '', spiral);
    }
    return spiral;
  };
  for (const node of newcomers) {
    if (node.at) continue;
    // One beyond what the map draws stands at its edge toward where it lies, as the arrangement drew those it had.
    const home = node.edge ? undefined : homeOf(node);
    const spiral = node.edge ? spiralOf(node.edge, `edge ${node.edge.x} ${node.edge.y}`, false) : spiralOf(centreOf(home), home?.id);
    for (;;) {
      const { shrink, inView, inCity } = spiral.steps[spiral.step]!;
      const at = { x: spiral.centre.x + spiral.r * Math.cos(spiral.angle), y: spiral.centre.y + spiral.r * Math.sin(spiral.angle) };
      // Smaller boxes, a tighter spiral.
      const turn = (spacing * (shrink ?? 1)) / spiral.r;
      spiral.angle += turn;
      spiral.r += (pitch * (shrink ?? 1) * turn) / (2 * Math.PI);
      if (inCity) spiral.outside = within(home!, at, cities) ? 0 : spiral.outside + turn;
      const grownPast = (inView && (!view || spiral.r >= spiral.farthest)) || (inCity && spiral.outside > 2 * Math.PI);
      if (grownPast && spiral.step < spiral.steps.length - 1) {
        begin(spiral, spiral.step + 1);
        continue;
      }
      if (inCity && spiral.outside > 0) continue;
      const mine = boxes(node, at);
      if (inView && view && (!inside(mine.whole, view.bounds) || view.covered.some((c) => overlaps(mine.whole, c)))) continue;
      // Settling for a shape, it is shapes that must not overlap; else whole labels.
      const own = shrink ? rect(node, at, nodeScale, shrink) : mine.whole;
      if (taken.some((other) => overlaps(own, shrink ? rect(other.node, other.at, nodeScale, shrink) : other.whole))) continue;
      taken.push(mine);
      places.set(node.id, at);
      break;
    }
  }
  return places;
}

/**
 * On a map, in model units: where the map locates a node (a city, a zone) and draws it there; where
 * the picture's edge is toward one located beyond what it draws; the id of a node's city; and the
 * outlines of the cities the map has.
 */
export interface Whereabouts {
  at: Map<string, Position>;
  edge: Map<string, Position>;
  city: Map<string, string>;
  outlines: Map<string, Position[][]>;
}

/** The canvas as the reader has it: its viewport, the part of it seen (above a drawer) and what covers it, in canvas pixels. */
export interface Canvas {
  zoom: number;
  pan: Position;
  width: number;
  height: number;
  covered: Rect[];
  nodeScale: number;
  /** given on a map */
  whereabouts?: Whereabouts | undefined;
}

/**
 * placeNewcomers with the places in model units, as the picture holds them: worked out in the
 * canvas's pixels (labels keep their size on screen), on the part of it the reader sees.
 */
export function placeOnCanvas(shown: Placing[], newcomers: Newcomer[], centre: Position, canvas: Canvas): Map<string, Position> {
  const { zoom, pan, whereabouts } = canvas;
  const screen = (p: Position) => ({ x: p.x * zoom, y: p.y * zoom });
  // The canvas in the same pixels as the positions: what is on screen is that, shifted by the pan.
  const shift = (r: Rect) => ({ x1: r.x1 - pan.x, x2: r.x2 - pan.x, y1: r.y1 - pan.y, y2: r.y2 - pan.y });
  const placing = newcomers.map((item): Newcomer => {
    const at = whereabouts?.at.get(item.id);
    const city = whereabouts?.city.get(item.id);
    const edge = whereabouts?.edge.get(item.id);
    return { ...item, ...(at ? { at: screen(at) } : {}), ...(city ? { city } : {}), ...(edge ? { edge: screen(edge) } : {}) };
  });
  const outline = (id: string) => whereabouts?.outlines.get(id)?.map((ring) => ring.map(screen));
  const drawn: City[] = whereabouts
    ? [
        ...shown.filter((item) => item.kind === 'City').map((item) => ({ id: item.id, at: screen(item.position), rings: outline(item.id) })),
        ...placing.flatMap((item) => (item.kind === 'City' && item.at ? [{ id: item.id, at: item.at, rings: outline(item.id) }] : [])),
      ]
    : [];
  // A city the map has an outline of but the picture does not draw: its part of the map is round the middle of its outline.
  const undrawn: City[] = [...(whereabouts?.outlines ?? [])]
    .filter(([id]) => !drawn.some((c) => c.id === id))
    .map(([id]) => {
      const rings = outline(id)!;
      return { id, at: middleOf(rings), rings };
    });
  const cities = [...drawn, ...undrawn];
  const places = placeNewcomers(
    shown.map((item) => ({ ...item, position: screen(item.position) })),
    placing,
    screen(centre),
    canvas.nodeScale,
    { bounds: shift({ x1: 0, y1: 0, x2: canvas.width, y2: canvas.height }), covered: canvas.covered.map(shift) },
    cities,
  );
  return new Map([...places].map(([id, p]) => [id, { x: p.x / zoom, y: p.y / zoom }] as const));
}
