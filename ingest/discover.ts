// Discovery: names the registry does not know, found by the suffixes that end the
// names of things a plan builds (…实验室, …科学城, …行动计划), trimmed of the verbs
// and modifiers before them, and kept only when what remains is a name rather than
// a category (国家重点实验室 is a tier of laboratory, not a laboratory).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { IngestError } from './errors.ts';
import { gazetteer } from './gazetteer.ts';
import type { Match } from './matcher.ts';
import { isEntityKind, type EntityKind } from './model.ts';
import type { Candidate } from './recognize.ts';

/** The lexicon discovery reads names by: data, so that it can be extended without touching a pattern. */
interface Lexicon {
  suffixes: [string, string, 'proper'?][];
  boundaries: string[];
  guardedBoundaries: { word: string; notAfter?: string[]; notBefore?: string[] }[];
  modifiers: string[];
  categories: string[];
  properHints: string[];
  roles: string[];
  belongings: string[];
}

const LEXICON_PATH = fileURLToPath(new URL('../data/lexicon/discovery.yaml', import.meta.url));

function loadLexicon(): Lexicon {
  const lexicon = parse(fs.readFileSync(LEXICON_PATH, 'utf8')) as Lexicon;
  for (const [suffix, kind] of lexicon.suffixes) {
    if (!isEntityKind(kind)) throw new IngestError('registry', `${LEXICON_PATH}: suffix ${suffix} has unknown kind ${kind}`, { path: LEXICON_PATH });
  }
  return lexicon;
}

const LEXICON = loadLexicon();

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternatives(words: string[]): string {
  return words.map(escape).join('|');
}

/** Suffixes and the kind each implies; longer suffixes first so 创新中心 wins over 中心. */
export const SUFFIXES: [string, EntityKind][] = LEXICON.suffixes
  .map(([suffix, kind]): [string, EntityKind] => [suffix, kind as EntityKind])
  .sort((a, b) => b[0].length - a[0].length);
const NEEDS_HINT = new Set(LEXICON.suffixes.filter(([, , proper]) => proper === 'proper').map(([suffix]) => suffix));

const ANY_SUFFIX = alternatives(SUFFIXES.map(([s]) => s));
const SUFFIX = new RegExp(`[\\p{Script=Han}A-Za-z0-9（）()“”—+]{2,30}?(?:${ANY_SUFFIX})`, 'gu');

const GUARDED = LEXICON.guardedBoundaries.map(({ word, notAfter = [], notBefore = [] }) => {
  const after = notAfter.length ? `(?<!${alternatives(notAfter)})` : '';
  const before = notBefore.length ? `(?!${alternatives(notBefore)})` : '';
  return `${after}${escape(word)}${before}`;
});
/** Verbs and particles that end the words before a name: the name starts after the last of them. */
const BOUNDARY = new RegExp(`.*(${[...LEXICON.boundaries.map(escape), ...GUARDED].join('|')})`, 'u');
/** A name may run on past a first suffix: 中国科学院 + 大学广州学院, 暨南大学 + 伯明翰大学联合学院. */
const CONTINUATION = new RegExp(`[\\p{Script=Han}A-Za-z0-9（）()]{0,12}?(?:${ANY_SUFFIX})`, 'uy');

const CONJUNCTION = '和|与|及|或';
/** Modifiers and a category, with nothing else: a category rather than a name (国家重点实验室). */
const GENERIC = new RegExp(`^((${alternatives(LEXICON.modifiers)})(${CONJUNCTION})?)*(${alternatives(LEXICON.categories)})$`, 'u');
const SUFFIX_AT_END = new RegExp(`(${ANY_SUFFIX})$`, 'u');
/** What a name cannot start with: a closing quote or bracket, a dash, a conjunction. */
const LEADING_JUNK = new RegExp(`^([”）)—]|${CONJUNCTION})+`, 'u');
const JOINED = new RegExp(`(${CONJUNCTION})`, 'gu');
/** What a city is to become (粤东地区区域创新中心) is a role, not a name. */
const ROLE = new RegExp(`(${alternatives(LEXICON.roles)})$`, 'u');

/** A thing of a name's, written straight after it (…钻采船深水码头): a sentence about it states nothing of the name's links. */
const BELONGING = new RegExp(`(${alternatives(LEXICON.belongings)})`, 'uy');
export function namesBelonging(text: string, end: number): boolean {
  BELONGING.lastIndex = end;
  return BELONGING.test(text);
}

/**
 * 研发…技术装备、高效产能模拟实验装置: a clause that develops equipment names what is to be made, a
 * product of research, not a facility the province builds or runs.
 */
const DEVELOPED = /(?:^|[,;。])(?:研发|研制)[^,;。]*$/u;

/** Characters before the suffix that a name has at least (季华实验室); shorter stems are modifiers (省实验室). */
const MIN_STEM = 2;
const PROPER_HINT = new RegExp(`(${alternatives(LEXICON.properHints)})`, 'u');
const LEADING_MODIFIER = new RegExp(`^(${alternatives([...LEXICON.modifiers].sort((a, b) => b.length - a.length))})`, 'u');

