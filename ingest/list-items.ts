// The items of a list the plan writes as A、B、C, where the list itself says what they are
// (与科技部、教育部…; 通过A基金、B资金等): each item one discovered candidate of that kind.
import type { EntityKind } from './model.ts';
import type { Candidate } from './recognize.ts';

/** `pattern` matches where its first group, the list, starts (a look-behind holds what comes before it). */
export function listItems(folded: string, text: string, pattern: RegExp, kind: EntityKind): Candidate[] {
  const found: Candidate[] = [];
  for (const list of folded.matchAll(pattern)) {
    let at = list.index;
    for (const item of list[1]!.split('、')) {
      found.push({ start: at, end: at + item.length, entry: null, kind, text: text.slice(at, at + item.length), method: 'discovery', confidence: 0.6 });
      at += item.length + 1;
    }
  }
  return found;
}
