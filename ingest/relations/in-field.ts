// 在信息科学领域，推动国家超级计算广州中心、深圳中心扩容升级，加快建设未来网络实验装置（深圳）…
// — a sentence that opens with a field places every platform it names in that field:
// each FOCUSES_ON it.
import { PLATFORM_KINDS, findAll, kindIn, type Found, type RelationRule } from './rule.ts';

const OPENING = /^在([^，。；]{1,16})领域[，,]/;

export const inField: RelationRule = {
  id: 'in-field',
  apply(context) {
    const found: Found[] = [];
    for (const view of context.sentences) {
      const [opening] = findAll(view, OPENING);
      if (!opening) continue;
      const fields = view.mentions.filter((m) => m.kind === 'Field' && m.end <= opening.end);
      const platforms = view.mentions.filter((m) => m.start >= opening.end && kindIn(PLATFORM_KINDS, m.kind));
      for (const field of fields) {
        for (const platform of platforms)
          found.push({ type: 'FOCUSES_ON', from: platform.nodeId, to: field.nodeId, sentence: view.sentence, confidence: 0.85 });
      }
    }
    return found;
  },
};
