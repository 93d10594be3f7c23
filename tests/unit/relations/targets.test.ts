import { describe, expect, it } from 'vitest';
import { edgesBy, planGraph, snippetGraph } from '../../support/plan.ts';

describe('rule targets (a program targets the indicators its box sets)', () => {
  it('makes the Zhuoyue plan target the basic-research share', () => {
    const graph = snippetGraph(
      '专栏 10 广东省基础与应用基础研究“卓粤”行动计划\n力争到 2025 年，全社会基础研究经费投入占研发经费比重达 10%，新增 ESI全球前 1‰的学科 5 个以上。',
    );
    expect(edgesBy(graph, 'targets')).toEqual(['TARGETS 广东省基础与应用基础研究“卓粤”行动计划→全社会基础研究经费投入占研发经费比重']);
  });

  it('makes 专栏 1 target each of its ten indicators', () => {
    const fromBox1 = edgesBy(planGraph(), 'targets').filter((e) => e.startsWith('TARGETS “十四五”时期广东科技创新核心指标→'));
    expect(fromBox1).toHaveLength(10);
  });
});
