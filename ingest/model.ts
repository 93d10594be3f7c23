// The one place where innograph's entity kinds and relation types are defined.
// The Neo4j schema, the Cypher label whitelist, the GraphQL enums and the
// viewer's stylesheet are all derived from these two tables.

export const ENTITY_KINDS = {
  City: { zh: '城市', en: 'City', color: '#1f77b4', shape: 'round-rectangle' },
  ScienceCity: { zh: '科学城', en: 'Science city', color: '#2ca02c', shape: 'hexagon' },
  // Every named area that is not a city or a science city: cooperation zones, demonstration areas, industrial parks, free-trade ports.
  Zone: { zh: '合作区/园区等', en: 'Zone', color: '#17becf', shape: 'round-hexagon' },
  Corridor: { zh: '走廊', en: 'Corridor', color: '#9edae5', shape: 'barrel' },
  Lab: { zh: '实验室', en: 'Laboratory', color: '#d62728', shape: 'ellipse' },
  Facility: { zh: '重大科技基础设施', en: 'Major facility', color: '#ff7f0e', shape: 'diamond' },
  InnovationCenter: { zh: '创新中心', en: 'Innovation center', color: '#9467bd', shape: 'pentagon' },
  Institution: { zh: '机构', en: 'Institution', color: '#8c564b', shape: 'rectangle' },
  IndustryCluster: { zh: '产业集群', en: 'Industry cluster', color: '#e377c2', shape: 'star' },
  Program: { zh: '计划/工程', en: 'Program', color: '#7f7f7f', shape: 'tag' },
  Field: { zh: '领域', en: 'Field', color: '#bcbd22', shape: 'triangle' },
  Indicator: { zh: '指标', en: 'Indicator', color: '#aec7e8', shape: 'vee' },
} as const;

export type EntityKind = keyof typeof ENTITY_KINDS;
export const KINDS = Object.keys(ENTITY_KINDS) as EntityKind[];

/** Platforms: what hosts research and serves industry — what a cluster's platforms and a city's institutions are. */
export const PLATFORM_KINDS = ['Lab', 'Facility', 'InnovationCenter', 'Institution'] as const satisfies readonly EntityKind[];
/** Places a platform stands in, and that cooperate with one another. */
export const PLACE_KINDS = ['City', 'ScienceCity', 'Zone'] as const satisfies readonly EntityKind[];
/** Places and the corridors that join them: what a city's regional links run to. */
export const REGION_KINDS = [...PLACE_KINDS, 'Corridor'] as const satisfies readonly EntityKind[];

/** Whether a kind is among a group (the groups are typed narrowly, so `includes` alone would not take any kind). */
export function kindIn(kinds: readonly EntityKind[], kind: EntityKind): boolean {
  return kinds.includes(kind);
}

export const RELATION_TYPES = {
  LOCATED_IN: { zh: '位于', en: 'located in' },
  PART_OF: { zh: '属于', en: 'part of' },
  HOSTED_BY: { zh: '依托', en: 'hosted by' },
  SERVES: { zh: '服务', en: 'serves' },
  FOCUSES_ON: { zh: '聚焦', en: 'focuses on' },
  SUPPORTS: { zh: '支持', en: 'supports' },
  // Symmetric: stored one way (as the sentence names the parties), drawn and worded without a direction.
  COOPERATES_WITH: { zh: '合作', en: 'cooperates with', symmetric: true },
  IN_CORRIDOR: { zh: '在走廊上', en: 'in corridor' },
  TARGETS: { zh: '目标', en: 'targets' },
  RELATED_TO: { zh: '相关', en: 'related to' },
} as const;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

/** A relation's id: its type and its ends, as stored (a type links two entities once). */
export const relationId = (type: RelationType, from: string, to: string): string => `${type}:${from}->${to}`;

/** The type and ends a relation id names; null for a string that is not one. */
export function parseRelationId(id: string): { type: RelationType; from: string; to: string } | null {
  const match = /^([A-Z_]+):(.+?)->(.+)$/.exec(id);
  if (!match || !isRelationType(match[1]!)) return null;
  return { type: match[1], from: match[2]!, to: match[3]! };
}

