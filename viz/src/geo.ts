// Geographic positions: cities where they are on the map, everything else near what it
// belongs to (its city, or the cities it links), pushed apart until no two labels overlap.
// Positions are in screen pixels at zoom 1, so the start view opens at a readable zoom.
import { fitZoom, nodeScaleFor, shapeSize } from './style.ts';
import { SIZES } from './sizes.ts';
import type { Entity } from './types.ts';

export interface Position {
  x: number;
  y: number;
}

export interface Box {
  width: number;
  height: number;
}

/** A box on screen by its edges. */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** An equirectangular projection fitted to a box: exact enough at the scale of one province. */
export interface Projection {
  scale: number; // pixels per degree of latitude
  lat0: number; // the latitude whose cosine shrinks longitudes
  lon0: number;
  lat1: number;
}

export const PROJECTION_DEFAULTS = {
  padding: 90, // pixels kept free around the cities for their satellites and labels
  minSpan: 0.6, // degrees: a view of one city still shows its surroundings
};

/** A point on the earth, in degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

export function fitProjection(points: LatLon[], box: Box): Projection {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const mid = { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 };
  const shrink = Math.cos((mid.lat * Math.PI) / 180);
  const spanLat = Math.max(PROJECTION_DEFAULTS.minSpan, Math.max(...lats) - Math.min(...lats));
  const spanLon = Math.max(PROJECTION_DEFAULTS.minSpan, Math.max(...lons) - Math.min(...lons)) * shrink;
  const usable = { width: Math.max(200, box.width - 2 * PROJECTION_DEFAULTS.padding), height: Math.max(200, box.height - 2 * PROJECTION_DEFAULTS.padding) };
  const scale = Math.min(usable.width / spanLon, usable.height / spanLat);
  return { scale, lat0: mid.lat, lon0: mid.lon, lat1: mid.lat };
}

/** A point of the model on screen at a viewport (Cytoscape's zoom and pan). */
export function toScreen(p: Position, { zoom, pan }: { zoom: number; pan: Position }): Position {
  return { x: p.x * zoom + pan.x, y: p.y * zoom + pan.y };
}

export function project(projection: Projection, lat: number, lon: number): Position {
  const shrink = Math.cos((projection.lat1 * Math.PI) / 180);
  return { x: (lon - projection.lon0) * shrink * projection.scale, y: -(lat - projection.lat0) * projection.scale };
}

/** The extent of the base map, in degrees: a located place outside it is beyond the map. */
export interface Bounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** Whether a place lies outside the base map's extent (none drawn: nothing is). */
export const beyondMap = (map: Bounds | undefined, lat: number, lon: number) =>
  !!map && (lat < map.south || lat > map.north || lon < map.west || lon > map.east);

/** The base map: its extent, and each city's outline as closed rings of [lon, lat] (by the city's name: 深圳). */
export interface BaseMap {
  bounds: Bounds;
  outlines: { name: string; rings: [number, number][][] }[];
}

/** A city's outline at a projection, in model units; undefined for a city the map has none of (one beyond Guangdong and its two neighbouring regions). */
export function outlineOf(map: BaseMap | undefined, name: string, projection: Projection): Position[][] | undefined {
  const city = map?.outlines.find((o) => o.name === name);
  return city?.rings.map((ring) => ring.map(([lon, lat]) => project(projection, lat, lon)));
}

/** A city drawn on a map: where its node is, and its outline where the map has one. */
export interface City {
  id: string;
  at: Position;
  rings?: Position[][] | undefined;
}

/** Whether a point is in a city's part of the map: within its outline, or, for a city the map has none of, nearer it than any other city. */
export const withinCity = (city: City, p: Position, cities: City[]) => (city.rings ? insideRings(p, city.rings) : nearestOf(p, cities) === city.id);

/** Arrows in eight directions on screen (y down), from east clockwise. */
const ARROWS = ['→', '↘', '↓', '↙', '←', '↖', '↑', '↗'] as const;

/** The arrow that points from `from` toward `to` on screen. */
export function arrowToward(from: Position, to: Position): string {
  const eighth = Math.round(Math.atan2(to.y - from.y, to.x - from.x) / (Math.PI / 4));
  return ARROWS[(eighth + 8) % 8]!;
}

/**
 * Where a place beyond the map is drawn: on the edge of the box around the cities (their padding
 * included), where the line from their middle toward the place leaves it.
 */
