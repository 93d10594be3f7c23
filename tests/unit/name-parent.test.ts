import { describe, expect, it } from 'vitest';
import { embeddedParent, phaseOf } from '../../ingest/name-parent.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../support/plan.ts';

describe('organisations a name embeds (name-parent)', () => {
  it('reads a college of a university and an institute an institute sets up from their names', () => {
    expect(embeddedParent('中国科学院大学广州学院')).toEqual({ name: '中国科学院大学', length: 7, type: 'PART_OF' });
    expect(embeddedParent('暨南大学伯明翰大学联合学院')).toEqual({ name: '暨南大学', length: 4, type: 'PART_OF' });
    expect(embeddedParent('中科院力学所广东空天科技研究院')).toEqual({ name: '中科院力学所', length: 6, type: 'HOSTED_BY' });
  });

  it('makes a unit whose name opens with the academy’s short or full name part of it', () => {
    expect(embeddedParent('中科院力学所')).toEqual({ name: '中国科学院', length: 3, type: 'PART_OF' });
    expect(embeddedParent('中国科学院大学')).toEqual({ name: '中国科学院', length: 5, type: 'PART_OF' });
  });

  it('reads no parent into a name that opens with none (中山大学, 深圳北理莫斯科大学, 广东省科学院, 中国科学院 itself)', () => {
    for (const name of ['中山大学', '深圳北理莫斯科大学', '广东省科学院', '中国科学院', '南方科技大学']) expect(embeddedParent(name)).toBeNull();
  });

  it('relates the institutes 专栏 7 builds to the institutes that host them and those to the academy, with no registry', () => {
    const graph = snippetGraph(
      '专栏 7 建设高水平科研院所\n重点建设中科院沈阳自动化所广东智能无人系统研究院、中科院力学所广东空天科技研究院、中国科学院大学广州学院等。',
      EMPTY_REGISTRY,
    );
    expect(edgesBy(graph, 'name-parent')).toEqual([
      'HOSTED_BY 中科院力学所广东空天科技研究院→中科院力学所',
      'HOSTED_BY 中科院沈阳自动化所广东智能无人系统研究院→中科院沈阳自动化所',
      'PART_OF 中国科学院大学→中国科学院',
      'PART_OF 中国科学院大学广州学院→中国科学院大学',
      'PART_OF 中科院力学所→中国科学院',
      'PART_OF 中科院沈阳自动化所→中国科学院',
    ]);
  });

  it('relates nothing for universities named whole (重点支持中山大学、华南理工大学建设世界一流大学)', () => {
    expect(
      edgesBy(
        snippetGraph('重点支持中山大学、华南理工大学建设世界一流大学，推动深圳大学、南方科技大学等高水平大学进入国家“双一流”建设高校范围。'),
        'name-parent',
      ),
    ).toEqual([]);
  });

  it('makes a later phase of a facility part of the facility, with no registry', () => {
    const text =
      '在信息、生命、材料等领域合理有序布局建设重大科技基础设施集群。\n在生命科学领域，加快建设国家基因库二期、合成生物研究重大科技基础设施等。在材料科学领域，加快建设中国（东莞）散裂中子源二期，谋划建设先进阿秒激光设施等。';
    expect(edgesBy(snippetGraph(text, EMPTY_REGISTRY), 'name-parent')).toEqual([
      'PART_OF 中国（东莞）散裂中子源二期→中国（东莞）散裂中子源',
      'PART_OF 国家基因库二期→国家基因库',
    ]);
  });

  it('reads no phase in a name that only ends in 期 (加速期, 二期 alone)', () => {
    expect(phaseOf('创新加速期')).toBeNull();
    expect(phaseOf('二期')).toBeNull();
  });
});
