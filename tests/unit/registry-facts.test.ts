// Curated facts cite only sentences that name both their ends; the rest are marked.
import { describe, expect, it } from 'vitest';
import { bundledRegistry, snippetGraph } from '../support/plan.ts';

const CORRIDOR = '加快推进南沙粤港澳全面合作示范区、南沙科学城、珠海西部生态新区、中山翠亨新区等重点创新平台建设，形成“广珠澳”科技创新走廊，深化粤澳科技合作。';

function methodsOf(text: string, from: string, to: string, type = 'LOCATED_IN'): string[] {
  const graph = snippetGraph(text);
  const edge = graph.edges.find((e) => e.type === type && e.from === from && e.to === to);
  return edge ? edge.evidence.map((e) => e.method) : [];
}

describe('curated facts and the sentences they cite', () => {
  it('cites the sentence whose name embeds the city, as naming it only inside the name (中山翠亨新区 is in Zhongshan)', () => {
    expect(methodsOf(CORRIDOR, 'zhongshan-cuiheng-new-area', 'zhongshan')).toEqual(['registry-in-name']);
  });

  it('does not count a name inside the other end’s name as naming both apart (新材料 in 前沿新材料产业集群)', () => {
    expect(methodsOf(`推动松山湖科学城聚焦新材料。${CORRIDOR}前沿新材料产业集群。`, 'field-new-materials', 'cluster-frontier-materials', 'RELATED_TO')).toEqual(
      ['registry-in-name'],
    );
    expect(methodsOf(`${CORRIDOR}推动前沿新材料产业集群发展新材料。`, 'field-new-materials', 'cluster-frontier-materials', 'RELATED_TO')).toEqual(['registry']);
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

  it("points a corridor member's unstated link at where the plan names the corridor, not at the member's first mention", () => {
    // A belt whose name does not list its members (the bundled corridors' names all do).
    const base = bundledRegistry();
    const belt = { ...base.byId.get('coastal-economic-belt')!, members: ['shenzhen'] };
    const registry = { entries: base.entries.map((e) => (e.id === belt.id ? belt : e)), byId: new Map(base.byId).set(belt.id, belt) };
    const text = '以推进深圳综合改革试点为契机，积极推广深圳科技创新好的制度设计。依托湛江、茂名等重点城市，建设沿海经济带。';
    const edge = snippetGraph(text, registry).edges.find((e) => e.type === 'IN_CORRIDOR' && e.from === 'shenzhen' && e.to === belt.id);
    expect(edge?.evidence.map((v) => [v.method, v.quote])).toEqual([['registry-no-sentence', expect.stringContaining('建设沿海经济带')]]);
  });

  it('reads a corridor named by short names as naming its cities inside its name, as a cooperation is read from them', () => {
    const text = '依托广州科学城、光明科学城等重点创新平台，建设“广深港”科技创新走廊，创新广深港科技合作机制和模式。';
    for (const city of ['guangzhou', 'shenzhen', 'hong-kong']) expect(methodsOf(text, city, 'gz-sz-hk-corridor', 'IN_CORRIDOR')).toEqual(['registry-in-name']);
    // The cooperation read from the same three characters.
    expect(methodsOf(text, 'shenzhen', 'hong-kong', 'COOPERATES_WITH').length + methodsOf(text, 'hong-kong', 'shenzhen', 'COOPERATES_WITH').length).toBe(1);
    // 澳 is no part of 广深港: 澳门 is no member, and no other name is read as one.
    expect(methodsOf(`${text}深化粤澳科技合作。`, 'macao', 'gz-sz-hk-corridor', 'IN_CORRIDOR')).toEqual([]);
  });

  it('points an unstated fact at a sentence that says more than the name, not at a list item that is the name alone (太赫兹。)', () => {
    const text = '太赫兹。\n面向未来超高速通信的发展需求，重点探索太赫兹成像技术。\n推动新一代电子信息产业集群发展壮大。';
    const edge = snippetGraph(text).edges.find((e) => e.type === 'RELATED_TO' && e.from === 'field-terahertz' && e.to === 'cluster-electronic-information');
    expect(edge?.evidence.map((v) => [v.method, v.quote])).toEqual([['registry-no-sentence', expect.stringContaining('重点探索太赫兹成像技术')]]);
  });

  it('does not mark as unstated a curated fact a rule reads in the text (专栏 2 builds the TCM park in Hengqin)', () => {
    const text = '专栏 2 推进粤港澳大湾区国际科技创新中心合作区建设\n推进建设横琴粤澳深度合作区。优化粤澳合作中医药科技产业园发展路径。';
    expect(methodsOf(text, 'guangdong-macao-tcm-park', 'hengqin-cooperation-zone', 'PART_OF')).toEqual(['under-place']);
  });

  it('cites every sentence that names both ends', () => {
    const graph = snippetGraph(`支持汕头建设化学与精细化工广东省实验室。${CORRIDOR}\n支持汕头加快推进化学与精细化工广东省实验室建设。`);
    const edge = graph.edges.find((e) => e.type === 'LOCATED_IN' && e.to === 'shantou' && e.evidence.some((v) => v.method === 'registry'));
    expect(edge?.evidence.filter((v) => v.method === 'registry')).toHaveLength(2);
  });
});