/** A relation that holds both ways: A cooperates with B as B with A. */
export const isSymmetric = (type: RelationType): boolean => 'symmetric' in RELATION_TYPES[type];

/** Labels that are not entity kinds but are stored in the graph too. */
export const ENTITY_LABEL = 'Entity';
/** `Meta` holds the graph's version, which every load bumps (API caches key on it). */
export const STRUCTURE_LABELS = ['Document', 'Section', 'Meta'] as const;

export function isEntityKind(value: string): value is EntityKind {
  return Object.hasOwn(ENTITY_KINDS, value);
}

export function isRelationType(value: string): value is RelationType {
  return Object.hasOwn(RELATION_TYPES, value);
}

/**
 * Kind-specific properties whose values are a closed list, each value with its name in both
 * languages: the registry validator checks them, the explorer shows the names.
 */
const CLOSED_PROPS = {
  Lab: {
    tier: {
      national: { zh: '国家实验室', en: 'national laboratory' },
      'national-key': { zh: '国家重点实验室', en: 'state key laboratory' },
      'ministry-key': { zh: '部委重点实验室', en: 'ministry key laboratory' },
      provincial: { zh: '省实验室', en: 'provincial laboratory' },
      'provincial-key': { zh: '省重点实验室', en: 'provincial key laboratory' },
      'hk-macao-joint': { zh: '粤港澳联合实验室', en: 'Guangdong-Hong Kong-Macao joint laboratory' },
      'biosafety-p3': { zh: 'P3 生物安全实验室', en: 'biosafety level 3 laboratory' },
      'biosafety-p4': { zh: 'P4 生物安全实验室', en: 'biosafety level 4 laboratory' },
    },
  },
  Facility: {
    domain: {
      information: { zh: '信息科学', en: 'information science' },
      life: { zh: '生命科学', en: 'life science' },
      materials: { zh: '材料科学', en: 'materials science' },
      ocean: { zh: '海洋科学', en: 'ocean science' },
      energy: { zh: '能源科学', en: 'energy science' },
      physics: { zh: '基础物理', en: 'physics' },
      aerospace: { zh: '航空航天', en: 'aerospace' },
    },
  },
  InnovationCenter: {
    centerType: {
      technology: { zh: '技术创新中心', en: 'technology innovation' },
      manufacturing: { zh: '制造业创新中心', en: 'manufacturing innovation' },
      engineering: { zh: '工程研究中心', en: 'engineering research' },
      clinical: { zh: '临床医学研究中心', en: 'clinical research' },
      testing: { zh: '检验检测', en: 'testing and inspection' },
      data: { zh: '数据中心', en: 'data' },
      incubation: { zh: '孵化', en: 'incubation' },
      agriculture: { zh: '农业', en: 'agriculture' },
    },
  },
  Institution: {
    institutionType: {
      university: { zh: '高校', en: 'university' },
      institute: { zh: '科研院所', en: 'research institute' },
      academy: { zh: '科学院', en: 'academy' },
      government: { zh: '政府部门', en: 'government' },
      finance: { zh: '金融机构', en: 'finance' },
      'technology-transfer': { zh: '技术转移机构', en: 'technology transfer' },
      'science-museum': { zh: '科技馆', en: 'science museum' },
      international: { zh: '国际组织', en: 'international organisation' },
    },
  },
  IndustryCluster: {
    category: {
      pillar: { zh: '战略性支柱产业集群', en: 'strategic pillar cluster' },
      emerging: { zh: '战略性新兴产业集群', en: 'strategic emerging cluster' },
    },
  },
} as const satisfies Partial<Record<EntityKind, Record<string, ClosedValues>>>;

/** A closed property's values, each with its name in both languages. */
type ClosedValues = Record<string, { zh: string; en: string }>;

/** A kind's closed properties (none for most kinds), read as plain records rather than the literal table. */
export function closedProps(kind: EntityKind): Record<string, ClosedValues> {
  return (CLOSED_PROPS as Partial<Record<EntityKind, Record<string, ClosedValues>>>)[kind] ?? {};
}

/** The name of a closed property's value in a language; the value itself where it is not on the list. */
export function closedLabel(kind: EntityKind, prop: string, value: string, lang: 'zh' | 'en'): string {
  return closedProps(kind)[prop]?.[value]?.[lang] ?? value;
}
