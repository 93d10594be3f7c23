// Each kind's shape as an SVG path in a box from -1 to 1, as Cytoscape draws it (its polygons
// stretched to fill the square): the legend draws it as SVG, a large view's layer on its canvas
// (a Path2D reads the same text), so a kind looks alike in the legend and in either picture.
import type { ENTITY_KINDS, EntityKind } from '../../ingest/model.ts';

export type Shape = (typeof ENTITY_KINDS)[EntityKind]['shape'];

type Point = readonly [number, number];

/** A regular polygon's corners on the unit circle, the first at the top, as Cytoscape makes them; `turn` rotates them. */
function ngon(sides: number, turn = 0): Point[] {
  const step = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2) + turn;
  return Array.from({ length: sides }, (_, i) => [Math.cos(start + i * step), Math.sin(-(start + i * step))] as const);
}

/** Stretched to fill the square from -1 to 1, as Cytoscape fits its polygons. */
function fitted(points: readonly Point[]): Point[] {
  const [xs, ys] = [points.map(([x]) => x), points.map(([, y]) => y)];
  const [sx, sy] = [2 / (Math.max(...xs) - Math.min(...xs)), 2 / (Math.max(...ys) - Math.min(...ys))];
  const stretched = points.map(([x, y]) => [x * sx, y * sy] as const);
  const top = Math.min(...stretched.map(([, y]) => y));
  return stretched.map(([x, y]) => [x, top < -1 ? y + (-1 - top) : y] as const);
}

const at = (x: number, y: number) => `${+x.toFixed(3)},${+y.toFixed(3)}`;

/** A polygon through `points`; with `round`, each corner cut that far along its sides and bent. */
function polygon(points: readonly Point[], round = 0): string {
  if (round === 0) return `M${points.map(([x, y]) => at(x, y)).join(' L')} Z`;
  const along = (from: Point, to: Point, t: number) => at(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t);
  const corners = points.map((corner, i) => {
    const [before, after] = [points[(i + points.length - 1) % points.length]!, points[(i + 1) % points.length]!];
    return `${along(corner, before, round)} Q${at(corner[0], corner[1])} ${along(corner, after, round)}`;
  });
  return `M${corners.join(' L')} Z`;
}

/** Cytoscape's star: five outer corners and five inner ones, 0.6 of the way out. */
function star(): Point[] {
  const inner = 0.5 * (3 - Math.sqrt(5)) * 1.57;
  const [outside, inside] = [ngon(5), ngon(5, Math.PI / 5).map(([x, y]) => [x * inner, y * inner] as const)];
  return fitted(outside.flatMap((point, i) => [point, inside[i]!]));
}

export const SHAPE_PATHS: Record<Shape, string> = {
  // Cytoscape rounds a rectangle's corners by a quarter of its side (up to 8 px): half the way to the middle.
  'round-rectangle': 'M-0.5,-1 L0.5,-1 A0.5,0.5 0 0 1 1,-0.5 L1,0.5 A0.5,0.5 0 0 1 0.5,1 L-0.5,1 A0.5,0.5 0 0 1 -1,0.5 L-1,-0.5 A0.5,0.5 0 0 1 -0.5,-1 Z',
  rectangle: polygon(fitted(ngon(4))),
  ellipse: 'M-1,0 A1,1 0 1 1 1,0 A1,1 0 1 1 -1,0 Z',
  hexagon: polygon(fitted(ngon(6))),
  // Rounded by a tenth of its side, as Cytoscape rounds a polygon.
  'round-hexagon': polygon(fitted(ngon(6)), 0.2),
  barrel: 'M-0.8,-1 L0.8,-1 Q1,0 0.8,1 L-0.8,1 Q-1,0 -0.8,-1 Z',
  diamond: polygon([
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ]),
  pentagon: polygon(fitted(ngon(5))),
  star: polygon(star()),
  tag: polygon([
    [-1, -1],
    [0.25, -1],
    [1, 0],
    [0.25, 1],
    [-1, 1],
  ]),
  triangle: polygon(fitted(ngon(3))),
  vee: polygon([
    [-1, -1],
    [0, -0.333],
    [1, -1],
    [0, 1],
  ]),
};
