// Geographic positions: cities where they are on the map (an equirectangular
// projection is exact enough at the scale of the Greater Bay Area), everything else
// in a ring around the city the registry places it in, the rest in a row below.
import type { Entity } from './types.ts';

export interface Position {
  x: number;
  y: number;
}

const SCALE = 900; // pixels per degree
const CENTER = { lat: 22.8, lon: 113.6 };
const RING = 70; // distance of a city's entities from it

export function project(lat: number, lon: number): Position {
  return { x: (lon - CENTER.lon) * SCALE * Math.cos((CENTER.lat * Math.PI) / 180), y: -(lat - CENTER.lat) * SCALE };
}

export function geoPositions(nodes: Entity[]): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const n of nodes) if (n.kind === 'City' && n.lat != null && n.lon != null) positions.set(n.id, project(n.lat, n.lon));
  const around = new Map<string, Entity[]>();
  const elsewhere: Entity[] = [];
  for (const n of nodes) {
    if (positions.has(n.id)) continue;
    const city = n.city?.id;
    if (city && positions.has(city)) around.set(city, [...(around.get(city) ?? []), n]);
    else elsewhere.push(n);
  }
  for (const [city, members] of around) {
    const center = positions.get(city)!;
    members.forEach((n, i) => {
      const ring = RING + 28 * Math.floor(i / 12);
      const angle = (2 * Math.PI * (i % 12)) / Math.min(12, members.length) + Math.floor(i / 12) * 0.26;
      positions.set(n.id, { x: center.x + ring * Math.cos(angle), y: center.y + ring * Math.sin(angle) });
    });
  }
  const bottom = Math.max(0, ...[...positions.values()].map((p) => p.y)) + 160;
  const left = Math.min(0, ...[...positions.values()].map((p) => p.x));
  elsewhere.forEach((n, i) => positions.set(n.id, { x: left + (i % 16) * 90, y: bottom + Math.floor(i / 16) * 60 }));
  return positions;
}
