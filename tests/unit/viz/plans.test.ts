import { describe, expect, it } from 'vitest';
import { columns, stacked } from '../../../viz/src/arrange.ts';
import { documentShares } from '../../../viz/src/graph-data.ts';
import type { Comparison } from '../../../viz/src/types.ts';
import { comparisonGraph } from '../../../viz/src/views.ts';
import { entity, relation } from '../../support/explorer-data.ts';

const colouring = (shown: string[]) => ({ by: 'document' as const, order: ['plan', 'revised', 'pdf'], shown: new Set(shown) });

describe('plans side by side in the explorer', () => {
  it('fills a node named by two shown plans half in each colour, in each plan’s own slot', () => {
    expect(documentShares(['plan', 'revised'], colouring(['plan', 'revised', 'pdf']))).toMatchObject({ doc0: 50, doc1: 50, doc2: 0 });
    expect(documentShares(['revised'], colouring(['plan', 'revised', 'pdf']))).toMatchObject({ doc0: 0, doc1: 100, doc2: 0 });
  });

  it('gives no slice to a plan the reader did not pick', () => {
    expect(documentShares(['plan', 'revised'], colouring(['revised']))).toMatchObject({ doc0: 0, doc1: 100 });
  });

  it('draws what only one plan has, and of what both share only the ends of those differences', () => {
    const c: Comparison = {
      a: { id: 'plan', title: 'A' },
      b: { id: 'revised', title: 'B' },
      entities: {
        onlyA: [{ entity: entity('old-lab'), mentionsA: [] }],
        onlyB: [{ entity: entity('new-lab'), mentionsB: [] }],
        both: [{ entity: entity('dongguan') }, { entity: entity('guangzhou') }],
      },
      relations: {
        onlyA: [{ relation: relation('old-lab', 'dongguan'), evidenceA: [] }],
        onlyB: [{ relation: relation('new-lab', 'dongguan'), evidenceB: [] }],
        both: [{ relation: relation('guangzhou', 'dongguan') }],
      },
    };
    const { graph, sides, edges } = comparisonGraph(c);
    expect([...graph.nodes.keys()].sort()).toEqual(['dongguan', 'new-lab', 'old-lab']);
    expect(Object.fromEntries(sides)).toEqual({ 'old-lab': 'a', 'new-lab': 'b', dongguan: 'both' });
    expect(graph.nodes.get('dongguan')!.documents).toEqual([{ id: 'plan' }, { id: 'revised' }]);
    expect(Object.fromEntries(edges)).toEqual({ 'LOCATED_IN:old-lab->dongguan': 'plan', 'LOCATED_IN:new-lab->dongguan': 'revised' });
  });

  it('sets the groups of a comparison side by side, a short one level with the middle of a long one', () => {
    const { positions, titles } = columns([
      { title: 'only A', members: ['a1', 'a2', 'a3', 'a4', 'a5'] },
      { title: 'both', members: ['s1'] },
    ]);
    expect(positions.get('s1')!.x).toBeGreaterThan(positions.get('a1')!.x);
    expect(positions.get('s1')!.y).toBe(positions.get('a3')!.y);
    expect(titles.map((t) => t.title)).toEqual(['only A', 'both']);
  });

  it('stacks the groups of a comparison one under the other on a narrow canvas, each title above its group', () => {
    const { positions, titles } = stacked([
      { title: 'only A', members: ['a1', 'a2', 'a3'] },
      { title: 'both', members: ['s1'] },
      { title: 'only B', members: ['b1', 'b2'] },
    ]);
    const lowest = (ids: string[]) => Math.max(...ids.map((id) => positions.get(id)!.y));
    const highest = (ids: string[]) => Math.min(...ids.map((id) => positions.get(id)!.y));
    expect(titles[1]!.at.y).toBeGreaterThan(lowest(['a1', 'a2', 'a3']));
    expect(titles[1]!.at.y).toBeLessThan(highest(['s1']));
    expect(titles[2]!.at.y).toBeGreaterThan(lowest(['s1']));
    expect(titles[2]!.at.y).toBeLessThan(highest(['b1', 'b2']));
    // Two to a row: the third member of a group starts its second row.
    expect(positions.get('a3')!.x).toBe(positions.get('a1')!.x);
    expect(positions.get('a2')!.y).toBe(positions.get('a1')!.y);
  });
});
