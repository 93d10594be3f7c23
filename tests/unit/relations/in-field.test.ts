import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule in-field (在X领域，…建设Y)', () => {
  it('places each facility a field sentence names in that field', () => {
    // 第二章 › 第二节 › 二、推进重大科技基础设施集群建设
    const graph = snippetGraph('在材料科学领域，加快建设中国（东莞）散裂中子源二期，谋划建设先进阿秒激光设施、南方先进光源装置等。');
    expect(edgesBy(graph, 'in-field')).toEqual([
      'FOCUSES_ON 中国（东莞）散裂中子源二期→材料科学',
      'FOCUSES_ON 先进阿秒激光设施→材料科学',
      'FOCUSES_ON 南方先进光源装置→材料科学',
    ]);
  });

  it('needs the field at the opening of the sentence', () => {
    expect(edgesBy(snippetGraph('加快建设中国（东莞）散裂中子源二期，在材料科学领域形成突破。'), 'in-field')).toEqual([]);
  });
});
