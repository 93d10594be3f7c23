// A seeded random graph in the ingest shape (ingest/types.ts), with innograph's own
// kinds and relation types, for loading at sizes the bundled plan never reaches.
// Every edge cites a sentence and every entity is mentioned once, as in a real load.
import { SUFFIXES } from '../ingest/discover.ts';
import { ENTITY_KINDS, KINDS, RELATION_TYPE_NAMES, type EntityKind } from '../ingest/model.ts';
import { toPinyin, type Registry } from '../ingest/registry.ts';
import type { Graph, GraphEdge, GraphNode, Section } from '../ingest/types.ts';

/**
 * What names are made of, counted over the registry: how often each Han character
 * occurs in a stem (the name before its suffix), how long stems are, and which
 * suffixes each kind's names end with. Synthetic names drawn from these share the
 * real names' bigrams, so the CJK and trigram indexes see realistic term frequencies.
 */
interface NameModel {
  /** one per registry entry, so kinds are drawn as often as the registry has them */
  kinds: EntityKind[];
  chars: string[];
  /** pinyin of each character, computed once: per name it would dominate generation at 1 M */
  pinyinOf: Map<string, string>;
  stemLengths: number[];
  suffixes: Map<EntityKind, string[]>;
  englishWords: string[];
}

function nameModel(registry: Registry): NameModel {
  const chars: string[] = [];
  const stemLengths: number[] = [];
  const suffixes = new Map<EntityKind, string[]>(KINDS.map((kind) => [kind, []]));
  const englishWords: string[] = [];
  for (const entry of registry.entries) {
    const name = entry.name.replace(/[^\p{Script=Han}]/gu, '');
    // The kind's own suffix where discovery knows one (实验室, 科学城 …); else the last two characters (深圳市 → 圳市).
    const suffix = SUFFIXES.find(([s]) => name.endsWith(s))?.[0] ?? name.slice(-2);
    const stem = [...name.slice(0, name.length - suffix.length)];
    if (stem.length === 0) continue;
    chars.push(...stem);
    stemLengths.push(stem.length);
    suffixes.get(entry.kind)!.push(suffix);
    englishWords.push(...entry.nameEn.split(/\s+/).filter((w) => /^[A-Za-z-]+$/.test(w)));
  }
  for (const [kind, list] of suffixes) if (list.length === 0) list.push(ENTITY_KINDS[kind].zh.split('/')[0]!);
  const everyChar = new Set([...chars, ...[...suffixes.values()].flat().flatMap((s) => [...s])]);
  const pinyinOf = new Map([...everyChar].map((c) => [c, toPinyin(c)]));
  return { kinds: registry.entries.map((e) => e.kind), chars, pinyinOf, stemLengths, suffixes, englishWords };
}

/** Sentences per entity: a 1 M-entity graph cites 1 000 distinct sentences. */
const ENTITIES_PER_SENTENCE = 1000;
const MIN_SENTENCES = 50;
const SENTENCE_CHARS = 40;

export interface SyntheticOptions {
  /** entities */
  nodes: number;
  /** whose names the synthetic ones imitate */
  registry: Registry;
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

export function syntheticGraph({ nodes: size, registry, edgesPerNode = 3, seed = 1 }: SyntheticOptions): Graph {
  const model = nameModel(registry);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const docId = `synthetic-${size}`;

  const sentenceCount = Math.max(MIN_SENTENCES, Math.ceil(size / ENTITIES_PER_SENTENCE));
  const sentences: string[] = [];
  for (let i = 0; i < sentenceCount; i += 1) {
    let text = '';
    while (text.length < SENTENCE_CHARS - 1) text += pick(model.chars);
    sentences.push(`${text}。`);
  }
  const text = sentences.join('');
  const chapter: Section = {
    id: `${docId}/c1`,
    docId,
    parentId: null,
    kind: 'chapter',
    path: '第一章',
    title: '第一章',
    ordinal: 1,
    start: 0,
    end: text.length,
    line: 1,
    column: 1,
  };
  const sections: Section[] = [chapter];
  sentences.forEach((sentence, i) => {
    const start = i * SENTENCE_CHARS;
    sections.push({
      id: `${docId}/c1/t${i + 1}`,
      docId,
      parentId: chapter.id,
      kind: 'sentence',
      path: '第一章',
      title: '',
      ordinal: i + 1,
      start,
      end: start + sentence.length,
      line: 1,
      column: start + 1,
    });
  });
  const sentenceSections = sections.slice(1);

  const nodes: GraphNode[] = [];
  for (let i = 0; i < size; i += 1) {
    const kind = pick(model.kinds);
    const stem: string[] = [];
    for (let k = pick(model.stemLengths); k > 0; k -= 1) stem.push(pick(model.chars));
    const suffix = pick(model.suffixes.get(kind)!);
    const words = Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(model.englishWords));
    const sentence = pick(sentenceSections);
    nodes.push({
      id: `syn-${i}`,
      kind,
      name: `${stem.join('')}${suffix}`,
      nameEn: `${words.join(' ')} ${ENTITY_KINDS[kind].en}`,
      aliases: [],
      pinyin: [...stem, ...suffix].map((c) => model.pinyinOf.get(c)!).join(' '),
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
      evidence: [
        {
          docId,
          sectionId: sentence.id,
          quote: text.slice(sentence.start, sentence.end),
          start: sentence.start,
          end: sentence.end,
          leadStart: null,
          method: 'synthetic',
          confidence: 0.9,
        },
      ],
    });
  }

  return { documents: [{ id: docId, title: `Synthetic graph of ${size} entities`, sha256: `seed-${seed}`, text }], sections, nodes, edges };
}
