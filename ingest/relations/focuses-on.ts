// 推动松山湖科学城聚焦新材料、新一代信息技术…等领域, 推进光明科学城围绕信息科学、材料科学、
// 生命科学三大领域 — the place or platform named before 聚焦/围绕 FOCUSES_ON each field after it.
// In a 专栏 with no such subject (加强同海南科技创新和产业对接，围绕生物医药、海洋产业…等重点领域
// 开展合作), the box's program is the one that focuses. 以A与B、C等领域为主攻方向 (专栏 8) states a
// focus as well; 以6G为代表的…等领域的发展需求 and 以深圳为主阵地 do not.
import type { EntityKind } from '../model.ts';
import { PLATFORM_KINDS, clauseBounds, kindIn, findAll, type Found, type RelationRule } from './rule.ts';

const VERB = /聚焦|围绕|以(?=[^，。；]*等(?:重点)?领域为)/;
const SUBJECTS = [...PLATFORM_KINDS, 'ScienceCity', 'Zone'] satisfies readonly EntityKind[];

export const focusesOn: RelationRule = {
  id: 'focuses-on',
  apply(context) {
    const found: Found[] = [];
    const programOf = new Map(context.boxes.flatMap(({ program, body }) => body.map((view) => [view, program] as const)));
    for (const view of context.sentences) {
      for (const verb of findAll(view, VERB)) {
        // The subject stands in the verb's clause or the one before it (支持深港科技创新合作区深化…，聚焦生命科学…).
        const previousClause = clauseBounds(context.text, Math.max(clauseBounds(context.text, verb.start).start - 2, view.sentence.start));
        const subject =
          view.mentions.filter((m) => m.start >= previousClause.start && m.end <= verb.start && kindIn(SUBJECTS, m.kind)).at(-1) ?? programOf.get(view);
        if (!subject) continue;
        const clause = clauseBounds(context.text, verb.end);
        for (const field of view.mentions.filter((m) => m.start >= verb.end && m.end <= clause.end && m.kind === 'Field')) {
          found.push({ type: 'FOCUSES_ON', from: subject.nodeId, to: field.nodeId, sentence: view.sentence, confidence: 0.85 });
        }
      }
    }
    return found;
  },
};
