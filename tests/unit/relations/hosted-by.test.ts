import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

// 第五章 › 第一节 › 二、建设高等级生物安全实验室
const SNIPPET = '系统推进高等级生物安全实验室体系建设，依托中山大学建设华南首家 P4 实验室，对现有 P3 实验室进行改扩建。';

describe('rule hosted-by (依托X建设Y)', () => {
  it('makes the P4 laboratory hosted by Sun Yat-sen University', () => {
    expect(edgesBy(snippetGraph(SNIPPET), 'hosted-by')).toEqual(['HOSTED_BY 华南首家 P4 实验室→中山大学']);
  });

  it('cites the sentence that states it', () => {
    const edge = snippetGraph(SNIPPET).edges.find((e) => e.type === 'HOSTED_BY')!;
    expect(edge.evidence.find((e) => e.method === 'hosted-by')?.quote).toBe(SNIPPET);
  });

  it('does not read 依托 followed by no built entity as hosting', () => {
    expect(edgesBy(snippetGraph('依托广东粤海装备技术产业园、智能制造价值创新园加快创新成果产业化，落实首台重大技术装备研发奖补政策。'), 'hosted-by')).toEqual(
      [],
    );
  });
});

describe('rule hosted-by (以X为主阵地…打造Y)', () => {
  // 第二章 › 第二节 › 一、落实综合性国家科学中心规划布局
  const GROUND = '以深圳为主阵地，以光明科学城、松山湖科学城、南沙科学城等为主要承载区打造综合性国家科学中心。';

  it('makes the national science centre hosted by 深圳, its main ground, and by none of the science cities that carry it', () => {
    expect(edgesBy(snippetGraph(GROUND), 'hosted-by')).toEqual(['HOSTED_BY 大湾区综合性国家科学中心→深圳']);
  });

  it('reads no main ground where the sentence builds nothing', () => {
    expect(edgesBy(snippetGraph('以深圳为主阵地，推动光明科学城、松山湖科学城和南沙科学城起步成势。'), 'hosted-by')).toEqual([]);
  });
});
