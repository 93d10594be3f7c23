// What every relation rule sees and returns. A rule is a pure function of the
// document's sentences and the entity mentions found in them.
import type { EntityKind, RelationType } from '../model.ts';
import type { Section } from '../types.ts';
import type { BoxProgram } from './box-program.ts';
import type { Lead } from './leads.ts';

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

/** The document as rules read it: its text, its tree, its sentences with their mentions. */
export interface TextView {
  text: string;
  sections: Section[];
  sentences: SentenceView[];
  sectionById: Map<string, Section>;
}

/** What every rule is given: the text, and what several rules read of it, worked out once by the pipeline. */
export interface RuleContext extends TextView {
  /** each 专栏 with the program its heading names */
  boxes: BoxProgram[];
  /** the topic each sentence stands under, where it has one */
  leads: Map<SentenceView, Lead>;
}

export interface Found {
  type: RelationType;
  from: string;
  to: string;
  sentence: Section;
  confidence: number;
  /**
   * Where the plan names the other end, when the sentence stands under it rather than naming it
   * (推进建设横琴粤澳深度合作区。 opening a paragraph, 六、新材料 heading an item): the quote gives it first.
   */
  lead?: Section;
}

/** The lead a finding needs: none when the sentence names the topic itself. */
export const leadFor = (lead: { topic: Mentioned; sentence: Section }, view: SentenceView): Section | undefined =>
  view.mentions.some((m) => m.nodeId === lead.topic.nodeId) ? undefined : lead.sentence;

export interface RelationRule {
  /** stable id, stored as the evidence's method */
  id: string;
  apply(context: RuleContext): Found[];
}

export { PLACE_KINDS, PLATFORM_KINDS, kindIn } from '../model.ts';

/** Clause boundaries inside a sentence: the text between them reads as one statement. */
export function clauseBounds(text: string, at: number): { start: number; end: number } {
  let start = at;
  // A clause never reaches back into the sentence before (加强与中国科学院合作。共同推进…).
  while (start > 0 && !'，,；;：:。！？'.includes(text[start - 1]!)) start -= 1;
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
export function container(context: TextView, sentence: Section, kinds: Section['kind'][]): Section | undefined {
  for (let id = sentence.parentId; id; id = context.sectionById.get(id)?.parentId ?? null) {
    const section = context.sectionById.get(id);
    if (section && kinds.includes(section.kind)) return section;
  }
  return undefined;
}
