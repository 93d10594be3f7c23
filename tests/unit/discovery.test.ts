import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../ingest/pipeline.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { PLAN_PATH, planBytes, planGraph, snippetGraph } from '../support/plan.ts';

// Kinds whose names end in a telling suffix; cities, fields and indicators have none.
const DISCOVERABLE = ['Lab', 'ScienceCity', 'Zone', 'Corridor', 'Facility', 'InnovationCenter', 'Institution', 'IndustryCluster', 'Program'];
const unquoted = (name: string) => name.replace(/[“”]/g, '');

describe('discovery alone (--registry none)', () => {
  const alone = buildGraph({ source: PLAN_PATH, bytes: planBytes(), registry: EMPTY_REGISTRY, discover: true }).graph;
  const found = new Set(alone.nodes.map((n) => unquoted(n.name)));
  const curated = planGraph().nodes.filter((n) => DISCOVERABLE.includes(n.kind) && n.mentions.length > 0);

  it('finds most of the named entities the registry curates', () => {
    const recalled = curated.filter((n) => [n.name, ...n.aliases].some((spelling) => found.has(unquoted(spelling))));
    expect(recalled.length / curated.length).toBeGreaterThanOrEqual(0.7);
  });

  it('gives every entity it finds a mention and a confidence below that of curated ones', () => {
    for (const node of alone.nodes.filter((n) => n.source === 'discovered')) {
      expect(node.mentions.length).toBeGreaterThan(0);
      expect(node.confidence).toBeLessThan(1);
    }
  });

  it('still reads the indicator table', () => {
    expect(alone.nodes.filter((n) => n.kind === 'Indicator' && n.source === 'table')).toHaveLength(10);
  });

  it('finds named platforms and parks whole, with the place or organisation they embed', () => {
    const names = snippetGraph('探索搭建粤港澳大型科学仪器设施资源共享平台。推进建设深港科技创新合作区深圳园区。', EMPTY_REGISTRY).nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['粤港澳大型科学仪器设施资源共享平台', '深港科技创新合作区深圳园区']));
  });

  it('takes no category of base or platform for a name, nor a role a city is to take on, nor 自由 cut at 由', () => {
    const names = snippetGraph(
      '建设科普基地和服务平台。支持汕头建设粤东地区区域创新中心。加快珠三角国家自主创新示范区与中国（广东）自由贸易试验区联动发展。',
      EMPTY_REGISTRY,
    ).nodes.map((n) => n.name);
    expect(names).not.toContain('科普基地');
    expect(names).not.toContain('服务平台');
    expect(names).not.toContain('粤东地区区域创新中心');
    expect(names).not.toContain('贸易试验区');
  });

  it('reads a zone named for the development it shows whole, verb and all, where the list bounds it', () => {
    const names = snippetGraph(
      '支持湛江高新技术产业开发区、军民融合深度发展示范区、湛江海洋科技产业创新中心等创新平台建设。依托深汕特别合作区、珠西高端产业集聚发展区、广清经济特别合作区等区域合作平台。',
      EMPTY_REGISTRY,
    ).nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['军民融合深度发展示范区', '珠西高端产业集聚发展区']));
  });

  it('takes no development zone for a name when the words before it are a purpose (打造区域创新协调发展示范区)', () => {
    const names = snippetGraph('围绕产业协同化、创新链条化、服务高端化，打造区域创新协调发展示范区。', EMPTY_REGISTRY).nodes.map((n) => n.name);
    expect(names.filter((n) => n.endsWith('示范区'))).toEqual([]);
  });

  it('takes no apparatus a clause develops for a facility (研发…高效产能模拟实验装置), and still finds one it builds', () => {
    const developed = snippetGraph('研发近海底高精度探测等关键勘查和储运技术装备、高效产能模拟实验装置，开展深海开采技术攻关。', EMPTY_REGISTRY);
    expect(developed.nodes.filter((n) => n.kind === 'Facility').map((n) => n.name)).toEqual([]);
    const built = snippetGraph('加快建设高效产能模拟实验装置，开展深海开采技术攻关。', EMPTY_REGISTRY);
    expect(built.nodes.filter((n) => n.kind === 'Facility').map((n) => n.name)).toEqual(['高效产能模拟实验装置']);
  });

  it('finds academies and botanical gardens by their suffix, and not the category they are to join', () => {
    const names = snippetGraph('加强与中国工程院合作。积极推进中科院华南植物园创建国家植物园。', EMPTY_REGISTRY).nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['中国工程院', '中科院华南植物园']));
    expect(names).not.toContain('国家植物园');
  });

  it('finds a forum the plan holds by its suffix, trimmed of the verb that holds it', () => {
    const names = snippetGraph('深化与“一带一路”国际科学组织联盟（ANSO）的合作，举办好大湾区科学论坛，不断提升其影响力。', EMPTY_REGISTRY).nodes.map(
      (n) => n.name,
    );
    expect(names).toContain('大湾区科学论坛');
    expect(names).not.toContain('举办好大湾区科学论坛');
  });

  it('starts a name after the 国家 that says whose it is, before a quote or a named region, and keeps it in 国家基因库', () => {
    const names = snippetGraph('对接国家“一带一路”科技创新行动计划。落实国家珠江—西江经济带发展规划。加快建设国家基因库二期。', EMPTY_REGISTRY).nodes.map(
      (n) => n.name,
    );
    expect(names).toEqual(expect.arrayContaining(['“一带一路”科技创新行动计划', '珠江—西江经济带']));
    expect(names.filter((n) => n.startsWith('国家') && !n.startsWith('国家基因库'))).toEqual([]);
  });

  it('finds the wing of a belt as a corridor of its own (沿海经济带西翼), not the belt', () => {
    const names = snippetGraph('将沿海经济带西翼打造成联动发展的重要纽带。', EMPTY_REGISTRY).nodes.map((n) => n.name);
    expect(names).toContain('沿海经济带西翼');
    expect(names).not.toContain('沿海经济带');
  });

  it('finds a forum the plan holds as a clause of its own even where the registry knows the region it names', () => {
    const names = snippetGraph('深化与“一带一路”国际科学组织联盟（ANSO）的合作，举办好大湾区科学论坛，不断提升其影响力。').nodes.map((n) => n.name);
    expect(names).toContain('大湾区科学论坛');
  });

  it('takes the quote for the name where a quote opens it, not the verb before (持续办好“岭南科学论坛”)', () => {
    const names = snippetGraph(
      '大力营造崇尚创新的社会氛围，持续办好“岭南科学论坛”,打造社会化、平台化、网络化的科技创新交流互动平台。',
      EMPTY_REGISTRY,
    ).nodes.map((n) => n.name);
    expect(names).toContain('“岭南科学论坛”');
    expect(names.filter((n) => n.includes('办好') || /“[^”]*$/.test(n))).toEqual([]);
  });

  it('takes no category of forum for a name (举办一批高水平科技论坛)', () => {
    const names = snippetGraph('围绕新一代电子信息、人工智能等领域举办一批高水平科技论坛，吸引全球顶尖科学家参加。', EMPTY_REGISTRY).nodes.map((n) => n.name);
    expect(names.filter((n) => n.endsWith('论坛'))).toEqual([]);
  });

  it('finds a system of platforms named by a quoted formula (“1+9+N”) whole', () => {
    const names = snippetGraph(
      '布局建设9个“王牌军”（分中心）、N个“独立团”（科技成果转化示范机构），打造“1+9+N”产业技术研究与转化示范平台体系。',
      EMPTY_REGISTRY,
    ).nodes.map((n) => n.name);
    expect(names).toContain('“1+9+N”产业技术研究与转化示范平台体系');
  });
});
