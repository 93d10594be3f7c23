// 依托X建设Y — "Y is built on X": Y HOSTED_BY X (依托中山大学建设华南首家 P4 实验室). 以X为主阵地…打造Y
// — "X is Y's main ground": Y HOSTED_BY X (以深圳为主阵地，以光明科学城…为主要承载区打造综合性国家科学
// 中心), the places it is carried by between them being part-of's (为主要承载区).
import type { EntityKind } from '../model.ts';
import { PLACE_KINDS, PLATFORM_KINDS, clauseBounds, kindIn, findAll, type Found, type RelationRule } from './rule.ts';

const HOSTED = [...PLATFORM_KINDS, 'ScienceCity', 'Zone'] satisfies readonly EntityKind[];

/** Each way the plan says it: the pattern, where in a match the hosts are named and of which kinds, how sure the reading is. */
const READINGS: {
  pattern: RegExp;
  hostsEnd: (matched: ReturnType<typeof findAll>[number]) => number;
  hosts: readonly EntityKind[];
  confidence: number;
}[] = [
  // 依托X建设Y: the hosts are named anywhere before the verb.
  { pattern: /依托([^，。；]{1,60}?)(建设|组建|创建|打造)/, hostsEnd: ({ end }) => end, hosts: [...PLATFORM_KINDS, ...PLACE_KINDS], confidence: 0.9 },
  // 以X为主阵地…打造Y: the main ground is X alone, a place.
  {
    pattern: /以([^，。；]{1,20}?)为主阵地[^。；]*?(建设|创建|打造)/,
    hostsEnd: ({ start, match }) => start + 1 + match[1]!.length,
    hosts: PLACE_KINDS,
    confidence: 0.85,
  },
];

export const hostedBy: RelationRule = {
  id: 'hosted-by',
  apply(context) {
    const found: Found[] = [];
    for (const view of context.sentences)
      for (const reading of READINGS)
        for (const matched of findAll(view, reading.pattern)) {
          const { start, end } = matched;
          const hostsEnd = reading.hostsEnd(matched);
          const clause = clauseBounds(context.text, end);
          const hosts = view.mentions.filter((m) => m.start > start && m.end <= hostsEnd && kindIn(reading.hosts, m.kind));
          const hosted = view.mentions.filter((m) => m.start >= end && m.end <= clause.end && kindIn(HOSTED, m.kind));
          for (const y of hosted)
            for (const x of hosts) found.push({ type: 'HOSTED_BY', from: y.nodeId, to: x.nodeId, sentence: view.sentence, confidence: reading.confidence });
        }
    return found;
  },
};
