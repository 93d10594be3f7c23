// What every relation rule sees and returns. A rule is a pure function of the
// document's sentences and the entity mentions found in them.
import type { EntityKind, RelationType } from '../model.ts';
import type { Section } from '../types.ts';

export interface Mentioned {
  nodeId: string;
  kind: EntityKind;
  /** the city the registry places the entity in, if any */
  city: string | null;
  start: number;
  end: number;
}

export interface SentenceView {
  sentence: Section;
  text: string;
  /** mentions inside the sentence, in text order */
  mentions: Mentioned[];
}

export interface RuleContext {
  text: string;
  sections: Section[];
  sentences: SentenceView[];
  sectionById: Map<string, Section>;
}

export interface Found {
  type: RelationType;
  from: string;
  to: string;
  sentence: Section;
  confidence: number;
}

export interface RelationRule {
  /** stable id, stored as the evidence's method */
  id: string;
  apply(context: RuleContext): Found[];
}

export const PLATFORM_KINDS: EntityKind[] = ['Lab', 'Facility', 'InnovationCenter', 'Institution'];
export const PLACE_KINDS: EntityKind[] = ['City', 'ScienceCity', 'Zone'];

/** Clause boundaries inside a sentence: the text between them reads as one statement. */
export function clauseBounds(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !'，,；;：:'.includes(text[start - 1]!)) start -= 1;
  let end = at;
  while (end < text.length && !'，,；;：:。'.includes(text[end]!)) end += 1;
  return { start, end };
}

/** Every match of a pattern, as offsets into the document. */
export function findAll(view: SentenceView, pattern: RegExp): { start: number; end: number; match: RegExpExecArray }[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const base = view.sentence.start;
  return [...view.text.matchAll(global)].map((m) => ({ start: base + m.index, end: base + m.index + m[0].length, match: m }));
}

/** The box or numbered item a sentence stands in, nearest first. */
export function container(context: RuleContext, sentence: Section, kinds: Section['kind'][]): Section | undefined {
  for (let id = sentence.parentId; id; id = context.sectionById.get(id)?.parentId ?? null) {
    const section = context.sectionById.get(id);
    if (section && kinds.includes(section.kind)) return section;
  }
  return undefined;
}
