import { describe, expect, it } from 'vitest';
import { gazetteer, shortName } from '../../ingest/gazetteer.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import type { GraphNode } from '../../ingest/types.ts';
import { snippetGraph } from '../support/plan.ts';

/** The plan's own sentence: two national laboratories' bases, each named with the place it is in. */
const BASES = '深入推进合肥实验室深圳基地、张江实验室广州基地等建设。';

const places = (nodes: GraphNode[]) =>
  nodes
    .filter((n) => n.source === 'gazetteer')
    .map((n) => `${n.name}:${n.kind}`)
    .sort();

describe("China's administrative divisions (--registry none)", () => {
  it('holds every province, prefecture-level city and a district with its pinyin', () => {
    const { places: all } = gazetteer();
    const byName = (name: string) => all.find((p) => p.entry.name === name)?.entry;
    expect(all.filter((p) => p.entry.props.level === 'province').length).toBe(34);
    expect(all.filter((p) => p.entry.props.level === 'prefecture').length).toBeGreaterThan(320);
    expect(byName('合肥')).toMatchObject({ kind: 'City', nameEn: 'Hefei', pinyin: 'he fei', aliases: ['合肥市'] });
    expect(byName('黑龙江省')).toMatchObject({ kind: 'Zone', nameEn: 'Heilongjiang', aliases: ['黑龙江'] });
    expect(byName('北京')).toMatchObject({ kind: 'City', nameEn: 'Beijing' });
    expect(byName('陕西省')?.nameEn).toBe('Shaanxi');
    expect(new Set(all.map((p) => p.entry.id)).size).toBe(all.length);
  });

  it('shortens names as the plan writes them', () => {
    expect(['合肥市', '广西壮族自治区', '延边朝鲜族自治州', '黔东南苗族侗族自治州', '锡林郭勒盟', '阿克苏地区', '香港特别行政区'].map(shortName)).toEqual([
      '合肥',
      '广西',
      '延边',
      '黔东南',
      '锡林郭勒',
      '阿克苏',
      '香港',
    ]);
  });

  it('recognises cities and provinces anywhere in China with no registry entry', () => {
    const graph = snippetGraph('加强与合肥、武汉、北京等地的科技合作，推动黑龙江省、宁夏回族自治区与我省开展科技合作。', EMPTY_REGISTRY);
    expect(places(graph.nodes)).toEqual(['北京:City', '合肥:City', '宁夏回族自治区:Zone', '武汉:City', '黑龙江省:Zone'].sort());
    expect(graph.nodes.find((n) => n.name === '武汉')).toMatchObject({ nameEn: 'Wuhan', pinyin: 'wu han', source: 'gazetteer' });
  });

  it('does not take 合肥 out of 合肥实验室深圳基地, nor 广州 out of 张江实验室广州基地', () => {
    const graph = snippetGraph(BASES, EMPTY_REGISTRY);
    // 深圳 and 广州 are named inside the names, as where the bases are; 合肥 is the laboratory's, not a place named.
    expect(places(graph.nodes)).toEqual(['广州:City', '深圳:City']);
    expect(graph.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['合肥实验室深圳基地', '张江实验室广州基地']));
  });

  it('does not take a short name that is a word, or inside one, for a city (推广安全 holds 广安)', () => {
    expect(places(snippetGraph('推广安全生产和节能环保技术，建设大理石材料检测平台。', EMPTY_REGISTRY).nodes)).toEqual([]);
  });

  it('places a district whose name several cities share in the province the text names most, and none elsewhere', () => {
    const home = snippetGraph('支持深圳、广州、珠海建设创新平台，推进南山区建设综合性国家科学中心。', EMPTY_REGISTRY);
    const nanshan = home.nodes.find((n) => n.name === '南山区');
    expect(nanshan?.props).toMatchObject({ code: '440305' });
    const undecided = snippetGraph('推进鼓楼区建设一批科技创新平台和公共服务平台。', EMPTY_REGISTRY);
    expect(undecided.nodes.map((n) => n.name)).not.toContain('鼓楼区');
  });

  it('leaves the province a plan is the plan of out: it is the subject of every sentence', () => {
    const graph = snippetGraph('广东科技创新应坚持以人民为中心，支持广州、深圳建设综合性国家科学中心，推动广东与黑龙江省开展合作。', EMPTY_REGISTRY);
    expect(places(graph.nodes)).toEqual(['广州:City', '深圳:City', '黑龙江省:Zone'].sort());
  });

  it('recognises the regions national plans name, under each spelling the plan uses (泛珠地区, 长三角地区)', () => {
    const graph = snippetGraph(
      '推动粤港澳大湾区与京津冀、长三角地区优势互补、协同发展。加强与泛珠地区科技合作。强化泛珠三角地区协同创新发展。',
      EMPTY_REGISTRY,
    );
    expect(places(graph.nodes)).toEqual(['京津冀:Zone', '泛珠三角地区:Zone', '粤港澳大湾区:Zone', '长三角:Zone'].sort());
    expect(graph.nodes.find((n) => n.name === '泛珠三角地区')!.mentions).toHaveLength(2);
  });

  it('does not take a region out of a name that holds it (粤港澳大湾区国际科技创新中心)', () => {
    const graph = snippetGraph('以粤港澳大湾区国际科技创新中心建设为抓手，加速打造全球科技创新高地和新兴产业重要策源地。', EMPTY_REGISTRY);
    expect(places(graph.nodes)).toEqual([]);
  });

  it("still leaves the plan's own province out where regions are named more often than its cities", () => {
    const graph = snippetGraph(
      '协同推进粤港澳大湾区国际科技创新中心建设，为大湾区、粤港澳大湾区和广东经济社会发展重大工程科技问题提供咨询，支持广州建设。',
      EMPTY_REGISTRY,
    );
    expect(graph.nodes.map((n) => n.name)).not.toContain('广东省');
  });
});
