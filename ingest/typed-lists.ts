// 提升海洋、绿色钢铁、绿色石化、清洁能源等创新型产业集群发展: items a list names only by their
// stem, and the type after 等 that makes each a thing of its own (海洋创新型产业集群). Each
// item is one entity, named item + type, mentioned where its stem stands.
import type { EntityKind } from './model.ts';
import type { Candidate } from './recognize.ts';

/** The types a list's items take, and the kind each makes them; longest first. */
const TYPES: [string, EntityKind][] = [
  ['创新型产业集群', 'IndustryCluster'],
  ['特色产业集群', 'IndustryCluster'],
  ['产业集群', 'IndustryCluster'],
  ['示范基地', 'InnovationCenter'],
];

/**
 * The verb before the list bounds its first item; the type must follow 等 directly, so that a count or
 * a category between them (等十大战略性支柱产业集群) leaves the items to the registry.
 */
export const TYPED_LIST = new RegExp(
  `(?<=提升|培育|壮大|做强|发展)((?:\\p{Script=Han}{2,6}、)+\\p{Script=Han}{2,6})等(${TYPES.map(([t]) => t).join('|')})`,
  'gu',
);

export function typedLists(folded: string, text: string, taken: Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  for (const list of folded.matchAll(TYPED_LIST)) {
    const type = list[2]!;
    const kind = TYPES.find(([t]) => t === type)![1];
    let at = list.index;
    for (const item of list[1]!.split('、')) {
      const start = at;
      at += item.length + 1;
      // An item something else already names (a city, a registry cluster) is that, not a stem; a field
      // (海洋) is what the cluster is in, and stays.
      if (taken.some((t) => t.kind !== 'Field' && t.start < start + item.length && start < t.end)) continue;
      found.push({
        start,
        end: start + item.length,
        entry: null,
        kind,
        text: text.slice(start, start + item.length),
        name: `${text.slice(start, start + item.length)}${type}`,
        method: 'enumeration',
        confidence: 0.6,
      });
    }
  }
  return found;
}
