// 在信息科学领域，推动国家超级计算广州中心、深圳中心扩容升级，加快建设未来网络实验装置（深圳）…等。
// 推动强流重离子加速器、江门中微子实验站等设施加快建设: what the plan builds where it sets out its
// major facilities is a facility each, known by the list that names it rather than by a suffix
// (加速器, 科考设备, 激光设施 end no other names).
import { gazetteer } from './gazetteer.ts';
import type { Candidate } from './recognize.ts';

const SENTENCE = /[^。\n]+。?/g;
/** 在信息科学领域，: a sentence of the facilities section that names the field its facilities serve. */
const FIELD_OPENING = /^在[^,;。、]{2,10}领域,/;
/** 等设施, 等已建设施, 等一批新设施: a list the sentence itself calls facilities. */
const FACILITY_TAIL = /等(?:一批)?(?:已建|新)?设施/;
const VERBS = /^(?:推动|推进|加快|谋划|完善|建设)+/;
/** What follows the last item: 等, or what is to be done to the items (扩容升级, 加快建设). */
const LIST_END = /等|(?:扩容升级|加快建设|建设)$/;

function sentences(folded: string): { text: string; index: number }[] {
  return [...folded.matchAll(SENTENCE)].map((m) => ({ text: m[0], index: m.index }));
}

/** A run of 在…领域 sentences counts where the sentence before it speaks of major facilities (布局建设重大科技基础设施集群). */
function facilitySentences(folded: string): { text: string; index: number }[] {
  const chosen: { text: string; index: number }[] = [];
  let aboutFacilities = false;
  for (const sentence of sentences(folded)) {
    const opening = FIELD_OPENING.test(sentence.text);
    if (opening && aboutFacilities) chosen.push(sentence);
    else if (!opening) {
      aboutFacilities = sentence.text.includes('重大科技基础设施');
      if (FACILITY_TAIL.test(sentence.text)) chosen.push(sentence);
    }
  }
  return chosen;
}

function isPlace(name: string): boolean {
  return gazetteer()
    .matcher.findAll(name)
    .some((m) => m.start === 0 && m.end === name.length);
}

/**
 * 国家超级计算广州中心、深圳中心: an item that swaps the place of the item before it for another
 * keeps the rest of that item's name (国家超级计算深圳中心).
 */
function elided(previous: string | undefined, item: string): string {
  if (!previous) return item;
  for (const length of [2, 3]) {
    const place = item.slice(0, length);
    const rest = item.slice(length);
    if (rest.length < 2 || !previous.endsWith(rest) || !isPlace(place)) continue;
    const stem = previous.slice(0, previous.length - rest.length);
    for (const other of [2, 3]) {
      if (stem.length > other && isPlace(stem.slice(-other))) return stem.slice(0, -other) + item;
    }
  }
  return item;
}

export function facilityLists(folded: string, text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const sentence of facilitySentences(folded)) {
    const opening = FIELD_OPENING.exec(sentence.text)?.[0].length ?? 0;
    let at = sentence.index + opening;
    for (const clause of sentence.text.slice(opening).split(/[,;。]/)) {
      const clauseStart = at;
      at += clause.length + 1;
      const verb = VERBS.exec(clause)?.[0];
      if (!verb) continue;
      const tail = LIST_END.exec(clause.slice(verb.length));
      if (!opening && !FACILITY_TAIL.test(clause)) continue;
      const body = clause.slice(verb.length, tail ? verb.length + tail.index : clause.length);
      let itemStart = clauseStart + verb.length;
      let previous: string | undefined;
      for (const item of body.split('、')) {
        const start = itemStart;
        itemStart += item.length + 1;
        if (item.length < 3 || item.length > 30) continue;
        const name = elided(previous, item);
        previous = name;
        found.push({
          start,
          end: start + item.length,
          entry: null,
          kind: 'Facility',
          text: text.slice(start, start + item.length),
          ...(name !== item ? { name } : {}),
          method: 'enumeration',
          confidence: 0.6,
        });
      }
    }
  }
  return found;
}
