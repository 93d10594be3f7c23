// Where an expansion's newcomers go: each, in turn, at the first free place on a spiral
// around the node they came with, free meaning that its label box overlaps no box already
// there and, while the visible canvas has room, that it lies inside the canvas and clear of
// what covers it (the title, the legend, a drawer); what was shown stays where it is. The
// spiral's places are evenly spaced along it, so the newcomers stay packed around the node
// however far out it has to go. Worked out in screen pixels, on the page, in a few
// milliseconds: fcose in the worker took a round trip and hundreds of milliseconds for the
// same hundred nodes, and its forces could still leave labels on top of each other.
import { nodeBox, overlaps, type Position, type Rect } from './geo.ts';

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

/** The part of the plane the reader sees, and what covers it, in the same pixels as the positions. */
export interface View {
  bounds: Rect;
  covered: Rect[];
}

function rect(node: Omit<Placing, 'position'>, at: Position, nodeScale: number): Rect {
  const box = nodeBox(node.label, node.kind, nodeScale);
  const half = { w: box.width / 2 + EXPANSION_DEFAULTS.gap / 2, h: box.height / 2 + EXPANSION_DEFAULTS.gap / 2 };
  return { x1: at.x - half.w, x2: at.x + half.w, y1: at.y - half.h, y2: at.y + half.h };
}

const inside = (box: Rect, bounds: Rect) => box.x1 >= bounds.x1 && box.x2 <= bounds.x2 && box.y1 >= bounds.y1 && box.y2 <= bounds.y2;

/** The newcomers' places on screen, by id; `shown` never move. */
export function placeNewcomers(shown: Placing[], newcomers: Omit<Placing, 'position'>[], anchor: Position, nodeScale = 1, view?: View): Map<string, Position> {
  const { ring, spacing, pitch, near } = EXPANSION_DEFAULTS;
  const taken = shown.filter((n) => Math.hypot(n.position.x - anchor.x, n.position.y - anchor.y) < near).map((n) => rect(n, n.position, nodeScale));
  // Past the farthest corner of the view, no place on the spiral is in view: from there on, anywhere free will do.
  const farthest = view
    ? Math.max(...[view.bounds.x1, view.bounds.x2].flatMap((x) => [view.bounds.y1, view.bounds.y2].map((y) => Math.hypot(x - anchor.x, y - anchor.y))))
    : 0;
  const places = new Map<string, Position>();
  // One spiral for all: the next newcomer tries on from where the last one found room.
  let angle = -Math.PI / 2;
  let r = ring;
  for (const node of newcomers) {
    for (;;) {
      const at = { x: anchor.x + r * Math.cos(angle), y: anchor.y + r * Math.sin(angle) };
      const turn = spacing / r;
      angle += turn;
      r += (pitch * turn) / (2 * Math.PI);
      const box = rect(node, at, nodeScale);
      if (view && r < farthest && (!inside(box, view.bounds) || view.covered.some((c) => overlaps(box, c)))) continue;
      if (taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      places.set(node.id, at);
      break;
    }
  }
  return places;
}
