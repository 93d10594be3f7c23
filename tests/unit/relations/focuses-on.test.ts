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

  it('makes the program of 专栏 8 focus on each field of its 以…等领域为主攻方向, the pairs joined by 与 as two', () => {
    const graph = snippetGraph(
      '专栏 8 粤港澳大湾区国家技术创新中心建设计划\n以集成电路与关键软件、生物医药与器械、智能制造与装备等领域为主攻方向，突破“卡脖子”技术，锻造“长板”技术。',
    );
    expect(edgesBy(graph, 'focuses-on')).toEqual(
      ['关键软件', '器械', '智能制造', '生物医药', '装备', '集成电路'].map((f) => `FOCUSES_ON 粤港澳大湾区国家技术创新中心建设计划→${f}`).sort(),
    );
  });

  it('reads no focus into 以 where the list is not what the sentence aims at (以6G为代表的…等领域的发展需求)', () => {
    const graph = snippetGraph(
      '专栏 11 前沿技术和颠覆性技术研究行动计划\n面向以6G为代表的未来超高速大容量通信、新一代雷达遥感与高分辨成像、天文成像等领域的发展需求，开展太赫兹技术研究。以深圳为主阵地，以光明科学城、松山湖科学城等为主要承载区。',
    );
    expect(edgesBy(graph, 'focuses-on')).toEqual([]);
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