export function atEdge(centre: Position, at: Position, box: Rect): Position {
  const [dx, dy] = [at.x - centre.x, at.y - centre.y];
  const ts = [
    dx > 0 ? (box.x2 - centre.x) / dx : dx < 0 ? (box.x1 - centre.x) / dx : Infinity,
    dy > 0 ? (box.y2 - centre.y) / dy : dy < 0 ? (box.y1 - centre.y) / dy : Infinity,
  ];
  const t = Math.min(1, ...ts);
  return { x: centre.x + dx * t, y: centre.y + dy * t };
}

/**
 * How a picture on the map draws the places the registry locates: where they lie, within `frame`
 * (a city view's) or, without one, on the map; else at the edge of `rim` where the line from
 * `centre` toward them leaves it, with the arrow that says which way they lie.
 */
export interface Siting {
  projection: Projection;
  frame: Rect | null;
  rim: Rect;
  centre: Position;
  map?: Bounds | undefined;
}

/** Where a located place is drawn in a picture, and the arrow toward where it lies when that is not there. */
export function siteOf(siting: Siting, lat: number, lon: number): { at: Position; arrow: string | null } {
  const where = project(siting.projection, lat, lon);
  const far = beyondMap(siting.map, lat, lon) || (siting.frame !== null && !inRect(where, siting.frame));
  // Drawn where it lies when that is within the rim anyway (湛江's view reaches Hainan's north).
  const at = far ? atEdge(siting.centre, where, siting.rim) : where;
  return { at, arrow: at.x !== where.x || at.y !== where.y ? arrowToward(siting.centre, where) : null };
}

/** What the placement needs of a node: its label's size on screen, and what it is near. */
export interface Placed {
  id: string;
  box: Box;
}

/** Roughly how wide a label is drawn: CJK characters are square, Latin ones about half as wide. */
export function labelBox(label: string, fontSize: number, maxWidth: number, nodeSize: number): Box {
  let width = 0;
  for (const char of label) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? fontSize : fontSize * 0.58;
  return { width: Math.max(nodeSize, Math.min(width, maxWidth)), height: nodeSize + 4 + fontSize * 1.3 };
}

/** labelBox for a node of a kind, at the sizes the stylesheet draws it (its shapes scaled by nodeScale, smaller on a phone), its label given `labelShare` of a label's width at most. */
export function nodeBox(label: string, kind: string, nodeScale = 1, labelShare = 1): Box {
  const city = kind === 'City';
  return labelBox(label, city ? SIZES.cityFont : SIZES.font, SIZES.labelWidth * labelShare, shapeSize(kind, nodeScale));
}

const RELAX = {
  rounds: 240, // passes of pushing overlapping boxes apart
  reach: 70, // how far from its anchor a satellite starts, in pixels
  pull: 0.04, // share of the distance past `reach` a satellite is pulled back per pass
  gap: 4, // pixels kept between two boxes
  shape: 24, // pixels across the shape of a place drawn where it lies, which only another shape may push
};

/**
 * Cities at their projected positions, and the places the registry locates (science cities, zones) at
 * theirs; every other node starts on a spiral around its anchor (its city, else the mean of the
 * positioned nodes it links). All are pushed until no box overlaps another. Cities never move.
 * A located place outside `map` (海南自由贸易港) would stretch the picture far past the map: it is
 * drawn at the edge of the cities' box toward where it lies, and `beyond` gives the arrow that says so.
 * `focus`: the city a view is about. The picture is then framed on its outline: a place beyond it
 * (广州 and 海南 in 深圳's view, a partner city) is drawn at the frame's edge toward where it lies,
 * with its arrow, rather than the picture stretched to reach it and the city's own places crowded
 * into a small part of it.
 */
