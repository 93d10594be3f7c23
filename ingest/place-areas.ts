// 强化东莞松山湖、佛山三龙湾创新功能; 将广州南沙、深圳前海、珠海横琴等平台打造成…: a list whose every
// item is a city and a short name after it names an area of each city (the city is where it lies,
// which the pipeline reads from the name). The list's own shape says so: a lone 东莞松山湖 might be
// anything, and a list of cities alone (广州、深圳、珠海等) names the cities.
import { gazetteer } from './gazetteer.ts';
import type { Candidate } from './recognize.ts';

const LIST = /(?:\p{Script=Han}{4,}、)+\p{Script=Han}{4,}/gu;
/** What a city's name with a word after it means other than an area (广州地区, 深圳市区, 国家超级计算广州中心、深圳中心). */
const GENERIC = /^(地区|市区|全市|两地|城区|片区|中心|基地)$/u;

function cityAt(text: string, at: number): number {
  const match = gazetteer()
    .matcher.findAll(text.slice(at, at + 4))
    .find((m) => m.start === 0 && m.value.some((p) => p.entry.kind === 'City'));
  return match ? match.end : 0;
}

/** The area an item names after its city, or null: 2 or 3 characters, up to 等 or as long as the first item's. */
function area(item: string, cityEnd: number, length: number | null): string | null {
  const rest = item.slice(cityEnd);
  const stop = rest.indexOf('等');
  const name = stop >= 0 ? rest.slice(0, stop) : length ? rest.slice(0, length) : rest;
  if (name.length < 2 || name.length > 3 || GENERIC.test(name)) return null;
  return name;
}

export function placeAreas(folded: string, text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const list of folded.matchAll(LIST)) {
    const items = list[0].split('、');
    const spans: { start: number; end: number }[] = [];
    let at = list.index;
    let length: number | null = null;
    items.forEach((item, index) => {
      const first = index === 0;
      const last = index === items.length - 1;
      // The first item may open with the verb before it (强化东莞松山湖): its city is the one that leaves an area of 2 or 3.
      const offsets = first ? [item.length - 4, item.length - 5].filter((o) => o >= 0) : [0];
      for (const offset of offsets) {
        const cityEnd = cityAt(item, offset);
        if (!cityEnd) continue;
        const name = area(item.slice(offset), cityEnd, last ? length : null);
        if (!name || (!last && offset + cityEnd + name.length !== item.length)) continue;
        length = name.length;
        spans.push({ start: at + offset, end: at + offset + cityEnd + name.length });
        break;
      }
      at += item.length + 1;
    });
    if (spans.length !== items.length || spans.length < 2) continue;
    for (const { start, end } of spans) {
      found.push({ start, end, entry: null, kind: 'Zone', text: text.slice(start, end), method: 'discovery', confidence: 0.5 });
    }
  }
  return found;
}
