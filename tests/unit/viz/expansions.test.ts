import { describe, expect, it } from 'vitest';
import { AMONG_MOST, HELD_FRESH_MS, heldAfter, neighbourQuestion, type HeldNeighbours } from '../../../viz/src/expansions.ts';
import type { Entity, Relation, Subgraph } from '../../../viz/src/types.ts';

const node = (id: string) => ({ id, kind: 'City', name: id }) as unknown as Entity;
const edge = (from: string, to: string) => ({ id: `LOCATED_IN:${from}->${to}`, type: 'LOCATED_IN', from: { id: from }, to: { id: to } }) as unknown as Relation;
const sub = (ids: string[], links: [string, string][] = []): Subgraph => ({ nodes: ids.map(node), edges: links.map(([a, b]) => edge(a, b)) });
const held = (ids: string[], nodes: string[], at = 0, documents: string | null = null): HeldNeighbours => ({ documents, ids, sub: sub(nodes), at });

describe('the question for the expanded entities’ neighbours', () => {
  it('names the entity just expanded alone, among those held, when what is held answers for the others', () => {
    const question = neighbourQuestion(held(['a'], ['a', 'x']), ['a', 'b'], null, 10);
    expect(question.ids).toEqual(['b']);
    expect(question.among).toEqual(['a', 'x']);
  });

  it('asks for all of them where what is held cannot be built on', () => {
    const all = { ids: ['a', 'b'], among: null, base: null };
    expect(neighbourQuestion(null, ['a', 'b'], null, 0)).toEqual(all);
    // Another documents filter, an answer grown stale, another order, a collapse, too many held.
    expect(neighbourQuestion(held(['a'], ['a'], 0, 'plan-1'), ['a', 'b'], null, 0)).toEqual(all);
    expect(neighbourQuestion(held(['a'], ['a'], 0), ['a', 'b'], null, HELD_FRESH_MS + 1)).toEqual(all);
    expect(neighbourQuestion(held(['b'], ['b']), ['a', 'b'], null, 0)).toEqual(all);
    expect(neighbourQuestion(held(['a', 'b', 'c'], ['a']), ['a', 'b'], null, 0)).toEqual(all);
    const many = Array.from({ length: AMONG_MOST + 1 }, (_, i) => `n${i}`);
    expect(neighbourQuestion(held(['a'], ['a', ...many]), ['a', 'b'], null, 0)).toEqual(all);
  });

  it('holds the merged answer in the order the answer for all comes in', () => {
    const first = neighbourQuestion(null, ['m'], null, 0);
    const one = heldAfter(first, ['m'], null, sub(['m', 'z', 'c'], [['z', 'm']]), 0);
    const second = neighbourQuestion(one, ['m', 'b'], null, 0);
    const two = heldAfter(
      second,
      ['m', 'b'],
      null,
      sub(
        ['b', 'a', 'z'],
        [
          ['a', 'b'],
          ['z', 'm'],
        ],
      ),
      5,
    );
    expect(two.sub.nodes.map((n) => n.id)).toEqual(['m', 'b', 'a', 'c', 'z']);
    expect(two.sub.edges.map((e) => e.id)).toEqual(['LOCATED_IN:a->b', 'LOCATED_IN:z->m']);
    expect(two).toMatchObject({ ids: ['m', 'b'], at: 5, documents: null });
  });
});

describe('the entities held named in a question', () => {
  it('stay within what the server takes', async () => {
    const { LIMITS } = await import('../../../api/limits.ts');
    expect(AMONG_MOST).toBeLessThanOrEqual(LIMITS.among);
  });
});
