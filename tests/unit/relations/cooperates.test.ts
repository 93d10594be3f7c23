import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule cooperates', () => {
  it('reads A与B共建 as cooperation', () => {
    expect(edgesBy(snippetGraph('支持中科院与广州市共建明珠科学园，聚焦深海、深空、深地领域。'), 'cooperates')).toEqual(['COOPERATES_WITH 中国科学院→广州']);
  });

  it('pairs every party before 与 with the one after it', () => {
    const graph = snippetGraph('推动粤港澳大湾区、深圳中国特色社会主义先行示范区与海南自由贸易港联动发展。');
    expect(edgesBy(graph, 'cooperates')).toEqual([
      'COOPERATES_WITH 海南自由贸易港→深圳中国特色社会主义先行示范区',
      'COOPERATES_WITH 粤港澳大湾区→海南自由贸易港',
    ]);
  });

  it('reads two cities named with 双城联动', () => {
    expect(edgesBy(snippetGraph('发挥广州、深圳“双城联动”核心引擎功能和作用，推动广深科技创新优势互补。'), 'cooperates')).toEqual([
      'COOPERATES_WITH 广州→深圳',
    ]);
  });
});
