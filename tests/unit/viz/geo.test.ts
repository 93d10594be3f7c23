import { describe, expect, it } from 'vitest';
import { fitProjection, geoPositions, insideRings, labelBox, middleInFrame, pastFrame, project, ringOf, siteOf, type Position } from '../../../viz/src/geo.ts';
import { fitZoom, nodeScaleFor, shapeSize } from '../../../viz/src/style.ts';
import type { Entity } from '../../../viz/src/types.ts';
import { arrangeGeo } from '../../../viz/src/arrangements.ts';
import { entity, relation } from '../../support/explorer-data.ts';

const box = { width: 1200, height: 800 };
const city = (id: string, lat: number, lon: number): Entity => entity(id, 'City', { lat, lon });
const zone = (id: string, name: string, cityId: string | null): Entity =>
  entity(id, 'Zone', { name, city: cityId ? { id: cityId, name: cityId, nameEn: null } : null });
const placed = (e: Entity) => ({ ...e, box: labelBox(e.name, 12.5, 130, 20) });
/** 深圳 as a box of [lon, lat] from the Pearl River to Dapeng, the Shenzhen River its southern edge at `south`. */
const shenzhenOutline = (south: number): [number, number][] => [
  [113.75, south],
  [114.62, south],
  [114.62, 22.86],
  [113.75, 22.86],
];

