import { describe, expect, it } from 'vitest';
import { Matcher } from '../../ingest/matcher.ts';

function matcher(...patterns: string[]): Matcher<string> {
  const m = new Matcher<string>();
  for (const p of patterns) m.add(p, p);
  return m;
}

describe('Matcher', () => {
  it('finds every occurrence, overlapping ones included', () => {
    const found = matcher('松山湖', '松山湖科学城', '科学城')
      .findAll('推动松山湖科学城聚焦')
      .map((m) => m.value);
    expect(found.sort()).toEqual(['松山湖', '松山湖科学城', '科学城']);
  });

  it('keeps the longest match at a position, and the leftmost of overlapping ones', () => {
    const found = matcher('松山湖', '松山湖科学城', '科学城', '城聚焦').findLongest('推动松山湖科学城聚焦');
    expect(found.map((m) => [m.value, m.start, m.end])).toEqual([['松山湖科学城', 2, 8]]);
  });

  it('follows failure links across patterns that share a suffix and a prefix', () => {
    const found = matcher('国家基因库', '基因库二期')
      .findAll('加快建设国家基因库二期')
      .map((m) => m.value);
    expect(found.sort()).toEqual(['国家基因库', '基因库二期']);
  });

  it('finds nothing in text with none of the patterns', () => {
    expect(matcher('实验室').findLongest('聚焦国家重大需求')).toEqual([]);
  });
});
