import { describe, expect, it } from 'vitest';
import { keySlips, luceneQuery, pinyinKey, similarQuery } from '../../graph/queries/search.ts';

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
});
