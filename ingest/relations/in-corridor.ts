// 依托广州科学城、光明科学城…等重点创新平台，建设“广深港”科技创新走廊; 加快推进南沙科学城、
// 珠海西部生态新区…等重点创新平台建设，形成“广珠澳”科技创新走廊 — the places a sentence
// builds a corridor on are IN_CORRIDOR.
import { PLACE_KINDS, findAll, kindIn, type Found, type RelationRule } from './rule.ts';

const BUILDS = /(建设|形成|打造)[“"]?[^，。；]{0,12}?走廊/;

export const inCorridor: RelationRule = {
  id: 'in-corridor',
  apply(context) {
    const found: Found[] = [];
    for (const view of context.sentences) {
      for (const builds of findAll(view, BUILDS)) {
        const corridor = view.mentions.find((m) => m.kind === 'Corridor' && m.start >= builds.start && m.end <= builds.end + 2);
        if (!corridor) continue;
        for (const place of view.mentions.filter((m) => m.end <= builds.start && kindIn(PLACE_KINDS, m.kind))) {
          found.push({ type: 'IN_CORRIDOR', from: place.nodeId, to: corridor.nodeId, sentence: view.sentence, confidence: 0.9 });
        }
      }
    }
    return found;
  },
};
