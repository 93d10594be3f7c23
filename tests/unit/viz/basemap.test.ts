import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../../config.ts';
import { readOutlines, readRegions, SOURCES } from '../../../viz/build/basemap.ts';

describe('the base map', () => {
  const cities = readOutlines(SOURCES.cities);
  const outlines = [...cities, ...readRegions(SOURCES.regions)];
  const centre = (name: string) => {
    const points = outlines.find((o) => o.name === name)!.rings.flat();
    const mean = (i: 0 | 1) => points.reduce((s, p) => s + p[i], 0) / points.length;
    return { lon: mean(0), lat: mean(1) };
  };

  it("holds Guangdong's 21 prefecture-level cities, and Hong Kong and Macao, each with an outline", () => {
    expect(cities).toHaveLength(21);
    expect(cities.map((o) => o.name)).toEqual(expect.arrayContaining(['广州', '深圳', '东莞', '湛江', '潮州']));
    // Under the names the registry gives them, which the explorer finds outlines by.
    expect(outlines.map((o) => o.name).slice(21)).toEqual(['香港', '澳门']);
    for (const o of outlines) expect(o.rings.length, o.name).toBeGreaterThan(0);
  });

  it('says which region a countries file lacks, rather than drawing a map without it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-')), 'countries.json');
    fs.writeFileSync(file, JSON.stringify({ type: 'Topology', objects: { countries: { type: 'GeometryCollection', geometries: [] } }, arcs: [] }));
    expect(() => readRegions(file)).toThrow(/no outline of 香港, 澳门/);
  });

  it('keeps every point inside Guangdong and the outlines small enough to ship', () => {
    const points = outlines.flatMap((o) => o.rings.flat());
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThan(109);
      expect(lon).toBeLessThan(118);
      expect(lat).toBeGreaterThan(20);
      expect(lat).toBeLessThan(26);
    }
    expect(JSON.stringify(outlines).length).toBeLessThan(120_000);
  });

  it('puts Shenzhen where it is, around 22.6° N, 114° E, and Hong Kong and Macao south of it, by the Pearl River’s mouth', () => {
    expect(centre('深圳').lon).toBeCloseTo(114, 0);
    expect(centre('深圳').lat).toBeCloseTo(22.6, 0);
    // Within a tenth of a degree of where the registry puts each city.
    const registry = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'registry', 'cities.yaml'), 'utf8')) as { name: string; lat: number; lon: number }[];
    for (const name of ['香港', '澳门']) {
      const city = registry.find((c) => c.name === name)!;
      expect(Math.abs(centre(name).lon - city.lon), name).toBeLessThan(0.1);
      expect(Math.abs(centre(name).lat - city.lat), name).toBeLessThan(0.1);
    }
  });
});
