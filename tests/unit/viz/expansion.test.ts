import { describe, expect, it } from 'vitest';
import { nodeBox } from '../../../viz/src/geo.ts';
import { placeNewcomers } from '../../../viz/src/expansion.ts';

const shown = [
  { id: 'shenzhen', label: '深圳', kind: 'City', position: { x: 0, y: 0 } },
  { id: 'dongguan', label: '东莞', kind: 'City', position: { x: -90, y: -60 } },
  { id: 'guangming', label: '光明科学城', kind: 'ScienceCity', position: { x: 70, y: 40 } },
];
const newcomers = Array.from({ length: 24 }, (_, i) => ({ id: `lab-${i}`, label: `实验室${i}号平台`, kind: 'Lab' }));

describe('placing the newcomers of an expansion', () => {
  it('puts each newcomer near the expanded node, no label box over another', () => {
    const places = placeNewcomers(shown, newcomers, shown[0]!.position);
    expect([...places.keys()].sort()).toEqual(newcomers.map((n) => n.id).sort());
    const boxes = [...shown.map((n) => ({ ...n, at: n.position })), ...newcomers.map((n) => ({ ...n, at: places.get(n.id)! }))].map((n) => {
      const box = nodeBox(n.label, n.kind);
      return { x1: n.at.x - box.width / 2, x2: n.at.x + box.width / 2, y1: n.at.y - box.height / 2, y2: n.at.y + box.height / 2 };
    });
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${i} and ${j} overlap`).toBe(false);
      }
    for (const p of places.values()) expect(Math.hypot(p.x, p.y)).toBeLessThan(500);
  });

  it('never moves what was shown', () => {
    const before = structuredClone(shown);
    placeNewcomers(shown, newcomers, shown[0]!.position);
    expect(shown).toEqual(before);
  });
});
