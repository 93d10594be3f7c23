// Normalised text → the plan's tree: chapters (第X章), sections (第X节), numbered
// items (一、), boxes (专栏 N), paragraphs and sentences, each with offsets.
import { lineColumn, type Normalized } from './normalize.ts';
import type { Section, SectionKind } from './types.ts';

type HeadingKind = 'chapter' | 'section' | 'item' | 'box';

const HEADINGS: { kind: HeadingKind; pattern: RegExp; label: (m: RegExpExecArray) => string; id: (m: RegExpExecArray) => string }[] = [
  { kind: 'chapter', pattern: /^(第([一二三四五六七八九十]+)章)\s+(.*)$/, label: (m) => m[1]!, id: (m) => `c${chineseNumber(m[2]!)}` },
  { kind: 'section', pattern: /^(第([一二三四五六七八九十]+)节)\s+(.*)$/, label: (m) => m[1]!, id: (m) => `s${chineseNumber(m[2]!)}` },
  { kind: 'item', pattern: /^(([一二三四五六七八九十]+)、)(.*)$/, label: (m) => m[0], id: (m) => `i${chineseNumber(m[2]!)}` },
  { kind: 'box', pattern: /^(专栏\s*(\d+))\s*(.*)$/, label: (m) => `专栏 ${m[2]} ${m[3]}`.trim(), id: (m) => `box${m[2]}` },
];

/** A heading closes every open heading of its own rank or below. */
const RANK: Record<HeadingKind | 'preamble', number> = { preamble: 1, chapter: 1, section: 2, item: 3, box: 4 };

/** Id parts of sections that have no number of their own: p3 is the third paragraph, t2 the second sentence. */
const UNNAMED_PREFIX: Partial<Record<SectionKind, string>> = { paragraph: 'p', sentence: 't' };

const SENTENCE = /[^。！？；]+[。！？；]?/g;

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function chineseNumber(text: string): number {
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + (DIGITS[text[1]!] ?? 0);
  if (text.includes('十')) {
    const [tens, ones] = text.split('十');
    return (DIGITS[tens!] ?? 0) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
  }
  return DIGITS[text] ?? 0;
}

interface Open {
  section: Section;
  rank: number;
  children: Map<SectionKind, number>;
}

export interface Structure {
  sections: Section[];
  /** the sentence sections, in text order, for mention lookup */
  sentences: Section[];
}

export function parseStructure(docId: string, normalized: Normalized): Structure {
  const { text } = normalized;
  const sections: Section[] = [];
  const sentences: Section[] = [];
  const root: Open = { section: null as unknown as Section, rank: -1, children: new Map() };
  const stack: Open[] = [root];

  const position = (offset: number) => lineColumn(normalized.lineStarts, normalized.origin[offset] ?? 0);

  const add = (parent: Open, kind: SectionKind, idPart: string, title: string, path: string, start: number, end: number): Open => {
    const ordinal = (parent.children.get(kind) ?? 0) + 1;
    parent.children.set(kind, ordinal);
    const parentId = parent.section?.id ?? null;
    const section: Section = {
      id: `${parentId ?? docId}/${idPart || `${UNNAMED_PREFIX[kind]}${ordinal}`}`,
      docId,
      parentId,
      kind,
      path,
      title,
      ordinal,
      start,
      end,
      ...position(start),
    };
    sections.push(section);
    return { section, rank: RANK[kind as HeadingKind | 'preamble'] ?? 9, children: new Map() };
  };

  const addSentences = (parent: Open, start: number, end: number) => {
    const body = text.slice(start, end);
    for (const match of body.matchAll(SENTENCE)) {
      const sentence = match[0];
      const offset = start + match.index + (sentence.length - sentence.trimStart().length);
      const trimmed = sentence.trim();
      if (!trimmed) continue;
      const open = add(parent, 'sentence', '', trimmed.slice(0, 40), parent.section.path, offset, offset + trimmed.length);
      sentences.push(open.section);
    }
  };

  const extendAncestors = (end: number) => {
    for (const open of stack.slice(1)) open.section.end = Math.max(open.section.end, end);
  };

  const wideBoxes = new Set<string>();
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const heading = HEADINGS.map((h) => ({ h, m: h.pattern.exec(line) })).find((x) => x.m);
    if (heading?.m) {
      const rank = RANK[heading.h.kind];
      while (stack.length > 1 && stack[stack.length - 1]!.rank >= rank) stack.pop();
      const parent = stack[stack.length - 1]!;
      const label = heading.h.label(heading.m);
      const path = parent.section ? `${parent.section.path} › ${label}` : label;
      const open = add(parent, heading.h.kind, heading.h.id(heading.m), line, path, start, end);
      stack.push(open);
      extendAncestors(end);
      addSentences(open, start, end);
      continue;
    }
    const top = stack[stack.length - 1]!.section;
    const width = top?.kind === 'box' ? wrappedWidth(normalized, start, end) : null;
    if (width !== null && width >= BOX_WIDTH) wideBoxes.add(top!.id);
    else if (width !== null && wideBoxes.has(top!.id)) stack.pop();
    if (stack.length === 1) {
      // Text before the first chapter: the plan's preamble.
      stack.push(add(root, 'preamble', 'preamble', '前言', '前言', start, end));
    }
    const parent = stack[stack.length - 1]!;
    const paragraph = add(parent, 'paragraph', '', line.slice(0, 40), parent.section.path, start, end);
    extendAncestors(end);
    addSentences(paragraph, start, end);
  }
  return { sections, sentences };
}

/**
 * A 专栏 is typeset wider than the text around it (its lines hold 32 characters and more, the
 * body's 26 to 30), and has no closing heading: once a box has shown a wide paragraph, the body
 * resumes with the first paragraph whose first line, wrapped, is body-wide (加强与其他地区科技
 * 交流合作。 after 专栏 25). A box that never showed one (专栏 1's table) runs to the next heading.
 */
const BOX_WIDTH = 32;

/** The characters of a paragraph's first source line, or null if the paragraph is one line (its width says nothing). */
function wrappedWidth(normalized: Normalized, start: number, end: number): number | null {
  const { origin, lineStarts } = normalized;
  const rawStart = origin[start] ?? 0;
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= rawStart) line += 1;
  const nextLine = lineStarts[line + 1];
  if (nextLine === undefined || (origin[end - 1] ?? 0) < nextLine) return null;
  let width = 0;
  for (let i = start; i < end && origin[i]! < nextLine; i += 1) width += 1;
  return width;
}

/** The sentence that holds a text offset (binary search over sentences in order). */
export function sentenceAt(sentences: Section[], offset: number): Section | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return s;
  }
  return undefined;
}
