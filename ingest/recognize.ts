// Finds the entities a plan names: registry spellings by dictionary matching,
// short forms inside enumerations (聚焦信息、生命、海洋等重点前沿科学领域), and names
// the registry does not know by their suffixes (discovery).
import { discover } from './discover.ts';
import { facilityLists } from './facility-lists.ts';
import { listedOrganisations } from './organisations.ts';
import { placeAreas } from './place-areas.ts';
import { fundLists, quotedProgrammes } from './programmes.ts';
import { gazetteerMatches } from './gazetteer.ts';
import { clusterGroups, layouts } from './layouts.ts';
import { Matcher, leftmostLongest } from './matcher.ts';
import { shortPartners } from './short-partners.ts';
import { typedLists } from './typed-lists.ts';
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
  /** the entity's name, where the text is only part of it (海洋 of 海洋创新型产业集群) */
  name?: string;
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
/** Two enumerations joined in one clause: 新一代电子信息等十大战略性支柱产业集群和高端装备制造等十大战略性新兴产业集群. */
const JOINED_LISTS = /(?<=产业集群)(?:和|及|以及)/g;

/** A clause's enumerations, each with its offset in the folded text. */
function lists(folded: string): { text: string; index: number }[] {
  const result: { text: string; index: number }[] = [];
  for (const clause of folded.matchAll(CLAUSE)) {
    let from = 0;
    for (const joint of clause[0].matchAll(JOINED_LISTS)) {
      result.push({ text: clause[0].slice(from, joint.index), index: clause.index + from });
      from = joint.index + joint[0].length;
    }
    result.push({ text: clause[0].slice(from), index: clause.index + from });
  }
  return result;
}
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
  for (const clause of lists(folded)) {
    const items = clause.text.split('、');
    if (items.length < 2 && !clause.text.includes('等')) continue;
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
      const tailText = last ? folded.slice(last.end, clause.index + clause.text.length) : '';
      const enough = resolved.length >= 2 || (resolved.length === 1 && tailText.startsWith('等'));
      if (last && enough && tail.pattern.test(tailText)) found.push(...resolved);
    }
  }
  return found;
}

// ---- fields an enumeration names ----------------------------------------------

/**
 * 聚焦/围绕/在/发展 A、B、C等(重点)领域 or 等产业, 以A、B等领域为主攻方向: each item is a field,
 * whether or not the registry knows it; items joined by 和/与 are fields each (现代农业和种业,
 * 集成电路与关键软件). Also a second list after 以及 (…等优势领域以及人工智能、…、脑科学等交叉领域),
 * 加强数学、物理、化学等基础学科, a list named a field without 等 (聚焦深海、深空、深地领域), and items
 * written in Latin letters and digits (在 5G、4K/8K、…等重点领域).
 */
const FIELD_LIST =
  /(?:聚焦|围绕|面向|在|发展|加强|以及|以(?=[^,;。]*等领域为)) ?((?:[\p{Script=Han}A-Za-z0-9/]{2,12}、)+[\p{Script=Han}A-Za-z0-9/]{2,14}?)(等(?:重点|前沿|新兴|战略性|优势|交叉)*(?:科学)?(?:领域|产业|基础学科)|领域)(?!集群|链|基础|体系)/gu;
/** 围绕信息科学、材料科学、生命科学三大领域: the count before 领域 is not part of the last item. */
const COUNT = /[一二三四五六七八九十两]大$/u;
const SUB_FIELD = /和|与|及/;
/** What an item ending so names is an activity, not a field (体制机制建设、营商环境优化等领域). */
const ACTIVITY = /(建设|营造|优化|改革|对接|转化|孵化|攻关|发展|应用|示范|管理|机制|服务)$/u;

export function enumeratedFields(folded: string, text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const list of folded.matchAll(FIELD_LIST)) {
    const items = list[1]!.split('、');
    items.push(items.pop()!.replace(COUNT, ''));
    // Without 等, a list names fields by short words (聚焦深海、深空、深地领域); longer items are kinds of
    // industry (聚焦广东省战略性支柱产业、战略性新兴产业领域), and one that holds 等 (交叉等学科领域) another shape.
    if (list[2] === '领域' && items.some((item) => item.length > 4 || item.includes('等'))) continue;
    // Mostly activities (产业发展、技术攻关、创业孵化、科技金融、成果转化等领域): a list of what is done, not of fields.
    if (items.filter((item) => ACTIVITY.test(item)).length * 2 > items.length) continue;
    let offset = list.index + list[0].indexOf(list[1]!);
    for (const item of items) {
      let at = offset;
      for (const part of item.split(SUB_FIELD)) {
        if (part.length >= 2 && part.length <= 10 && !ACTIVITY.test(part)) {
          found.push({
            start: at,
            end: at + part.length,
            entry: null,
            kind: 'Field',
            text: text.slice(at, at + part.length),
            method: 'enumeration',
            confidence: 0.7,
          });
        }
        at += part.length + 1;
      }
      offset += item.length + 1;
    }
  }
  return found;
}

/** 在能源科学领域，加快建设…: a sentence that opens with a field names it, whatever it goes on to list. */
const OPENING_FIELD = /(?<=^|[。\n])在([\p{Script=Han}A-Za-z0-9]{2,10})领域,/gu;

export function openingFields(folded: string, text: string): Candidate[] {
  return [...folded.matchAll(OPENING_FIELD)].map((m) => {
    const start = m.index + 1;
    const end = start + m[1]!.length;
    return { start, end, entry: null, kind: 'Field', text: text.slice(start, end), method: 'enumeration', confidence: 0.7 };
  });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

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
    all.push(...discover(folded, text, known), ...layouts(folded, text, known), ...clusterGroups(folded, text, known));
    // A facility list names its items whole (未来网络实验装置（深圳）): it replaces what discovery cut from them.
    const facilities = facilityLists(folded, text).filter((f) => !known.some((k) => overlaps(k.value, f)));
    const cut = all.filter((c) => c.method === 'discovery' && facilities.some((f) => overlaps(c, f)));
    all.splice(0, all.length, ...all.filter((c) => !cut.includes(c)), ...facilities);
    // A quoted or listed programme or organisation is found where nothing else is (“一带一路”科技创新行动计划 holds its quote).
    const programmes = [...fundLists(folded, text), ...quotedProgrammes(folded, text), ...listedOrganisations(folded, text), ...placeAreas(folded, text)];
    all.push(...programmes.filter((p) => !all.some((c) => overlaps(c, p))));
    const fields = [...enumeratedFields(folded, text), ...openingFields(folded, text)];
    all.push(...fields.filter((f) => !all.some((c) => overlaps(c, f))));
    all.push(...typedLists(folded, text, all));
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
  all.push(...shortPartners(folded, text, registry, all));
  return all.sort((a, b) => a.start - b.start);
}