export function geoPositions(
  nodes: (Entity & Placed)[],
  links: [string, string][],
  box: Box,
  map?: BaseMap,
  focus?: string,
): { positions: Map<string, Position>; projection: Projection | null; beyond: Map<string, string>; frame: Rect | null; siting?: Siting } {
  const beyond = new Map<string, string>();
  const cities = nodes.filter((n) => n.kind === 'City' && n.lat != null && n.lon != null);
  if (cities.length === 0) return { positions: new Map(), projection: null, beyond, frame: null };
  const focused = framedOn(nodes, focus, map);
  /** What the picture is fitted to: a city view's outline, else the cities. */
  const framing = focused?.outline ?? cities.map((c) => ({ lat: c.lat!, lon: c.lon! }));
  const projection = fitProjection(framing, box);
  /** The box at whose edge a place beyond the map, or beyond a city view's frame, is drawn. */
  const around = boundsOf(
    framing.map((p) => project(projection, p.lat, p.lon)),
    PROJECTION_DEFAULTS.padding,
  );
  /** The part of the map a located place is drawn where it lies in, in a city's view. */
  const frame = focused ? around : null;
  const centre = focused ? { x: (around.x1 + around.x2) / 2, y: (around.y1 + around.y2) / 2 } : mean(cities.map((c) => project(projection, c.lat!, c.lon!)));
  const siting: Siting = { projection, frame, rim: around, centre, map: map?.bounds };
  const positions = new Map<string, Position>();
  // Cities never move, but one beyond the frame, which is placed at its edge as any other place beyond it.
  for (const c of cities) {
    const at = project(projection, c.lat!, c.lon!);
    if (c.id === focus || !frame || inRect(at, frame)) positions.set(c.id, at);
  }
  const fixed = new Set(positions.keys());

  const neighbours = new Map<string, string[]>();
  for (const [a, b] of links) {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const anchors = new Map<string, Position>();
  // A place the registry locates (a science city, a zone) starts where it lies, and is pulled back there.
  const located = new Set<string>();
  for (const n of nodes) {
    if (fixed.has(n.id) || n.lat == null || n.lon == null) continue;
    const { at, arrow } = siteOf(siting, n.lat, n.lon);
    if (arrow) beyond.set(n.id, arrow);
    anchors.set(n.id, at);
    positions.set(n.id, { ...at });
    located.add(n.id);
  }
  // Anything else beside what places it: a located place of its own city it is linked to (前海国际人才港
  // beside 前海, not across 深圳 from it, where its line to 前海 ran through 深圳), else its city, else
  // the places it links.
  const cityOf = new Map(nodes.map((n) => [n.id, n.city?.id ?? null]));
  for (const n of nodes) {
    if (fixed.has(n.id) || located.has(n.id)) continue;
    const linked = neighbours.get(n.id) ?? [];
    const near = n.city ? linked.filter((id) => located.has(id) && !beyond.has(id) && cityOf.get(id) === n.city!.id).map((id) => positions.get(id)!) : [];
    const own = n.city && positions.get(n.city.id);
    const others = linked.map((id) => positions.get(id)).filter((p): p is Position => !!p);
    anchors.set(n.id, near.length ? mean(near) : (own ?? (others.length ? mean(others) : centre)));
  }
  // A golden-angle spiral per anchor: the k-th satellite of a place starts in its own direction.
  const count = new Map<string, number>();
  for (const [id, anchor] of anchors) {
    if (located.has(id)) continue;
    const key = `${anchor.x},${anchor.y}`;
    const k = count.get(key) ?? 0;
    count.set(key, k + 1);
    const angle = k * 2.39996 + Math.PI / 2;
    const r = RELAX.reach * (1 + 0.25 * Math.sqrt(k));
    positions.set(id, { x: anchor.x + r * Math.cos(angle), y: anchor.y + r * Math.sin(angle) });
  }
  // A place of a city drawn here stays in that city's part of the map: within its outline, or nearer
  // it than any other city where the map has no outline of it. Pushed for room, it would otherwise end
  // up in another city's part (深圳's zones north of 广州, on a phone; in 香港, across the river).
  // A city drawn at the frame's edge has no part of the map in the picture: its places stay near it.
  const cityPoints: City[] = cities
    .filter((c) => fixed.has(c.id))
    .map((c) => ({ id: c.id, at: positions.get(c.id)!, rings: outlineOf(map, c.name, projection) }));
  const homes = new Map<string, City>();
  for (const n of nodes) {
    const home = n.city ? cityPoints.find((c) => c.id === n.city!.id) : undefined;
    const anchor = anchors.get(n.id);
    if (fixed.has(n.id) || located.has(n.id) || !home || !anchor) continue;
    // Anchored at a place of its city that lies in another city's part of the map: left free. One
    // that lies off every outline (前海's reclaimed coast, which the simplified outlines miss) keeps
    // its satellites on its city's side of the shore.
    if (!withinCity(home, anchor, cityPoints) && cityPoints.some((c) => c !== home && withinCity(c, anchor, cityPoints))) continue;
    homes.set(n.id, home);
  }
  relax(nodes, positions, fixed, anchors, located, (id, p) => {
    const home = homes.get(id);
    if (home?.rings) keepInside(p, home);
    else if (home) keepNearest(p, home.at, cityPoints);
  });
  // A place drawn where it lies keeps to its city's part of the map if it lies there (the outlines are simplified: 前海's reclaimed coast is off 深圳's).
  const ownPart = new Map<string, City>(homes);
  for (const id of located) {
    const home = cityPoints.find((c) => c.id === cityOf.get(id));
    if (home && withinCity(home, positions.get(id)!, cityPoints)) ownPart.set(id, home);
  }
  // Satellites make way first: a place drawn where it lies moves only off what stays.
  const byFreedom = [...nodes.filter((n) => !located.has(n.id)), ...nodes.filter((n) => located.has(n.id))];
  // Shapes are kept apart on screen, at the zoom the picture will be fitted at (about: the boxes over the canvas may lower it).
  const all = [...positions.values()];
  const extent = (axis: 'x' | 'y') => Math.max(...all.map((p) => p[axis])) - Math.min(...all.map((p) => p[axis]));
  const zoom = fitZoom({ w: extent('x'), h: extent('y') }, box);
  unstack(byFreedom, positions, fixed, located, anchors, { nodeScale: nodeScaleFor(box.width), zoom, subject: focused ? focus : undefined }, (id, p) => {
    const home = ownPart.get(id);
    return !home || withinCity(home, p, cityPoints);
  });
  return { positions, projection, beyond, frame, siting };
}

/**
 * What a view about one city is framed on, in degrees: its outline where the map has one, and the
 * city and the places of it the registry locates (前海's reclaimed coast lies off the simplified
 * outline). Null where the view has no such city.
 */
function framedOn(nodes: Entity[], focus: string | undefined, map: BaseMap | undefined): { outline: LatLon[] } | null {
  const city = nodes.find((n) => n.id === focus && n.kind === 'City' && n.lat != null && n.lon != null);
  if (!city) return null;
  const places = nodes.filter((n) => n.city?.id === city.id && n.lat != null && n.lon != null && !beyondMap(map?.bounds, n.lat, n.lon));
  const rings = map?.outlines.find((o) => o.name === city.name)?.rings.flat() ?? [];
  return {
    outline: [...rings.map(([lon, lat]) => ({ lat, lon })), ...[city, ...places].map((n) => ({ lat: n.lat!, lon: n.lon! }))],
  };
}

/** The box around points, `padding` wider on every side. */
function boundsOf(points: Position[], padding: number): Rect {
  return points.reduce(
    (r, p) => ({ x1: Math.min(r.x1, p.x - padding), y1: Math.min(r.y1, p.y - padding), x2: Math.max(r.x2, p.x + padding), y2: Math.max(r.y2, p.y + padding) }),
    { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity },
  );
}

const inRect = (p: Position, r: Rect) => p.x >= r.x1 && p.x <= r.x2 && p.y >= r.y1 && p.y <= r.y2;

/**
 * The last word on a crowded map. A city's part of it may hold its places' shapes but not their
 * labels (深圳's, on a phone): pushed out for their labels and brought back to the nearest point of
 * the outline, places ended up on one another there, or under their city; and a place drawn where
 * it lies may lie under its city's node. In turn, each node not `fixed` whose shape still lies on
 * another's, or on a city's name, moves to a nearby point that is free and `allowed` (in its city's
 * part of the map); its own label is left to the declutter pass.
 */
function unstack(
  nodes: (Entity & Placed)[],
  positions: Map<string, Position>,
  fixed: ReadonlySet<string>,
  located: ReadonlySet<string>,
  anchors: ReadonlyMap<string, Position>,
  screen: { nodeScale: number; zoom: number; subject?: string | undefined },
  allowed: (id: string, p: Position) => boolean,
): void {
  const gap = RELAX.gap;
  const { nodeScale, zoom, subject } = screen;
  // Screen pixels in the positions' units, at the zoom the picture will be drawn at.
  const units = (pixels: number) => pixels / zoom;
  /**
   * What a node takes at a place, at `share` of its size: its shape with its border and the gap
   * kept between two (two shapes, and a city's name, then still lie apart on screen, with the
   * margins of the boxes Cytoscape gives them); a city, its name below it too, which orients the reader.
   */
  const taken = (node: Entity & Placed, p: Position, share: number, name = true): Rect => {
    const half = units(shapeSize(node.kind, nodeScale) / 2 + 1 + gap) * share;
    if (node.kind !== 'City' || !name) return { x1: p.x - half, x2: p.x + half, y1: p.y - half, y2: p.y + half };
    const width = Math.max(half, units(node.box.width / 2 + gap));
    return { x1: p.x - width, x2: p.x + width, y1: p.y - half, y2: p.y - half + units(node.box.height + gap) };
  };
  const shown = nodes.filter((n) => positions.has(n.id));
  // A place drawn where it lies moves off the shapes of what stays (a city, another such place), as
  // little as it can, and never for a satellite (those make way for it) or a city's name (which the
  // declutter pass then sets beside the city), but the name of the city a view is about (`subject`):
  // ringed by its places, it had no side left (深港科技创新合作区 lies under 深圳's, in 深圳's view).
  const staying = (id: string) => fixed.has(id) || located.has(id);
  const free = (node: Entity & Placed, p: Position, share: number) => {
    const mine = located.has(node.id);
    return shown.every(
      (other) =>
        other.id === node.id ||
        (mine && !staying(other.id)) ||
        !overlaps(taken(node, p, share), taken(other, positions.get(other.id)!, share, !mine || other.id === subject)),
    );
  };
  for (const node of shown) {
    const p = positions.get(node.id)!;
    if (fixed.has(node.id) || free(node, p, 1)) continue;
    // Along a spiral that widens by a shape per turn, tried first toward what places the node
    // (前海国际人才港's 前海), for ten shapes out; where its city's part of the map has no room
    // that near (深圳's on a phone), its shape settles for half its size (apart once the reader
    // zooms in twice: shapes keep their size on screen). Nowhere: it stays.
    const step = units(shapeSize(node.kind, nodeScale) + 2 + 2 * gap);
    const toward = anchors.get(node.id);
    const place = (share: number) => {
      for (let angle = toward ? Math.atan2(toward.y - p.y, toward.x - p.x) : 0, r = (step * share) / 2; r < 10 * step;) {
        const q = { x: p.x + r * Math.cos(angle), y: p.y + r * Math.sin(angle) };
        if (allowed(node.id, q) && free(node, q, share)) return q;
        const turn = (step * share) / 4 / r;
        angle += turn;
        r += (step * share * turn) / (2 * Math.PI);
      }
      return null;
    };
    const found = place(1) ?? place(0.5);
    if (found) positions.set(node.id, found);
  }
}

/** Whether `p` lies inside a shape made of closed rings (even-odd: a ring inside another is a hole). */
export function insideRings(p: Position, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  return inside;
}

/**
 * The part of the plane past the sides of a frame that `at`, a place drawn at its edge, stands on,
 * as rings (even-odd: a hole in a box far larger than the frame): past the left and top sides for
 * ↖ 广州 in 深圳's view, not round the whole frame, where its places would stand beside 香港.
 */
export function pastFrame(frame: Rect, at: Position): Position[][] {
  const [w, h] = [frame.x2 - frame.x1, frame.y2 - frame.y1];
  const far = { x1: frame.x1 - 10 * w, y1: frame.y1 - 10 * h, x2: frame.x2 + 10 * w, y2: frame.y2 + 10 * h };
  const on = { left: at.x <= frame.x1 + 2, right: at.x >= frame.x2 - 2, top: at.y <= frame.y1 + 2, bottom: at.y >= frame.y2 - 2 };
  // What is not past those sides: the frame, stretched away from the sides it is not past.
  const within =
    on.left || on.right || on.top || on.bottom
      ? { x1: on.left ? frame.x1 : far.x1, x2: on.right ? frame.x2 : far.x2, y1: on.top ? frame.y1 : far.y1, y2: on.bottom ? frame.y2 : far.y2 }
      : frame;
  return [ringOf(far), ringOf(within)];
}

/** A box as a closed ring, corner by corner. */
export const ringOf = (r: Rect): Position[] => [
  { x: r.x1, y: r.y1 },
  { x: r.x2, y: r.y1 },
  { x: r.x2, y: r.y2 },
  { x: r.x1, y: r.y2 },
];

/**
 * Where a part of the map is named within a frame: the middle of what the frame shows of its
 * outline, sampled on a grid of `steps` × `steps`; null where that is less than `share` of the frame.
 */
export function middleInFrame(rings: Position[][], frame: Rect, share = 0.03, steps = 24): Position | null {
  const points = rings.flat();
  const reaches =
    points.some((p) => p.x >= frame.x1) && points.some((p) => p.x <= frame.x2) && points.some((p) => p.y >= frame.y1) && points.some((p) => p.y <= frame.y2);
  if (!reaches) return null;
  const [w, h] = [(frame.x2 - frame.x1) / steps, (frame.y2 - frame.y1) / steps];
  let [x, y, n] = [0, 0, 0];
  for (let i = 0; i < steps; i += 1)
    for (let j = 0; j < steps; j += 1) {
      const p = { x: frame.x1 + (i + 0.5) * w, y: frame.y1 + (j + 0.5) * h };
      if (!insideRings(p, rings)) continue;
      [x, y, n] = [x + p.x, y + p.y, n + 1];
    }
  return n >= share * steps * steps ? { x: x / n, y: y / n } : null;
}

/** The id of the point nearest `p`. */
export function nearestOf(p: Position, points: { id: string; at: Position }[]): string | null {
  let best: { id: string; d: number } | null = null;
  for (const { id, at } of points) {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (!best || d < best.d) best = { id, d };
  }
  return best?.id ?? null;
}

/** Moves `p` (in place) back within a city's outline if it has left it: to the nearest point of the outline, a few pixels in toward the city. */
function keepInside(p: Position, city: City): void {
  if (!city.rings || insideRings(p, city.rings)) return;
  // Called for each satellite that moved, in every pass of the relaxation: nothing is allocated per segment.
  let bestX = city.at.x;
  let bestY = city.at.y;
  let bestD = Infinity;
  for (const ring of city.rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j]!;
      const b = ring[i]!;
      const length = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length));
      const qx = a.x + t * (b.x - a.x);
      const qy = a.y + t * (b.y - a.y);
      const d = Math.hypot(p.x - qx, p.y - qy);
      if (d < bestD) {
        bestX = qx;
        bestY = qy;
        bestD = d;
      }
    }
  const toward = Math.hypot(city.at.x - bestX, city.at.y - bestY);
  const margin = Math.min(6, toward);
  p.x = bestX + (toward ? ((city.at.x - bestX) / toward) * margin : 0);
  p.y = bestY + (toward ? ((city.at.y - bestY) / toward) * margin : 0);
}

