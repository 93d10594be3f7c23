import { describe, expect, it } from 'vitest';
import { recognize } from '../../ingest/recognize.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { bundledRegistry } from '../support/plan.ts';

const found = (text: string, discover = false) => recognize(text, bundledRegistry(), { discover }).map((c) => `${c.text}:${c.entry?.id ?? c.kind}:${c.method}`);

describe('recognize', () => {
  it('takes the longest registry name: 松山湖科学城, not 松山湖 and 科学城', () => {
    expect(found('推动松山湖科学城聚焦新材料')).toEqual(['松山湖科学城:songshan-lake-science-city:dictionary', '新材料:field-new-materials:dictionary']);
  });

  it("takes the west wing of the coastal belt for a corridor of its own, and the province's regions by their short form", () => {
    expect(found('将沿海经济带西翼打造成联动发展的重要纽带')).toEqual(['沿海经济带西翼:coastal-economic-belt-west:dictionary']);
    expect(found('进一步加强在粤东西北布局高端创新平台')).toEqual(['粤东西北:east-west-north-guangdong:dictionary']);
  });

  it('resolves an alias to its entity', () => {
    expect(found('支持中科院建设明珠科学园')).toEqual(['中科院:chinese-academy-of-sciences:dictionary', '明珠科学园:mingzhu-science-park:dictionary']);
  });

  it('does not take a city out of a longer name (中山大学 is not 中山)', () => {
    expect(found('依托中山大学建设华南首家 P4 实验室')).toEqual(['中山大学:sun-yat-sen-university:dictionary', '华南首家 P4 实验室:sysu-p4-lab:dictionary']);
  });

  it('reads the short forms of an enumeration of fields', () => {
    expect(found('支持广州南沙科学城聚焦信息、生命、海洋等重点前沿科学领域')).toEqual([
      '广州南沙科学城:nansha-science-city:dictionary',
      '信息:field-information-science:enumeration',
      '生命:field-life-science:enumeration',
      '海洋:field-marine-science:enumeration',
    ]);
  });

  it('reads an enumeration ending in 产业集群 as clusters, even where a name is also a field', () => {
    const clusters = found('重点推动前沿新材料、新能源、激光与增材制造等十大战略性新兴产业集群发展');
    expect(clusters).toEqual([
      '前沿新材料:cluster-frontier-materials:enumeration',
      '新能源:cluster-new-energy:enumeration',
      '激光与增材制造:cluster-laser-additive-manufacturing:enumeration',
    ]);
  });

  it('leaves short forms alone outside enumerations', () => {
    expect(found('提升海洋生态保护水平')).toEqual([]);
  });

  it('discovers a name the registry does not know, trimmed of the verbs before it', () => {
    const candidates = recognize('支持湛江建设湛江湾实验室，推进建设未来网络实验装置。', EMPTY_REGISTRY, { discover: true });
    // 湛江 itself is the gazetteer's: a city it knows without the registry.
    expect(candidates.map((c) => [c.text, c.kind, c.method])).toEqual([
      ['湛江', 'City', 'gazetteer'],
      ['湛江湾实验室', 'Lab', 'discovery'],
      ['未来网络实验装置', 'Facility', 'discovery'],
    ]);
    expect(candidates[1]!.confidence).toBeGreaterThan(candidates[2]!.confidence);
  });

  it('does not discover categories such as 国家重点实验室 or 高水平创新研究院', () => {
    const text = '新建一批国家重点实验室，引进建设一批高水平创新研究院，建设省级技术创新中心。';
    expect(recognize(text, EMPTY_REGISTRY, { discover: true })).toEqual([]);
  });

  it('splits two names joined by 和 and keeps a name that contains 与', () => {
    const names = recognize('推进化学与精细化工广东省实验室和阳江合金材料实验室建设。', EMPTY_REGISTRY, { discover: true }).map((c) => c.text);
    expect(names).toEqual(['化学与精细化工广东省实验室', '阳江合金材料实验室']);
  });

  it('does not discover what the registry already names', () => {
    expect(found('支持湛江建设湛江湾实验室', true).filter((c) => c.endsWith(':discovery'))).toEqual([]);
  });
});
