// 优化广州人工智能与数字经济试验区、南沙科学城、中新广州知识城、广州科学城等“一区三城”布局 — the
// places listed before 等“<layout>” are PART_OF it; 强化“一核”创新引领功能 under 推动“一核一带一区”
// 创新协调发展 — a part quoted alone is PART_OF the nearest layout named before it that has it.
import { layoutPairs } from '../layouts.ts';
import type { EntityKind } from '../model.ts';
import { PLATFORM_KINDS, PLACE_KINDS, clauseBounds, kindIn, type Found, type Mentioned, type RelationRule } from './rule.ts';

const MEMBERS = [...PLACE_KINDS, ...PLATFORM_KINDS] satisfies readonly EntityKind[];

export const layout: RelationRule = {
  id: 'layout',
  apply(context) {
    const found: Found[] = [];
    const nameOf = (m: Mentioned) => context.text.slice(m.start, m.end);
    const quoted = (m: Mentioned) => context.text[m.start - 1] === '“' && context.text[m.end] === '”';
    const wholes: Mentioned[] = [];
    for (const view of context.sentences) {
      for (const m of view.mentions) {
        if (m.kind !== 'Zone' || !quoted(m)) continue;
        const pairs = layoutPairs(nameOf(m));
        if (pairs.length === 0 || pairs.join('') !== nameOf(m)) continue;
        if (pairs.length >= 2) {
          wholes.push(m);
          if (!/等$/.test(context.text.slice(0, m.start - 1))) continue;
          const clause = clauseBounds(context.text, m.start);
          for (const member of view.mentions.filter((x) => x.start >= clause.start && x.end < m.start && kindIn(MEMBERS, x.kind))) {
            found.push({ type: 'PART_OF', from: member.nodeId, to: m.nodeId, sentence: view.sentence, confidence: 0.85 });
          }
          continue;
        }
        const whole = wholes.findLast((w) => layoutPairs(nameOf(w)).includes(nameOf(m)));
        if (whole) found.push({ type: 'PART_OF', from: m.nodeId, to: whole.nodeId, sentence: view.sentence, confidence: 0.8 });
      }
    }
    return found;
  },
};
