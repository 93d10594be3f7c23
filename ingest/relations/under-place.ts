// A box paragraph about a place (推进建设横琴粤澳深度合作区。…, 支持汕头建设粤东地区区域创新中心。…)
// places there what it builds: 加快建设广东省智能科学与技术研究院 → LOCATED_IN 横琴粤澳深度合作区,
// 加快打造前海国际人才港 → PART_OF 前海深港现代服务业合作区 (a zone in a zone). Under a city, the
// zones and platforms it names are in the city whether built or built on (支持汕头依托华侨经济文化
// 合作试验区…), institutions only when raised (提升汕头大学…科研水平), as 依托中国科协 names a
// national body. The fields the paragraph develops (大力发展集成电路、电子元器件…等产业; 在人工智能、
// 健康医疗、金融科技等领域率先开展…) are the place's focus.
import type { EntityKind } from '../model.ts';
import { buildVerb } from './built.ts';
import { PLACE_KINDS, PLATFORM_KINDS, container, findAll, kindIn, leadFor, type Found, type Mentioned, type RelationRule, type SentenceView } from './rule.ts';

const PLACED = [...PLATFORM_KINDS, 'ScienceCity', 'Zone', 'IndustryCluster'] satisfies readonly EntityKind[];
const AREAS = ['ScienceCity', 'Zone'] satisfies readonly EntityKind[];
const FIELD_LIST = /(发展|聚焦|围绕|在)[^，。；]*?等?[^，。；、]{0,4}(产业|领域)/;

/** Whether the registry already puts the mention somewhere else. */
function elsewhere(m: Mentioned, place: Mentioned): boolean {
  if (!m.city) return false;
  return place.kind === 'City' ? m.city !== place.nodeId : place.city !== null && m.city !== place.city;
}

/**
 * 支持中科院建设明珠科学园。: who the opening sentence has build the place, named before it, is
 * not in it, in that sentence or later in the paragraph (聚合优化中科院在广州的研究力量).
 */
function buildersOf(sentences: SentenceView[], place: Mentioned): Set<string> {
  const opening = sentences.find((v) => v.sentence.start <= place.start && place.end <= v.sentence.end);
  return new Set(opening?.mentions.filter((m) => m.end <= place.start).map((m) => m.nodeId) ?? []);
}

export const underPlace: RelationRule = {
  id: 'under-place',
  apply(context) {
    const found: Found[] = [];
    const buildersByPlace = new Map<Mentioned, Set<string>>();
    for (const [view, lead] of context.leads) {
      const place = lead.topic;
      if (!kindIn(PLACE_KINDS, place.kind) || !container(context, view.sentence, ['box'])) continue;
      const add = (type: Found['type'], from: string, to: string) =>
        found.push({ type, from, to, sentence: view.sentence, confidence: lead.confidence * 0.9, lead: leadFor(lead, view) });
      const named = view.mentions.find((m) => m.nodeId === place.nodeId);
      const builders = buildersByPlace.get(place) ?? buildersOf(context.sentences, place);
      buildersByPlace.set(place, builders);
      for (const m of view.mentions) {
        if (m.nodeId === place.nodeId || !kindIn(PLACED, m.kind) || elsewhere(m, place)) continue;
        if ((named && m.end <= named.start) || builders.has(m.nodeId)) continue;
        // 深港科技创新合作区 under 深港科技创新合作区深圳园区 is the whole, not a part.
        if (context.text.slice(place.start, place.end).includes(context.text.slice(m.start, m.end))) continue;
        const verb = buildVerb(context.text, view, m);
        if (place.kind === 'City') {
          if (m.kind !== 'Institution' || verb) add('LOCATED_IN', m.nodeId, place.nodeId);
          continue;
        }
        // 提升南海海洋研究所…等建设水平 raises institutes that stand elsewhere; it does not move them into the park.
        if (!verb || verb === '提升') continue;
        add(kindIn(AREAS, m.kind) ? 'PART_OF' : 'LOCATED_IN', m.nodeId, place.nodeId);
      }
      for (const list of findAll(view, FIELD_LIST)) {
        for (const field of view.mentions.filter((m) => m.kind === 'Field' && m.start >= list.start && m.end <= list.end))
          add('FOCUSES_ON', place.nodeId, field.nodeId);
      }
    }
    return found;
  },
};
