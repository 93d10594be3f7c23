// Finds the entities a plan names: registry spellings by dictionary matching,
// short forms inside enumerations (聚焦信息、生命、海洋等重点前沿科学领域), and names
// the registry does not know by their suffixes (discovery).
import { discover } from './discover.ts';
import { gazetteerMatches } from './gazetteer.ts';
import { layouts } from './layouts.ts';
import { Matcher, leftmostLongest } from './matcher.ts';
import type { EntityKind } from './model.ts';
import { fold } from './normalize.ts';
import type { Registry, RegistryEntry } from './registry.ts';

export type RecognitionMethod = 'dictionary' | 'enumeration' | 'discovery' | 'gazetteer';

export interface Candidate {
  start: number;
  end: number;
  /** the registry entry, or null for a name discovery found */
  entry: RegistryEntry | null;
  kind: EntityKind;
  /** the surface text */
  text: string;
  method: RecognitionMethod;
  confidence: number;
}

const matchers = new WeakMap<Registry, Matcher<RegistryEntry>>();

function dictionary(registry: Registry): Matcher<RegistryEntry> {
  let matcher = matchers.get(registry);
  if (!matcher) {
    matcher = new Matcher<RegistryEntry>();
    for (const entry of registry.entries) {
      for (const spelling of new Set([entry.name, ...entry.aliases])) matcher.add(fold(spelling), entry);
    }
    matchers.set(registry, matcher);
  }
  return matcher;
}

// ---- enumerations -------------------------------------------------------

/** What follows an enumeration says what its items are: …等十大战略性支柱产业集群, …等重点前沿科学领域. */
const TAILS: { kind: EntityKind; pattern: RegExp }[] = [
  { kind: 'IndustryCluster', pattern: /^等?[^,;。]{0,12}?产业集群/ },
  { kind: 'Field', pattern: /^等?[^,;。]{0,14}?(领域|学科|方向)/ },
];
// Matching runs on folded text, where full-width ，；：！？ have become ,;:!?
const CLAUSE = /[^,;:!?。\n]+/g;
const CONNECTOR = /^(和|及|与|以及)/;

function shortForms(registry: Registry, kind: EntityKind): Map<string, RegistryEntry> {
  const forms = new Map<string, RegistryEntry>();
  for (const entry of registry.entries) {
    if (entry.kind !== kind) continue;
    for (const form of [...entry.abbreviations, entry.name, ...entry.aliases]) forms.set(fold(form), entry);
  }
  return forms;
}

/** The longest form that is the item itself, a suffix of it (first item) or a prefix of it (last item). */
function resolveItem(
  item: string,
  forms: Map<string, RegistryEntry>,
  where: 'first' | 'middle' | 'last',
): { offset: number; length: number; entry: RegistryEntry } | null {
  const trimmed = item.replace(CONNECTOR, '');
  const lead = item.length - trimmed.length;
  if (where === 'middle') {
    const entry = forms.get(trimmed);
    return entry ? { offset: lead, length: trimmed.length, entry } : null;
  }
  for (let length = trimmed.length; length >= 2; length -= 1) {
    const offset = where === 'first' ? item.length - length : lead;
    const entry = forms.get(item.slice(offset, offset + length));
    if (entry) return { offset, length, entry };
  }
  return null;
}

function enumerations(folded: string, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  const formsByKind = new Map(TAILS.map((t) => [t.kind, shortForms(registry, t.kind)]));
  for (const clause of folded.matchAll(CLAUSE)) {
    const items = clause[0].split('、');
    if (items.length < 2 && !clause[0].includes('等')) continue;
    const lastItem = items[items.length - 1]!;
    const stop = lastItem.indexOf('等');
    for (const tail of TAILS) {
      const forms = formsByKind.get(tail.kind)!;
      const resolved: Candidate[] = [];
      let offset = clause.index;
      items.forEach((item, index) => {
        const where = index === 0 && items.length > 1 ? 'first' : index === items.length - 1 ? 'last' : 'middle';
        const body = where === 'last' && stop >= 0 ? item.slice(0, stop) : item;
        const hit = resolveItem(body, forms, items.length === 1 ? 'first' : where);
        if (hit) {
          const start = offset + hit.offset;
          resolved.push({
            start,
            end: start + hit.length,
            entry: hit.entry,
            kind: tail.kind,
            text: folded.slice(start, start + hit.length),
            method: 'enumeration',
            confidence: 0.9,
          });
        }
        offset += item.length + 1;
      });
      const last = resolved[resolved.length - 1];
      const tailText = last ? folded.slice(last.end, clause.index + clause[0].length) : '';
      const enough = resolved.length >= 2 || (resolved.length === 1 && tailText.startsWith('等'));
      if (last && enough && tail.pattern.test(tailText)) found.push(...resolved);
    }
  }
  return found;
}

// ---- all together ---------------------------------------------------------

export function recognize(text: string, registry: Registry, options: { discover: boolean }): Candidate[] {
  const folded = fold(text);
  const fromDictionary: Candidate[] = dictionary(registry)
    .findLongest(folded)
    .map((m) => ({
      start: m.start,
      end: m.end,
      entry: m.value,
      kind: m.value.kind,
      text: text.slice(m.start, m.end),
      method: 'dictionary' as const,
      confidence: 1,
    }));
  const fromLists = enumerations(folded, registry).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));
  // An enumeration settles what its items are: it replaces dictionary mentions it overlaps.
  const kept = fromDictionary.filter((d) => !fromLists.some((l) => l.start < d.end && d.start < l.end));
  const known = leftmostLongest([...kept, ...fromLists].map((c) => ({ start: c.start, end: c.end, value: c })));
  const all = known.map((m) => m.value);
  if (options.discover) {
    all.push(...discover(folded, text, known), ...layouts(folded, text, known));
    // Places last: a name that holds one (合肥实验室深圳基地) is the name, not the place.
    const places = gazetteerMatches(folded, registry, all).map((m) => ({
      start: m.start,
      end: m.end,
      entry: m.value,
      kind: m.value.kind,
      text: text.slice(m.start, m.end),
      method: 'gazetteer' as const,
      confidence: 1,
    }));
    all.push(...places);
  }
  return all.sort((a, b) => a.start - b.start);
}