/** Moves `p` (in place) onto the side of every other city's bisector that is `home`'s, a few pixels in: nearer `home` than any other. */
function keepNearest(p: Position, home: Position, cities: { at: Position }[]): void {
  const margin = 4;
  for (let pass = 0; pass < 3; pass += 1)
    for (const { at } of cities) {
      if (at === home) continue;
      const length = Math.hypot(at.x - home.x, at.y - home.y);
      if (length === 0) continue;
      // Past the bisector by `over` pixels toward the other city: moved back along the line between them.
      const [nx, ny] = [(at.x - home.x) / length, (at.y - home.y) / length];
      const over = (p.x - (home.x + at.x) / 2) * nx + (p.y - (home.y + at.y) / 2) * ny + margin;
      if (over <= 0) continue;
      p.x -= over * nx;
      p.y -= over * ny;
    }
}

/** A point within an outline near its middle: the mean of its largest ring's points, or where that is outside it (a crescent), the ring's point nearest it. */
export function middleOf(rings: Position[][]): Position {
  const ring = rings.reduce((a, b) => (b.length > a.length ? b : a));
  const middle = mean(ring);
  if (insideRings(middle, rings)) return middle;
  return ring.reduce((a, b) => (Math.hypot(b.x - middle.x, b.y - middle.y) < Math.hypot(a.x - middle.x, a.y - middle.y) ? b : a));
}

