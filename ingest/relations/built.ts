// What a clause builds, funds or raises: the object of 建设/推进/打造/支持/提升… (加快推进化学与
// 精细化工广东省实验室、汕头大学高等级生物安全实验室建设), not a host (依托X), a partner (联动香港,
// A与B联动发展) or the owner of what is built (澳门大学、澳门科技大学等院校的产学研示范基地).
import { clauseBounds, type Mentioned, type SentenceView } from './rule.ts';

const BUILD = /建设|共建|推进|推动|打造|组建|创建|筹建|新建|布局|支持|提升|培育|发展|优化|设立|完善|加快|扩容|升级|建成|做强|壮大|谋划|争创|引进/g;
/** Words between the verb and the name that make the name a host, a partner or a setting rather than the object (以及 joins objects). */
const NOT_OBJECT = /依托|依靠|联动|携手|与|同|围绕|聚焦|面向|在|吸引|参与|对接|以(?!及)|为/;
/**
 * `X、Y等院校的产学研示范基地`: the name qualifies what is built. `协同推进X、Y的整体建设`, `共同推进X以及Y的建设`:
 * what is built is X and Y themselves.
 */
const QUALIFIES = /^((、|以及|及|和)[^、，。；的]{1,30})*(等[^，。；、的]{0,6})?的(?!(整体)?建设)/;
/** `A与B联动发展`: the clause states cooperation, which cooperates-with reads. */
const COOPERATION = /[与同][^，。；]*(联动|合作|协同|交流|对接)/;

/** The text of a span with the names in it blanked, so that 与 inside 化学与精细化工广东省实验室 reads as no word. */
function words(text: string, view: SentenceView, start: number, end: number): string {
  let out = text.slice(start, end);
  for (const m of view.mentions) {
    if (m.start < start || m.end > end) continue;
    out = out.slice(0, m.start - start) + '□'.repeat(m.end - m.start) + out.slice(m.end - start);
  }
  return out;
}

/** The verb that builds, funds or raises the mention in its clause (建设, 提升…), if it is its object. */
export function buildVerb(text: string, view: SentenceView, mention: Mentioned): string | undefined {
  const clause = clauseBounds(text, mention.start);
  if (COOPERATION.test(words(text, view, clause.start, clause.end))) return undefined;
  const before = words(text, view, clause.start, mention.start);
  const verb = [...before.matchAll(BUILD)].at(-1);
  if (!verb) return undefined;
  if (NOT_OBJECT.test(before.slice(verb.index + verb[0].length))) return undefined;
  return QUALIFIES.test(words(text, view, mention.end, clause.end)) ? undefined : verb[0];
}

/** Is the mention what its clause builds, funds or raises? */
export function isBuilt(text: string, view: SentenceView, mention: Mentioned): boolean {
  return buildVerb(text, view, mention) !== undefined;
}
