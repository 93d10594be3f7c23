import { describe, expect, it } from 'vitest';
import { bands, chain, stackedBands } from '../../../viz/src/arrange.ts';
import { arrangeBands } from '../../../viz/src/arrangements.ts';
import { platformRows } from '../../../viz/src/panels.ts';
import type { ClusterPlace, ClusterPlatform } from '../../../viz/src/types.ts';
import { entity, relation } from '../../support/explorer-data.ts';

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

  it("puts a cluster's serving places in bands of their own, each after the platforms of its route", () => {
    const place = (id: string): ClusterPlace => ({
      place: entity(id, 'Zone'),
      via: 'DIRECT',
      through: null,
      relations: [{ ...relation(id, 'cluster', { type: 'SERVES' }), evidence: [] }],
    });
    const focusing = (id: string, field: string): ClusterPlace => ({
      place: entity(id, 'ScienceCity'),
      via: 'FIELD',
      through: entity(field, 'Field'),
      relations: [
        { ...relation(id, field, { type: 'FOCUSES_ON' }), evidence: [] },
        { ...relation(field, 'cluster', { type: 'RELATED_TO' }), evidence: [] },
      ],
    });
    const rows = [route('lab', 'DIRECT'), route('centre', 'FIELD', 'field'), route('fund-lab', 'PROGRAM', 'fund')];
    for (const width of [1440, 390]) {
      const { positions, titles } = arrangeBands('cluster', rows, [place('park-a'), place('park-b'), focusing('science-city', 'own-field')], 'en', {
        width,
        height: 844,
      });
      expect(titles!.map((t) => t.title)).toEqual([
        'Serves directly',
        'Parks and places serving it directly',
        'Through a related field',
        'Parks and places through a field of its own',
        'Through a program for this cluster',
      ]);
      const y = (id: string) => positions.get(id)!.y;
      expect(y('lab')).toBeLessThan(Math.min(y('park-a'), y('park-b')));
      expect(Math.max(y('park-a'), y('park-b'))).toBeLessThan(y('centre'));
      // The place through a field comes after the platforms through one, under its field, before the program's.
      expect(y('centre')).toBeLessThan(y('science-city'));
      expect(y('own-field')).toBeLessThanOrEqual(y('science-city'));
      expect(y('science-city')).toBeLessThan(y('fund-lab'));
    }
    // Without places, no band for them.
    expect(arrangeBands('cluster', rows, [], 'en', { width: 1440, height: 900 }).titles!.map((t) => t.title)).not.toContain(
      'Parks and places serving it directly',
    );
  });

  it('draws a field that leads to platforms and to places in one band, each field with its platforms, then its places', () => {
    const focusing = (id: string, field: string): ClusterPlace => ({
      place: entity(id, 'ScienceCity'),
      via: 'FIELD',
      through: entity(field, 'Field'),
      relations: [],
    });
    const rows = [route('centre', 'FIELD', 'life'), route('lab', 'DIRECT')];
    const places = [focusing('own-park', 'own-field'), focusing('science-city', 'life')];
    for (const width of [1440, 390]) {
      const { positions, titles } = arrangeBands('cluster', rows, places, 'en', { width, height: 844 });
      expect(titles!.map((t) => t.title)).toEqual(['Serves directly', 'Platforms and places through a related field']);
      const y = (id: string) => positions.get(id)!.y;
      // In reading order: 'life' and what goes through it, then the field only places reach.
      const read = (id: string) => (width < 600 ? y(id) : positions.get(id)!.x * 1000 + y(id));
      expect(y('life')).toBeLessThan(y('own-field'));
      expect(read('centre')).toBeLessThan(read('science-city'));
      expect(read('science-city')).toBeLessThan(read('own-park'));
    }
  });

  it('lists a cluster on a phone as an indented list, one node to a row, each platform under what it goes through', () => {
    const { positions, titles } = stackedBands('cluster', [
      { title: 'direct', through: [], members: ['a'] },
      {
        title: 'field',
        through: ['f1', 'f2'],
        members: ['b', 'c', 'd'],
        throughOf: new Map([
          ['b', 'f2'],
          ['c', 'f1'],
          ['d', 'f2'],
        ]),
      },
    ]);
    const order = [...positions.entries()].sort((x, y) => x[1].y - y[1].y).map(([id]) => id);
    expect(order).toEqual(['cluster', 'a', 'f1', 'c', 'f2', 'b', 'd']);
    const depth = (id: string) => positions.get(id)!.x;
    expect(depth('cluster')).toBeLessThan(depth('a'));
    expect(depth('a')).toBe(depth('f1'));
    expect(depth('f1')).toBeLessThan(depth('c'));
    expect(new Set(order.map((id) => positions.get(id)!.y)).size).toBe(order.length);
    // Each title in a row of its own, above its band's first node.
    expect(titles.map((t) => t.title)).toEqual(['direct', 'field']);
    expect(titles[1]!.at.y).toBeGreaterThan(positions.get('a')!.y);
    expect(titles[1]!.at.y).toBeLessThan(positions.get('f1')!.y);
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
