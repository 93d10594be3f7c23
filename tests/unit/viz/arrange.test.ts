import { describe, expect, it } from 'vitest';
import { bands, chain } from '../../../viz/src/arrange.ts';
import { platformRows } from '../../../viz/src/panels.ts';
import type { ClusterPlatform } from '../../../viz/src/types.ts';
import { entity } from '../../support/explorer-data.ts';

const route = (id: string, via: ClusterPlatform['via'], through: string | null = null): ClusterPlatform => ({
  via,
  platform: entity(id),
  through: through ? entity(through, 'Program') : null,
  relations: [],
});

describe('view arrangements', () => {
  it('lays a cluster out in bands, one per route, the first route on top', () => {
    const { positions, titles } = bands('cluster', [
      { title: 'direct', through: [], members: ['a', 'b'] },
      { title: 'program', through: ['p'], members: ['c'] },
    ]);
    expect(titles.map((t) => t.title)).toEqual(['direct', 'program']);
    expect(positions.get('a')!.x).toBe(positions.get('b')!.x);
    expect(positions.get('c')!.y).toBeGreaterThan(Math.max(positions.get('a')!.y, positions.get('b')!.y));
    expect(positions.get('cluster')!.x).toBeLessThan(positions.get('p')!.x);
    expect(positions.get('p')!.x).toBeLessThan(positions.get('c')!.x);
  });

  it('lays a path out left to right, both ends shared by every walk', () => {
    const positions = chain([
      ['shenzhen', 'corridor', 'songshan'],
      ['shenzhen', 'dongguan', 'songshan'],
    ]);
    expect(positions.get('shenzhen')!.x).toBeLessThan(positions.get('corridor')!.x);
    expect(positions.get('corridor')!.x).toBeLessThan(positions.get('songshan')!.x);
    expect(positions.get('corridor')!.y).not.toBe(positions.get('dongguan')!.y);
  });

  it('lists each platform of a cluster once, under its most direct route', () => {
    const rows = platformRows([route('lab', 'PROGRAM', 'p'), route('lab', 'DIRECT'), route('center', 'FIELD', 'f'), route('center', 'PROGRAM', 'p')]);
    expect(rows.map((r) => `${r.platform.id}:${r.via}`)).toEqual(['lab:DIRECT', 'center:FIELD']);
  });
});
