// Cooperation the plan states between named parties:
// - A与B共建/合作/联动 (支持中科院与广州市共建明珠科学园; 推动粤港澳大湾区、…与海南自由贸易港联动发展)
// - two cities named together with 双城联动 or 合作 (发挥广州、深圳“双城联动”核心引擎功能);
// - 联动 followed by a party, with the sentence's subject (支持前海深港现代服务业合作区创新管理运行机制，
//   联动香港探索…); 联动发展 and 创新联动 name no party and say nothing of who cooperates;
// - short names run together (穗港澳联合创新机制, 广深港科技合作机制, see short-partners.ts): each
//   mainland city with Hong Kong and Macao, as the plan's cooperation across the border;
// - a sentence that opens with cooperation with a partner and then makes places its links to it
//   (加强与海南自贸港交流合作，将湛江打造成战略对接的重要连接点…，将广州南沙、深圳前海、珠海横琴等平台
//   打造成制度创新联动的有力支撑): each such place with the partner.
import type { EntityKind } from '../model.ts';
import { PLACE_KINDS, clauseBounds, findAll, kindIn, type Found, type Mentioned, type RelationRule } from './rule.ts';

const JOINT = /与([^，。；]{2,40}?)(共建|合作|联动|联合|协同|融通)/;
const PAIRED = /双城联动|合作|协同/;
const LINKED = /联动/;
/** 加强与P(的科技)交流合作， at the head of a sentence: P is the partner of what follows. */
const AGENDA = /^(?:加强|深化|推进|拓展)与([^，。；]{2,20}?)的?[^，。；与]{0,6}合作[，,]/;
/** 将X打造成…对接/联动/连接…: X is made a link to the partner; a clause that does not say so makes X something else. */
const LINK_CLAUSE = /将([^，。；]{2,40}?)打造成[^，。；]*?(对接|联动|连接|纽带)/;
const PARTIES = ['City', 'ScienceCity', 'Zone', 'Institution', 'Lab', 'InnovationCenter'] satisfies readonly EntityKind[];

function pairs(left: Mentioned[], right: Mentioned[]): [Mentioned, Mentioned][] {
  return left.flatMap((a) => right.filter((b) => b.nodeId !== a.nodeId).map((b): [Mentioned, Mentioned] => [a, b]));
}

/** Runs of one-character city mentions standing side by side (穗, 港, 澳 in 穗港澳). */
function shortRuns(text: string, mentions: Mentioned[]): Mentioned[][] {
  const runs: Mentioned[][] = [];
  for (const m of mentions) {
    if (m.kind !== 'City' || m.end - m.start !== 1) continue;
    const last = runs.at(-1);
    if (last && last.at(-1)!.end === m.start) last.push(m);
    else runs.push([m]);
  }
  return runs.filter((run) => run.length >= 2 && text.slice(run[0]!.start, run.at(-1)!.end).length === run.length);
}

export const cooperates: RelationRule = {
  id: 'cooperates',
  apply(context) {
    const found: Found[] = [];
    const add = (a: Mentioned, b: Mentioned, view: { sentence: Found['sentence'] }, confidence: number) => {
      // Cooperation is mutual: store it once, in id order.
      const [from, to] = [a.nodeId, b.nodeId].sort() as [string, string];
      found.push({ type: 'COOPERATES_WITH', from, to, sentence: view.sentence, confidence });
    };
    for (const view of context.sentences) {
      const parties = view.mentions.filter((m) => kindIn(PARTIES, m.kind));
      for (const run of shortRuns(context.text, view.mentions)) {
        const sar = run.filter((m) => '港澳'.includes(context.text[m.start]!));
        for (const [a, b] of pairs(
          run.filter((m) => !sar.includes(m)),
          sar,
        ))
          add(a, b, view, 0.75);
      }
      for (const joint of findAll(view, JOINT)) {
        const clause = clauseBounds(context.text, joint.start);
        const left = parties.filter((m) => m.start >= clause.start && m.end <= joint.start);
        const verb = joint.end - joint.match[2]!.length;
        const right = parties.filter((m) => m.start > joint.start && m.end <= verb);
        for (const [a, b] of pairs(left, right)) add(a, b, view, 0.8);
      }
      for (const paired of findAll(view, PAIRED)) {
        const clause = clauseBounds(context.text, paired.start);
        const cities = parties.filter((m) => m.kind === 'City' && m.start >= clause.start && m.end <= paired.start);
        if (cities.length !== 2) continue;
        add(cities[0]!, cities[1]!, view, 0.8);
      }
      const agenda = AGENDA.exec(view.text);
      if (agenda) {
        const head = view.sentence.start + agenda[0].length;
        const partners = parties.filter((m) => m.end <= head);
        for (const link of findAll(view, LINK_CLAUSE)) {
          const made = link.start + 1 + link.match[1]!.length;
          const places = parties.filter((m) => m.start > link.start && m.end <= made && kindIn(PLACE_KINDS, m.kind));
          for (const [a, b] of pairs(places, partners)) add(a, b, view, 0.7);
        }
      }
      for (const linked of findAll(view, LINKED)) {
        const partner = parties.find((m) => m.start === linked.end);
        const subject = parties[0];
        if (partner && subject && subject.end <= linked.start && !JOINT.test(view.text.slice(0, linked.end - view.sentence.start)))
          add(subject, partner, view, 0.7);
      }
    }
    return found;
  },
};
