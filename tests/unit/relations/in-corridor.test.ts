import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule in-corridor (places a corridor is built on)', () => {
  it('puts the science cities in the Guangzhou-Shenzhen-Hong Kong corridor', () => {
    const graph = snippetGraph(
      '依托广州科学城、光明科学城、松山湖科学城、西丽湖国际科教城等重点创新平台，建设“广深港”科技创新走廊，创新广深港科技合作机制和模式。',
    );
    expect(edgesBy(graph, 'in-corridor')).toEqual([
      'IN_CORRIDOR 光明科学城→广深港科技创新走廊',
      'IN_CORRIDOR 广州科学城→广深港科技创新走廊',
      'IN_CORRIDOR 松山湖科学城→广深港科技创新走廊',
      'IN_CORRIDOR 西丽湖国际科教城→广深港科技创新走廊',
    ]);
  });

  it('does not put anything in a corridor the sentence only mentions', () => {
    expect(edgesBy(snippetGraph('进一步推进“广州—深圳—香港—澳门”科技创新走廊建设，优化大湾区国际科技创新中心建设格局。'), 'in-corridor')).toEqual([]);
  });
});
