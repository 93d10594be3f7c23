import { describe, expect, it } from 'vitest';
import { facilityLists } from '../../ingest/facility-lists.ts';
import { fold } from '../../ingest/normalize.ts';
import { openingFields } from '../../ingest/recognize.ts';

// 第二章 第二节, 建设重大科技基础设施集群 and the paragraph that follows it.
const LEAD = '聚焦信息、生命、材料、海洋、能源等重点学科领域，合理有序布局建设重大科技基础设施集群。\n';
const INFORMATION =
  '在信息科学领域，推动国家超级计算广州中心、深圳中心扩容升级，加快建设未来网络实验装置（深圳）、鹏城云脑智能超级算力平台、珠海智能超算平台等。';
const names = (text: string) => facilityLists(fold(text), text).map((c) => c.name ?? c.text);

describe('facility lists', () => {
  it('makes each item built in a sentence of the facilities section a facility, brackets and all', () => {
    expect(names(LEAD + INFORMATION)).toEqual([
      '国家超级计算广州中心',
      '国家超级计算深圳中心',
      '未来网络实验装置（深圳）',
      '鹏城云脑智能超级算力平台',
      '珠海智能超算平台',
    ]);
  });

  it('names an item that only swaps the place of the one before it in full, mentioned where its short form stands', () => {
    const text = LEAD + INFORMATION;
    const shenzhen = facilityLists(fold(text), text).find((c) => c.name === '国家超级计算深圳中心')!;
    expect(shenzhen.text).toBe('深圳中心');
  });

  it('reads every 在…领域 sentence of the run, to the item before what is to be done to it', () => {
    const text = `${LEAD}在能源科学领域，加快建设强流重离子加速器、加速器驱动嬗变研究装置等。在航空航天领域，推进智能化动态宽域高超声速风洞建设。`;
    expect(names(text)).toEqual(['强流重离子加速器', '加速器驱动嬗变研究装置', '智能化动态宽域高超声速风洞']);
  });

  it('takes a list the sentence itself calls facilities (等设施, 等一批新设施)', () => {
    const text = '推动强流重离子加速器、江门中微子实验站等设施加快建设，谋划建设人类细胞谱系装置、冷泉生态系统装置等一批新设施。';
    expect(names(text)).toEqual(['强流重离子加速器', '江门中微子实验站', '人类细胞谱系装置', '冷泉生态系统装置']);
  });

  it('does not fire on a 在…领域 sentence that does not follow talk of major facilities', () => {
    expect(names('在信息科学领域，推动国家超级计算广州中心、深圳中心扩容升级。')).toEqual([]);
  });

  it('does not take the platforms of a list that only ends near a facility (等创新平台，争取布局重大科技基础设施)', () => {
    const text = '在汕头新布局建设一批高水平创新研究院、省重点实验室、华南技术转移中心粤东中心等创新平台，争取布局重大科技基础设施。';
    expect(names(text)).toEqual([]);
  });
});

describe('fields that open a sentence', () => {
  it('takes the field a sentence opens with (在能源科学领域，)', () => {
    const text = '在能源科学领域，加快建设强流重离子加速器。在基础物理领域，加快建设江门中微子实验站等。';
    expect(openingFields(fold(text), text).map((c) => c.text)).toEqual(['能源科学', '基础物理']);
  });

  it('takes no field from 在 inside a sentence (企业在关键领域，)', () => {
    const text = '支持企业在关键核心技术领域，开展联合攻关。';
    expect(openingFields(fold(text), text)).toEqual([]);
  });
});
