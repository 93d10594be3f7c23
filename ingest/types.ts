// The typed graph that ingest/ produces and graph/ loads: this is the boundary
// between the pure pipeline and the database, and the shape of the JSON export.
import type { EntityKind, RelationType } from './model.ts';

export interface DocumentInfo {
  id: string;
  title: string;
  sha256: string;
  /** the normalised text every offset below points into */
  text: string;
}

/**
 * A plan's own words, rendered in English for readers of the English explorer: curated beside the
 * plan (data/plans/index.yaml), never machine-made. `zh` is the text as the plan writes it.
 */
export interface Gloss {
  zh: string;
  en: string;
}

export type SectionKind = 'preamble' | 'chapter' | 'section' | 'item' | 'box' | 'paragraph' | 'sentence';

export interface Section {
  id: string;
  docId: string;
  parentId: string | null;
  kind: SectionKind;
  /** e.g. 第二章 › 第二节 › 二、推进重大科技基础设施集群建设 */
  path: string;
  title: string;
  /** 1-based position among its parent's children of the same kind */
  ordinal: number;
  start: number;
  end: number;
  /** original file position of `start`, so a reader can find the quote in the source */
  line: number;
  column: number;
}

export interface Mention {
  docId: string;
  /** the sentence the mention stands in */
  sectionId: string;
  start: number;
  end: number;
  quote: string;
}

/** The punctuation and spacing a line holding only a name has around it. */
const AROUND_NAME = /[\s。；;，,.“”"]/gu;

/**
 * Whether a sentence is a name alone (先进材料产业集群。, 太赫兹。: a 专栏 item): it names what it
 * names and says nothing of it, so neither a cluster's panel nor an unstated fact's pointer shows it.
 */
export function nameAlone(sentence: string, name: string): boolean {
  return sentence.replace(AROUND_NAME, '') === name.replace(AROUND_NAME, '');
}

export type NodeSource = 'registry' | 'gazetteer' | 'discovered' | 'table';

export type PropValue = string | number | boolean | null | string[];

export interface GraphNode {
  id: string;
  kind: EntityKind;
  name: string;
  nameEn: string | null;
  aliases: string[];
  pinyin: string;
  source: NodeSource;
  /** how sure discovery is; 1 for curated entities */
  confidence: number;
  city: string | null;
  props: Record<string, PropValue>;
  mentions: Mention[];
}

export interface Evidence {
  docId: string;
  sectionId: string;
  /** the sentence that states the fact, after its lead if it has one */
  quote: string;
  /** where the sentence stands in the text */
  start: number;
  end: number;
  /**
   * Where the lead quoted before the sentence stands in the text: the sentence it stands under,
   * which names the other end (新能源产业集群。……重点支持先进能源科学与技术广东省实验室…); null
   * for a quote that is the sentence alone.
   */
  leadStart: number | null;
  /** the rule id, or `registry` / `registry-no-sentence` for curated facts */
  method: string;
  confidence: number;
}

/** The method of a curated fact that a sentence of the plan states (names both its ends). */
export const REGISTRY_METHOD = 'registry';
/** The method of a curated fact a sentence names one end of only inside the other's name (中山翠亨新区; 新材料 in 前沿新材料产业集群). */
export const REGISTRY_IN_NAME_METHOD = 'registry-in-name';
/** The method of a curated fact no sentence states: its evidence shows where the subject is named, not the link. */
export const UNSTATED_METHOD = 'registry-no-sentence';
/** Methods of facts the registry supplies rather than a rule reading the text. */
export const CURATED_METHODS: readonly string[] = [REGISTRY_METHOD, REGISTRY_IN_NAME_METHOD, UNSTATED_METHOD];

/**
 * Whether a mention names its entity for a curated fact: a one-character one does not. 深 in
 * 广深港科技合作 names 深圳 as a party to a cooperation (a rule reads that), not as the city a fact
 * places something in. The pipeline cites a fact by such names only, and the API marks them alone
 * in its quotes, so a quote said to name one end does not show the other marked.
 */
export const namesForFact = (span: { start: number; end: number }) => span.end - span.start > 1;

export interface GraphEdge {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  evidence: Evidence[];
}

export interface Graph {
  documents: DocumentInfo[];
  sections: Section[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}
