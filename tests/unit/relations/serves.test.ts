import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule serves', () => {
  it('makes the platforms under a cluster in 专栏 17 serve that cluster', () => {
    const graph = snippetGraph(
      '专栏 17 培育发展战略性新兴产业集群\n新能源产业集群。建设国家级和省级创新平台，鼓励地方创新平台申报省级新型研发机构。推动建设一批重大科技基础设施，重点支持先进能源科学与技术广东省实验室及分中心建设。\n' +
        '激光与增材制造产业集群。统筹建设激光与增材制造产业园区，建设重大产业应用示范项目和示范平台。',
    );
    expect(edgesBy(graph, 'serves')).toEqual(['SERVES 先进能源科学与技术广东省实验室→新能源产业集群', 'SERVES 激光与增材制造产业园区→激光与增材制造产业集群']);
  });

  it('makes the platforms listed as 等新材料平台 serve the field', () => {
    const graph = snippetGraph('加快推进松山湖实验室、化学与精细化工省实验室、季华实验室、阳江合金材料实验室等新材料平台建设，加快突破关键原材料及核心技术。');
    expect(edgesBy(graph, 'serves')).toEqual([
      'SERVES 化学与精细化工广东省实验室→新材料',
      'SERVES 季华实验室→新材料',
      'SERVES 松山湖实验室→新材料',
      'SERVES 阳江合金材料实验室→新材料',
    ]);
  });

  it('makes the platforms under an item titled by a field serve that field', () => {
    const graph = snippetGraph(
      '五、新能源汽车\n紧跟新能源汽车电动化趋势，推进建设国家级动力电池及电驱动系统检验检测中心、智能网联汽车测试及试验基地、燃料电池汽车示范城市群。',
    );
    expect(edgesBy(graph, 'serves')).toEqual(['SERVES 国家级动力电池及电驱动系统检验检测中心→新能源汽车', 'SERVES 智能网联汽车测试及试验基地→新能源汽车']);
  });

  it('quotes the cluster a platform serves with the sentence: the paragraph opens with its name', () => {
    const graph = snippetGraph(
      '专栏 16 培育发展战略性支柱产业集群\n生物医药与健康产业集群。加快建设国家高性能医疗器械创新中心，提升高性能医疗器械产业核心竞争力。',
    );
    const edge = graph.edges.find((e) => e.type === 'SERVES' && e.to === 'cluster-biomedicine-health');
    expect(edge?.evidence.map((e) => e.quote)).toEqual(['生物医药与健康产业集群。……加快建设国家高性能医疗器械创新中心，提升高性能医疗器械产业核心竞争力。']);
  });

  it('lets a park serve a cluster, not a region the cluster grows in (珠江西岸, with no 江西 read inside it)', () => {
    const graph = snippetGraph(
      '专栏 17 培育发展战略性新兴产业集群\n精密仪器设备产业集群。面向珠江西岸布局建设精密仪器设备科技产业园区。在粤东西北地区形成以精密仪器装备制造为特色的产业聚集带。',
    );
    expect(edgesBy(graph, 'serves')).toEqual(['SERVES 精密仪器设备科技产业园区→精密仪器设备产业集群']);
    expect(graph.nodes.map((n) => n.name)).not.toContain('江西省');
  });
});
