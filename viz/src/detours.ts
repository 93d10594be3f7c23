// A straight link drawn over a node it does not join reads as a link to that node (the one
// direct line of a cluster's bands ran through a field's triangle). Such a link bends around the
// nodes in its way, where a bend of one control point passes over fewer of them.
import type { Position, Rect } from './geo.ts';

export interface Line {
  id: string;
  source: string;
  target: string;
  from: Position;
  to: Position;
}

/** A node as links must keep off it, in model units: its shape, and its shape with the name drawn under it. */
export interface Obstacle {
  id: string;
  at: Position;
  /** what a link must not cross: a link over a node's shape reads as a link to it */
  box: Rect;
  /** what a bend around it clears: passing between a node and its name would part them */
  named: Rect;
}

/**
 * A bend as Cytoscape's unbundled-bezier takes it: the control point `weight` of the way from
 * source to target, `distance` off the line (model units), to the right of the direction of travel
 * on a screen whose y grows downwards (positive) or to its left (negative).
 */
export interface Detour {
  distance: number;
  weight: number;
}

/** Ends this near the line's ends are the ends' own business: an arrowhead, a neighbour's edge. */
const END_ROOM = 0.08;

/**
 * How far off the line a quadratic curve is, for each unit its control point is, where it passes
 * the control point's own place along the line (`weight`): ½ at the middle, less towards the ends.
 */
function reach(weight: number): number {
  // The curve's parameter t at which it is `weight` of the way along: t²(1 − 2w) + 2tw − w = 0.
  const t = Math.abs(1 - 2 * weight) < 1e-9 ? 0.5 : (-weight + Math.sqrt(weight - weight * weight)) / (1 - 2 * weight);
  return 2 * t * (1 - t);
}

/** How many points of a curve are tried against the nodes. */
const SAMPLES = 24;
/** Of the nodes a straight link passes over, the bends tried are those around this many, the widest berths first. */
const TRIED = 3;

/** Points along the curve of `line` with `bend` (none: the straight line), its ends left out. */
function curve(line: Line, bend: Detour | null): Position[] {
  const { from, to } = line;
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  // Cytoscape's distance is to the right of travel, on a screen whose y grows downwards.
  const right = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
  const control = bend
    ? { x: from.x + bend.weight * (to.x - from.x) + bend.distance * right.x, y: from.y + bend.weight * (to.y - from.y) + bend.distance * right.y }
    : { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  return Array.from({ length: SAMPLES }, (_, i) => {
    const t = (i + 1) / (SAMPLES + 1);
    const [a, b, c] = [(1 - t) * (1 - t), 2 * t * (1 - t), t * t];
    return { x: a * from.x + b * control.x + c * to.x, y: a * from.y + b * control.y + c * to.y };
  });
}

/** How many of `boxes` the points fall in: only those in the points' own box are tried point by point. */
function crossed(points: Position[], boxes: Rect[]): number {
  // In one pass, without arrays: it runs for every bend tried of every link (广州 expanded: 8 ms of 19 with them).
  let [x1, x2, y1, y2] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of points) [x1, x2, y1, y2] = [Math.min(x1, x), Math.max(x2, x), Math.min(y1, y), Math.max(y2, y)];
  let count = 0;
  for (const r of boxes) {
    if (r.x2 < x1 || r.x1 > x2 || r.y2 < y1 || r.y1 > y2) continue;
    if (points.some((p) => p.x > r.x1 && p.x < r.x2 && p.y > r.y1 && p.y < r.y2)) count += 1;
  }
  return count;
}

/**
 * The links of `lines` that pass within `margin` of nodes of `obstacles` they do not join, each with
 * the bend that passes over the fewest: a bend that takes it clear of one of them and its name, on
 * either side (above a node whose name hangs under it needs the least), tried against all. A link
 * no bend helps stays straight: in a crowd, a curve clear of one node only meets another. Names
 * are not counted: a link across a name hides a few strokes of it, and bending every link that
 * crosses one (80 of 140 links, 广州, 深圳 and 东莞 expanded) cost more than it showed.
 */
export function detours(lines: readonly Line[], obstacles: readonly Obstacle[], margin: number): Map<string, Detour> {
  const bends = new Map<string, Detour>();
  // A bend aims `margin` clear of a node and curves back towards it on either side of its peak: what it crosses is
  // counted against half the margin, the straight line's crossings too.
  const slack = margin / 2;
  const grown = obstacles.map(({ box }) => ({ x1: box.x1 - slack, y1: box.y1 - slack, x2: box.x2 + slack, y2: box.y2 + slack }));
  for (const line of lines) {
    const dx = line.to.x - line.from.x;
    const dy = line.to.y - line.from.y;
    const length = Math.hypot(dx, dy);
    if (length === 0) continue;
    /** Signed distance of a point from the line: positive to the left of travel (y down). */
    const off = (x: number, y: number) => ((x - line.from.x) * dy - (y - line.from.y) * dx) / length;
    /** The boxes a curve that strays at most `reach` from the line may cross: a few, of all the picture's. */
    const near = (reach: number) =>
      grown.filter((r, i) => {
        const id = obstacles[i]!.id;
        if (id === line.source || id === line.target) return false;
        const [cx, cy] = [(r.x1 + r.x2) / 2, (r.y1 + r.y2) / 2];
        const along = ((cx - line.from.x) * dx + (cy - line.from.y) * dy) / (length * length);
        return along > -0.1 && along < 1.1 && Math.abs(off(cx, cy)) <= reach + Math.hypot(r.x2 - r.x1, r.y2 - r.y1) / 2;
      });
    const straight = crossed(curve(line, null), near(0));
    if (straight === 0) continue;
    const ways: { need: number; bends: Detour[] }[] = [];
    for (const obstacle of obstacles) {
      if (obstacle.id === line.source || obstacle.id === line.target) continue;
      const along = ((obstacle.at.x - line.from.x) * dx + (obstacle.at.y - line.from.y) * dy) / (length * length);
      if (along < END_ROOM || along > 1 - END_ROOM) continue;
      const { x1, y1, x2, y2 } = obstacle.named;
      const corners = [off(x1, y1), off(x2, y1), off(x1, y2), off(x2, y2)];
      const [least, most] = [Math.min(...corners), Math.max(...corners)];
      if (least >= margin || most <= -margin) continue;
      // Passed on its right, the line goes `margin` beyond its rightmost corner (a positive distance); on its left, beyond its leftmost.
      const [right, left] = [margin - least, most + margin];
      ways.push({
        need: Math.min(right, left),
        bends: [
          { distance: right / reach(along), weight: along },
          { distance: -left / reach(along), weight: along },
        ],
      });
    }
    const tried = ways.sort((a, b) => b.need - a.need).slice(0, TRIED);
    // A curve strays from its line half as far as its control point, at most.
    const boxes = near(Math.max(0, ...tried.flatMap((w) => w.bends.map((b) => Math.abs(b.distance) / 2))));
    let best: { bend: Detour; hits: number } | null = null;
    for (const way of tried)
      for (const bend of way.bends) {
        const hits = crossed(curve(line, bend), boxes);
        if (!best || hits < best.hits || (hits === best.hits && Math.abs(bend.distance) < Math.abs(best.bend.distance))) best = { bend, hits };
      }
    if (best && best.hits < straight) bends.set(line.id, best.bend);
  }
  return bends;
}
