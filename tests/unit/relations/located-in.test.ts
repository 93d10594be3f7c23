import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule located-in (支持<城市>建设Y)', () => {
  it('places what a sentence has Zhanjiang build in Zhanjiang, and not the role the city is to take on', () => {
    // 专栏 3 支持汕头、湛江建设区域创新中心
    const graph = snippetGraph('支持湛江建设粤西地区区域创新中心。支持湛江建设湛江湾实验室，支持湛江高新技术产业开发区等重大平台发展。');
    expect(edgesBy(graph, 'located-in')).toEqual(['LOCATED_IN 湛江湾实验室→湛江', 'LOCATED_IN 湛江高新技术产业开发区→湛江']);
    expect(graph.nodes.map((n) => n.name)).not.toContain('粤西地区区域创新中心');
  });

  it('does not place what a later clause names with another subject', () => {
    const graph = snippetGraph('支持湛江建设海南自由贸易区湛江承载区，推动粤港澳大湾区、深圳中国特色社会主义先行示范区与海南自由贸易港联动发展。');
    expect(edgesBy(graph, 'located-in')).toEqual(['LOCATED_IN 海南自由贸易区湛江承载区→湛江']);
  });

  it('reads 与<城市>共建 as building in that city', () => {
    expect(edgesBy(snippetGraph('支持中科院与广州市共建明珠科学园，聚焦深海、深空、深地领域。'), 'located-in')).toEqual(['LOCATED_IN 明珠科学园→广州']);
  });
});