describe('geographic positions', () => {
  it('puts Shenzhen east of Guangzhou and south of it', () => {
    const projection = fitProjection(
      [
        { lat: 23.129, lon: 113.264 },
        { lat: 22.543, lon: 114.058 },
      ],
      box,
    );
    const gz = project(projection, 23.129, 113.264);
    const sz = project(projection, 22.543, 114.058);
    expect(sz.x).toBeGreaterThan(gz.x);
    expect(sz.y).toBeGreaterThan(gz.y); // screen y grows southwards
  });

  it('fits the cities into the box it is given', () => {
    const projection = fitProjection(
      [
        { lat: 23.129, lon: 113.264 },
        { lat: 22.2, lon: 113.5 },
        { lat: 22.543, lon: 114.058 },
      ],
      box,
    );
    for (const [lat, lon] of [
      [23.129, 113.264],
      [22.2, 113.5],
      [22.543, 114.058],
    ] as const) {
      const p = project(projection, lat, lon);
      expect(Math.abs(p.x)).toBeLessThanOrEqual(box.width / 2);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(box.height / 2);
    }
  });

  it('places satellites near their city with no two label boxes overlapping, and never moves a city', () => {
    const nodes = [
      city('shenzhen', 22.543, 114.058),
      city('dongguan', 23.021, 113.752),
      ...Array.from({ length: 12 }, (_, i) => zone(`z${i}`, `深圳第${i}号示范区`, 'shenzhen')),
    ].map(placed);
    const { positions, projection } = geoPositions(nodes, [], box);
    expect(positions.get('shenzhen')).toEqual(project(projection!, 22.543, 114.058));
    const centre = positions.get('shenzhen')!;
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        const pa = positions.get(a.id)!;
        const pb = positions.get(b.id)!;
        const apart = Math.abs(pa.x - pb.x) >= (a.box.width + b.box.width) / 2 || Math.abs(pa.y - pb.y) >= (a.box.height + b.box.height) / 2;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
    }
    for (let i = 0; i < 12; i += 1) expect(Math.hypot(positions.get(`z${i}`)!.x - centre.x, positions.get(`z${i}`)!.y - centre.y)).toBeLessThan(400);
  });

  it('places an entity without a city between the cities it links', () => {
    const nodes = [city('guangzhou', 23.129, 113.264), city('shenzhen', 22.543, 114.058), zone('corridor', '走廊', null)].map(placed);
    const { positions } = geoPositions(
      nodes,
      [
        ['guangzhou', 'corridor'],
        ['shenzhen', 'corridor'],
      ],
      box,
    );
    const [gz, sz, c] = [positions.get('guangzhou')!, positions.get('shenzhen')!, positions.get('corridor')!];
    expect(c.x).toBeGreaterThan(gz.x);
    expect(c.x).toBeLessThan(sz.x);
  });

  it('draws a place of no city that a city hosts in that city’s part of the map, not between the places it links (大湾区综合性国家科学中心 in the estuary)', () => {
    const cities = [
      entity('shenzhen', 'City', { name: '深圳', lat: 22.543, lon: 114.058 }),
      entity('guangzhou', 'City', { name: '广州', lat: 23.129, lon: 113.264 }),
      entity('dongguan', 'City', { name: '东莞', lat: 23.021, lon: 113.752 }),
    ];
    const parts = [
      entity('nansha', 'ScienceCity', { name: '南沙科学城', lat: 22.8, lon: 113.55, city: { id: 'guangzhou', name: '广州', nameEn: null } }),
      entity('songshan', 'ScienceCity', { name: '松山湖科学城', lat: 22.9, lon: 113.9, city: { id: 'dongguan', name: '东莞', nameEn: null } }),
    ];
    const centre = zone('centre', '大湾区综合性国家科学中心', null);
    const links = [
      relation('centre', 'shenzhen', { id: 'HOSTED_BY:centre->shenzhen', type: 'HOSTED_BY' }),
      relation('nansha', 'centre', { id: 'PART_OF:nansha->centre', type: 'PART_OF' }),
      relation('songshan', 'centre', { id: 'PART_OF:songshan->centre', type: 'PART_OF' }),
    ];
    const shenzhen = shenzhenOutline(22.5);
    const map = { bounds: { south: 20.2, north: 25.5, west: 109.6, east: 117.3 }, outlines: [{ name: '深圳', rings: [shenzhen] }] };
    const graph = { nodes: new Map([...cities, ...parts, centre].map((e) => [e.id, e])), edges: new Map(links.map((r) => [r.id, r])) };
    const drawn = arrangeGeo(graph, 'zh', box, map);
    const rings = [shenzhen.map(([lon, lat]) => project(drawn.siting!.projection, lat, lon))];
    expect(insideRings(drawn.positions.get('centre')!, rings)).toBe(true);
    // Hosted by none, it stands between what it links, as before: west of 深圳's outline.
    const unhosted = arrangeGeo({ ...graph, edges: new Map(links.slice(1).map((r) => [r.id, r])) }, 'zh', box, map);
    expect(insideRings(unhosted.positions.get('centre')!, [shenzhen.map(([lon, lat]) => project(unhosted.siting!.projection, lat, lon))])).toBe(false);
  });

  it('places a science city the registry locates where it lies, not wherever its city has room (西丽湖 is north-west of 深圳, on land)', () => {
    const xili = entity('xili', 'ScienceCity', { name: '西丽湖国际科教城', lat: 22.59, lon: 113.95, city: { id: 'shenzhen', name: '深圳', nameEn: null } });
    const nodes = [city('guangzhou', 23.129, 113.264), city('shenzhen', 22.543, 114.058), city('hong-kong', 22.319, 114.169), xili].map(placed);
    const { positions, projection } = geoPositions(nodes, [['xili', 'shenzhen']], box);
    const [sz, x] = [positions.get('shenzhen')!, positions.get('xili')!];
    expect(x.x).toBeLessThan(sz.x);
    expect(x.y).toBeLessThan(sz.y);
    const at = project(projection!, 22.59, 113.95);
    expect(Math.hypot(x.x - at.x, x.y - at.y)).toBeLessThan(40);
  });

  it('keeps a located place where it lies however many satellites crowd its city: they give way, not it (前海 pushed into the sea)', () => {
    const qianhai = entity('qianhai', 'Zone', {
      name: '前海深港现代服务业合作区',
      lat: 22.53,
      lon: 113.9,
      city: { id: 'shenzhen', name: '深圳', nameEn: null },
    });
    const satellites = Array.from({ length: 14 }, (_, i) => zone(`z${i}`, `深圳第${i}个很长名字的合作示范区`, 'shenzhen'));
    const nodes = [city('guangzhou', 23.129, 113.264), city('shenzhen', 22.543, 114.058), city('hong-kong', 22.319, 114.169), qianhai, ...satellites].map(
      placed,
    );
    // A phone-sized picture, where the cities stand close and the labels' boxes are wide.
    const { positions, projection } = geoPositions(nodes, [], { width: 390, height: 500 });
    const at = project(projection!, 22.53, 113.9);
    const q = positions.get('qianhai')!;
    expect(Math.hypot(q.x - at.x, q.y - at.y)).toBeLessThan(1);
    // The satellites give way: none is drawn over its shape.
    for (const s of satellites) {
      const p = positions.get(s.id)!;
      expect(Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y)), s.id).toBeGreaterThanOrEqual(20);
    }
  });

  it('keeps every place of a city nearer that city than any other, however crowded the map (深圳’s zones north of 广州, on a phone)', () => {
    const cities = [
      city('guangzhou', 23.129, 113.264),
      city('shenzhen', 22.543, 114.058),
      city('dongguan', 23.021, 113.752),
      city('hong-kong', 22.319, 114.169),
      city('foshan', 23.022, 113.122),
    ];
    const satellites = [
      ...Array.from({ length: 16 }, (_, i) => zone(`sz${i}`, `深圳第${i}个很长名字的合作示范区`, 'shenzhen')),
      ...Array.from({ length: 8 }, (_, i) => zone(`gz${i}`, `广州第${i}个很长名字的合作示范区`, 'guangzhou')),
    ];
    const nodes = [...cities, ...satellites].map(placed);
    const { positions } = geoPositions(nodes, [], { width: 390, height: 500 });
    const nearest = (p: Position) =>
      cities.map((c) => ({ id: c.id, d: Math.hypot(p.x - positions.get(c.id)!.x, p.y - positions.get(c.id)!.y) })).sort((a, b) => a.d - b.d)[0]!.id;
    for (const s of satellites) expect(nearest(positions.get(s.id)!), s.id).toBe(s.city!.id);
  });

  it("keeps every place of a city within the city's outline where the base map has one (深圳's zones not in 香港 across the river)", () => {
    const cities = [
      entity('shenzhen', 'City', { name: '深圳', lat: 22.543, lon: 114.058 }),
      entity('dongguan', 'City', { name: '东莞', lat: 23.021, lon: 113.752 }),
      entity('hong-kong', 'City', { name: '香港', lat: 22.319, lon: 114.169 }),
      entity('guangzhou', 'City', { name: '广州', lat: 23.129, lon: 113.264 }),
    ];
    const satellites = Array.from({ length: 16 }, (_, i) => zone(`sz${i}`, `深圳第${i}个很长名字的合作示范区`, 'shenzhen'));
    const nodes = [...cities, ...satellites].map(placed);
    // 香港 has no outline on this map.
    const shenzhen = shenzhenOutline(22.5);
    const map = { bounds: { south: 20.2, north: 25.5, west: 109.6, east: 117.3 }, outlines: [{ name: '深圳', rings: [shenzhen] }] };
    const phone = { width: 390, height: 500 };
    const outside = (positions: Map<string, Position>, projection: Parameters<typeof project>[0]) => {
      const rings = [shenzhen.map(([lon, lat]) => project(projection, lat, lon))];
      return satellites.filter((s) => !insideRings(positions.get(s.id)!, rings)).map((s) => s.id);
    };
    const drawn = geoPositions(nodes, [], phone, map);
    expect(outside(drawn.positions, drawn.projection!)).toEqual([]);
    // Pushed out for their labels and brought back to the outline, no two lie on one another there, nor on 深圳.
    const closest = Math.min(
      ...[...satellites, cities[0]!].flatMap((a, i, all) =>
        all.slice(i + 1).map((b) => {
          const [p, q] = [drawn.positions.get(a.id)!, drawn.positions.get(b.id)!];
          return Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y));
        }),
      ),
    );
    // (Before, two lay 1.9 pixels apart.) Apart on screen, at the zoom the picture is fitted at.
    const all = [...drawn.positions.values()];
    const extent = (axis: 'x' | 'y') => Math.max(...all.map((p) => p[axis])) - Math.min(...all.map((p) => p[axis]));
    const zoom = fitZoom({ w: extent('x'), h: extent('y') }, phone);
    expect(closest * zoom).toBeGreaterThanOrEqual(shapeSize('Zone', nodeScaleFor(phone.width)) + 2);
    // Kept only nearer 深圳 than any other city's node, some are not within it.
    const nearest = geoPositions(nodes, [], phone);
    expect(outside(nearest.positions, nearest.projection!).length).toBeGreaterThan(0);
  });

  it('puts a place beside the located place of its city it belongs to, so its line there does not run through the city (前海国际人才港)', () => {
    const sz = { id: 'shenzhen', name: '深圳', nameEn: null };
    const qianhai = entity('qianhai', 'Zone', { name: '前海深港现代服务业合作区', lat: 22.53, lon: 113.9, city: sz });
    const hub = entity('hub', 'Zone', { name: '前海国际人才港', city: sz });
    const others = Array.from({ length: 6 }, (_, i) => zone(`z${i}`, `深圳第${i}个示范区`, 'shenzhen'));
    const nodes = [city('guangzhou', 23.129, 113.264), city('shenzhen', 22.543, 114.058), city('hong-kong', 22.319, 114.169), qianhai, hub, ...others].map(
      placed,
    );
    const { positions } = geoPositions(
      nodes,
      [
        ['hub', 'qianhai'],
        ['hub', 'shenzhen'],
      ],
      box,
    );
    const [h, q, s] = [positions.get('hub')!, positions.get('qianhai')!, positions.get('shenzhen')!];
    expect(Math.hypot(h.x - q.x, h.y - q.y)).toBeLessThan(Math.hypot(h.x - s.x, h.y - s.y));
    // The segment from the hub to 前海 keeps clear of 深圳's shape.
    const t = Math.max(0, Math.min(1, ((s.x - h.x) * (q.x - h.x) + (s.y - h.y) * (q.y - h.y)) / ((q.x - h.x) ** 2 + (q.y - h.y) ** 2)));
    expect(Math.hypot(h.x + t * (q.x - h.x) - s.x, h.y + t * (q.y - h.y) - s.y)).toBeGreaterThan(15);
  });

  it('draws a located place beyond the map at the edge of the picture, with the arrow toward where it lies', () => {
    const map = { south: 20.2, north: 25.5, west: 109.6, east: 117.3 };
    const located = (id: string, lat: number, lon: number) => entity(id, 'Zone', { lat, lon });
    const nodes = [
      city('shenzhen', 22.543, 114.058),
      city('dongguan', 23.021, 113.752),
      located('hainan', 19.2, 109.7),
      located('songshan', 22.92, 113.88),
    ].map(placed);
    const { positions, projection, beyond } = geoPositions(nodes, [], box, { bounds: map, outlines: [] });
    // Inside the map: where it lies, and no arrow.
    expect(positions.get('songshan')).toEqual(project(projection!, 22.92, 113.88));
    expect(beyond.has('songshan')).toBe(false);
    // Beyond it: south-west of the cities, within a padding of them, not a thousand pixels away.
    expect(beyond.get('hainan')).toBe('↙');
    const [sz, dg, hn] = ['shenzhen', 'dongguan', 'hainan'].map((id) => positions.get(id)!) as [Position, Position, Position];
    expect(hn.x).toBeLessThan(Math.min(sz.x, dg.x));
    expect(hn.y).toBeGreaterThan(Math.min(sz.y, dg.y));
    const far = project(projection!, 19.2, 109.7);
    expect(Math.hypot(hn.x - sz.x, hn.y - sz.y)).toBeLessThan(Math.hypot(far.x - sz.x, far.y - sz.y) / 3);
    // Without a map to be beyond, it stands where it lies.
    expect(geoPositions(nodes, [], box).beyond.size).toBe(0);
  });

  it('frames a view about one city on its outline: a partner beyond it stands at the edge, with its arrow, and the city is drawn larger', () => {
    const shenzhen = shenzhenOutline(22.45);
    const map = { bounds: { south: 20.2, north: 25.5, west: 109.6, east: 117.3 }, outlines: [{ name: '深圳', rings: [shenzhen] }] };
    const nodes = [
      entity('shenzhen', 'City', { name: '深圳', lat: 22.543, lon: 114.058 }),
      entity('guangzhou', 'City', { name: '广州', lat: 23.129, lon: 113.264 }),
      entity('hong-kong', 'City', { name: '香港', lat: 22.4, lon: 114.169 }),
      ...Array.from({ length: 8 }, (_, i) => zone(`sz${i}`, `深圳第${i}个示范区`, 'shenzhen')),
    ].map(placed);
    const links = nodes.filter((n) => n.id.startsWith('sz')).map((n) => [n.id, 'shenzhen'] as [string, string]);
    const whole = geoPositions(nodes, links, box, map);
    const framed = geoPositions(nodes, links, box, map, 'shenzhen');
    // 广州 lies beyond 深圳's outline: at the frame's edge, north-west of 深圳, its arrow pointing there.
    expect(whole.beyond.has('guangzhou')).toBe(false);
    expect(framed.beyond.get('guangzhou')).toBe('↖');
    const at = (id: string) => framed.positions.get(id)!;
    expect(at('guangzhou').x).toBeLessThan(at('shenzhen').x);
    expect(at('guangzhou').y).toBeLessThan(at('shenzhen').y);
    const frame = framed.frame!;
    expect(Math.min(at('guangzhou').x - frame.x1, frame.x2 - at('guangzhou').x, at('guangzhou').y - frame.y1, frame.y2 - at('guangzhou').y)).toBeCloseTo(0, 6);
    // 香港 lies within the frame: where it lies, with no arrow.
    expect(framed.beyond.has('hong-kong')).toBe(false);
    expect(at('hong-kong')).toEqual(project(framed.projection!, 22.4, 114.169));
    // The picture spans less of the map than when it had to reach 广州, so 深圳 takes more of it.
    const degrees = (drawn: ReturnType<typeof geoPositions>) => {
      const xs = [...drawn.positions.values()].map((p) => p.x);
      return (Math.max(...xs) - Math.min(...xs)) / drawn.projection!.scale;
    };
    expect(degrees(framed)).toBeLessThan(0.8 * degrees(whole));
    // A view about no city, or about a city not in it, is the whole picture.
    expect(geoPositions(nodes, links, box, map, 'zhuhai').frame).toBeNull();
    expect(whole.frame).toBeNull();
  });

  it('sites a located place where it lies within a city view’s frame, else at the rim toward it with its arrow', () => {
    const projection = fitProjection(
      [
        { lat: 22.5, lon: 113.9 },
        { lat: 22.8, lon: 114.3 },
      ],
      { width: 800, height: 600 },
    );
    // The fitted points project round the origin: the frame is their box.
    const frame = { x1: -140, y1: -115, x2: 140, y2: 115 };
    const siting = { projection, frame, rim: frame, centre: { x: 0, y: 0 }, map: { south: 20, north: 26, west: 109, east: 118 } };
    // 深圳's own point, inside the frame: drawn where it lies.
    const inside = siteOf(siting, 22.6, 114.05);
    expect(inside.arrow).toBeNull();
    expect(inside.at).toEqual(project(projection, 22.6, 114.05));
    // 广州, north-west of it: on the frame's edge, its arrow pointing there.
    const outside = siteOf(siting, 23.13, 113.26);
    const where = project(projection, 23.13, 113.26);
    expect(where.x < frame.x1 || where.y < frame.y1).toBe(true);
    expect(outside.arrow).toBe('↖');
    expect(outside.at.x === frame.x1 || outside.at.y === frame.y1).toBe(true);
    // Without a frame (the start view) it is drawn where it lies while on the map.
    expect(siteOf({ ...siting, frame: null, rim: { x1: -1e4, y1: -1e4, x2: 1e4, y2: 1e4 } }, 23.13, 113.26)).toEqual({ at: where, arrow: null });
  });

  it('names a part of the map at the middle of what a frame shows of it, and not where it shows too little', () => {
    const square = (x1: number, y1: number, x2: number, y2: number) => [ringOf({ x1, y1, x2, y2 })];
    const frame = { x1: 0, y1: 0, x2: 100, y2: 100 };
    // Its left half in the frame: named in the middle of that half, not of the whole square.
    const half = middleInFrame(square(50, 0, 150, 100), frame)!;
    expect(half.x).toBeGreaterThan(70);
    expect(half.x).toBeLessThan(80);
    expect(half.y).toBeCloseTo(50, 0);
    // A sliver along the edge, and a part wholly outside, are not named.
    expect(middleInFrame(square(99, 0, 200, 100), frame)).toBeNull();
    expect(middleInFrame(square(200, 200, 300, 300), frame)).toBeNull();
  });

  it('gives a place drawn at a frame’s corner the plane past the two sides it stands on, not round the whole frame', () => {
    const frame = { x1: 0, y1: 0, x2: 100, y2: 100 };
    const past = pastFrame(frame, { x: 0, y: 0 });
    const inside = (x: number, y: number) => insideRings({ x, y }, past);
    // West and north of the frame: its part.
    expect(inside(-20, 50)).toBe(true);
    expect(inside(50, -20)).toBe(true);
    expect(inside(-20, -20)).toBe(true);
    // On the map, and past the other sides (beside 香港, south-east): not.
    expect(inside(50, 50)).toBe(false);
    expect(inside(120, 50)).toBe(false);
    expect(inside(50, 120)).toBe(false);
  });
});
