import { describe, expect, it } from 'vitest';
import { emptyGraph, filtered, merge, sited, toElements, without } from '../../../viz/src/graph-data.ts';
import { fitProjection } from '../../../viz/src/geo.ts';
import type { Entity } from '../../../viz/src/types.ts';
import { entity as explorerEntity, relation } from '../../support/explorer-data.ts';

/** A city by default, with an English name. */
const entity = (id: string, kind: Entity['kind'] = 'City', extra: Partial<Entity> = {}): Entity => explorerEntity(id, kind, { nameEn: `${id} (en)`, ...extra });

describe('the explorer graph', () => {
  it('merges an expansion without drawing anything twice', () => {
    const first = merge(emptyGraph(), { nodes: [entity('shenzhen'), entity('guangming', 'ScienceCity')], edges: [relation('guangming', 'shenzhen')] });
    const second = merge(first, {
      nodes: [entity('shenzhen'), entity('songshan', 'ScienceCity')],
      edges: [relation('guangming', 'shenzhen'), relation('songshan', 'dongguan')],
    });
    expect([...second.nodes.keys()]).toEqual(['shenzhen', 'guangming', 'songshan']);
    // The edge to dongguan waits until dongguan is in view.
    expect([...second.edges.keys()]).toEqual(['LOCATED_IN:guangming->shenzhen']);
  });

  it('removes an entity with the relations that touch it', () => {
    const graph = merge(emptyGraph(), { nodes: [entity('a'), entity('b')], edges: [relation('a', 'b')] });
    const after = without(graph, ['b']);
    expect([...after.nodes.keys()]).toEqual(['a']);
    expect(after.edges.size).toBe(0);
  });

  it('filters kinds, relation types, uncited edges and low confidence, but keeps the selection', () => {
    const graph = merge(emptyGraph(), {
      nodes: [entity('a'), entity('lab', 'Lab'), entity('found', 'Lab', { source: 'discovered', confidence: 0.4 })],
      edges: [relation('lab', 'a'), relation('found', 'a', { id: 'x', cited: false })],
    });
    const base = { hiddenKinds: [], hiddenTypes: [], onlyCited: false, minConfidence: 0, selected: null };
    expect(filtered(graph, { ...base, hiddenKinds: ['Lab'] }).nodes.size).toBe(1);
    expect(filtered(graph, { ...base, hiddenKinds: ['Lab'], selected: 'lab' }).nodes.has('lab')).toBe(true);
    expect(filtered(graph, { ...base, onlyCited: true }).edges.size).toBe(1);
    expect(filtered(graph, { ...base, minConfidence: 0.5 }).nodes.has('found')).toBe(false);
    expect(filtered(graph, { ...base, hiddenTypes: ['LOCATED_IN'] }).edges.size).toBe(0);
  });

  it('labels in the chosen language, falling back to Chinese', () => {
    const graph = merge(emptyGraph(), { nodes: [entity('a'), entity('b', 'Field', { nameEn: null })], edges: [] });
    expect(toElements(graph, 'en').map((e) => e.data.label)).toEqual(['a (en)', 'b']);
    expect(toElements(graph, 'zh').map((e) => e.data.label)).toEqual(['a', 'b']);
  });

  it('marks a link parallel when another joins the same two ends, either way round, and no other', () => {
    const graph = merge(emptyGraph(), {
      nodes: [entity('a'), entity('b'), entity('c')],
      edges: [relation('a', 'b'), relation('b', 'a', { id: 'SERVES:b->a', type: 'SERVES' }), relation('a', 'c')],
    });
    const parallel = Object.fromEntries(toElements(graph, 'zh').flatMap((e) => (e.group === 'edges' ? [[e.data.id, e.data.parallel]] : [])));
    expect(parallel).toEqual({ 'LOCATED_IN:a->b': 'yes', 'SERVES:b->a': 'yes', 'LOCATED_IN:a->c': 'no' });
  });

  it('marks as sited the located places the map draws where they lie, and no other', () => {
    const graph = merge(emptyGraph(), {
      nodes: [
        entity('shenzhen', 'City', { lat: 22.54, lon: 114.06 }),
        entity('guangming', 'ScienceCity', { lat: 22.75, lon: 113.93 }),
        // 广州's 南沙, north-west of 深圳's frame: drawn at its edge, with an arrow.
        entity('nansha', 'ScienceCity', { lat: 22.8, lon: 113.5 }),
        // 海南, south of the map's extent but within the rim of a picture that reaches it: where it lies.
        entity('hainan', 'Zone', { lat: 19.5, lon: 109.8 }),
        entity('lab', 'Lab'),
      ],
      edges: [],
    });
    const projection = fitProjection(
      [
        { lat: 22.5, lon: 113.9 },
        { lat: 22.8, lon: 114.3 },
      ],
      { width: 800, height: 600 },
    );
    const elements = toElements(graph, 'zh');
    const marked = (drawn: ReturnType<typeof sited>) => drawn.filter((e) => String(e.classes ?? '').includes('sited')).map((e) => e.data.id);
    const frame = { x1: -140, y1: -115, x2: 140, y2: 115 };
    const map = { south: 20, north: 26, west: 109, east: 118 };
    // 深圳's view: only what lies within its frame; a city is never marked, nor a place the registry does not locate.
    expect(marked(sited(elements, graph, { projection, frame, rim: frame, centre: { x: 0, y: 0 }, map }))).toEqual(['guangming']);
    // The whole map, its rim far enough to hold 海南 where it lies: 南沙 and 海南 are at their sites too.
    const everywhere = { x1: -1e5, y1: -1e5, x2: 1e5, y2: 1e5 };
    expect(marked(sited(elements, graph, { projection, frame: null, rim: everywhere, centre: { x: 0, y: 0 }, map }))).toEqual([
      'guangming',
      'nansha',
      'hainan',
    ]);
    // No map drawn, no place on it.
    expect(sited(elements, graph, null)).toEqual(elements);
  });
});
