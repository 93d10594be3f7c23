// What a program's box names, the program SUPPORTS (专栏 4 重大科技基础设施建设行动计划 …
// 推动强流重离子加速器、江门中微子实验站等设施加快建设 → the plan supports each facility);
// likewise what stands under a program's own paragraph (广东省强芯工程。…).
import { boxPrograms } from './box-program.ts';
import { leads } from './leads.ts';
import type { Found, RelationRule } from './rule.ts';

const NOT_SUPPORTED = ['Indicator'];

export const supports: RelationRule = {
  id: 'supports',
  apply(context) {
    const found: Found[] = [];
    for (const { program, body } of boxPrograms(context)) {
      for (const view of body) {
        for (const m of view.mentions) {
          if (m.nodeId === program.nodeId || NOT_SUPPORTED.includes(m.kind)) continue;
          found.push({ type: 'SUPPORTS', from: program.nodeId, to: m.nodeId, sentence: view.sentence, confidence: 0.7 });
        }
      }
    }
    for (const [view, lead] of leads(context)) {
      if (lead.topic.kind !== 'Program') continue;
      for (const m of view.mentions) {
        if (m.nodeId === lead.topic.nodeId || NOT_SUPPORTED.includes(m.kind)) continue;
        found.push({ type: 'SUPPORTS', from: lead.topic.nodeId, to: m.nodeId, sentence: view.sentence, confidence: lead.confidence });
      }
    }
    return found;
  },
};
