import { describe, expect, it } from 'vitest';
import { detours, type Line, type Obstacle } from '../../viz/src/detours.ts';

/** A node of radius 10 at (x, y) whose name hangs 16 under it. */
const node = (id: string, x: number, y: number): Obstacle => ({
  id,
  at: { x, y },
  box: { x1: x - 10, x2: x + 10, y1: y - 10, y2: y + 10 },
  named: { x1: x - 10, x2: x + 10, y1: y - 10, y2: y + 26 },
});
const line = (id: string, from: [number, number], to: [number, number], source = 'a', target = 'b'): Line => ({
  id,
  source,
  target,
  from: { x: from[0], y: from[1] },
  to: { x: to[0], y: to[1] },
});

/** The quadratic curve Cytoscape draws for a bend: its control point `distance` to the right of travel (y down). */
function points(l: Line, distance = 0, weight = 0.5) {
  const length = Math.hypot(l.to.x - l.from.x, l.to.y - l.from.y);
  const right = { x: -(l.to.y - l.from.y) / length, y: (l.to.x - l.from.x) / length };
  const c = { x: l.from.x + weight * (l.to.x - l.from.x) + distance * right.x, y: l.from.y + weight * (l.to.y - l.from.y) + distance * right.y };
  return Array.from({ length: 99 }, (_, i) => {
    const t = (i + 1) / 100;
    return { x: (1 - t) ** 2 * l.from.x + 2 * t * (1 - t) * c.x + t * t * l.to.x, y: (1 - t) ** 2 * l.from.y + 2 * t * (1 - t) * c.y + t * t * l.to.y };
  });
}
const inside = (p: { x: number; y: number }, o: Obstacle) => p.x > o.named.x1 && p.x < o.named.x2 && p.y > o.named.y1 && p.y < o.named.y2;

describe('detours', () => {
  const ends = [node('a', 0, 0), node('b', 300, 0)];

  it('bends a link that runs through a node it does not join, clear of it, above it where its name hangs under it', () => {
    const l = line('e', [0, 0], [300, 0]);
    const middle = node('m', 150, 0);
    const bend = detours([l], [...ends, middle], 4).get('e')!;
    expect(bend).toBeDefined();
    // Eastwards, the right of travel is down: a negative distance passes above.
    expect(bend.distance).toBeLessThan(0);
    expect(bend.weight).toBeCloseTo(0.5);
    expect(points(l, bend.distance, bend.weight).filter((p) => inside(p, middle))).toEqual([]);
    // Before, the line ran through it.
    expect(points(l).some((p) => inside(p, middle))).toBe(true);
  });

  it('bends below a node that stands just across the line from above, the shorter way round', () => {
    const l = line('e', [0, 0], [300, 0]);
    // Its shape just across the line (from 20 above to 0): round below it and its name (16 + 4) is shorter than above (20 + 4).
    const bend = detours([l], [...ends, node('m', 150, -10)], 4).get('e')!;
    expect(bend.distance).toBeGreaterThan(0);
  });

  it('leaves straight a link clear of every node, and does not count its own ends', () => {
    expect(detours([line('e', [0, 0], [300, 0])], [...ends, node('m', 150, 60)], 4).size).toBe(0);
  });

  it('leaves straight a link in a crowd no bend gets it through', () => {
    // A wall of nodes across the line: any curve from a to b meets one of them.
    const wall = Array.from({ length: 41 }, (_, i) => node(`w${i}`, 150, -400 + i * 20));
    expect(detours([line('e', [0, 0], [300, 0])], [...ends, ...wall], 4).size).toBe(0);
  });

  it('bends clear of a node a third of the way along, with the control point where it stands', () => {
    const l = line('e', [0, 0], [300, 300]);
    const near = node('m', 100, 100);
    const bend = detours([l], [...ends, near], 4).get('e')!;
    expect(bend.weight).toBeCloseTo(1 / 3);
    expect(points(l, bend.distance, bend.weight).filter((p) => inside(p, near))).toEqual([]);
  });
});
