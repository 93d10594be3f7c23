// A place a name embeds is where the named thing is: 中山翠亨新区 is in 中山, 中新广州知识城
// in 广州, 合肥实验室深圳基地 in 深圳 (the last city it names: the base, not the laboratory it
// belongs to), 中国（东莞）散裂中子源 in 东莞. Institutions are left out: 中山大学 is named
// for a man, not for the city of 中山.
import { SUFFIXES } from './discover.ts';
import { gazetteer } from './gazetteer.ts';
import { Matcher } from './matcher.ts';
import { PLATFORM_KINDS, kindIn, type EntityKind } from './model.ts';
import { fold } from './normalize.ts';
import type { Registry, RegistryEntry } from './registry.ts';

export const NAME_PLACE_METHOD = 'name-place';

const PLACED = [...PLATFORM_KINDS.filter((k) => k !== 'Institution'), 'ScienceCity', 'Zone'] satisfies readonly EntityKind[];

export interface EmbeddedCity {
  entry: RegistryEntry;
  /** where the city's name stands, as offsets into the name */
  start: number;
  end: number;
  source: 'registry' | 'gazetteer';
}

const matchers = new WeakMap<Registry, Map<boolean, Matcher<EmbeddedCity>>>();

/** City spellings: the registry's, and with the gazetteer those of cities the registry does not know. */
function cities(registry: Registry, withGazetteer: boolean): Matcher<EmbeddedCity> {
  let byOption = matchers.get(registry);
  if (!byOption) matchers.set(registry, (byOption = new Map()));
  let matcher = byOption.get(withGazetteer);
  if (matcher) return matcher;
  matcher = new Matcher<EmbeddedCity>();
  const known = new Set<string>();
  for (const entry of registry.entries) {
    if (entry.kind !== 'City') continue;
    for (const spelling of new Set([entry.name, ...entry.aliases])) {
      known.add(fold(spelling));
      matcher.add(fold(spelling), { entry, start: 0, end: 0, source: 'registry' });
    }
  }
  if (withGazetteer) {
    for (const place of gazetteer().places) {
      if (place.entry.kind !== 'City' || registry.byId.has(place.entry.id)) continue;
      for (const spelling of place.spellings)
        if (!known.has(fold(spelling))) matcher.add(fold(spelling), { entry: place.entry, start: 0, end: 0, source: 'gazetteer' });
    }
  }
  byOption.set(withGazetteer, matcher);
  return matcher;
}

/** The city a name of this kind embeds, the last one it names; null when it names none or is not a kind that is placed. */
export function embeddedCity(name: string, kind: EntityKind, registry: Registry, withGazetteer: boolean): EmbeddedCity | null {
  if (!kindIn(PLACED, kind)) return null;
  const found = cities(registry, withGazetteer).findLongest(fold(name));
  const last = found.at(-1);
  // The whole name a city is no name that embeds one.
  if (!last || (last.start === 0 && last.end === name.length)) return null;
  return { ...last.value, start: last.start, end: last.end };
}

/** What a branch of something is called after the city it is in: 合肥实验室深圳基地, 深港科技创新合作区深圳园区. */
const BRANCH = /^(基地|园区|分中心|分院|分部)$/;

export interface Parent {
  name: string;
  kind: EntityKind;
}

/** The thing a name is a branch of, named before the city it embeds (合肥实验室 in 合肥实验室深圳基地); null when it is none. */
export function branchOf(name: string, city: EmbeddedCity): Parent | null {
  const before = name.slice(0, city.start);
  if (!BRANCH.test(name.slice(city.end)) || before.length < 3) return null;
  const suffix = SUFFIXES.find(([s]) => before.endsWith(s));
  return suffix ? { name: before, kind: suffix[1] } : null;
}
