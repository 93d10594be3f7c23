import { describe, expect, it } from 'vitest';
import { inRowsUnder } from '../../../viz/src/layout.ts';

const node = (id: string, size = 20) => ({ id, w: size, h: size, x: 0, y: 0 });

/** Do any two of these places lie closer than `apart` on both axes (so their boxes or names would meet)? */
const crowded = (places: { x: number; y: number }[], apart: number) =>
  places.some((a, i) => places.slice(i + 1).some((b) => Math.abs(a.x - b.x) < apart && Math.abs(a.y - b.y) < apart));

describe('nodes no link holds, beside a force layout', () => {
  const laidOut = new Map([
    ['guangzhou', { x: -200, y: -100 }],
    ['shenzhen', { x: 300, y: 150 }],
  ]);

  it('go in rows under the laid-out box, none on another or on what was laid out, as wide as that box', () => {
    const loose = ['huizhou', 'jiangmen', 'zhaoqing', 'shanwei', 'yunfu', 'maoming'].map((id) => node(id));
    const placed = inRowsUnder(laidOut, loose);
    expect([...placed.keys()]).toEqual(loose.map((n) => n.id));
    for (const p of placed.values()) {
      expect(p.y).toBeGreaterThan(150);
      expect(p.x).toBeGreaterThanOrEqual(-200 - 1);
      expect(p.x).toBeLessThanOrEqual(300 + 1);
    }
    expect(crowded([...placed.values(), ...laidOut.values()], 40)).toBe(false);
    // Six names of ~130 px do not fit in one row of a 500 px box.
    expect(new Set([...placed.values()].map((p) => p.y)).size).toBeGreaterThan(1);
  });

  it('make a square of their own when nothing else was laid out', () => {
    const placed = inRowsUnder(
      new Map(),
      ['a', 'b', 'c', 'd', 'e'].map((id) => node(id, 30)),
    );
    expect(new Set([...placed.values()].map((p) => p.y)).size).toBe(2);
    expect(crowded([...placed.values()], 40)).toBe(false);
  });

  it('need no room when there are none', () => {
    expect(inRowsUnder(laidOut, []).size).toBe(0);
  });
});
