// Every sentence the explorer says, in both its languages, in one table. Kind and
// relation names come from ingest/model.ts; everything else is here.
import { ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType } from '../../ingest/model.ts';
import type { Lang, Layout } from './state.ts';

export const MESSAGES = {
  title: { zh: '广东科技创新图谱', en: 'Guangdong innovation graph' },
  // True of every link shown: most are read from a sentence of the plan, the rest (dashed) come from the curated
  // registry, whose sentence may name both ends, one inside the other's name, or one end alone (the panel says which).
  subtitle: {
    zh: '《广东省科技创新“十四五”规划》中的城市、科学城、实验室、产业集群及其联系。实线、点线联系从它所引用的规划原文中读出；短划线联系（空心箭头）来自本项目整理的登记表，点开可见规划原文是否提到两端。',
    en: "The cities, science cities, labs and industry clusters of Guangdong's 14th Five-Year S&T plan, and their links. A solid or dotted link is read from the plan's sentence it cites; a dashed one (hollow arrow) comes from this project's curated registry, and its panel says whether the plan names both ends.",
  },
  // On a phone the guide's drawer would cover the map: the start view says in a line under its title what
  // it shows and how to begin, until the reader selects something.
  startHint: {
    zh: '规划中的城市、科学城与合作区。点节点看关系和原文，双击展开；☰ 里有产业集群、路径和指标。',
    en: "The plan's cities, science cities and zones. Tap one for its links and the plan's words, twice to expand; ☰ holds the clusters, paths and indicators.",
  },
  downloaded: { zh: '已下载', en: 'Downloaded' },
  exportsOfPicture: { zh: '布局、导出与适配针对图谱；指标表没有图', en: 'the layout, exports and Fit are of the graph; the indicators table has none' },
  nothingDrawn: { zh: '图中没有可导出或适配的内容', en: 'nothing is drawn to export or fit' },
  onlyCited: { zh: '只显示规划原文陈述的联系', en: 'only links the plan states' },
  minConfidence: { zh: '最低置信度', en: 'min. confidence' },
  confidence: { zh: '置信度', en: 'confidence' },
  inPicture: { zh: '图中 {n}', en: '{n} in the picture' },
  notInPicture: { zh: '以下不在图中', en: 'Not in the picture:' },
  // A researcher who raised the slider to keep the surest links found the registry's dashed ones kept and the plan's read ones gone.
  minConfidenceNote: {
    zh: '置信度是读取规则对原文读出的联系的把握。登记表所载的联系（短划线）由人工整理，计为 1；只看原文陈述的联系，请勾选上一项。',
    en: 'Confidence is how sure a rule is of a link it read in the plan. Links from the registry (dashed) are curated and count as 1: to see only links the plan states, tick the box above.',
  },
  guideClick: {
    zh: '点击节点，查看它的关系和规划原文；双击展开它的邻居；点击空白处取消选择。',
    en: "Click a node for its links and the plan's words; double-click to expand it; click the background to deselect.",
  },
  guideSearch: {
    zh: '搜索城市、科学城、实验室或产业集群（中文、英文或拼音）。',
    en: 'Search cities, science cities, labs or clusters (Chinese, English or pinyin).',
  },
  guideLists: {
    zh: '左侧：产业集群的服务平台、城市概况、两地之间的路径、核心指标。',
    en: "On the left: a cluster's platforms, a city's profile, paths between two places, the core indicators.",
  },
  loading: { zh: '加载中：', en: 'Loading ' },
  nodesShown: { zh: '个节点', en: 'nodes' },
  linksShown: { zh: '条关系', en: 'links' },
  retrying: { zh: '数据库暂不可用——正在重试', en: 'database unavailable — retrying' },
  notFound: { zh: '图中没有这个地址所指的实体', en: 'the graph holds nothing this address names' },
  loadFailed: { zh: '图谱未能加载，请刷新页面', en: 'the explorer could not load — reload the page' },
  otherLang: { zh: 'English', en: '中文' },
  kind: { zh: '类型', en: 'Kind' },
  kinds: { zh: '类型', en: 'Kinds' },
  relationTypes: { zh: '关系', en: 'Relations' },
  city: { zh: '城市', en: 'City' },
  cityView: { zh: '城市概况', en: 'city profile' },
  baseline: { zh: '基期', en: 'baseline' },
  target: { zh: '目标', en: 'target' },
  source: { zh: '来源', en: 'Source' },
  sourceGazetteer: { zh: '行政区划表', en: 'the gazetteer of divisions' },
  sourceDiscovered: { zh: '自动发现', en: 'found by discovery' },
  sourceTable: { zh: '规划的指标表', en: "the plan's indicator table" },
  tier: { zh: '级别', en: 'Tier' },
  domain: { zh: '领域', en: 'Domain' },
  category: { zh: '类别', en: 'Category' },
  // An innovation centre's or an institution's own class (高校, 国家工程研究中心): not its kind, which 类型 names.
  centerType: { zh: '类别', en: 'Class' },
  expand: { zh: '展开邻居', en: 'Expand neighbours' },
  collapse: { zh: '收起邻居', en: 'Collapse neighbours' },
  allNeighboursShown: { zh: '邻居均已显示', en: 'All neighbours shown' },
  remove: { zh: '从视图移除', en: 'Remove from view' },
  close: { zh: '关闭', en: 'Close' },
  aliases: { zh: '别名', en: 'Also' },
  relations: { zh: '关系与依据', en: 'Relations and evidence' },
  mentions: { zh: '规划中的提及', en: 'Mentions in the plan' },
  curated: { zh: '（仅见于登记表，原文未陈述）', en: ' (the registry alone: no sentence states it)' },
  // What a quote is to the link it stands under; the rule that read it stays in data-method.
  readFromSentence: { zh: '由这段原文读出', en: 'read from these words' },
  readFromName: { zh: '由名称读出：一端的名称包含另一端', en: "read from a name: one end's name holds the other's" },
  curatedNamed: { zh: '（登记表所载）', en: ' (registry)' },
  curatedNamedTogether: { zh: '登记表所载；本句同时提到两端', en: 'from the registry; this sentence names both ends' },
  curatedNamedInside: { zh: '登记表所载；本句只在一端的名称中提到另一端', en: "from the registry; this sentence names one end only inside the other's name" },
  // Said under a link already marked as the registry's alone (curated): what the quote is, not that again.
  curatedUnstated: { zh: '本句只提到其中一端（点开读全句）', en: 'this sentence names one end only (open it to read it whole)' },
  openReader: { zh: '在原文中阅读', en: 'open in the reader' },
  reader: { zh: '原文', en: 'The plan' },
  closeReader: { zh: '收起原文', en: 'Close the plan' },
  noPath: { zh: '没有找到路径。', en: 'No path found.' },
  // Examples, worded as such: "A: 深圳" in a box read as a value, the box empty.
  pathFromExample: { zh: 'A：起点，如 深圳', en: 'A: from, e.g. Shenzhen' },
  pathToExample: { zh: 'B：终点，如 松山湖科学城', en: 'B: to, e.g. Songshan Lake Science City' },
  samePathEnds: { zh: 'A 与 B 是同一个实体：请另选一端', en: 'A and B are the same entity: choose another end' },
  path: { zh: '路径', en: 'Path' },
  hop: { zh: '步', en: 'hop' },
  hops: { zh: '步', en: 'hops' },
  walkVia: { zh: '从{from}经{via}到{to}：', en: 'From {from}, via {via}, to {to}:' },
  walkDirect: { zh: '{from}与{to}直接相连：', en: '{from} and {to} are linked directly:' },
  direct: { zh: '直接服务', en: 'Serves directly' },
  throughField: { zh: '经由相关领域', en: 'Through a related field' },
  fieldsCurated: {
    zh: '这些领域与本集群的联系仅见于登记表，原文未陈述；平台与领域的联系由原文读出。',
    en: "The links of these fields to this cluster are the registry's alone, not stated in the plan; the platforms' links to the fields are read from it.",
  },
  throughProgram: { zh: '经由专门计划', en: 'Through a program for this cluster' },
  // What the graph holds, not what the plan says: a sentence may tie a platform to the industry in other words (支撑农业产业发展).
  noPlatforms: {
    zh: '图谱中没有规划写明服务该集群的平台（直接、经由领域或专门计划）。',
    en: 'The graph holds no platform the plan links to this cluster (directly, through a field or a program).',
  },
  // An analyst's answer starts with what the plan does not say: no platform serves the cluster in so many words.
  // {routes}: the routes the platforms below take, and only those (reachedThrough).
  noDirect: {
    zh: '图谱中没有规划直接写明服务该集群的平台；以下平台都{routes}与之相连。',
    en: 'The graph holds no platform the plan links to this cluster directly; those below reach it {routes}.',
  },
  // A park serving the cluster is read from the plan too, but it is not a platform (platformsForCluster's kinds).
  noPlatformsButPlaces: {
    zh: '图谱中没有规划写明服务该集群的平台（直接、经由领域或专门计划）；规划写明直接服务它的是下列园区等载体。',
    en: 'The graph holds no platform the plan links to this cluster (directly, through a field or a program); what the plan says serves it directly are the parks and places below.',
  },
  noDirectButPlaces: {
    zh: '图谱中没有规划直接写明服务该集群的平台，直接服务它的是下列园区等载体；以下平台都{routes}与之相连。',
    en: 'The graph holds no platform the plan links to this cluster directly: what serves it directly are the parks and places below; the platforms reach it {routes}.',
  },
  reachedThroughField: { zh: '经由领域', en: 'through a field' },
  reachedThroughProgram: { zh: '经由专门计划', en: 'through a program for it' },
  reachedThroughEither: { zh: '经由领域或专门计划', en: 'through a field or a program for it' },
  backToMap: { zh: '回到大湾区地图（开始视图）', en: 'Back to the map of the Greater Bay Area (the start view)' },
  backToView: { zh: '← 返回视图：{title}', en: '← Back to the view: {title}' },
  placesThroughField: { zh: '经由专属领域的园区等载体', en: 'Parks and places through a field of its own' },
  // The picture's band when a field leads to platforms and to places alike (arrangements.ts).
  throughFieldBoth: { zh: '经由相关领域的平台与园区等载体', en: 'Platforms and places through a related field' },
  // A field related to two clusters at most (graph/queries/platforms.ts: FIELD_PLACE_CLUSTERS).
  placesThroughFieldNote: {
    zh: '聚焦或服务于该集群专属领域（至多与两个产业集群相关）的园区等载体；与所有载体一样，不是平台。',
    en: 'Places that focus on or serve a field specific to this cluster (one related to two clusters at most); like any place, not platforms.',
  },
  placesServing: { zh: '直接服务的园区等载体', en: 'Parks and places serving it directly' },
  placesNotPlatforms: {
    zh: '园区等载体不是平台（{kinds}），单列于此。',
    en: 'A park, like any place, is not a platform ({kinds}): it is listed on its own.',
  },
  cityLinks: { zh: '与其他城市和区域的联系', en: 'Links to other cities and zones' },
  cityNothingStated: {
    zh: '规划没有写明这座城市的平台、园区，或它与别处的联系。规划提到它的句子：',
    en: 'The plan states no platform or park of this city, and no link of it to elsewhere. The sentences that name it:',
  },
  indicators: { zh: '核心指标', en: 'Core indicators' },
  tableNote: { zh: '注：', en: "The plan's note: " },
  // Over a note shown in English: the words it renders, as the plan writes them.
  planWords: { zh: '原文：', en: "The plan's words: " },
  tableSource: { zh: '规划原文：', en: 'In the plan: ' },
  readRow: { zh: '在原文中阅读这一行', en: 'read this row in the plan' },
  indicator: { zh: '指标', en: 'Indicator' },
  unit: { zh: '单位', en: 'Unit' },
  legend: { zh: '图例', en: 'Legend' },
  legendGrown: { zh: '· 有新条目', en: '· new entries' },
  // Entities the ingest found by the plan's wording alone (source "discovered"), not in the curated registry.
  discovered: { zh: '短划线边框：按措辞自动识别，未经人工整理', en: 'dashed border: recognised by its wording, not curated' },
  discoveredFull: {
    zh: '短划线边框的实体不在人工整理的登记表中，是读取程序按原文的措辞（如以“实验室”“科学城”结尾的名称）识别出来的。',
    en: 'An entity with a dashed border is not in the curated registry: the program that reads the plan recognised it by its wording (a name ending in 实验室, laboratory, or 科学城, science city).',
  },
  groundsAbove: { zh: '依据：见上文同一联系', en: 'grounds: quoted above, for the same link' },
  quotedAbove: { zh: '同一句原文，上文已全文引出', en: 'the same sentence as quoted in full above' },
  quotedBelow: { zh: '同一句原文，下文全文引出', en: 'the same sentence as quoted in full below' },
  quotedAt: { zh: '同一句原文，全文见{where}', en: 'the same sentence, quoted in full at {where}' },
  pathStep: { zh: '路径 {path} 第 {step} 步', en: 'path {path}, step {step}' },
  drawnBeyond: { zh: '图中画在边缘，实际位于图外，方向：', en: 'Drawn at the edge of the picture: it lies beyond it, this way:' },
  // geo.ts: cities and the places the registry locates at their coordinates (drawn with a dark border), every other node beside what it links.
  mapNote: {
    zh: '深色边框与城市：实际位置；其余只示所属城市，不是实际位置；箭头：指向图外',
    en: 'dark border and cities: real sites; others: only which city, not where; an arrow: beyond the map',
  },
  mapNoteFull: {
    zh: '地图上，城市和登记表给出坐标的科学城、园区（深色边框）在实际位置；地图范围以外的地点画在图的边缘，名称后的箭头指向其实际方向；其余节点放在所属城市或与之相连的地点旁，不表示实际地点。',
    en: 'On the map, cities and the science cities and zones the registry locates (with a dark border) stand where they are; a located place beyond the map is drawn at its edge, its name ending in an arrow toward where it lies; other nodes sit beside their city or the places they link to, not at a real place.',
  },
  curatedEdge: {
    // Dashes, not 虚线 alone: in Chinese that takes in the dotted lines of links read from the text (服务, 相关).
    zh: '短划线、空心箭头：登记表所载，非由原文读出',
    en: 'dashes, hollow arrow: from the registry, not read from the text',
  },
  curatedEdgeFull: {
    zh: '短划线（带空心箭头）的联系来自本项目人工整理的登记表，不是从规划原文的某一句读出的；颜色仍示关系类型。点开它，可见原文是否提到两端。实线、点线的联系都由原文读出。',
    en: "A dashed link (with a hollow arrow) comes from this project's registry, compiled by hand, not read from a sentence of the plan; its colour still shows the relation. Open it to see whether the plan names both ends. Solid and dotted links are read from the text.",
  },
  noResults: { zh: '没有结果', en: 'No results' },
  clusterSaid: { zh: '规划原文', en: 'What the plan says of it' },
  noneNamed: { zh: '没有这个名称的实体；相近的：', en: 'Nothing by that name; close matches:' },
  notInPlan: { zh: '规划原文没有提到这个名称；相近的：', en: 'The plan never names it; close matches:' },
  sentences: { zh: '规划原文中的句子', en: 'Sentences of the plan' },
  namedHere: { zh: '句中提及', en: 'Named in it' },
  searchFailed: { zh: '搜索失败：', en: 'search failed: ' },
  plans: { zh: '规划', en: 'Plans' },
  colorByPlan: { zh: '按规划着色', en: 'Colour by plan' },
  namedBySeveral: { zh: '多份规划提及（节点内圆按份分色）', en: 'named by several plans (a slice each in the disc)' },
  compare: { zh: '对比', en: 'Compare' },
  comparePlans: { zh: '对比两份规划', en: 'Compare two plans' },
  onlyIn: { zh: '仅见于', en: 'Only in' },
  inBoth: { zh: '两份共有', en: 'In both' },
  entitiesCount: { zh: '实体', en: 'entities' },
  relationsCount: { zh: '关系', en: 'relations' },
  sharedHint: { zh: '两份规划都提及的实体和关系（仅列名称）', en: 'What both plans name and state (names only)' },
  hiddenLabels: { zh: '放大或悬停以查看更多名称', en: 'zoom in or hover for more names' },
  fit: { zh: '适配', en: 'Fit' },
  // Under an exported picture: the nodes it numbers, whose names its labels leave out.
  unnamedKey: { zh: '图中编号的名称：', en: 'Numbered on the picture:' },
} as const satisfies Record<string, Record<Lang, string>>;

