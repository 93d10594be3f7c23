// Groupings the plan names as a whole: quoted layouts such as “一区三城” and “一核一带一区”, and
// their parts quoted on their own later (强化“一核”创新引领功能), each a Zone; and the numbered
// groups of clusters (十大战略性支柱产业集群, 十大战略性新兴产业集群), each an IndustryCluster.
// relations/layout.ts makes the listed members and the quoted parts PART_OF them.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Match } from './matcher.ts';
import type { Candidate } from './recognize.ts';

const LEXICON_PATH = fileURLToPath(new URL('../data/lexicon/discovery.yaml', import.meta.url));
const PARTS = (parse(fs.readFileSync(LEXICON_PATH, 'utf8')) as { layoutParts: string[] }).layoutParts.join('');
const NUMERAL = '一二两三四五六七八九十';
const PAIR = `[${NUMERAL}][${PARTS}]`;
/** A quoted layout of two or more numeral-part pairs, or a single pair quoted on its own. */
const QUOTED = new RegExp(`“((?:${PAIR}){1,4})”`, 'gu');
export const LAYOUT_CONFIDENCE = 0.7;

/** The numeral-part pairs a layout is made of: 一核一带一区 → 一核, 一带, 一区. */
export function layoutPairs(name: string): string[] {
  return name.match(new RegExp(PAIR, 'gu')) ?? [];
}

export function layouts(folded: string, text: string, taken: Match<unknown>[]): Candidate[] {
  const found: Candidate[] = [];
  const wholes: string[] = [];
  for (const match of folded.matchAll(QUOTED)) {
    const name = match[1]!;
    const start = match.index + 1;
    const end = start + name.length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    const pairs = layoutPairs(name);
    if (pairs.length >= 2) wholes.push(name);
    // A lone pair counts only as the part of a layout named before it (“一核” after “一核一带一区”).
    else if (!wholes.some((whole) => layoutPairs(whole).includes(name))) continue;
    found.push({ start, end, entry: null, kind: 'Zone', text: text.slice(start, end), method: 'discovery', confidence: LAYOUT_CONFIDENCE });
  }
  return found;
}

/** 十大战略性支柱产业集群: a count of clusters named as one group (not 产业集群 alone, which is a kind). */
const CLUSTER_GROUP = new RegExp(`[${NUMERAL.slice(1)}]大[\\p{Script=Han}]{2,8}?产业集群`, 'gu');
export const CLUSTER_GROUP_NAME = new RegExp(`^${CLUSTER_GROUP.source}$`, 'u');

export function clusterGroups(folded: string, text: string, taken: Match<unknown>[]): Candidate[] {
  const found: Candidate[] = [];
  for (const match of folded.matchAll(CLUSTER_GROUP)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    found.push({ start, end, entry: null, kind: 'IndustryCluster', text: text.slice(start, end), method: 'discovery', confidence: LAYOUT_CONFIDENCE });
  }
  return found;
}
