// Each 专栏 (box) stands for a program: the Program named by the box's heading.
import type { Section } from '../types.ts';
import type { Mentioned, RuleContext, SentenceView } from './rule.ts';

export interface BoxProgram {
  box: Section;
  program: Mentioned;
  /** the sentences inside the box, heading excluded */
  body: SentenceView[];
}

/** Both supports and targets read the boxes' programs: find them once per context. */
const computed = new WeakMap<RuleContext, BoxProgram[]>();

export function boxPrograms(context: RuleContext): BoxProgram[] {
  const known = computed.get(context);
  if (known) return known;
  const result: BoxProgram[] = [];
  computed.set(context, result);
  for (const box of context.sections.filter((s) => s.kind === 'box')) {
    const inside = context.sentences.filter((v) => v.sentence.start >= box.start && v.sentence.end <= box.end);
    const heading = inside.find((v) => v.sentence.parentId === box.id);
    const program = heading?.mentions.find((m) => m.kind === 'Program');
    if (program) result.push({ box, program, body: inside.filter((v) => v !== heading) });
  }
  return result;
}
