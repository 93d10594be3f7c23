import { describe, expect, it } from 'vitest';
import { nodeBox, overlaps, ringOf } from '../../../viz/src/geo.ts';
import { placeNewcomers, placeOnCanvas } from '../../../viz/src/expansion.ts';

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

  it('keeps newcomers inside the visible canvas and off what covers it, while it has room', () => {
    // The expanded node near the canvas's right edge, a legend over its top right.
    const view = { bounds: { x1: -600, y1: -300, x2: 120, y2: 300 }, covered: [{ x1: -100, y1: -300, x2: 120, y2: -80 }] };
    const places = placeNewcomers(shown, newcomers, shown[0]!.position, 1, view);
    for (const n of newcomers) {
      const at = places.get(n.id)!;
      const box = nodeBox(n.label, n.kind);
      const [x1, x2, y1, y2] = [at.x - box.width / 2, at.x + box.width / 2, at.y - box.height / 2, at.y + box.height / 2];
      expect(x1 >= view.bounds.x1 && x2 <= view.bounds.x2 && y1 >= view.bounds.y1 && y2 <= view.bounds.y2, `${n.id} in view`).toBe(true);
      const c = view.covered[0]!;
      expect(x1 < c.x2 && c.x1 < x2 && y1 < c.y2 && c.y1 < y2, `${n.id} under the legend`).toBe(false);
    }
  });

  it('places the rest outside the view once the view is full', () => {
    const view = { bounds: { x1: -150, y1: -100, x2: 150, y2: 100 }, covered: [] };
    const places = placeNewcomers(shown, newcomers, shown[0]!.position, 1, view);
    expect(places.size).toBe(newcomers.length);
    expect([...places.values()].some((p) => Math.abs(p.x) > 150 || Math.abs(p.y) > 100)).toBe(true);
  });
});

describe('placing the newcomers of an expansion on a map', () => {
  // Three cities as the phone's map draws them, close together: a spiral round one reaches the others' parts of the map.
  const cities = [
    { id: 'guangzhou', at: { x: 0, y: 0 } },
    { id: 'foshan', at: { x: -60, y: 30 } },
    { id: 'dongguan', at: { x: 90, y: 60 } },
    { id: 'shenzhen', at: { x: 140, y: 140 } },
  ];
  const onMap = cities.map((c) => ({ id: c.id, label: c.id, kind: 'City', position: c.at }));
  const nearest = (p: { x: number; y: number }) =>
    cities.reduce((a, b) => (Math.hypot(p.x - a.at.x, p.y - a.at.y) <= Math.hypot(p.x - b.at.x, p.y - b.at.y) ? a : b)).id;

  it("keeps a city's newcomers nearer their city than any other, whichever node was expanded", () => {
    const mixed = Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      label: `中山大学第${i}研究院`,
      kind: 'Institution',
      city: i % 3 === 0 ? 'shenzhen' : 'guangzhou',
    }));
    // Expanded at 深圳: 广州's newcomers still go round 广州.
    const places = placeNewcomers(onMap, mixed, cities[3]!.at, 1, undefined, cities);
    for (const n of mixed) expect(nearest(places.get(n.id)!), n.id).toBe(n.city);
  });

  it("keeps a city's newcomers within its outline where the map has one, though another city's node is nearer", () => {
    // 深圳 a wide, shallow strip; 香港, with no outline, just south of it; 东莞 north of it.
    const rect = (x1: number, y1: number, x2: number, y2: number) => [ringOf({ x1, y1, x2, y2 })];
    const map = [
      { id: 'shenzhen', at: { x: 0, y: 0 }, rings: rect(-200, -30, 200, 28) },
      { id: 'dongguan', at: { x: -20, y: -110 }, rings: rect(-200, -200, 200, -30) },
      { id: 'hong-kong', at: { x: 60, y: 60 } },
    ];
    const drawn = map.map((c) => ({ id: c.id, label: c.id, kind: 'City', position: c.at }));
    const ofShenzhen = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, label: `深圳第${i}研究院`, kind: 'Institution', city: 'shenzhen' }));
    const places = placeNewcomers(drawn, ofShenzhen, map[0]!.at, 1, undefined, map);
    for (const n of ofShenzhen) {
      const p = places.get(n.id)!;
      expect(p.y > -30 && p.y < 28 && Math.abs(p.x) < 200, `${n.id} at ${p.x},${p.y} within 深圳's outline`).toBe(true);
    }
    // Nearer 香港's node than 深圳's, some of them: the outline, not the nearest node, says where 深圳 is.
    expect(ofShenzhen.some((n) => Math.hypot(places.get(n.id)!.x - 60, places.get(n.id)!.y - 60) < Math.hypot(places.get(n.id)!.x, places.get(n.id)!.y))).toBe(
      true,
    );
  });

  it('puts a newcomer the map locates where it lies, and a newcomer with no city drawn round the expanded node', () => {
    const located = { id: 'zone', label: '南沙', kind: 'Zone', at: { x: 30, y: 80 } };
    const stray = { id: 'stray', label: '某实验室', kind: 'Lab', city: 'zhuhai' };
    const places = placeNewcomers(onMap, [located, stray], cities[0]!.at, 1, undefined, cities);
    expect(places.get('zone')).toEqual(located.at);
    const p = places.get('stray')!;
    expect(Math.hypot(p.x, p.y)).toBeLessThan(120);
  });
});

