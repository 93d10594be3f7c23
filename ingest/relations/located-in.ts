// 支持湛江建设湛江湾实验室, 支持汕头依托…, 与广州市共建明珠科学园 — what the sentence
// has a city build is LOCATED_IN that city.
import type { Mentioned } from './rule.ts';
import type { EntityKind } from '../model.ts';
import { PLATFORM_KINDS, clauseBounds, kindIn, type Found, type RelationRule } from './rule.ts';

const BEFORE = /(支持|推动|引导|鼓励|与)$/;
const AFTER = /^(建设|打造|依托|创建|共建|实施|加快|完善)/;
const PLACED = [...PLATFORM_KINDS, 'ScienceCity', 'Zone'] satisfies readonly EntityKind[];

/**
 * What the registry already places in this city is confirmed anywhere in the sentence
 * (支持汕头依托…，加快推进…，提升汕头大学…); anything else only in the city's own clause, and
 * never an institution, which is a national body more often than a local one.
 */
function placeable(target: Mentioned, city: Mentioned, clauseEnd: number): boolean {
  if (!kindIn(PLACED, target.kind)) return false;
  if (target.city) return target.city === city.nodeId;
  return target.kind !== 'Institution' && target.end <= clauseEnd;
}

export const locatedIn: RelationRule = {
  id: 'located-in',
  apply(context) {
    const found: Found[] = [];
    for (const view of context.sentences) {
      const offset = view.sentence.start;
      view.mentions.forEach((city, index) => {
        if (city.kind !== 'City') return;
        const before = view.text.slice(0, city.start - offset);
        const after = view.text.slice(city.end - offset);
        if (!BEFORE.test(before) || !AFTER.test(after)) return;
        const { end: clauseEnd } = clauseBounds(context.text, city.end);
        const rest = view.mentions.slice(index + 1);
        const stop = rest.findIndex((m) => m.kind === 'City');
        for (const target of stop < 0 ? rest : rest.slice(0, stop)) {
          if (placeable(target, city, clauseEnd))
            found.push({ type: 'LOCATED_IN', from: target.nodeId, to: city.nodeId, sentence: view.sentence, confidence: 0.8 });
        }
      });
    }
    return found;
  },
};
