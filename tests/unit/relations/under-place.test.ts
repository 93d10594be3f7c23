import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule under-place (a box paragraph about a place places what it builds there)', () => {
  it('places what the Hengqin paragraph of 专栏 2 builds in the zone, and its industries as its focus', () => {
    const graph = snippetGraph(
      '专栏 2 推进粤港澳大湾区国际科技创新中心合作区建设\n推进建设横琴粤澳深度合作区。高标准建设澳门大学、澳门科技大学等院校的产学研示范基地。加快建设广东省智能科学与技术研究院，携手打造横琴中药新药技术创新中心。大力发展集成电路、新材料、生物医药等产业。',
    );
    expect(edgesBy(graph, 'under-place')).toEqual([
      'FOCUSES_ON 横琴粤澳深度合作区→新材料',
      'FOCUSES_ON 横琴粤澳深度合作区→生物医药',
      'FOCUSES_ON 横琴粤澳深度合作区→集成电路',
      'LOCATED_IN 广东省智能科学与技术研究院→横琴粤澳深度合作区',
      'LOCATED_IN 横琴中药新药技术创新中心→横琴粤澳深度合作区',
    ]);
  });

  it('makes a zone the paragraph builds in a zone part of it', () => {
    const graph = snippetGraph(
      '专栏 2 推进粤港澳大湾区国际科技创新中心合作区建设\n推进建设前海深港现代服务业合作区。支持前海深港现代服务业合作区创新管理运行机制，加快打造前海国际人才港。',
    );
    expect(edgesBy(graph, 'under-place')).toEqual(['PART_OF 前海国际人才港→前海深港现代服务业合作区']);
  });

  it('places in a city the zones it builds on and the universities it raises, not the national body it relies on', () => {
    const graph = snippetGraph(
      '专栏 3 支持汕头、湛江建设区域创新中心\n支持汕头建设粤东地区区域创新中心。支持汕头依托华侨经济文化合作试验区、中国科协“海智计划”广东（汕头）工作基地，提升汕头大学科研水平。',
    );
    const placed = edgesBy(graph, 'under-place');
    expect(placed).toEqual(expect.arrayContaining(['LOCATED_IN 华侨经济文化合作试验区→汕头', 'LOCATED_IN 汕头大学→汕头']));
    expect(placed.some((e) => e.includes('中国科学技术协会') || e.includes('中国科协→'))).toBe(false);
  });

  it('does not make the whole a part of the park that opens the paragraph', () => {
    const graph = snippetGraph(
      '专栏 2 推进粤港澳大湾区国际科技创新中心合作区建设\n推进建设深港科技创新合作区深圳园区。支持深港科技创新合作区深化制度创新试验，建设国际先进科技创新规则试验区。',
    );
    expect(edgesBy(graph, 'under-place')).toEqual(['PART_OF 国际先进科技创新规则试验区→深港科技创新合作区深圳园区']);
  });

  const BOX_7 =
    '专栏 7 建设高水平科研院所\n支持中科院建设明珠科学园。支持中科院与广州市共建明珠科学园，聚焦深海、深空、深地领域，聚合优化中科院在广州的研究力量，提升南海海洋研究所、广州能源研究所、广州地球化学研究所等建设水平，重点建设中科院沈阳自动化所广东智能无人系统研究院、中科院力学所广东空天科技研究院、中国科学院大学广州学院等，推动中科院各类创新机构、高端创新平台在南沙集聚。\n支持省科学院打造综合产业技术创新平台。支持省科学院着力构建知识创造转移体系，建设国内一流研究机构和产业技术创新高端平台。\n支持省农科院建设高水平科研院所。支持省农科院加强前沿基础与应用基础研究，打造广东省农作物高效育种基地，强化科研团队建设。';

  it('places in the park what the 明珠科学园 paragraph of 专栏 7 has built there (重点建设…)', () => {
    const placed = edgesBy(snippetGraph(BOX_7), 'under-place').filter((e) => e.startsWith('LOCATED_IN'));
    expect(placed).toEqual([
      'LOCATED_IN 中国科学院大学广州学院→明珠科学园',
      'LOCATED_IN 中科院力学所广东空天科技研究院→明珠科学园',
      'LOCATED_IN 中科院沈阳自动化所广东智能无人系统研究院→明珠科学园',
    ]);
  });

  it('does not put in the park the academy that builds it, nor the institutes whose level it raises (提升…建设水平)', () => {
    const placed = edgesBy(snippetGraph(BOX_7), 'under-place');
    for (const name of ['中国科学院→', '南海海洋研究所', '广州能源研究所', '广州地球化学研究所']) expect(placed.filter((e) => e.includes(name))).toEqual([]);
  });

  it('ends the park’s topic where a paragraph opens with another subject (支持省科学院打造…。)', () => {
    const placed = edgesBy(snippetGraph(BOX_7), 'under-place');
    for (const name of ['广东省科学院', '广东省农业科学院', '广东省农作物高效育种基地']) expect(placed.filter((e) => e.includes(name))).toEqual([]);
  });

  it('reads nothing outside a box', () => {
    expect(edgesBy(snippetGraph('推进建设横琴粤澳深度合作区。加快建设广东省智能科学与技术研究院。'), 'under-place')).toEqual([]);
  });

  it('quotes the paragraph opening that names the place before the sentence that builds there', () => {
    const graph = snippetGraph('专栏 2 推进粤港澳大湾区国际科技创新中心合作区建设\n推进建设横琴粤澳深度合作区。优化粤澳合作中医药科技产业园发展路径。');
    const edge = graph.edges.find((e) => e.type === 'PART_OF' && e.from === 'guangdong-macao-tcm-park');
    expect(edge?.evidence.map((e) => e.quote)).toEqual(['推进建设横琴粤澳深度合作区。……优化粤澳合作中医药科技产业园发展路径。']);
  });
});
