// The graph against the hand-made reading of tests/fixtures/gold/: a change that
// loses entities or links the plan states, or shows more it does not, fails here.
// The floors are the figures `npm run bench -- --only fidelity` printed when they
// were last raised, less 0.2 points (less than one entity or link of the reading);
// raise them when the figures rise.
import { describe, expect, it } from 'vitest';
import { fidelityWith, loadGold, percent, score, type Fidelity } from '../../bench/fidelity.ts';

const FLOORS: Record<'default' | 'none', Record<Exclude<keyof Fidelity, 'linkCited'>, number>> = {
  default: { entityRecall: 97.0, entityPrecision: 98.6, linkFound: 97.4, linkTyped: 97.4, linkPrecision: 94.4 },
  none: { entityRecall: 93.8, entityPrecision: 99.0, linkFound: 81.7, linkTyped: 81.7, linkPrecision: 96.1 },
};

describe('fidelity to the hand-made reading', () => {
  for (const registry of ['default', 'none'] as const) {
    it(`keeps precision and recall at or above the recorded floors with registry ${registry}`, () => {
      const result = fidelityWith(registry);
      const below = (Object.entries(FLOORS[registry]) as [keyof Fidelity, number][])
        .map(([field, floor]) => ({ field, floor, value: Number(percent(result[field]).toFixed(1)) }))
        .filter((f) => f.value < f.floor);
      expect(below).toEqual([]);
    });
  }

  it('scores an empty graph as finding nothing and showing nothing', () => {
    const result = score({ documents: [], sections: [], nodes: [], edges: [] }, loadGold());
    expect(result.entityRecall.hit).toBe(0);
    expect(result.linkFound.hit).toBe(0);
    expect(result.entityPrecision.of).toBe(0);
  });

  it('reads a gold file whose every link joins two of its entities', () => {
    const gold = loadGold();
    expect(gold.entities.length).toBeGreaterThan(100);
    expect(gold.links.length).toBeGreaterThan(100);
  });
});
