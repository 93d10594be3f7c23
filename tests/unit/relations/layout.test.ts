import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY } from '../../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule layout (groupings the plan names as a whole)', () => {
  it('makes the places listed before 等“一区三城” parts of the layout', () => {
    const graph = snippetGraph(
      '推进广州创新合作区建设，优化广州人工智能与数字经济试验区、南沙科学城、中新广州知识城、广州科学城等“一区三城”布局，完善穗港澳联合创新机制。',
    );
    expect(edgesBy(graph, 'layout')).toEqual([
      'PART_OF 中新广州知识城→一区三城',
      'PART_OF 南沙科学城→一区三城',
      'PART_OF 广州人工智能与数字经济试验区→一区三城',
      'PART_OF 广州科学城→一区三城',
    ]);
  });

  it('makes a part quoted alone a part of the layout named before it', () => {
    const graph = snippetGraph(
      '三、推动“一核一带一区”创新协调发展\n强化“一核”创新引领功能。强化“一带”产业发展主战场地位。发挥“一区”生态屏障作用。',
      EMPTY_REGISTRY,
    );
    expect(edgesBy(graph, 'layout')).toEqual(['PART_OF 一区→一核一带一区', 'PART_OF 一带→一核一带一区', 'PART_OF 一核→一核一带一区']);
  });

  it('makes the clusters listed before 等十大… members of each of the two groups of ten (第二章 第五节)', () => {
    const graph = snippetGraph('面向新一代电子信息等十大战略性支柱产业集群和高端装备制造等十大战略性新兴产业集群，进一步完善省级技术创新中心建设。');
    expect(edgesBy(graph, 'layout')).toEqual(['PART_OF 新一代电子信息产业集群→十大战略性支柱产业集群', 'PART_OF 高端装备制造产业集群→十大战略性新兴产业集群']);
  });

  it('names the two groups where the plan names them alone, with no member and no group of 产业集群 unnumbered', () => {
    const graph = snippetGraph(
      '围绕广东省重点培育十大战略性支柱产业集群和十大战略性新兴产业集群的总体部署。提升海洋、绿色钢铁、绿色石化、清洁能源等创新型产业集群发展。',
      EMPTY_REGISTRY,
    );
    // The unnumbered list's items are clusters each (typed-lists.ts), none a group the others are part of.
    const items = ['海洋', '绿色钢铁', '绿色石化', '清洁能源'].map((stem) => `${stem}创新型产业集群`);
    expect(
      graph.nodes
        .filter((n) => n.name.includes('产业集群'))
        .map((n) => n.name)
        .sort(),
    ).toEqual(['十大战略性支柱产业集群', '十大战略性新兴产业集群', ...items].sort());
    expect(edgesBy(graph, 'layout')).toEqual([]);
    expect(graph.edges.filter((e) => e.type === 'PART_OF')).toEqual([]);
  });

  it('takes no slogan of the same shape for a layout, and no lone part with no layout before it', () => {
    const graph = snippetGraph('实行“一室一策”，坚持“五位一体”，参与“一带一路”建设，强化“一核”功能。', EMPTY_REGISTRY);
    expect(graph.nodes.map((n) => n.name)).toEqual([]);
  });
});