function mean(points: Position[]): Position {
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

/**
 * Pushes boxes apart; a box is centred below its node, where the label hangs; `keep` then moves each
 * node back where it may be (it depends on the node and the point alone: where it left a node as it
 * was, it is not asked again until the node moves). A `located` place (drawn where it lies) gives
 * way to no satellite, and to another place only as far as their shapes overlap: on a crowded map
 * its label is set aside by the declutter pass rather than the place pushed into the sea, where the
 * map would show it somewhere it is not.
 */
export function relax(
  nodes: Placed[],
  positions: Map<string, Position>,
  fixed: ReadonlySet<string>,
  anchors: ReadonlyMap<string, Position>,
  located: ReadonlySet<string> = new Set(),
  keep: (id: string, p: Position) => void = () => {},
): void {
  const items: Relaxing[] = nodes
    .filter((n) => positions.has(n.id))
    .map((n) => ({
      id: n.id,
      box: n.box,
      p: positions.get(n.id)!,
      fixed: fixed.has(n.id),
      held: fixed.has(n.id) || located.has(n.id),
      settled: { x: NaN, y: NaN },
    }));
  const before = new Float64Array(items.length * 2);
  for (let round = 0; round < RELAX.rounds; round += 1) {
    items.forEach(({ p }, i) => {
      before[i * 2] = p.x;
      before[i * 2 + 1] = p.y;
    });
    // Each step of a pass is a function of its own: V8 optimizes a function called every pass whole,
    // where loops nested in one long call ran mostly unoptimized (each exit from the inner loop left
    // its optimized code), ~3× slower on a page's first arrangement.
    // Pulled towards their anchors first, pushed apart last: the last word is no overlap.
    pullToAnchors(items, anchors);
    const overlapped = pushApart(items);
    // Where each may be, whatever the pushes asked: a place within its city's part of the map.
    keepAll(items, keep);
    if (!overlapped && round > 10) break;
    // A pass that left every node where it was (the pushes and the outlines in balance) would be followed by the same.
    if (items.every(({ p }, i) => p.x === before[i * 2] && p.y === before[i * 2 + 1])) break;
  }
  for (const item of items) positions.set(item.id, item.p);
}

/** A node being relaxed: its box, its position (moved in place), and whether it may move. */
interface Relaxing {
  id: string;
  box: Box;
  p: Position;
  fixed: boolean;
  /** fixed, or a place drawn where it lies: pushed by shapes only */
  held: boolean;
  /** the last point `keep` left as it was */
  settled: Position;
}

function pullToAnchors(items: Relaxing[], anchors: ReadonlyMap<string, Position>): void {
  for (const item of items) {
    const anchor = anchors.get(item.id);
    if (item.fixed || !anchor) continue;
    const dx = item.p.x - anchor.x;
    const dy = item.p.y - anchor.y;
    const d = Math.hypot(dx, dy);
    if (d > RELAX.reach * 1.6) {
      item.p.x -= dx * RELAX.pull;
      item.p.y -= dy * RELAX.pull;
    }
  }
}

const HELD_SHAPE: Box = { width: RELAX.shape, height: RELAX.shape };

/** One pass of pushing every overlapping pair apart; whether any pair overlapped. */
function pushApart(items: Relaxing[]): boolean {
  let overlapped = false;
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.fixed && b.fixed) continue;
      const dx = b.p.x - a.p.x;
      const dy = b.p.y - a.p.y;
      // Two places where they lie keep apart by their shapes; anything else by its label's box too.
      const shapes = a.held && b.held;
      const boxA = shapes ? HELD_SHAPE : a.box;
      const boxB = shapes ? HELD_SHAPE : b.box;
      const overlapX = (boxA.width + boxB.width) / 2 + RELAX.gap - Math.abs(dx);
      const overlapY = (boxA.height + boxB.height) / 2 + RELAX.gap - Math.abs(dy);
      if (overlapX <= 0 || overlapY <= 0) continue;
      overlapped = true;
      // Out along the axis that needs the smaller move; ties broken by index so the result is stable.
      const alongX = overlapX < overlapY;
      const sign = alongX ? Math.sign(dx) || (i % 2 ? 1 : -1) : Math.sign(dy) || (j % 2 ? 1 : -1);
      const push = (alongX ? overlapX : overlapY) + 0.5;
      const shareA = a.fixed ? 0 : b.fixed ? 1 : a.held === b.held ? 0.5 : a.held ? 0 : 1;
      const shareB = 1 - shareA;
      if (alongX) {
        a.p.x -= sign * push * shareA;
        b.p.x += sign * push * shareB;
      } else {
        a.p.y -= sign * push * shareA;
        b.p.y += sign * push * shareB;
      }
    }
  }
  return overlapped;
}

/** `keep` for every node that may move, but not one it left as it was and that has not moved since. */
function keepAll(items: Relaxing[], keep: (id: string, p: Position) => void): void {
  for (const { id, p, fixed, settled } of items) {
    if (fixed || (p.x === settled.x && p.y === settled.y)) continue;
    const { x, y } = p;
    keep(id, p);
    if (p.x === x && p.y === y) {
      settled.x = x;
      settled.y = y;
    }
  }
}
