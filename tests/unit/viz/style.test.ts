import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, KINDS } from '../../../ingest/model.ts';
import { geoPositions, project } from '../../../viz/src/geo.ts';
import { stylesheet } from '../../../viz/src/style.ts';
import type { Entity } from '../../../viz/src/types.ts';

describe('the explorer stylesheet', () => {
  it('styles every kind with its colour and shape from ingest/model.ts', () => {
    const rules = stylesheet() as { selector: string; style: Record<string, unknown> }[];
    for (const kind of KINDS) {
      const rule = rules.find((r) => r.selector === `node[kind = "${kind}"]`);
      expect(rule?.style).toMatchObject({ 'background-color': ENTITY_KINDS[kind].color, shape: ENTITY_KINDS[kind].shape });
    }
  });
});

describe('geographic positions', () => {
  const city = (id: string, lat: number, lon: number): Entity => ({ id, kind: 'City', name: id, nameEn: null, city: null, source: 'registry', confidence: 1, lat, lon });

  it('puts Shenzhen east of Guangzhou and south of it', () => {
    const gz = project(23.129, 113.264);
    const sz = project(22.543, 114.058);
    expect(sz.x).toBeGreaterThan(gz.x);
    expect(sz.y).toBeGreaterThan(gz.y); // screen y grows southwards
  });

  it('places an entity around the city the registry puts it in', () => {
    const positions = geoPositions([
      city('shenzhen', 22.543, 114.058),
      { id: 'guangming', kind: 'ScienceCity', name: '光明科学城', nameEn: null, city: { id: 'shenzhen', name: '深圳', nameEn: null }, source: 'registry', confidence: 1 },
    ]);
    const center = positions.get('shenzhen')!;
    const near = positions.get('guangming')!;
    expect(Math.hypot(near.x - center.x, near.y - center.y)).toBeLessThan(120);
  });
});
