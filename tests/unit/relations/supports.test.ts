import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule supports (what a 专栏 names, its program supports)', () => {
  it('makes the infrastructure action plan support the facilities its box names', () => {
    const graph = snippetGraph(
      '专栏 4 重大科技基础设施建设行动计划\n完善中国（东莞）散裂中子源、国家基因库等已建设施运行管理机制，推动强流重离子加速器、江门中微子实验站等设施加快建设。\n第三节 优化提升实验室体系',
    );
    expect(edgesBy(graph, 'supports')).toEqual([
      'SUPPORTS 重大科技基础设施建设行动计划→中国（东莞）散裂中子源',
      'SUPPORTS 重大科技基础设施建设行动计划→国家基因库',
      'SUPPORTS 重大科技基础设施建设行动计划→强流重离子加速器',
      'SUPPORTS 重大科技基础设施建设行动计划→江门中微子实验站',
    ]);
  });

  it('names a box the registry does not know by its heading, as a discovered program', () => {
    const graph = snippetGraph('专栏 99 推进某某示范工程建设\n支持湛江建设湛江湾实验室，推进建设重大平台。');
    const program = graph.nodes.find((n) => n.kind === 'Program');
    expect(program).toMatchObject({ name: '推进某某示范工程建设', source: 'discovered' });
    expect(edgesBy(graph, 'supports')).toContain('SUPPORTS 推进某某示范工程建设→湛江湾实验室');
  });
});
