// 以光明科学城、松山湖科学城、南沙科学城等为主要承载区打造综合性国家科学中心 —
// the carriers are PART_OF what they carry.
import { findAll, type Found, type RelationRule } from './rule.ts';

const CARRIER = /以([^。；，]{2,80}?)等?为主要承载区(打造|建设)/;

export const partOf: RelationRule = {
  id: 'part-of',
  apply(context) {
    const found: Found[] = [];
    for (const view of context.sentences) {
      for (const carrier of findAll(view, CARRIER)) {
        const parts = view.mentions.filter((m) => m.start > carrier.start && m.end <= carrier.end);
        const whole = view.mentions.find((m) => m.start >= carrier.end);
        if (!whole) continue;
        for (const part of parts) found.push({ type: 'PART_OF', from: part.nodeId, to: whole.nodeId, sentence: view.sentence, confidence: 0.9 });
      }
    }
    return found;
  },
};
