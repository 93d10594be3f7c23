// 支持湛江建设湛江湾实验室，…，提升海洋、绿色钢铁、绿色石化、清洁能源等创新型产业集群发展:
// the items of a typed list (typed-lists.ts) are in the city the sentence opens by supporting,
// each one. A city the sentence names only as context, or after the list, places nothing.
import { TYPED_LIST } from '../typed-lists.ts';
import { findAll, type Found, type Mentioned, type RelationRule, type SentenceView } from './rule.ts';

/** The city a sentence is about: it opens with 支持/推动 + the city + what the city is to do. */
function subjectCity(view: SentenceView): Mentioned | undefined {
  const first = view.mentions[0];
  if (first?.kind !== 'City') return undefined;
  const offset = view.sentence.start;
  const before = view.text.slice(0, first.start - offset);
  const after = view.text.slice(first.end - offset);
  return /^(支持|推动|鼓励|引导)$/.test(before.trim()) && /^(市)?(建设|打造|依托|加快|推进|发展|提升)/.test(after) ? first : undefined;
}

export const listPlace: RelationRule = {
  id: 'list-place',
  apply(context) {
    const found: Found[] = [];
    for (const view of context.sentences) {
      const city = subjectCity(view);
      if (!city) continue;
      for (const list of findAll(view, TYPED_LIST)) {
        // Another city between the subject and the list takes the list over.
        if (view.mentions.some((m) => m.kind === 'City' && m.start > city.start && m.start < list.start)) continue;
        for (const item of view.mentions) {
          if (item.start >= list.start && item.end <= list.end && item.kind !== 'Field' && item.kind !== 'City')
            found.push({ type: 'LOCATED_IN', from: item.nodeId, to: city.nodeId, sentence: view.sentence, confidence: 0.75 });
        }
      }
    }
    return found;
  },
};
