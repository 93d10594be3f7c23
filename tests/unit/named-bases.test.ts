import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../support/plan.ts';

const REGISTRIES = [
  ['the registry', undefined],
  ['no registry', EMPTY_REGISTRY],
] as const;
const names = (text: string, registry?: typeof EMPTY_REGISTRY) => snippetGraph(text, registry).nodes.map((n) => `${n.kind} ${n.name}`);

// 专栏 24 推进粤港澳大湾区国际科技创新中心合作区建设 (前海)
const QIANHAI =
  '试点开展数据跨境流动，建设国家级海洋科技合作基地，探索发行企业海洋开发债券，探索临时仲裁制度，建设国际知识产权合作平台，吸引国际知识产权落地转化。';
// 第三章 第三节 (专栏 3) 支持汕头
const SHANTOU = '支持汕头依托华侨经济文化合作试验区、中以（汕头）科技创新合作区、中国科协“海智计划”广东（汕头）工作基地，积极拓展海外华侨华人智力资源。';
const BASE = '中国科协“海智计划”广东（汕头）工作基地';

describe.each(REGISTRIES)('named bases and platforms, with %s', (_, registry) => {
  it('names a base or platform built as a clause of its own, with a subject of its own (海洋科技, 知识产权)', () => {
    expect(names(QIANHAI, registry)).toEqual(expect.arrayContaining(['InnovationCenter 国家级海洋科技合作基地', 'InnovationCenter 国际知识产权合作平台']));
  });

  it('keeps a network that holds a region’s name whole: 泛珠三角区域科技交易网络', () => {
    expect(names('构建泛珠三角区域科技交易网络，实现网上技术市场互通和成果转移转化。', registry)).toContain('InnovationCenter 泛珠三角区域科技交易网络');
  });

  it('keeps a base whose name quotes a programme whole, hosted by the organisation it opens with and part of the programme', () => {
    const graph = snippetGraph(SHANTOU, registry);
    expect(graph.nodes.map((n) => `${n.kind} ${n.name}`)).toContain(`InnovationCenter ${BASE}`);
    const edges = edgesBy(graph, 'name-parent');
    expect(edges).toContain(`HOSTED_BY ${BASE}→中国科协`);
    expect(edges.filter((e) => e.startsWith(`PART_OF ${BASE}→`)).map((e) => e.split('→')[1]!.replace(/[“”]/g, ''))).toEqual(['海智计划']);
    expect(edgesBy(graph, 'name-place')).toContain(`LOCATED_IN ${BASE}→汕头`);
  });
});

describe('named bases and platforms: where no name is read', () => {
  it('names no category built alone (科普基地), none joined by 和, none whose stem is a process (中试熟化, 集群化)', () => {
    const text = '建设一批科普基地，积极建设国际科技和人才交流合作基地，建设科技成果中试熟化基地，支持广州、深圳等市建设海洋电子信息集群化示范基地。';
    const found = names(text, EMPTY_REGISTRY).filter((n) => n.endsWith('基地'));
    expect(found).toEqual([]);
  });

  it('names no base that is not built as a clause of its own (…等区域合作平台)', () => {
    expect(names('推动广清经济特别合作区等区域合作平台建设。', EMPTY_REGISTRY).filter((n) => n.endsWith('平台'))).toEqual([]);
  });

  it('relates no host or programme for a name that quotes a slogan after its opening words', () => {
    const graph = snippetGraph(
      '布局建设9 个“王牌军”（分中心）、N 个“独立团”（科技成果转化示范机构），打造“1+9+N”产业技术研究与转化示范平台体系，有效提升全省产业技术研究与转化服务体系的效能。',
      EMPTY_REGISTRY,
    );
    expect(edgesBy(graph, 'name-parent')).toEqual([]);
  });
});
