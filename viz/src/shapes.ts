// Each kind's shape as an SVG path in a box from -1 to 1 (Cytoscape's own polygons, flattened):
// the legend draws it as SVG, a large view's layer on its canvas (a Path2D reads the same text).
import type { ENTITY_KINDS, EntityKind } from '../../ingest/model.ts';

export type Shape = (typeof ENTITY_KINDS)[EntityKind]['shape'];

type Point = readonly [number, number];

const HEXAGON: Point[] = [
  [-1, 0],
  [-0.5, -0.87],
  [0.5, -0.87],
  [1, 0],
  [0.5, 0.87],
  [-0.5, 0.87],
];

/** A polygon through `points`; with `round`, each corner cut that far along its sides and bent. */
function polygon(points: readonly Point[], round = 0): string {
  if (round === 0) return `M${points.map(([x, y]) => `${x},${y}`).join(' L')} Z`;
  const along = (from: Point, to: Point, t: number) => `${+(from[0] + (to[0] - from[0]) * t).toFixed(3)},${+(from[1] + (to[1] - from[1]) * t).toFixed(3)}`;
  const corners = points.map((corner, i) => {
    const [before, after] = [points[(i + points.length - 1) % points.length]!, points[(i + 1) % points.length]!];
    return `${along(corner, before, round)} Q${corner[0]},${corner[1]} ${along(corner, after, round)}`;
  });
  return `M${corners.join(' L')} Z`;
}

export const SHAPE_PATHS: Record<Shape, string> = {
  'round-rectangle':
    'M-0.45,-0.9 L0.45,-0.9 A0.45,0.45 0 0 1 0.9,-0.45 L0.9,0.45 A0.45,0.45 0 0 1 0.45,0.9 L-0.45,0.9 A0.45,0.45 0 0 1 -0.9,0.45 L-0.9,-0.45 A0.45,0.45 0 0 1 -0.45,-0.9 Z',
  rectangle: polygon([
    [-0.9, -0.9],
    [0.9, -0.9],
    [0.9, 0.9],
    [-0.9, 0.9],
  ]),
  ellipse: 'M-0.95,0 A0.95,0.95 0 1 1 0.95,0 A0.95,0.95 0 1 1 -0.95,0 Z',
  hexagon: polygon(HEXAGON),
  'round-hexagon': polygon(HEXAGON, 0.2),
  barrel: 'M-0.8,-1 L0.8,-1 Q1,0 0.8,1 L-0.8,1 Q-1,0 -0.8,-1 Z',
  diamond: polygon([
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ]),
  pentagon: polygon([
    [0, -1],
    [0.95, -0.31],
    [0.59, 0.81],
    [-0.59, 0.81],
    [-0.95, -0.31],
  ]),
  star: polygon([
    [0, -1],
    [0.22, -0.31],
    [0.95, -0.31],
    [0.36, 0.12],
    [0.59, 0.81],
    [0, 0.38],
    [-0.59, 0.81],
    [-0.36, 0.12],
    [-0.95, -0.31],
    [-0.22, -0.31],
  ]),
  tag: polygon([
    [-1, -0.9],
    [0.4, -0.9],
    [1, 0],
    [0.4, 0.9],
    [-1, 0.9],
  ]),
  triangle: polygon([
    [0, -1],
    [1, 1],
    [-1, 1],
  ]),
  vee: polygon([
    [-1, -1],
    [0, -0.33],
    [1, -1],
    [0, 1],
  ]),
};
