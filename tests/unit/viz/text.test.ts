import { describe, expect, it } from 'vitest';
import { fitText, fitTexts } from '../../../viz/src/text.ts';

// One pixel per character, as if every character were as wide as the next; a label on two lines is as wide as its wider line.
const width = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));

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

  it('puts a name in words on two lines: its first words, then the rest or as many of its last words as fit', () => {
    expect(fitText('Pilot Zone for Financial Innovation', 20, width)).toBe('Pilot Zone for\nFinancial Innovation');
    expect(fitText('Sino-Singapore Guangzhou Knowledge City', 20, width)).toBe('Sino-Singapore\n…Knowledge City');
    // A line may end after a hyphen, as after a space.
    expect(fitText('Guangzhou-Shenzhen-Hong Kong Science and Technology Innovation Corridor', 20, width)).toBe('Guangzhou-Shenzhen-\n…Innovation Corridor');
    expect(fitText('Guangdong Macao In-Depth Cooperation Zone', 12, width)).toBe('Guangdong\n…Zone');
  });

  it('keeps the first words of a name in words on one line where its first word alone is too wide', () => {
    expect(fitText('Supercalifragilistic Center', 12, width)).toBe('Supercalifr…');
  });

  it('keeps a name in words on one line where a label may take only one (a list’s)', () => {
    expect(fitText('Pilot Zone for Financial Innovation', 20, width, 1)).toBe('Pilot Zone for…');
  });

  it('drops a Chinese name’s bracketed qualifier before it cuts, so names that differ at the end read apart', () => {
    // Cut in the middle, both read 中国（东莞… and the 二期 that tells them apart was lost.
    expect(fitText('中国（东莞）散裂中子源', 9, width)).toBe('东莞散裂中子源');
    expect(fitText('中国（东莞）散裂中子源二期', 9, width)).toBe('东莞散裂中子源二期');
    expect(fitText('中国（广东）自由贸易试验区', 9, width)).toBe('广东自由贸易试验区');
    expect(fitText('中以（汕头）科技创新合作区', 9, width)).toBe('中以科技创新合作区');
    expect(fitText('新一轮省重点领域研发计划（2021—2023 年）', 8, width)).toBe('新一轮省…发计划');
    // Kept where the whole name fits.
    expect(fitText('未来网络实验装置（深圳）', 12, width)).toBe('未来网络实验装置（深圳）');
  });

  it('keeps a Chinese name on one line', () => {
    expect(fitText('广州南沙新区创新人才特区', 8, width)).not.toContain('\n');
  });
});

describe('the names of one picture, cut to fit', () => {
  const cut = (names: string[], max: number) =>
    fitTexts(
      names.map((name) => ({ name, width })),
      max,
    );

  it('cuts each name as a lone name is cut when no two then read alike', () => {
    const names = ['横琴粤澳深度合作区', '横琴粤澳深度合作区国际院士谷', '光明科学城'];
    const shown = cut(names, 8);
    for (const name of names) expect(shown.get(name)).toBe(fitText(name, 8, width));
  });

  it('cuts again the names that read alike, until each reads apart and still fits', () => {
    const corridors = [
      'Guangzhou-Shenzhen-Hong Kong Science and Technology Innovation Corridor',
      'Guangzhou-Zhuhai-Macao Science and Technology Innovation Corridor',
      'Guangzhou-Shenzhen-Hong Kong-Macao Science and Technology Innovation Corridor',
    ];
    // Cut alone, the two Shenzhen corridors read the same.
    expect(fitText(corridors[0]!, 20, width)).toBe(fitText(corridors[2]!, 20, width));
    const shown = cut(corridors, 20);
    expect(new Set(shown.values()).size).toBe(3);
    for (const text of shown.values()) expect(width(text)).toBeLessThanOrEqual(20);
    // Each shows where it differs: Zhuhai in its start, Macao or its absence under it, on the second line.
    expect(shown.get(corridors[1]!)).toBe('Guangzhou-Zhuhai-\n…Innovation Corridor');
    expect(shown.get(corridors[2]!)).toBe('Guangzhou-Shenzhen-\n…Kong-Macao Science…');
    expect(shown.get(corridors[0]!)).toBe('Guangzhou-Shenzhen-\n…Kong Science and T…');
  });

  it('tells apart names in words by their last words, on the second line, where the difference is a syllable in the middle', () => {
    const [guangzhou, shenzhen] = ['National Supercomputer Center in Guangzhou', 'National Supercomputing Center in Shenzhen'];
    const shown = cut([guangzhou, shenzhen], 20);
    expect(shown.get(guangzhou)).toBe('National\n…Center in Guangzhou');
    expect(shown.get(shenzhen)).toBe('National\n…Center in Shenzhen');
  });

  it('shows the end of a name that another one begins with', () => {
    const [city, port] = ['Sino-Singapore Guangzhou Knowledge City', 'Sino-Singapore Guangzhou Knowledge City International Talent Free Port'];
    const shown = cut([city, port], 20);
    expect(shown.get(city)).toMatch(/edge City$/);
    // The port shows what the city lacks: its own end.
    expect(shown.get(port)).toMatch(/Free Port$/);
  });
});
