// Curated facts cite only sentences that name both their ends; the rest are marked.
import { describe, expect, it } from 'vitest';
import { snippetGraph } from '../support/plan.ts';

const CORRIDOR = '加快推进南沙粤港澳全面合作示范区、南沙科学城、珠海西部生态新区、中山翠亨新区等重点创新平台建设，形成“广珠澳”科技创新走廊，深化粤澳科技合作。';

function methodsOf(text: string, from: string, to: string, type = 'LOCATED_IN'): string[] {
  const graph = snippetGraph(text);
  const edge = graph.edges.find((e) => e.type === type && e.from === from && e.to === to);
  return edge ? edge.evidence.map((e) => e.method) : [];
}

describe('curated facts and the sentences they cite', () => {
  it('cites the sentence whose name embeds the city (中山翠亨新区 is in Zhongshan)', () => {
    expect(methodsOf(CORRIDOR, 'zhongshan-cuiheng-new-area', 'zhongshan')).toEqual(['registry']);
  });

  it('marks a fact no sentence states instead of citing a sentence that only names one end', () => {
    expect(methodsOf(`以同等力度支持广州打造具有全球影响力的科技创新强市。${CORRIDOR}`, 'nansha-science-city', 'guangzhou')).toEqual(['registry-no-sentence']);
  });

  it('does not take a name read as one entity for a sentence that names the other too (高端装备制造 as the cluster, not the field)', () => {
    const text =
      '推动松山湖科学城聚焦新材料、高端装备制造、新能源等领域。面向新一代电子信息等十大战略性支柱产业集群和高端装备制造等十大战略性新兴产业集群，进一步完善省级技术创新中心建设。';
    expect(methodsOf(text, 'field-high-end-equipment', 'cluster-high-end-equipment', 'RELATED_TO')).toEqual(['registry-no-sentence']);
  });

  it('does not take a one-character short name (深 in 广深港科技合作) for a sentence naming the city', () => {
    const text = '依托广州科学城、光明科学城、松山湖科学城、西丽湖国际科教城等重点创新平台，建设“广深港”科技创新走廊，创新广深港科技合作机制和模式。';
    expect(methodsOf(text, 'guangming-science-city', 'shenzhen')).toEqual(['registry-no-sentence']);
  });

  it('cites every sentence that names both ends', () => {
    const graph = snippetGraph(`支持汕头建设化学与精细化工广东省实验室。${CORRIDOR}\n支持汕头加快推进化学与精细化工广东省实验室建设。`);
    const edge = graph.edges.find((e) => e.type === 'LOCATED_IN' && e.to === 'shantou' && e.evidence.some((v) => v.method === 'registry'));
    expect(edge?.evidence.filter((v) => v.method === 'registry')).toHaveLength(2);
  });
});