/** What the status line says it is fetching (the fetch's `what`). */
export const FETCHING = {
  startView: { zh: '起始视图', en: 'the start view' },
  entity: { zh: '实体', en: 'the entity' },
  neighbours: { zh: '邻居', en: 'neighbours' },
  evidence: { zh: '依据', en: 'the evidence' },
  section: { zh: '原文段落', en: 'the section' },
  city: { zh: '城市', en: 'the city' },
  cityProfile: { zh: '城市概况', en: "the city's profile" },
  paths: { zh: '路径', en: 'paths' },
  platforms: { zh: '平台', en: 'platforms' },
  indicators: { zh: '指标', en: 'indicators' },
  comparison: { zh: '规划对比', en: 'the comparison' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Fetching = keyof typeof FETCHING;

/** The layouts the toolbar offers (state.ts's Layout), by name. */
export const LAYOUTS = {
  auto: { zh: '自动（按视图）', en: 'auto (by view)' },
  geo: { zh: '地理', en: 'geographic' },
  force: { zh: '力导向 (fcose)', en: 'force (fcose)' },
  concentric: { zh: '同心圆', en: 'concentric' },
} as const satisfies Record<Layout, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/** The indicator table's units in English; in Chinese, as the plan writes them. */
const UNITS: Record<string, string> = { 人年: 'person-years', 件: 'patents', 万件: '10,000 patents', 亿元: '100 million yuan' };

export function unitLabel(unit: string, lang: Lang): string {
  return lang === 'en' ? (UNITS[unit] ?? unit) : unit;
}

/** How a target is meant (10左右: about 10), in English words. */
const QUALIFIERS: Record<string, string> = { 左右: 'about', 以上: 'at least', 以下: 'at most' };

export function targetLabel(indicator: { target?: number | null; targetText?: string | null; qualifier?: string | null }, lang: Lang): string {
  const { target, targetText, qualifier } = indicator;
  if (lang === 'en' && qualifier && target != null && QUALIFIERS[qualifier]) return `${QUALIFIERS[qualifier]} ${target}`;
  return targetText ?? '';
}

export function kindLabel(kind: EntityKind, lang: Lang): string {
  return ENTITY_KINDS[kind][lang];
}

export function typeLabel(type: RelationType, lang: Lang): string {
  return RELATION_TYPES[type][lang];
}
