// A 专栏 is a program: it SUPPORTS what it sets out to build, fund or raise — the object
// of 建设/推进/打造/支持/提升… (推进建设横琴粤澳深度合作区; 加快推进化学与精细化工广东省实验室、
// 汕头大学高等级生物安全实验室建设; 提升汕头大学、广东省以色列理工学院科研水平) and the items
// it lays out one paragraph each (新一代电子信息产业集群。…). Not the partners, hosts, places,
// fields or context it names: 支持汕头依托华侨经济文化合作试验区 (a host), 联动香港 (a partner),
// 澳门大学、澳门科技大学等院校的产学研示范基地 (whose base), 推动粤港澳大湾区…与海南自由贸易港
// 联动发展 (cooperation), 在人工智能…等领域 (a field). Likewise under a program's own
// paragraph (广东省强芯工程。…). Nor the industries a typed list has a city grow (提升海洋、绿色钢铁…等
// 创新型产业集群发展): the city develops them, the box builds none of them.
import type { Section } from '../types.ts';
import type { EntityKind } from '../model.ts';
import { TYPED_LIST } from '../typed-lists.ts';
import { buildVerb, isBuilt } from './built.ts';
import { PLATFORM_KINDS, findAll, kindIn, leadFor, type Found, type Mentioned, type RelationRule, type SentenceView } from './rule.ts';

/** What a program can build or fund; cities, corridors, fields, programs and indicators it cannot. */
const SUPPORTED = [...PLATFORM_KINDS, 'ScienceCity', 'Zone', 'IndustryCluster'] satisfies readonly EntityKind[];
/** A box paragraph that opens with the item's name alone: `新一代电子信息产业集群。`. */
function isItemTopic(view: SentenceView, mention: Mentioned): boolean {
  const body = view.text.replace(/[。！？；]$/, '').trim();
  return view.sentence.ordinal === 1 && view.mentions.length === 1 && mention.end - mention.start === body.length;
}

export const supports: RelationRule = {
  id: 'supports',
  apply(context) {
    const found: Found[] = [];
    const consider = (program: Mentioned, view: SentenceView, confidence: number, lead?: Section) => {
      const lists = findAll(view, TYPED_LIST);
      for (const m of view.mentions) {
        if (m.nodeId === program.nodeId || lists.some((l) => l.start <= m.start && m.end <= l.end)) continue;
        // 推动设立粤港澳大湾区科技成果转化基金: a fund the box sets up is a program it supports.
        if (m.kind === 'Program' && buildVerb(context.text, view, m) === '设立') {
          found.push({ type: 'SUPPORTS', from: program.nodeId, to: m.nodeId, sentence: view.sentence, confidence, lead });
          continue;
        }
        if (!kindIn(SUPPORTED, m.kind)) continue;
        if (isItemTopic(view, m) || isBuilt(context.text, view, m))
          found.push({ type: 'SUPPORTS', from: program.nodeId, to: m.nodeId, sentence: view.sentence, confidence, lead });
      }
    };
    for (const { program, body } of context.boxes) for (const view of body) consider(program, view, 0.7);
    for (const [view, lead] of context.leads) if (lead.topic.kind === 'Program') consider(lead.topic, view, lead.confidence, leadFor(lead, view));
    return found;
  },
};
