// Programmes a plan names without a suffix that says so: quoted names it carries out, joins or
// seizes (深化“三部两院一省”产学研合作, 紧抓“新基建”, 以…“揭榜挂帅”等方式), and the funds of a
// list of funds (通过中小企业发展专项资金、创业投资引导基金、科技成果转化引导基金等).
import { listItems } from './list-items.ts';
import type { Candidate } from './recognize.ts';

const QUOTED = /“([\p{Script=Han}A-Za-z0-9+]{2,16})”/gu;
/** What a plan does with a programme, said just before its quoted name. */
const TAKEN_UP = /(?:国家|紧抓|深化|面向|对接|实施|开展|入选|引育)$/u;
/** What follows a programme's quoted name: the way it works, its build-up, the cooperation it names. */
const BY_WAY_OF = /^(?:等(?:方式|活动|管理方式|组织方式)|建设(?:高校|名单)|产学研合作)/u;
/** A quoted name that ends as programmes do (“领航计划”, “大企业命题挑战赛”). */
const PROGRAMME_END = /(?:计划|挑战赛|大赛|工程|基金)$/u;

/**
 * A quoted phrase is a programme where the sentence takes it up as one; a quote right after a
 * programme's (“大中小型企业联合创新计划”“大企业命题挑战赛”) is one of the same list. A slogan
 * (“双城联动”, “卡脖子”, “一室一策”分类评价) is none of these.
 */
export function quotedProgrammes(folded: string, text: string): Candidate[] {
  const found: Candidate[] = [];
  let lastEnd = -1;
  for (const quote of folded.matchAll(QUOTED)) {
    const start = quote.index;
    const end = start + quote[0].length;
    const before = folded.slice(Math.max(0, start - 4), start);
    const after = folded.slice(end, end + 6);
    const chained = start === lastEnd;
    // “小岗村”式体制机制创新: a quote that says in what manner is no name.
    if (after.startsWith('式')) continue;
    if (!chained && !TAKEN_UP.test(before) && !BY_WAY_OF.test(after) && !PROGRAMME_END.test(quote[1]!)) continue;
    lastEnd = end;
    found.push({ start, end, entry: null, kind: 'Program', text: text.slice(start, end), method: 'discovery', confidence: 0.6 });
  }
  return found;
}

const FUND_LIST = /(?<=通过|设立|利用|发挥)((?:[\p{Script=Han}]{2,14}(?:基金|资金)、)+[\p{Script=Han}]{2,14}(?:基金|资金))等/gu;

/** Each fund of a list of funds is one, however plain its name: the list names them as the ones meant. */
export function fundLists(folded: string, text: string): Candidate[] {
  return listItems(folded, text, FUND_LIST, 'Program');
}
