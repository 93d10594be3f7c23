import { describe, expect, it } from 'vitest';
import { fitText } from '../../../viz/src/text.ts';

// One pixel per character, as if every character were as wide as the next.
const width = (text: string) => [...text].length;

describe('a label too wide for its place', () => {
  it('is kept whole when it fits', () => {
    expect(fitText('横琴粤澳深度合作区', 9, width)).toBe('横琴粤澳深度合作区');
  });

  it('keeps its start and its end, so names that share a start stay apart', () => {
    const host = fitText('横琴粤澳深度合作区', 8, width);
    const valley = fitText('横琴粤澳深度合作区国际院士谷', 8, width);
    expect(valley).toBe('横琴粤澳…院士谷');
    expect(host).toBe('横琴粤澳…合作区');
    expect(valley).not.toBe(host);
    for (const shown of [host, valley]) expect(width(shown)).toBeLessThanOrEqual(8);
  });

  it('drops the spaces next to the ellipsis', () => {
    expect(fitText('Guangdong Macao In-Depth Cooperation Zone', 12, width)).toBe('Guangd…Zone');
  });
});
