// The platforms named under a cluster's or a field's topic serve it: in 专栏 17,
// 新能源产业集群。…重点支持先进能源科学与技术广东省实验室… → the laboratory SERVES the
// cluster; under 六、新材料, 加快推进松山湖实验室、…季华实验室…等新材料平台建设 → each
// laboratory SERVES 新材料. Also, anywhere, `X、Y等<field>平台`.
import type { EntityKind } from '../model.ts';
import { PLATFORM_KINDS, clauseBounds, findAll, kindIn, leadFor, type Found, type Mentioned, type RelationRule } from './rule.ts';

const TOPICS = ['IndustryCluster', 'Field'] satisfies readonly EntityKind[];
const PLATFORM_LIST = /等([^，。；、]{2,10})平台/;
/** A zone named as a park (产业园, 科技产业园区): one that can serve a cluster. */
const PARK = /园区?$/;

export const serves: RelationRule = {
  id: 'serves',
  apply(context) {
    const found: Found[] = [];
    for (const [view, lead] of context.leads) {
      if (!kindIn(TOPICS, lead.topic.kind)) continue;
      // Parks serve a cluster too (依托广东粤海装备技术产业园…加快创新成果产业化); a region the
      // cluster grows in does not (在粤东西北地区形成…产业聚集带, 面向珠江西岸布局…).
      const park = (m: Mentioned) => m.kind === 'Zone' && lead.topic.kind === 'IndustryCluster' && PARK.test(context.text.slice(m.start, m.end));
      for (const platform of view.mentions.filter((m) => kindIn(PLATFORM_KINDS, m.kind) || park(m))) {
        found.push({
          type: 'SERVES',
          from: platform.nodeId,
          to: lead.topic.nodeId,
          sentence: view.sentence,
          confidence: lead.confidence,
          lead: leadFor(lead, view),
        });
      }
    }
    for (const view of context.sentences) {
      for (const list of findAll(view, PLATFORM_LIST)) {
        const field = view.mentions.find((m) => m.kind === 'Field' && m.start >= list.start + 1 && m.end <= list.end - 2);
        if (!field) continue;
        const clause = clauseBounds(context.text, list.start);
        for (const platform of view.mentions.filter((m) => m.start >= clause.start && m.end <= list.start && kindIn(PLATFORM_KINDS, m.kind))) {
          found.push({ type: 'SERVES', from: platform.nodeId, to: field.nodeId, sentence: view.sentence, confidence: 0.9 });
        }
      }
    }
    return found;
  },
};
