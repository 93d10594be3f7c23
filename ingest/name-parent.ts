// An organisation a name embeds is named there too, and the named thing belongs to it:
// 中国科学院大学广州学院 is a college of 中国科学院大学, 暨南大学伯明翰大学联合学院 one of 暨南大学;
// 中科院沈阳自动化所广东智能无人系统研究院 is an institute 中科院沈阳自动化所 sets up (HOSTED_BY),
// and 中科院沈阳自动化所 is part of 中国科学院, whose short name opens it.
import type { RelationType } from './model.ts';

export const NAME_PARENT_METHOD = 'name-parent';

export interface EmbeddedParent {
  name: string;
  /** how many characters at the start of the name name the parent (中科院 for 中国科学院) */
  length: number;
  type: RelationType;
}

/** The Chinese Academy of Sciences, whose short or full name opens the names of its institutes and university. */
export const ACADEMY = { name: '中国科学院', spellings: ['中国科学院', '中科院'] };

/** `<university|institute><college|institute>`: the first part names the organisation, the second what it runs. */
const PARENT_THEN_UNIT = /^(.{2,12}?(?:大学|所))(.{2,14}?(学院|研究院))$/u;

/** The organisation an institution's name opens with, and how the institution belongs to it; null when none. */
export function embeddedParent(name: string): EmbeddedParent | null {
  const match = PARENT_THEN_UNIT.exec(name);
  if (match) return { name: match[1]!, length: match[1]!.length, type: match[3] === '学院' ? 'PART_OF' : 'HOSTED_BY' };
  // 中科院沈阳自动化所, 中国科学院大学: a unit of the academy its name opens with.
  const academy = ACADEMY.spellings.find((s) => name.startsWith(s) && name.length > s.length);
  return academy ? { name: ACADEMY.name, length: academy.length, type: 'PART_OF' } : null;
}

/**
 * 中国科协“海智计划”广东（汕头）工作基地: a platform whose name opens with an organisation and quotes a
 * programme is hosted by the one and part of the other. Only a quote opened right after the organisation
 * counts, so a name that merely quotes a slogan later on (…“1+9+N”…) is left alone.
 */
const HOST_QUOTE_REST = /^(\p{Script=Han}{2,8})(“[^”]{2,12}”)\p{Script=Han}/u;

export interface EmbeddedProgramme {
  host: string;
  /** the programme as quoted, quotes included, and where it stands in the name */
  programme: string;
  at: number;
}

export function embeddedProgramme(name: string): EmbeddedProgramme | null {
  const match = HOST_QUOTE_REST.exec(name);
  return match ? { host: match[1]!, programme: match[2]!, at: match[1]!.length } : null;
}

/** 国家基因库二期, 中国（东莞）散裂中子源二期: a later phase of a facility is part of the facility. */
const PHASE = /^(.{3,}?)[一二三四五]期$/u;

/** The facility a phase is a phase of, named before it; null when the name is no phase. */
export function phaseOf(name: string): string | null {
  return PHASE.exec(name)?.[1] ?? null;
}
