// 优化广州人工智能与数字经济试验区、南沙科学城、中新广州知识城、广州科学城等“一区三城”布局 — the
// places listed before 等“<layout>” are PART_OF it; 强化“一核”创新引领功能 under 推动“一核一带一区”
// 创新协调发展 — a part quoted alone is PART_OF the nearest layout named before it that has it.
// 面向新一代电子信息等十大战略性支柱产业集群 — the clusters listed before 等<group> are its members.
import { CLUSTER_GROUP_NAME, layoutPairs } from '../layouts.ts';
import type { EntityKind } from '../model.ts';
import { PLATFORM_KINDS, PLACE_KINDS, clauseBounds, kindIn, type Found, type Mentioned, type RelationRule } from './rule.ts';

const MEMBERS = [...PLACE_KINDS, ...PLATFORM_KINDS] satisfies readonly EntityKind[];

/** 十大战略性支柱产业集群: a numbered group of clusters. */
function isClusterGroup(text: string, m: Mentioned): boolean {
  return m.kind === 'IndustryCluster' && CLUSTER_GROUP_NAME.test(text.slice(m.start, m.end));
}

export const layout: RelationRule = {
  id: 'layout',
  apply(context) {
    const found: Found[] = [];
    const nameOf = (m: Mentioned) => context.text.slice(m.start, m.end);
    const quoted = (m: Mentioned) => context.text[m.start - 1] === '“' && context.text[m.end] === '”';
    const wholes: Mentioned[] = [];
    for (const view of context.sentences) {
      for (const group of view.mentions.filter((m) => isClusterGroup(context.text, m))) {
        if (!/等$/.test(context.text.slice(0, group.start))) continue;
        const clause = clauseBounds(context.text, group.start);
        const listed = view.mentions.filter((x) => x.kind === 'IndustryCluster' && x.start >= clause.start && x.end < group.start);
        // Only the list right before this 等: 新一代电子信息等十大…和高端装备制造等十大… are two lists.
        const after = listed.findLastIndex((x) => isClusterGroup(context.text, x));
        for (const member of listed.slice(after + 1))
          found.push({ type: 'PART_OF', from: member.nodeId, to: group.nodeId, sentence: view.sentence, confidence: 0.85 });
      }
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
