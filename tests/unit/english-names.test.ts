// Names discovery finds are given English from data/lexicon/english.yaml, so the English explorer shows no bare Chinese name.
import { describe, expect, it } from 'vitest';
import { englishName } from '../../ingest/english-names.ts';
import { planGraph } from '../support/plan.ts';

describe('English names of discovered entities', () => {
  it('gives every entity of the bundled plan an English name', () => {
    const missing = planGraph()
      .nodes.filter((n) => !n.nameEn)
      .map((n) => `${n.kind} ${n.name}`);
    expect(missing).toEqual([]);
  });

  it('names a discovered programme in English, its quotes kept as the plan writes them', () => {
    const node = planGraph().nodes.find((n) => n.name === '“揭榜挂帅”');
    expect(node?.source).toBe('discovered');
    expect(node?.nameEn).toBe('“Open Competition for Key Projects”');
  });

  it('leaves a name the glossary does not have without an English name rather than inventing one', () => {
    expect(englishName('未见于任何规划的名称')).toBeNull();
  });
});
