import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY } from '../../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

// 专栏 3 支持汕头、湛江建设区域创新中心
const ZHANJIANG =
  '支持湛江建设湛江湾实验室，支持湛江高新技术产业开发区、军民融合深度发展示范区、湛江海洋科技产业创新中心等重大平台发展，提升海洋、绿色钢铁、绿色石化、清洁能源等创新型产业集群发展，支持湛江建设海洋科学城。';
const CLUSTERS = ['海洋创新型产业集群', '绿色钢铁创新型产业集群', '绿色石化创新型产业集群', '清洁能源创新型产业集群'];

describe('a typed list (A、B、C等<type>) and rule list-place', () => {
  it('makes each item of 海洋、绿色钢铁…等创新型产业集群 a cluster of its own and places each in 湛江', () => {
    for (const registry of [undefined, EMPTY_REGISTRY]) {
      const graph = snippetGraph(ZHANJIANG, registry);
      const clusters = graph.nodes.filter((n) => n.kind === 'IndustryCluster').map((n) => n.name);
      expect(clusters.sort()).toEqual([...CLUSTERS].sort());
      expect(edgesBy(graph, 'list-place')).toEqual(CLUSTERS.map((c) => `LOCATED_IN ${c}→湛江`).sort());
    }
  });

  it('mentions each cluster where its stem stands, so the sentence shows it', () => {
    const graph = snippetGraph(ZHANJIANG);
    const steel = graph.nodes.find((n) => n.name === '绿色钢铁创新型产业集群')!;
    expect(steel.mentions.map((m) => graph.documents[0]!.text.slice(m.start, m.end))).toEqual(['绿色钢铁']);
  });

  it('places nothing where no city opens the sentence: the clusters stand, unplaced', () => {
    const graph = snippetGraph('提升海洋、绿色钢铁、绿色石化、清洁能源等创新型产业集群发展，将湛江打造成战略对接的重要连接点。');
    expect(graph.nodes.filter((n) => n.kind === 'IndustryCluster')).toHaveLength(4);
    expect(edgesBy(graph, 'list-place')).toEqual([]);
  });

  it('does not read the cities of 支持广州、深圳等市建设… as a typed list', () => {
    const graph = snippetGraph('支持广州、深圳等市建设海洋电子信息集群化示范基地。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'list-place')).toEqual([]);
    expect(graph.nodes.map((n) => n.name)).not.toContain('深圳示范基地');
  });

  it('leaves lists whose type follows a count (等十大战略性支柱产业集群) to what names the items', () => {
    const graph = snippetGraph('重点推动新一代电子信息、绿色石化、智能家电、汽车等十大战略性支柱产业集群发展。', EMPTY_REGISTRY);
    const items = ['新一代电子信息', '绿色石化', '智能家电', '汽车'];
    expect(graph.nodes.map((n) => n.name).filter((n) => items.some((i) => n.startsWith(i) && n.endsWith('产业集群')))).toEqual([]);
  });
});

describe('rule supports, beside a typed list', () => {
  it('does not have 专栏 3 support the industries 湛江 is to grow, while it still supports the laboratory it builds', () => {
    const graph = snippetGraph(`专栏 3 支持汕头、湛江建设区域创新中心\n${ZHANJIANG}`);
    const supported = edgesBy(graph, 'supports').map((e) => e.split('→')[1]);
    expect(supported).toContain('湛江湾实验室');
    for (const cluster of CLUSTERS) expect(supported).not.toContain(cluster);
  });
});
