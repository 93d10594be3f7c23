import { describe, expect, it } from 'vitest';
import { fold } from '../../ingest/normalize.ts';
import { fundLists, quotedProgrammes } from '../../ingest/programmes.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { snippetGraph } from '../support/plan.ts';

const quoted = (text: string) => quotedProgrammes(fold(text), text).map((c) => c.text);

describe('quoted programmes', () => {
  it('takes a quoted name the sentence carries out, seizes or joins (深化, 紧抓, 国家 …建设)', () => {
    expect(quoted('聚焦战略性新兴产业与未来产业，深化“三部两院一省”产学研合作。')).toEqual(['“三部两院一省”']);
    expect(quoted('紧抓“新基建”和战略性重点产业发展机遇。')).toEqual(['“新基建”']);
    expect(quoted('推动更多高水平大学进入国家“双一流”建设高校范围。')).toEqual(['“双一流”']);
  });

  it('takes a quoted name followed by the way it works (“揭榜挂帅”等方式)', () => {
    expect(quoted('以科研众筹众包、“揭榜挂帅”等方式解决战略性重点产业关键核心技术问题。')).toEqual(['“揭榜挂帅”']);
  });

  it('takes a quoted name that ends as programmes do, and the quote right after it', () => {
    expect(quoted('开展“大中小型企业联合创新计划”“大企业命题挑战赛”等产业链协同创新活动。')).toEqual(['“大中小型企业联合创新计划”', '“大企业命题挑战赛”']);
  });

  it('takes no slogan for a programme (“双城联动”, “卡脖子”, “一室一策”, “十四五”)', () => {
    const text = '支持广深“双城联动”。突破“卡脖子”技术。探索“一室一策”分类评价。推动省属国有企业在“十四五”期间实现研发机构全覆盖。推广“组团式”智力支援。';
    expect(quoted(text)).toEqual([]);
  });

  it('gives the whole graph each of two quoted programmes side by side, not one name across both', () => {
    const names = snippetGraph('开展“大中小型企业联合创新计划”“大企业命题挑战赛”等产业链协同创新活动。', EMPTY_REGISTRY).nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['“大中小型企业联合创新计划”', '“大企业命题挑战赛”']));
    expect(names.filter((n) => n.includes('”“'))).toEqual([]);
  });
});

describe('fund lists', () => {
  it('takes each fund of a list of funds, plain names included', () => {
    const text = '通过中小企业发展专项资金、创业投资引导基金、科技成果转化引导基金等，带动各类产业基金。';
    expect(fundLists(fold(text), text).map((c) => c.text)).toEqual(['中小企业发展专项资金', '创业投资引导基金', '科技成果转化引导基金']);
  });

  it('takes no fund from a single one named in passing (带动各类产业基金)', () => {
    const text = '带动各类产业基金、社会资本等支持产业链上中下游。';
    expect(fundLists(fold(text), text)).toEqual([]);
  });
});