/**
 * 建设国家级海洋科技合作基地，(or holds: 举办好大湾区科学论坛，): a name the plan builds as a clause of its own, whose stem holds a
 * subject of its own (海洋科技, 知识产权) once the modifiers are gone, is named even without a
 * place or quote. A category (科普基地) has no such stem; one joined by 和 (科技和人才交流) is two;
 * one ending in a process (中试熟化, 集群化) says how such bases work, not which one this is.
 */
function builtAlone(folded: string, start: number, end: number, suffix: string): boolean {
  if (!/(建设|构建|举办好?)$/.test(folded.slice(0, start)) || !/^[,;。]/.test(folded.slice(end))) return false;
  let stem = folded.slice(start, end - suffix.length);
  for (let lead = LEADING_MODIFIER.exec(stem); lead && lead[0].length < stem.length; lead = LEADING_MODIFIER.exec(stem)) stem = stem.slice(lead[0].length);
  return stem.length >= 4 && !stem.endsWith('化') && !new RegExp(CONJUNCTION).test(stem) && !LEADING_MODIFIER.test(stem);
}

function extend(folded: string, at: number): string | null {
  CONTINUATION.lastIndex = at;
  const more = CONTINUATION.exec(folded)?.[0];
  return more && !BOUNDARY.test(more.slice(0, -2)) ? more : null;
}

/** Turns one suffix match into zero or more names: trimmed, split where two names are joined (A实验室和B实验室). */
function names(raw: string, rawStart: number): { name: string; start: number }[] {
  let name = raw;
  let start = rawStart;
  const boundary = BOUNDARY.exec(name.slice(0, -2));
  if (boundary) {
    start += boundary[0].length;
    name = name.slice(boundary[0].length);
  }
  const lead = LEADING_JUNK.exec(name)?.[0].length ?? 0;
  start += lead;
  name = name.slice(lead);
  for (const conjunction of name.matchAll(JOINED)) {
    const before = name.slice(0, conjunction.index);
    if (SUFFIX_AT_END.test(before)) {
      const after = conjunction.index + conjunction[0].length;
      return [{ name: before, start }, ...names(name.slice(after), start + after)];
    }
  }
  return [{ name, start }];
}

/**
 * 对接国家“一带一路”科技创新行动计划, 落实国家珠江—西江经济带发展规划: 国家 before a quote or a
 * named place says whose the thing is; the name starts after it (国家基因库 keeps it: 基因库 is no place).
 */
function qualified(name: string): number {
  if (!name.startsWith('国家')) return 0;
  const rest = name.slice(2);
  if (rest.startsWith('“')) return 2;
  return gazetteer()
    .matcher.findAll(rest)
    .some((m) => m.start === 0 && m.end >= 3)
    ? 2
    : 0;
}

export function discover(folded: string, text: string, taken: Match<unknown>[]): Candidate[] {
  const found: Candidate[] = [];
  SUFFIX.lastIndex = 0;
  for (let match = SUFFIX.exec(folded); match; match = SUFFIX.exec(folded)) {
    let raw = match[0];
    for (let more = extend(folded, match.index + raw.length); more; more = extend(folded, match.index + raw.length)) raw += more;
    SUFFIX.lastIndex = match.index + raw.length;
    for (const named of names(raw, match.index)) {
      const qualifier = qualified(named.name);
      let name = named.name.slice(qualifier);
      let start = named.start + qualifier;
      const suffix = SUFFIXES.find(([s]) => name.endsWith(s));
      if (!suffix || name.length - suffix[0].replace('”', '').length < MIN_STEM || GENERIC.test(name.replace(/[“”]/g, '')) || ROLE.test(name)) continue;
      // A bracket left open (各类开发区（园区）) is a cut through a phrase, not a name.
      if ((name.match(/[（(]/g) ?? []).length !== (name.match(/[）)]/g) ?? []).length) continue;
      // Two quotes side by side (“大中小型企业联合创新计划”“大企业命题挑战赛”) are two names.
      if (name.includes('”“')) continue;
      // 持续办好“岭南科学论坛”: the quote is the name, closed right after it; the words before it are the sentence's.
      const opened = name.lastIndexOf('“');
      if (opened > 0 && !name.includes('”', opened)) {
        if (folded[start + name.length] !== '”') continue; // a cut through a quote
        start += opened;
        name = `${name.slice(opened)}”`;
      }
      const hinted = PROPER_HINT.test(name) || /[“（(]/.test(name);
      const end = start + name.length;
      const alone = builtAlone(folded, start, end, suffix[0]);
      if (NEEDS_HINT.has(suffix[0]) && !hinted && !alone) continue;
      if (suffix[1] === 'Facility' && DEVELOPED.test(folded.slice(Math.max(0, start - 200), start))) continue;
      // Where a registry name covers (part of) the span, the registry knows better; unless the span is a
      // name of its own that holds registry names well inside it (中国科协“海智计划”广东（汕头）工作基地,
      // 泛珠三角区域科技交易网络): a quoted or bracketed name, or one built alone, whose last words are its own.
      const overlapping = taken.filter((t) => t.start < end && start < t.end);
      const holds = (/[“（(]/.test(name) || alone) && overlapping.every((t) => t.start >= start && t.end <= end - 4);
      if (overlapping.length > 0 && !holds) continue;
      found.push({
        start,
        end,
        entry: null,
        kind: suffix[1],
        text: text.slice(start, end),
        method: 'discovery',
        confidence: hinted ? 0.6 : 0.4,
      });
    }
  }
  return found;
}
