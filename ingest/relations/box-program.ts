// Each 专栏 (box) stands for a program: the Program named by the box's heading.
import type { Section } from '../types.ts';
import type { Mentioned, SentenceView, TextView } from './rule.ts';

export interface BoxProgram {
  box: Section;
  program: Mentioned;
  /** the sentences inside the box, heading excluded */
  body: SentenceView[];
}

/** Several rules read the boxes' programs: the pipeline finds them once and hands them to every rule. */
export function boxPrograms(context: TextView): BoxProgram[] {
  const result: BoxProgram[] = [];
  for (const box of context.sections.filter((s) => s.kind === 'box')) {
    const inside = context.sentences.filter((v) => v.sentence.start >= box.start && v.sentence.end <= box.end);
    const heading = inside.find((v) => v.sentence.parentId === box.id);
    const program = heading?.mentions.find((m) => m.kind === 'Program');
    if (program) result.push({ box, program, body: inside.filter((v) => v !== heading) });
  }
  return result;
}
