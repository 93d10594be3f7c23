// 完善穗港澳联合创新机制, 创新广深港科技合作机制: one-character short names run together before a
// word of cooperation name cities, each a mention of its own (穗 and 广 广州, 深 深圳, 港 香港,
// 澳 澳门) that relations/cooperates.ts pairs. Only where no name covers them: 深港 inside
// 前海深港现代服务业合作区 or “广深港”科技创新走廊 is part of that name; 粤 is the province the
// plan is the plan of, and 港珠澳大桥 a bridge.
import { gazetteer } from './gazetteer.ts';
import type { Registry, RegistryEntry } from './registry.ts';
import type { Candidate } from './recognize.ts';

const SHORT: Record<string, string> = {
  穗: '广州',
  广: '广州',
  深: '深圳',
  珠: '珠海',
  莞: '东莞',
  佛: '佛山',
  惠: '惠州',
  肇: '肇庆',
  港: '香港',
  澳: '澳门',
};
/**
 * The cities a name lists by their short names at its start, as a corridor is named for the cities
 * it runs through: “广深港”科技创新走廊 lists 广州, 深圳 and 香港, each with where its character
 * stands in the name. The same reading as a cooperation's parties below, so the plan's one spelling
 * says the same of each city wherever it is read.
 */
export function citiesInShortName(name: string): { city: string; offset: number }[] {
  const run = /^([“"]?)([穗广深珠莞佛惠肇港澳]{2,4})[”"]?/u.exec(name);
  return run ? [...run[2]!].map((char, i) => ({ city: SHORT[char]!, offset: run[1]!.length + i })) : [];
}

/** Mainland short names, then Hong Kong's and Macao's, then (soon after) a word of cooperation. */
const COMPOUND = /(?<![港澳粤])[穗广深珠莞佛惠肇]{1,3}[港澳]{1,2}(?=[^,;。“”]{0,6}?(联合|合作|协同|联动))/gu;

/** A city by its full name, as the registry knows it or else (`withGazetteer`) the gazetteer. */
export function cityNamed(name: string, registry: Registry, withGazetteer = true): { entry: RegistryEntry; source: 'registry' | 'gazetteer' } | undefined {
  const known = registry.entries.find((e) => e.kind === 'City' && e.name === name);
  if (known) return { entry: known, source: 'registry' };
  const place = withGazetteer ? gazetteer().places.find((p) => p.entry.kind === 'City' && p.entry.name === name) : undefined;
  return place ? { entry: place.entry, source: 'gazetteer' } : undefined;
}

export function shortPartners(folded: string, text: string, registry: Registry, taken: { start: number; end: number }[]): Candidate[] {
  const found: Candidate[] = [];
  for (const match of folded.matchAll(COMPOUND)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    [...match[0]].forEach((char, i) => {
      const city = cityNamed(SHORT[char]!, registry);
      if (city)
        found.push({
          start: start + i,
          end: start + i + 1,
          entry: city.entry,
          kind: 'City',
          text: text.slice(start + i, start + i + 1),
          method: city.source === 'registry' ? 'dictionary' : 'gazetteer',
          confidence: 0.8,
        });
    });
  }
  return found;
}
