// Discovery: names the registry does not know, found by the suffixes that end the
// names of things a plan builds (…实验室, …科学城, …行动计划), trimmed of the verbs
// and modifiers before them, and kept only when what remains is a name rather than
// a category (国家重点实验室 is a tier of laboratory, not a laboratory).
import type { Match } from './matcher.ts';
import type { EntityKind } from './model.ts';
import type { Candidate } from './recognize.ts';

/** Suffixes and the kind each implies; longer suffixes first so 创新中心 wins over 中心. */
export const SUFFIXES: [string, EntityKind][] = [
  ['重大科技基础设施', 'Facility'],
  ['产业集群', 'IndustryCluster'],
  ['行动计划', 'Program'],
  ['攻关工程', 'Program'],
  ['培育工程', 'Program'],
  ['”工程', 'Program'],
  ['”计划', 'Program'],
  ['”基金', 'Program'],
  ['创新中心', 'InnovationCenter'],
  ['研究中心', 'InnovationCenter'],
  ['科学中心', 'Institution'],
  ['数学中心', 'Institution'],
  ['转移中心', 'Institution'],
  ['数据中心', 'InnovationCenter'],
  ['示范中心', 'InnovationCenter'],
  ['检测中心', 'InnovationCenter'],
  ['质检中心', 'InnovationCenter'],
  ['评定中心', 'InnovationCenter'],
    ['中子源', 'Facility'],
  ['光源', 'Facility'],
  ['基因库', 'Facility'],
  ['风洞', 'Facility'],
  ['考察船', 'Facility'],
  ['钻采船', 'Facility'],
  ['子网', 'Facility'],
  ['超算平台', 'Facility'],
  ['算力平台', 'Facility'],
  ['新区', 'Zone'],
  ['特区', 'Zone'],
  ['自由贸易港', 'Zone'],
  ['自由港', 'Zone'],
  ['人才港', 'Zone'],
  ['院士谷', 'Zone'],
  ['开发区', 'Zone'],
  ['集聚区', 'Zone'],
  ['承载区', 'Zone'],
  ['发展区', 'Zone'],
  ['经济带', 'Corridor'],
  ['银行', 'Institution'],
  ['实验室', 'Lab'],
  ['科学城', 'ScienceCity'],
  ['知识城', 'ScienceCity'],
  ['科教城', 'ScienceCity'],
  ['合作区', 'Zone'],
  ['示范区', 'Zone'],
  ['试验区', 'Zone'],
  ['高新区', 'Zone'],
  ['科学园', 'Zone'],
  ['产业园', 'Zone'],
  ['走廊', 'Corridor'],
  ['实验站', 'Facility'],
  ['大设施', 'Facility'],
  ['装置', 'Facility'],
  ['研究院', 'Institution'],
  ['研究所', 'Institution'],
  ['大学', 'Institution'],
  ['学院', 'Institution'],
  ['基金', 'Program'],
];

const ANY_SUFFIX = SUFFIXES.map(([s]) => s).join('|');
const SUFFIX = new RegExp(`[\\p{Script=Han}A-Za-z0-9（）()“”—]{2,30}?(?:${ANY_SUFFIX})`, 'gu');

/** Verbs and particles that end the words before a name: the name starts after the last of them. */
const BOUNDARY = new RegExp(
  '.*(建设|推进|推动|加快|支持|依托|打造|布局|围绕|聚焦|提升|完善|创建|组建|共建|强化|发挥好|发挥|实施|加强|构建|形成|开展|鼓励|引导|实现|争取|培育|' +
    '发展|优化|引进|设立|参与|承担|对接|落实|深化|建成|建立|做强|谋划|重点|探索|携手|面向|按照|通过|利用|瞄准|搭建|扩大|带动|辐射|加速(?!器)|' +
    '壮大|促进|确保|更新|下放|主导|健全|贯穿|试点|对标|根据|更多|明确|已建|赋予|加大|吸引|支撑|若干|一批|领域|省外|在粤|获|集聚|统筹|协调|协同|' +
    // one-character words, where they cannot be part of a name: 以 but not 以色列 or 中以, 等 but not 高等级
    '以上|(?<!中)以(?!色列)|等(?!级)|(?<![国专大])家(?![电具])|的|在|为|对|向|将|把|由|是|有|了|个|项|批|各|于)',
  'u',
);
/** A name may run on past a first suffix: 中国科学院 + 大学广州学院, 暨南大学 + 伯明翰大学联合学院. */
const CONTINUATION = new RegExp(`[\\p{Script=Han}A-Za-z0-9（）()]{0,12}?(?:${ANY_SUFFIX})`, 'uy');

