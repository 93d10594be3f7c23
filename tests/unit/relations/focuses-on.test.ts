import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule focuses-on (X聚焦/围绕A、B、C)', () => {
  it('makes Songshan Lake Science City focus on each field it lists', () => {
    const graph = snippetGraph('推动松山湖科学城聚焦新材料、新一代信息技术、高端装备制造、新能源、生命科学等领域建设世界一流生态科学城。');
    expect(edgesBy(graph, 'focuses-on')).toEqual([
      'FOCUSES_ON 松山湖科学城→新一代信息技术',
      'FOCUSES_ON 松山湖科学城→新材料',
      'FOCUSES_ON 松山湖科学城→新能源',
      'FOCUSES_ON 松山湖科学城→生命科学',
      'FOCUSES_ON 松山湖科学城→高端装备制造',
    ]);
  });

  it('reads 围绕 the same way, and short forms in the list', () => {
    const graph = snippetGraph(
      '推进光明科学城围绕信息科学、材料科学、生命科学三大领域，建设重大科技基础设施集群。支持广州南沙科学城聚焦信息、生命、海洋等重点前沿科学领域。',
    );
    expect(edgesBy(graph, 'focuses-on')).toEqual([
      'FOCUSES_ON 光明科学城→信息科学',
      'FOCUSES_ON 光明科学城→材料科学',
      'FOCUSES_ON 光明科学城→生命科学',
      'FOCUSES_ON 南沙科学城→信息科学',
      'FOCUSES_ON 南沙科学城→海洋科学',
      'FOCUSES_ON 南沙科学城→生命科学',
    ]);
  });

  it('needs a place or platform before the verb', () => {
    expect(edgesBy(snippetGraph('以推进建设世界级产业为目标，聚焦新一代信息技术、新材料等高质量发展需求。'), 'focuses-on')).toEqual([]);
  });

  it('makes a box program focus on the fields its box works in when the sentence names no subject', () => {
    const graph = snippetGraph(
      '专栏 25 加强与海南自贸港的科技交流合作\n加强同海南科技创新和产业对接，围绕生物医药、航空航天等重点领域开展合作，共享互用重大创新平台。',
    );
    expect(edgesBy(graph, 'focuses-on')).toEqual(['FOCUSES_ON 加强与海南自贸港的科技交流合作→生物医药', 'FOCUSES_ON 加强与海南自贸港的科技交流合作→航空航天']);
  });

  it('gives fields no subject outside a box when the sentence names none', () => {
    const graph = snippetGraph('加强同海南科技创新和产业对接，围绕生物医药、航空航天等重点领域开展合作。');
    expect(edgesBy(graph, 'focuses-on')).toEqual([]);
  });
});
