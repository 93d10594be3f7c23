import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule supports (a 专栏 supports what it sets out to build, fund or raise)', () => {
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

  it('supports the laboratories a box builds and the universities it raises, not the zones it builds on', () => {
    const graph = snippetGraph(
      '专栏 3 支持汕头、湛江建设区域创新中心\n支持汕头依托华侨经济文化合作试验区、中以（汕头）科技创新合作区，积极拓展海外华侨华人智力资源，加快推进化学与精细化工广东省实验室、汕头大学高等级生物安全实验室建设，提升汕头大学、广东省以色列理工学院科研水平。',
    );
    expect(edgesBy(graph, 'supports')).toEqual([
      'SUPPORTS 支持汕头、湛江建设区域创新中心→化学与精细化工广东省实验室',
      'SUPPORTS 支持汕头、湛江建设区域创新中心→广东以色列理工学院',
      'SUPPORTS 支持汕头、湛江建设区域创新中心→汕头大学',
      'SUPPORTS 支持汕头、湛江建设区域创新中心→汕头大学高等级生物安全实验室',
    ]);
  });

  it('does not support the universities whose bases a box builds, nor a partner city, nor a region named in passing', () => {
    const graph = snippetGraph(
      '专栏 2 推进粤港澳大湾区国际科技创新中心合作区建设\n高标准建设澳门大学、澳门科技大学等院校的产学研示范基地，推动合作区打造粤港澳大湾区国际科技创新中心的重要支点。支持前海深港现代服务业合作区创新管理运行机制，联动香港探索适用国际先进的科研规则体系。',
    );
    expect(edgesBy(graph, 'supports')).toEqual(['SUPPORTS 推进粤港澳大湾区国际科技创新中心合作区建设→前海深港现代服务业合作区']);
  });

  it('does not support the ministries or the zones a box cooperates with', () => {
    const graph = snippetGraph(
      '专栏 23 深化省部院产学研合作\n加强与科技部、教育部、工业和信息化部对接。推动粤港澳大湾区、深圳中国特色社会主义先行示范区与海南自由贸易港联动发展，支持建设珠三角国家科技成果转移转化示范区。',
    );
    expect(edgesBy(graph, 'supports')).toEqual(['SUPPORTS 深化省部院产学研合作→珠三角国家科技成果转移转化示范区']);
  });

  it('supports the items a box lays out one paragraph each', () => {
    const graph = snippetGraph(
      '专栏 16 培育发展战略性支柱产业集群\n新一代电子信息产业集群。加强新一代电子信息领域基础研究。\n绿色石化产业集群。推进绿色石化基础研究。',
    );
    expect(edgesBy(graph, 'supports')).toEqual([
      'SUPPORTS 培育发展战略性支柱产业集群→新一代电子信息产业集群',
      'SUPPORTS 培育发展战略性支柱产业集群→绿色石化产业集群',
    ]);
  });
});