/** Modifiers that, with nothing else before the suffix, make a category rather than a name. */
const MODIFIERS =
  '国家|省|省级|市级|国家级|地方|高水平|高等级|大型|重大|重点|核心|一流|世界一流|世界|国际|新型|专业|专业化|综合|综合性|前沿|新|大|若干|一批|现有|相关|其他|各类|部分|' +
  '企业|产业|科技|科研|技术|创新|创新型|研发|基础|联合|共建|省部|省部共建|中外|区域|行业|数字|公共|顶尖|水平|研究型|生态|战略性|支柱|新兴|十大|' +
  '生物安全|广东|广东省|中央|综合改革|创新创业|成果转化|科技成果转移转化|孵化|多元化|现代|高层次|人才|领域|科学|应用|示范|跨领域|跨部门|世界级|类|综合类|领域类|省内|高新区|平台|全省|主要|科技型|科技金融服务|制造业|双创';
const CATEGORY =
  '实验室|重点实验室|工程实验室|科学城|合作区|示范区|试验区|高新区|装置|设施|重大科技基础设施|研究院|研究所|大学|学院|创新中心|研究中心|技术中心|' +
  '工程研究中心|技术创新中心|制造业创新中心|临床医学研究中心|医学研究中心|创新研究院|产业集群|产业园|走廊|科学园|基金|引导基金|创投基金|投资基金|' +
  '行动计划|攻关工程|培育工程|实验站|大设施|基础研究中心|工程技术研究中心|捐赠基金|创业投资基金|科学中心|数据中心|转移中心|技术转移中心|示范中心|' +
  '检测中心|新区|特区|开发区|集聚区|发展区|承载区|银行|科技银行';
const CONJUNCTION = '和|与|及|或';
const GENERIC = new RegExp(`^((${MODIFIERS})(${CONJUNCTION})?)*(${CATEGORY})$`, 'u');
const SUFFIX_AT_END = new RegExp(`(${ANY_SUFFIX})$`, 'u');
/** What a name cannot start with: a closing quote or bracket, a dash, a conjunction. */
const LEADING_JUNK = new RegExp(`^([”）)—]|${CONJUNCTION})+`, 'u');
const JOINED = new RegExp(`(${CONJUNCTION})`, 'gu');

/** Characters before the suffix that a name has at least (季华实验室); shorter stems are modifiers (省实验室). */
const MIN_STEM = 2;
const PROPER_HINT = /(广东|粤|港|澳|华南|南方|中国|中科院|深圳|广州|珠海|佛山|东莞|汕头|湛江|江门|惠州|中山|阳江|香港|澳门|横琴|前海|南沙|大湾区|“)/u;

function extend(folded: string, at: number): string | null {
  CONTINUATION.lastIndex = at;
  const more = CONTINUATION.exec(folded)?.[0];
  return more && !BOUNDARY.test(more.slice(0, -2)) ? more : null;
}

/** Turns one suffix match into zero or more names: trimmed, split where two names are joined (A实验室和B实验室). */
function names(raw: string, rawStart: number): { name: string; start: number }[] {
  let name = raw;
  let start = rawStart;
  const boundary = BOUNDARY.exec(name.slice(0, -2));
  if (boundary) {
    start += boundary[0].length;
    name = name.slice(boundary[0].length);
  }
  const lead = LEADING_JUNK.exec(name)?.[0].length ?? 0;
  start += lead;
  name = name.slice(lead);
  for (const conjunction of name.matchAll(JOINED)) {
    const before = name.slice(0, conjunction.index);
    if (SUFFIX_AT_END.test(before)) {
      const after = conjunction.index + conjunction[0].length;
      return [{ name: before, start }, ...names(name.slice(after), start + after)];
    }
  }
  return [{ name, start }];
}

export function discover(folded: string, text: string, taken: Match<unknown>[]): Candidate[] {
  const found: Candidate[] = [];
  SUFFIX.lastIndex = 0;
  for (let match = SUFFIX.exec(folded); match; match = SUFFIX.exec(folded)) {
    let raw = match[0];
    for (let more = extend(folded, match.index + raw.length); more; more = extend(folded, match.index + raw.length)) raw += more;
    SUFFIX.lastIndex = match.index + raw.length;
    for (const { name, start } of names(raw, match.index)) {
      const suffix = SUFFIXES.find(([s]) => name.endsWith(s));
      if (!suffix || name.length - suffix[0].replace('”', '').length < MIN_STEM || GENERIC.test(name.replace(/[“”]/g, ''))) continue;
      const end = start + name.length;
      // Where a registry name covers (part of) the span, the registry knows better.
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      found.push({
        start,
        end,
        entry: null,
        kind: suffix[1],
        text: text.slice(start, end),
        method: 'discovery',
        confidence: PROPER_HINT.test(name) ? 0.6 : 0.4,
      });
    }
  }
  return found;
}
