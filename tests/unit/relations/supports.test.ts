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

  const BOX_23 =
    '专栏 23 深化省部院产学研合作\n加强与科技部、教育部、工业和信息化部对接。协同推进粤港澳大湾区国际科技创新中心、大湾区综合性国家科学中心的整体建设，支持国家重大科技成果在粤转移转化，推动设立粤港澳大湾区科技成果转化基金，支持建设珠三角国家科技成果转移转化示范区。\n加强与中国科学院合作。共同推进大湾区综合性国家科学中心先行启动区以及中科院明珠科学园的建设，打造高度集聚的重大科技基础设施集群；共建广深科教融合园区，加快建设中国科学院大学广州学院、中国科学院深圳理工大学，积极推进中科院华南植物园创建国家植物园。\n加强与中国工程院合作。建设一流高端智库，为粤港澳大湾区国际科技创新中心建设等广东经济社会发展重大工程科技问题提供战略性、前瞻性、综合性咨询。';

  it('supports what 专栏 23 builds jointly (…的整体建设, A以及B的建设, 共建), and the fund it sets up', () => {
    expect(edgesBy(snippetGraph(BOX_23), 'supports')).toEqual(
      [
        '中国科学院大学广州学院',
        '中国科学院深圳理工大学',
        '中科院华南植物园',
        '大湾区综合性国家科学中心',
        '大湾区综合性国家科学中心先行启动区',
        '广深科教融合园区',
        '明珠科学园',
        '珠三角国家科技成果转移转化示范区',
        '粤港澳大湾区国际科技创新中心',
        '粤港澳大湾区科技成果转化基金',
      ].map((to) => `SUPPORTS 深化省部院产学研合作→${to}`),
    );
  });

  it('does not support the ministries and academies 专栏 23 works with (加强与科技部…对接, 加强与中国科学院合作)', () => {
    const supported = edgesBy(snippetGraph(BOX_23), 'supports').join('\n');
    for (const partner of ['科技部', '教育部', '工业和信息化部', '→中国科学院\n', '中国工程院']) expect(`${supported}\n`).not.toContain(partner);
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

  it('does not support a facility whose dock a box builds, nor make it serve the item it stands under: the vessel is still named there', () => {
    const graph = snippetGraph(
      '专栏 11 前沿技术和颠覆性技术研究行动计划\n天然气水合物。聚焦国家能源资源安全重大需求，建设天然气水合物勘查开发国家工程研究中心、深海科技创新中心基地和天然气水合物钻采船深水码头及岩心库。',
    );
    const vessel = graph.nodes.find((n) => n.name === '天然气水合物钻采船');
    expect(vessel?.mentions.map((m) => m.quote)).toEqual([expect.stringContaining('钻采船深水码头')]);
    expect(graph.edges.filter((e) => e.from === vessel?.id || e.to === vessel?.id)).toEqual([]);
    // What the box does build, named beside it, it supports.
    expect(edgesBy(graph, 'supports')).toContain('SUPPORTS 前沿技术和颠覆性技术研究行动计划→天然气水合物勘查开发国家工程研究中心');
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
