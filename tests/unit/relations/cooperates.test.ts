import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY } from '../../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule cooperates', () => {
  it('pairs each mainland city of 穗港澳 / 广深港 with Hong Kong and Macao, registry or not', () => {
    const text = '优化广州科学城等“一区三城”布局，完善穗港澳联合创新机制。建设“广深港”科技创新走廊，创新广深港科技合作机制和模式。';
    const expected = ['COOPERATES_WITH 广州→澳门', 'COOPERATES_WITH 广州→香港', 'COOPERATES_WITH 深圳→香港'];
    const undirected = (edges: string[]) => [...new Set(edges.map((e) => e.split(' ')[1]!.split('→').sort().join('→')))].sort();
    expect(undirected(edgesBy(snippetGraph(text), 'cooperates'))).toEqual(undirected(expected));
    expect(undirected(edgesBy(snippetGraph(text, EMPTY_REGISTRY), 'cooperates'))).toEqual(undirected(expected));
  });

  it('reads no short names inside a name, in 粤港澳, or in 港珠澳大桥', () => {
    const graph = snippetGraph(
      '推进建设前海深港现代服务业合作区，设立多元化深港合作创投基金。推动实现港珠澳大桥、深中通道等重大跨海交通设施合作。深化粤港澳合作。',
      EMPTY_REGISTRY,
    );
    expect(edgesBy(graph, 'cooperates')).toEqual([]);
  });

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

describe('rule cooperates: 联动 with a party', () => {
  const QIANHAI = '支持前海深港现代服务业合作区创新管理运行机制，联动香港探索适用国际先进的科研规则体系，设立多元化深港合作创投基金。';

  it('reads 联动香港 as the cooperation of the sentence’s subject with Hong Kong', () => {
    // Stored once, in id order: hong-kong before qianhai-….
    expect(edgesBy(snippetGraph(QIANHAI), 'cooperates')).toEqual(['COOPERATES_WITH 香港→前海深港现代服务业合作区']);
  });

  it('reads it with no registry too, the zone discovered and Hong Kong from the gazetteer', () => {
    expect(edgesBy(snippetGraph(QIANHAI, EMPTY_REGISTRY), 'cooperates')).toEqual(['COOPERATES_WITH 前海深港现代服务业合作区→香港']);
  });

  it('does not read 联动发展 or 制度创新联动, which name no party, as cooperation', () => {
    const graph = snippetGraph(
      '强化与京津冀、长三角两大国际科技创新圈联动发展，深入推进合肥实验室深圳基地建设。将广州南沙、深圳前海、珠海横琴等平台打造成制度创新联动的有力支撑。',
    );
    expect(edgesBy(graph, 'cooperates')).toEqual([]);
  });

  describe('a sentence that opens with cooperation with a partner (专栏 25 加强与海南自贸港的科技交流合作)', () => {
    const BOX_25 =
      '加强与海南自贸港交流合作，将湛江打造成战略对接的重要连接点和支撑点，将广州南沙、深圳前海、珠海横琴等平台打造成制度创新联动的有力支撑，将沿海经济带西翼打造成联动发展的重要纽带，推动粤港澳大湾区、深圳中国特色社会主义先行示范区与海南自由贸易港联动发展。';

    it('makes each place it turns into a link to the partner cooperate with it', () => {
      const withHainan = edgesBy(snippetGraph(BOX_25), 'cooperates')
        .map((e) => e.replace('COOPERATES_WITH ', '').split('→'))
        .filter((pair) => pair.includes('海南自由贸易港'))
        .map((pair) => pair.find((p) => p !== '海南自由贸易港'))
        .sort();
      expect(withHainan).toEqual(
        ['前海深港现代服务业合作区', '广州南沙新区', '横琴粤澳深度合作区', '湛江', '深圳中国特色社会主义先行示范区', '粤港澳大湾区'].sort(),
      );
    });

    it('finds the partner by its short name with no registry (海南自贸港), and the places it pairs with', () => {
      const withHainan = edgesBy(snippetGraph(BOX_25, EMPTY_REGISTRY), 'cooperates')
        .map((e) => e.replace('COOPERATES_WITH ', '').split('→'))
        .filter((pair) => pair.includes('海南自贸港'))
        .map((pair) => pair.find((p) => p !== '海南自贸港'))
        .sort();
      expect(withHainan).toEqual(['广州南沙', '深圳前海', '湛江', '珠海横琴'].sort());
    });

    it('does not make a corridor a partner, nor read the clauses without the opening cooperation', () => {
      const edges = edgesBy(snippetGraph(BOX_25), 'cooperates');
      expect(edges.some((e) => e.includes('沿海经济带'))).toBe(false);
      const alone = '将湛江打造成战略对接的重要连接点和支撑点，将广州南沙、深圳前海、珠海横琴等平台打造成制度创新联动的有力支撑。';
      expect(edgesBy(snippetGraph(alone), 'cooperates')).toEqual([]);
    });

    it('does not make a place a partner where its clause makes it something other than a link (将湛江打造成区域创新中心)', () => {
      const text = '加强与海南自贸港交流合作，将湛江打造成粤西地区区域创新中心，推动湛江高新区高质量发展。';
      expect(edgesBy(snippetGraph(text), 'cooperates')).toEqual([]);
    });
  });
});
