import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../support/plan.ts';

describe('a place a name embeds (name-place)', () => {
  it('puts 合肥实验室深圳基地 in 深圳 and 张江实验室广州基地 in 广州: the last city the name holds, not the laboratory’s', () => {
    const graph = snippetGraph('深入推进合肥实验室深圳基地、张江实验室广州基地等建设。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place')).toEqual(['LOCATED_IN 合肥实验室深圳基地→深圳', 'LOCATED_IN 张江实验室广州基地→广州']);
    expect(graph.nodes.map((n) => n.name)).not.toContain('合肥');
  });

  it('names the embedded city there too, as the reading counts 中山 in 中山翠亨新区', () => {
    const graph = snippetGraph('推进中新广州知识城、中山翠亨新区建设，打造粤港澳大湾区科技创新合作新高地。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place')).toEqual(['LOCATED_IN 中山翠亨新区→中山', 'LOCATED_IN 中新广州知识城→广州']);
    const zhongshan = graph.nodes.find((n) => n.name === '中山')!;
    expect(zhongshan.mentions.map((m) => graph.documents[0]!.text.slice(m.start, m.end))).toEqual(['中山']);
  });

  it('does not place a university in the city its name begins with (中山大学 is named for a man)', () => {
    const graph = snippetGraph('支持中山大学、深圳大学建设一批高水平研究平台和创新团队。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place')).toEqual([]);
  });

  it('leaves a platform the registry places to the registry', () => {
    expect(edgesBy(snippetGraph('深入推进合肥实验室深圳基地、张江实验室广州基地等建设。'), 'name-place')).toEqual([]);
  });
});
