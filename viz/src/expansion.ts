// Where an expansion's newcomers go: each, in turn, at the first free place on a spiral
// around the node they came with, free meaning that its label box overlaps no box already
// there; what was shown stays where it is. Worked out in screen pixels, on the page, in a
// few milliseconds: fcose in the worker took a round trip and hundreds of milliseconds for
// the same hundred nodes, and its forces could still leave labels on top of each other.
import { nodeBox, overlaps, type Position, type Rect } from './geo.ts';

export const EXPANSION_DEFAULTS = {
  ring: 70, // pixels from the expanded node where the spiral starts
  step: 0.45, // radians between two places tried on the spiral
  growth: 5, // pixels the spiral widens per place tried
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

function rect(node: Omit<Placing, 'position'>, at: Position, nodeScale: number): Rect {
  const box = nodeBox(node.label, node.kind, nodeScale);
  const half = { w: box.width / 2 + EXPANSION_DEFAULTS.gap / 2, h: box.height / 2 + EXPANSION_DEFAULTS.gap / 2 };
  return { x1: at.x - half.w, x2: at.x + half.w, y1: at.y - half.h, y2: at.y + half.h };
}

/** The newcomers' places on screen, by id; `shown` never move. */
export function placeNewcomers(shown: Placing[], newcomers: Omit<Placing, 'position'>[], anchor: Position, nodeScale = 1): Map<string, Position> {
  const { ring, step, growth, near } = EXPANSION_DEFAULTS;
  const taken = shown.filter((n) => Math.hypot(n.position.x - anchor.x, n.position.y - anchor.y) < near).map((n) => rect(n, n.position, nodeScale));
  const places = new Map<string, Position>();
  // One spiral for all: the next newcomer tries on from where the last one found room.
  let turn = 0;
  for (const node of newcomers) {
    for (;;) {
      const angle = turn * step - Math.PI / 2;
      const r = ring + turn * growth;
      const at = { x: anchor.x + r * Math.cos(angle), y: anchor.y + r * Math.sin(angle) };
      const box = rect(node, at, nodeScale);
      turn += 1;
      if (taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      places.set(node.id, at);
      break;
    }
  }
  return places;
}
