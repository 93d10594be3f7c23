// A seeded random graph in the ingest shape (ingest/types.ts), with innograph's own
// kinds and relation types, for loading at sizes the bundled plan never reaches.
// Every edge cites a sentence and every entity is mentioned once, as in a real load.
import { ENTITY_KINDS, KINDS, RELATION_TYPE_NAMES } from '../ingest/model.ts';
import type { Graph, GraphEdge, GraphNode, Section } from '../ingest/types.ts';

/** Han characters with their pinyin, so names, pinyin and the CJK full-text index behave as with real names. */
const SYLLABLES: [string, string][] = [
  ['广', 'guang'], ['东', 'dong'], ['深', 'shen'], ['圳', 'zhen'], ['珠', 'zhu'], ['海', 'hai'], ['科', 'ke'], ['技', 'ji'],
  ['创', 'chuang'], ['新', 'xin'], ['材', 'cai'], ['料', 'liao'], ['生', 'sheng'], ['命', 'ming'], ['信', 'xin'], ['息', 'xi'],
  ['能', 'neng'], ['源', 'yuan'], ['智', 'zhi'], ['造', 'zao'], ['光', 'guang'], ['明', 'ming'], ['湾', 'wan'], ['区', 'qu'],
  ['南', 'nan'], ['山', 'shan'], ['湖', 'hu'], ['江', 'jiang'], ['州', 'zhou'], ['佛', 'fo'], ['中', 'zhong'], ['华', 'hua'],
];

/** Sentences per entity: a 1 M-entity graph cites 1 000 distinct sentences. */
const ENTITIES_PER_SENTENCE = 1000;
const MIN_SENTENCES = 50;
const SENTENCE_CHARS = 40;

export interface SyntheticOptions {
  /** entities */
  nodes: number;
  /** relations per entity, on average */
  edgesPerNode?: number;
  seed?: number;
}

/** Mulberry32: small, fast, and the same sequence on every machine for a seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticGraph({ nodes: size, edgesPerNode = 3, seed = 1 }: SyntheticOptions): Graph {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const docId = `synthetic-${size}`;

  const sentenceCount = Math.max(MIN_SENTENCES, Math.ceil(size / ENTITIES_PER_SENTENCE));
  const sentences: string[] = [];
  for (let i = 0; i < sentenceCount; i += 1) {
    let text = '';
    while (text.length < SENTENCE_CHARS - 1) text += pick(SYLLABLES)[0];
    sentences.push(`${text}。`);
  }
  const text = sentences.join('');
  const chapter: Section = { id: `${docId}/c1`, docId, parentId: null, kind: 'chapter', path: '第一章', title: '第一章', ordinal: 1, start: 0, end: text.length, line: 1, column: 1 };
  const sections: Section[] = [chapter];
  sentences.forEach((sentence, i) => {
    const start = i * SENTENCE_CHARS;
    sections.push({ id: `${docId}/c1/t${i + 1}`, docId, parentId: chapter.id, kind: 'sentence', path: '第一章', title: '', ordinal: i + 1, start, end: start + sentence.length, line: 1, column: start + 1 });
  });
  const sentenceSections = sections.slice(1);

  const nodes: GraphNode[] = [];
  for (let i = 0; i < size; i += 1) {
    const kind = pick(KINDS);
    const chars: [string, string][] = [];
    for (let k = 2 + Math.floor(next() * 4); k > 0; k -= 1) chars.push(pick(SYLLABLES));
    const sentence = pick(sentenceSections);
    nodes.push({
      id: `syn-${i}`,
      kind,
      name: `${chars.map(([han]) => han).join('')}${ENTITY_KINDS[kind].zh.split('/')[0]}${i}`,
      nameEn: `Synthetic ${ENTITY_KINDS[kind].en.toLowerCase()} ${i}`,
      aliases: [],
      pinyin: chars.map(([, py]) => py).join(' '),
      source: 'registry',
      confidence: 1,
      city: null,
      props: {},
      mentions: [{ docId, sectionId: sentence.id, start: sentence.start, end: sentence.start + 2, quote: text.slice(sentence.start, sentence.end) }],
    });
  }

  const edges: GraphEdge[] = [];
  const edgeCount = Math.round(size * edgesPerNode);
  for (let i = 0; i < edgeCount; i += 1) {
    const from = Math.floor(next() * size);
    let to = Math.floor(next() * size);
    if (to === from) to = (to + 1) % size;
    const sentence = pick(sentenceSections);
    edges.push({
      id: `syn-e${i}`,
      type: pick(RELATION_TYPE_NAMES),
      from: `syn-${from}`,
      to: `syn-${to}`,
      evidence: [{ docId, sectionId: sentence.id, quote: text.slice(sentence.start, sentence.end), start: sentence.start, end: sentence.end, method: 'synthetic', confidence: 0.9 }],
    });
  }

  return { documents: [{ id: docId, title: `Synthetic graph of ${size} entities`, sha256: `seed-${seed}`, text }], sections, nodes, edges };
}
