import { describe, expect, it } from 'vitest';
import { byRareTerms, indexTerms, keySlips, luceneQuery, pinyinKey, similarQuery, termWeight, type SearchHitRow } from '../../graph/queries/search.ts';

describe('what a search text is asked as', () => {
  it('reads pinyin with tones, tone numbers or spaces as one key, and the 4 of P4 as part of the name', () => {
    expect(pinyinKey('Sōng shān hú')).toBe('songshanhu');
    expect(pinyinKey('song1shan1hu2')).toBe('songshanhu');
    expect(pinyinKey('P4')).toBe('p4');
    expect(pinyinKey('松山湖')).toBe('');
  });

  it('escapes Lucene syntax and asks each Latin word as a prefix too', () => {
    expect(luceneQuery('Pengch lab')).toBe('pengch lab pengch* lab*');
    expect(luceneQuery('*:*')).toBe('\\*\\:\\*');
  });

  it('asks each word of four letters or more within one edit, two from eight letters, and nothing of Lucene syntax', () => {
    expect(similarQuery('shenzen')).toBe('shenzen~1');
    expect(similarQuery('Songshan-Lakee Science')).toBe('songshan~2 lakee~1 science~1');
    expect(similarQuery('"unterminated AND (((')).toBe('unterminated~2');
    expect(similarQuery('AND OR NOT *:*')).toBe('');
  });

  it('gives the keys one letter too many or two letters swapped away, and none for a short key', () => {
    const slips = keySlips('songshanhuu');
    expect(slips).toContain('songshanhu');
    expect(slips).not.toContain('songshanhuu');
    expect(keySlips('sognshanhu')).toContain('songshanhu');
    expect(new Set(slips).size).toBe(slips.length);
    expect(keySlips('shen')).toEqual([]);
  });

  it('makes the terms the full-text index makes: pairs of Han characters, a lone one as itself, Latin words', () => {
    expect(indexTerms('鹏城实验室')).toEqual(['鹏城', '城实', '实验', '验室']);
    expect(indexTerms('华南首家 P4 实验室')).toEqual(['华南', '南首', '首家', '实验', '验室', 'p4']);
    expect(indexTerms('湾 Pengcheng Lab a')).toEqual(['湾', 'pengcheng', 'lab']);
  });
});

describe('loose hits ranked by their rarer terms', () => {
  const hit = (name: string, score: number, extra: Partial<SearchHitRow['entity']> = {}): SearchHitRow =>
    ({ entity: { name, aliases: [], nameEn: null, pinyin: '', ...extra }, score, match: 'LOOSE' }) as unknown as SearchHitRow;

  it('weighs a term held by few names above two held by many', () => {
    expect(termWeight(500, 1)).toBeGreaterThan(2 * termWeight(500, 40));
    expect(termWeight(500, 40)).toBeGreaterThan(termWeight(500, 200));
  });

  it('puts the hits sharing the rarer terms first, and keeps the order of those that weigh alike', () => {
    const weights = new Map([
      ['鹏城', termWeight(500, 1)],
      ['实验', termWeight(500, 40)],
      ['验室', termWeight(500, 40)],
    ]);
    const hits = [hit('华南首家 P4 实验室', 6.3), hit('松山湖实验室', 5.7), hit('鹏城云脑智能超级算力平台', 4.4), hit('季华实验室', 3.3)];
    expect(byRareTerms(hits, weights).map((h) => h.entity.name)).toEqual(['鹏城云脑智能超级算力平台', '华南首家 P4 实验室', '松山湖实验室', '季华实验室']);
  });

  it('finds a term in an alias, the English name or the pinyin too, whatever its case', () => {
    const weights = new Map([
      ['pengcheng', termWeight(500, 1)],
      ['lab', termWeight(500, 40)],
    ]);
    const hits = [hit('某实验室', 2, { nameEn: 'Some Lab' }), hit('鹏城云脑', 1, { nameEn: 'Pengcheng Cloud Brain' })];
    expect(byRareTerms(hits, weights).map((h) => h.entity.name)).toEqual(['鹏城云脑', '某实验室']);
  });
});
