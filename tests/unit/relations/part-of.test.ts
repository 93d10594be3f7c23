import { describe, expect, it } from 'vitest';
import { edgesBy, snippetGraph } from '../../support/plan.ts';

describe('rule part-of (以A、B等为主要承载区打造Y)', () => {
  it('makes the carrier science cities part of the national science center, and not the main base city', () => {
    const graph = snippetGraph('以深圳为主阵地，以光明科学城、松山湖科学城、南沙科学城等为主要承载区打造综合性国家科学中心。');
    expect(edgesBy(graph, 'part-of')).toEqual([
      'PART_OF 光明科学城→大湾区综合性国家科学中心',
      'PART_OF 南沙科学城→大湾区综合性国家科学中心',
      'PART_OF 松山湖科学城→大湾区综合性国家科学中心',
    ]);
  });
});
