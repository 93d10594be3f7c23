import { describe, expect, it } from 'vitest';
import { emptyGraph, filtered, merge, toElements, without } from '../../../viz/src/graph-data.ts';
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
});
