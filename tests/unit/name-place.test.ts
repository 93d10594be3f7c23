import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../support/plan.ts';

describe('a place a name embeds (name-place)', () => {
  it('puts 合肥实验室深圳基地 in 深圳 and 张江实验室广州基地 in 广州: the last city the name holds, not the laboratory’s', () => {
    const graph = snippetGraph('深入推进合肥实验室深圳基地、张江实验室广州基地等建设。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place').filter((e) => e.startsWith('LOCATED_IN'))).toEqual([
      'LOCATED_IN 合肥实验室深圳基地→深圳',
      'LOCATED_IN 张江实验室广州基地→广州',
    ]);
    expect(graph.nodes.map((n) => n.name)).not.toContain('合肥');
  });

  it('names the embedded city there too, as the reading counts 中山 in 中山翠亨新区', () => {
    const graph = snippetGraph('推进中新广州知识城、中山翠亨新区建设，打造粤港澳大湾区科技创新合作新高地。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place')).toEqual(['LOCATED_IN 中山翠亨新区→中山', 'LOCATED_IN 中新广州知识城→广州']);
    const zhongshan = graph.nodes.find((n) => n.name === '中山')!;
    expect(zhongshan.mentions.map((m) => graph.documents[0]!.text.slice(m.start, m.end))).toEqual(['中山']);
  });

  it('reads the cities a corridor is named for by their short names as its members (“广深港”科技创新走廊)', () => {
    const text = '建设“广深港”科技创新走廊，创新广深港科技合作机制和模式。形成“广珠澳”科技创新走廊，深化粤澳科技合作。';
    const graph = snippetGraph(text, EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place')).toEqual([
      'IN_CORRIDOR 广州→“广深港”科技创新走廊',
      'IN_CORRIDOR 广州→“广珠澳”科技创新走廊',
      'IN_CORRIDOR 深圳→“广深港”科技创新走廊',
      'IN_CORRIDOR 澳门→“广珠澳”科技创新走廊',
      'IN_CORRIDOR 珠海→“广珠澳”科技创新走廊',
      'IN_CORRIDOR 香港→“广深港”科技创新走廊',
    ]);
    const hongKong = graph.nodes.find((n) => n.name === '香港')!;
    expect(hongKong.mentions.map((m) => graph.documents[0]!.text.slice(m.start, m.end))).toEqual(['港', '港']);
    // The registry lists the members: its facts cite the name instead of a second reading.
    expect(edgesBy(snippetGraph(text), 'name-place')).toEqual([]);
  });

  it('does not place a university in the city its name begins with (中山大学 is named for a man)', () => {
    const graph = snippetGraph('支持中山大学、深圳大学建设一批高水平研究平台和创新团队。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place')).toEqual([]);
  });

  it('leaves the city of a platform the registry places to the registry, and still reads what it is a branch of', () => {
    expect(edgesBy(snippetGraph('深入推进合肥实验室深圳基地、张江实验室广州基地等建设。'), 'name-place')).toEqual([
      'PART_OF 合肥实验室深圳基地→合肥实验室',
      'PART_OF 张江实验室广州基地→张江实验室',
    ]);
  });

  it('makes a branch named for its city part of what it is a branch of (深港科技创新合作区深圳园区)', () => {
    const graph = snippetGraph('推进建设深港科技创新合作区深圳园区，深入推进合肥实验室深圳基地建设。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place').filter((e) => e.startsWith('PART_OF'))).toEqual([
      'PART_OF 合肥实验室深圳基地→合肥实验室',
      'PART_OF 深港科技创新合作区深圳园区→深港科技创新合作区',
    ]);
  });

  it('reads no branch where the city stands inside the name rather than before its branch word (广东（汕头）工作基地)', () => {
    const graph = snippetGraph('支持汕头依托中国科协“海智计划”广东（汕头）工作基地，建设一批创新平台。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place').filter((e) => e.startsWith('PART_OF'))).toEqual([]);
  });
});
