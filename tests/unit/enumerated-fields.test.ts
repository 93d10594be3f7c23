import { describe, expect, it } from 'vitest';
import { enumeratedFields } from '../../ingest/recognize.ts';
import { fold } from '../../ingest/normalize.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { snippetGraph } from '../support/plan.ts';

const fields = (text: string) => enumeratedFields(fold(text), text).map((f) => f.text);

describe('fields an enumeration names (…等领域, …等产业)', () => {
  it('takes each item of 围绕…等重点领域 as a field, and the two joined by 和 as two', () => {
    expect(fields('加强同海南科技创新和产业对接，围绕生物医药、海洋产业、航天航空、现代农业和种业、信息技术、先进高端制造等重点领域开展合作。')).toEqual([
      '生物医药',
      '海洋产业',
      '航天航空',
      '现代农业',
      '种业',
      '信息技术',
      '先进高端制造',
    ]);
  });

  it('reads 以…等领域为主攻方向 (专栏 8), and splits the pairs joined by 与', () => {
    expect(fields('以集成电路与关键软件、生物医药与器械、智能制造与装备等领域为主攻方向，突破“卡脖子”技术。')).toEqual([
      '集成电路',
      '关键软件',
      '生物医药',
      '器械',
      '智能制造',
      '装备',
    ]);
  });

  it('does not read 以 as opening a field list unless the list is what the sentence takes as its aim (…等领域为)', () => {
    expect(
      fields('面向以6G为代表的未来超高速大容量通信、新一代雷达遥感与高分辨成像、天文成像等领域的发展需求。').includes('6G为代表的未来超高速大容量通信'),
    ).toBe(false);
  });

  it('reads 在…等领域 and 发展…等产业 lists', () => {
    expect(fields('加快打造前海国际人才港，在人工智能、健康医疗、金融科技等领域率先开展新技术新产品等应用示范。')).toEqual([
      '人工智能',
      '健康医疗',
      '金融科技',
    ]);
    expect(fields('大力发展集成电路、电子元器件、新材料、新能源等产业。')).toEqual(['集成电路', '电子元器件', '新材料', '新能源']);
  });

  it('reads a second list after 以及 and the qualifiers 优势/交叉 (第二章 第三节)', () => {
    expect(
      fields(
        '积极推进高校、科研院所和骨干企业在信息通信、智能制造、生物医药、新材料、新能源、生态环保等优势领域以及人工智能、大数据、网络空间安全、合成生物学、脑科学等交叉领域新建一批国家重点实验室。',
      ),
    ).toEqual(['信息通信', '智能制造', '生物医药', '新材料', '新能源', '生态环保', '人工智能', '大数据', '网络空间安全', '合成生物学', '脑科学']);
  });

  it('reads fields written in Latin letters and digits (在 5G、4K/8K、…等重点领域)', () => {
    expect(fields('以前沿化、规模化、国际化为方向，在 5G、4K/8K、新能源、生物医药、人工智能、云计算等重点领域，培育一批领军企业。')).toEqual([
      '5G',
      '4K/8K',
      '新能源',
      '生物医药',
      '人工智能',
      '云计算',
    ]);
  });

  it('reads 加强…等基础学科 and a list of short fields without 等 (聚焦深海、深空、深地领域)', () => {
    expect(fields('支持高校加强数学、物理、化学等基础学科建设。')).toEqual(['数学', '物理', '化学']);
    expect(fields('支持中科院与广州市共建明珠科学园，聚焦深海、深空、深地领域，聚合优化中科院在广州的研究力量。')).toEqual(['深海', '深空', '深地']);
  });

  it('leaves the count out of the last item (围绕…生命科学三大领域)', () => {
    expect(fields('推进光明科学城围绕信息科学、材料科学、生命科学三大领域，建设重大科技基础设施集群。')).toEqual(['信息科学', '材料科学', '生命科学']);
  });

  it('takes no kinds of industry or kinds of discipline for fields (战略性新兴产业领域, 交叉等学科领域)', () => {
    expect(fields('聚焦广东省战略性支柱产业、战略性新兴产业领域，重点培育一批高新技术企业。')).toEqual([]);
    expect(fields('在科学前沿、新兴、交叉等学科领域，布局建设一批广东省重点实验室。')).toEqual([]);
  });

  it('takes no list of activities for fields (产业发展、技术攻关…等领域协同创新)', () => {
    expect(fields('深化粤港澳在产业发展、技术攻关、创业孵化、科技金融、成果转化等领域协同创新。')).toEqual([]);
    expect(fields('率先在体制机制建设、创业生态营造、营商环境优化等领域先行先试、改革创新。')).toEqual([]);
  });

  it('leaves an enumeration of industry clusters to the clusters (…等十大战略性支柱产业集群)', () => {
    expect(fields('发展新一代电子信息、绿色石化、智能家电等战略性支柱产业集群。')).toEqual([]);
  });

  it('makes them entities of the graph with no registry, beside the zone the sentence names', () => {
    const graph = snippetGraph(
      '支持前海深港现代服务业合作区创新管理运行机制，加快打造前海国际人才港，在人工智能、健康医疗、金融科技等领域率先开展新技术新产品等应用示范。',
      EMPTY_REGISTRY,
    );
    expect(
      graph.nodes
        .filter((n) => n.kind === 'Field')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['人工智能', '健康医疗', '金融科技'].sort());
    expect(graph.nodes.find((n) => n.name === '金融科技')).toMatchObject({ source: 'discovered', kind: 'Field' });
  });
});
