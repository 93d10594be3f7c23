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

  it('reads nothing outside a box', () => {
    expect(edgesBy(snippetGraph('推进建设横琴粤澳深度合作区。加快建设广东省智能科学与技术研究院。'), 'under-place')).toEqual([]);
  });
});