describe('placing newcomers on the canvas as the reader has it', () => {
  const canvas = { zoom: 2, pan: { x: 300, y: 200 }, width: 800, height: 500, covered: [{ x1: 600, y1: 0, x2: 800, y2: 150 }], nodeScale: 1 };
  const shownModel = shown.map((n) => ({ ...n, position: { x: n.position.x / 2, y: n.position.y / 2 } }));
  const onScreen = (p: { x: number; y: number }) => ({ x: p.x * canvas.zoom + canvas.pan.x, y: p.y * canvas.zoom + canvas.pan.y });

  it('gives places in model units that lie on the canvas, off what covers it', () => {
    const places = placeOnCanvas(shownModel, newcomers, shownModel[0]!.position, canvas);
    expect(places.size).toBe(newcomers.length);
    for (const [id, p] of places) {
      const s = onScreen(p);
      expect(s.x > 0 && s.x < canvas.width && s.y > 0 && s.y < canvas.height, `${id} on the canvas at ${s.x},${s.y}`).toBe(true);
      const c = canvas.covered[0]!;
      expect(s.x > c.x1 && s.x < c.x2 && s.y > c.y1 && s.y < c.y2, `${id} under the legend`).toBe(false);
    }
  });

  it('puts a newcomer the map locates where the map says, in model units, and one of a city drawn there nearest it', () => {
    const whereabouts = { at: new Map([['zone', { x: 40, y: 25 }]]), edge: new Map(), city: new Map([['lab-0', 'dongguan']]), outlines: new Map() };
    const places = placeOnCanvas(shownModel, [{ id: 'zone', label: '前海', kind: 'Zone' }, newcomers[0]!], shownModel[0]!.position, { ...canvas, whereabouts });
    expect(places.get('zone')).toEqual({ x: 40, y: 25 });
    const lab = places.get('lab-0')!;
    const cities = shownModel.filter((n) => n.kind === 'City');
    const nearest = cities.reduce((a, b) =>
      Math.hypot(lab.x - a.position.x, lab.y - a.position.y) <= Math.hypot(lab.x - b.position.x, lab.y - b.position.y) ? a : b,
    );
    expect(nearest.id).toBe('dongguan');
  });

  it('puts a newcomer of a city the picture does not draw within that city’s outline, not round the expanded node (东莞’s 散裂中子源 searched for in 湛江’s view)', () => {
    // 东莞 not drawn: its outline a square far from what is shown, which sits round the origin.
    const far = [
      [
        { x: 300, y: 300 },
        { x: 340, y: 300 },
        { x: 340, y: 340 },
        { x: 300, y: 340 },
      ],
    ];
    const stranger = [{ id: 'csns', label: '中国（东莞）散裂中子源', kind: 'Facility' }];
    const shownHere = shownModel.filter((n) => n.id !== 'dongguan');
    const whereabouts = { at: new Map(), edge: new Map(), city: new Map([['csns', 'dongguan']]), outlines: new Map([['dongguan', far]]) };
    const p = placeOnCanvas(shownHere, stranger, shownHere[0]!.position, { ...canvas, whereabouts }).get('csns')!;
    expect(p.x > 300 && p.x < 340 && p.y > 300 && p.y < 340, `at ${p.x},${p.y}`).toBe(true);
    // Without the outline it would be drawn beside what is shown.
    const q = placeOnCanvas(shownHere, stranger, shownHere[0]!.position, { ...canvas, whereabouts: { ...whereabouts, outlines: new Map() } }).get('csns')!;
    expect(Math.hypot(q.x, q.y)).toBeLessThan(150);
  });

  it('stands newcomers located beyond what the map draws at its edge toward them, apart, rather than where they lie or on one another', () => {
    // Three places of a partner city past the frame's corner: the edge point toward them is (200, -100).
    const corner = { x: 200, y: -100 };
    const beyondIt = [0, 1, 2].map((i) => ({ id: `far-${i}`, label: `广州科学城${i}`, kind: 'ScienceCity' }));
    const whereabouts = {
      at: new Map(),
      edge: new Map(beyondIt.map((n) => [n.id, corner] as const)),
      city: new Map(beyondIt.map((n) => [n.id, 'guangzhou'] as const)),
      outlines: new Map(),
    };
    const places = placeOnCanvas(shownModel, beyondIt, shownModel[0]!.position, { ...canvas, whereabouts });
    const at = beyondIt.map((n) => places.get(n.id)!);
    // Each near the edge point (its spiral's), not near the expanded node nor where it lies.
    for (const p of at)
      expect(Math.hypot(p.x - corner.x, p.y - corner.y), `${p.x},${p.y}`).toBeLessThan(
        Math.hypot(p.x - shownModel[0]!.position.x, p.y - shownModel[0]!.position.y),
      );
    const boxes = beyondIt.map((n, i) => {
      const b = nodeBox(n.label, n.kind);
      const s = { x: at[i]!.x * canvas.zoom, y: at[i]!.y * canvas.zoom };
      return { x1: s.x - b.width / 2, x2: s.x + b.width / 2, y1: s.y - b.height / 2, y2: s.y + b.height / 2 };
    });
    for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i]!, boxes[j]!), `${i} on ${j}`).toBe(false);
  });
});
