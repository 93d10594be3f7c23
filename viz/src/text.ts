// A label's text as drawn: its width in a canvas font, and a name wider than a label may be
// shortened in its middle. Cytoscape's own ellipsis keeps a name's start: the plan names many
// places by their host and a suffix (横琴粤澳深度合作区, 横琴粤澳深度合作区国际院士谷), which
// then read the same on the map. Start and end together tell them apart. A name in words, three
// times as long as its Chinese original, takes two lines (its first words, then its last): on one
// it was cut to a word and an end (Sino…Knowledge City).

let context: CanvasRenderingContext2D | null = null;
/** Widths by font, then by text: no key is built per call, in a pass over thousands of labels. */
const widths = new Map<string, Map<string, number>>();

/** The text's width in pixels in a canvas font, cached: the same names come back at every zoom. */
export function textWidth(text: string, font: string): number {
  let inFont = widths.get(font);
  if (!inFont) widths.set(font, (inFont = new Map()));
  const known = inFont.get(text);
  if (known !== undefined) return known;
  context ??= document.createElement('canvas').getContext('2d')!;
  context.font = font;
  const width = Math.ceil(context.measureText(text).width);
  inFont.set(text, width);
  return width;
}

/** Whether `text` fits in `max` pixels. */
type Fits = (text: string) => boolean;

/** The longest form of a name that fits, keeping `share` of the characters kept at its start and the rest at its end. */
function cut(chars: string[], share: number, fits: Fits): string | null {
  for (let keep = chars.length - 1; keep > 0; keep -= 1) {
    const head = Math.ceil(keep * share);
    const text = `${chars.slice(0, head).join('').trimEnd()}…${chars
      .slice(chars.length - (keep - head))
      .join('')
      .trimStart()}`;
    if (fits(text)) return text;
  }
  return null;
}

/** The longest start of a name that fits, ended at a word's end where one is near. */
function words(chars: string[], fits: Fits): string | null {
  for (let keep = chars.length - 1; keep > 0; keep -= 1) {
    if (!fits(`${chars.slice(0, keep).join('').trimEnd()}…`)) continue;
    let end = keep;
    while (end > keep * 0.6 && !SEPARATOR.test(chars[end] ?? '')) end -= 1;
    return `${chars
      .slice(0, end > keep * 0.6 ? end : keep)
      .join('')
      .trimEnd()}…`;
  }
  return null;
}

/** A name in words as its first word and as many of its last words as fit after an ellipsis (National…in Shenzhen). */
function ends(chars: string[], fits: Fits): string | null {
  const first = chars.findIndex((c) => SEPARATOR.test(c));
  if (first <= 0) return null;
  const head = chars.slice(0, first).join('');
  // From the second word on: the longest end first.
  for (let i = first + 1; i < chars.length; i += 1) {
    if (!SEPARATOR.test(chars[i - 1]!) || SEPARATOR.test(chars[i]!)) continue;
    const text = `${head}…${chars.slice(i).join('')}`;
    if (fits(text)) return text;
  }
  return null;
}

/** How many characters two names share at their ends. */
function sameEnd(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i += 1;
  return i;
}

/** The longest part of a name from `start` that fits, with an ellipsis for each end cut off. */
function window(chars: string[], start: number, fits: Fits): string | null {
  for (let keep = chars.length - start; keep > 0; keep -= 1) {
    const end = start + keep;
    const text = `${start > 0 ? '…' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? '…' : ''}`;
    if (fits(text)) return text;
  }
  return null;
}

/** Han characters: a name in them is cut and matched as Chinese. */
export const HAN = /[\u2e80-\u9fff]/;

/** A name's words, each with the space or hyphen after it: a line may end after either. */
const WORDS = /[^\s-]+(?:\s+|-+)?|[\s-]+/g;

/**
 * A name in words on two lines: as many of its first words as fit on the first, the rest on the
 * second, or, where the rest is too wide, an ellipsis and as many of its last words as fit
 * (Sino-Singapore Guangzhou / Knowledge City; Guangzhou Nansha New / …Talent Special Zone).
 * Start and end together tell names apart, as a Chinese name's do on one line. None when its
 * first word alone is too wide.
 */
function twoLines(text: string, fits: Fits): string | null {
  const line = firstLine(text, fits);
  if (!line) return null;
  const parts = text.slice(line.length).match(WORDS) ?? [];
  for (let from = 0; from < parts.length; from += 1) {
    const tail = `${from > 0 ? '…' : ''}${parts.slice(from).join('').trim()}`;
    if (fits(tail)) return `${line.head}\n${tail}`;
  }
  return null;
}

/** As many of a name's first words as fit on a line, and how many characters of the name they take; none if the first word is too wide or all fit. */
function firstLine(text: string, fits: Fits): { head: string; length: number } | null {
  const parts = text.match(WORDS) ?? [];
  let first = 0;
  while (
    first < parts.length &&
    fits(
      parts
        .slice(0, first + 1)
        .join('')
        .trimEnd(),
    )
  )
    first += 1;
  if (first === 0 || first === parts.length) return null;
  const taken = parts.slice(0, first).join('');
  return { head: taken.trimEnd(), length: taken.length };
}

/** The lines of a label as drawn: a name in words may take two. */
export const linesOf = (label: string): string[] => label.split('\n');

/** How many lines a label may take: two, but one in a list, whose rows are a line apart. */
export type Lines = 1 | 2;

/**
 * `text` if it is at most `max` wide; else a Chinese name as many of its first and last characters
 * as fit around an ellipsis (a few more at the start), and a name in words on two lines where it
 * may take two, or else its first words.
 */
export function fitText(text: string, max: number, width: (text: string) => number, lines: Lines = 2): string {
  const fits = (shown: string) => width(shown) <= max;
  if (fits(text)) return text;
  if (HAN.test(text)) {
    const bare = unqualified(text);
    if (fits(bare)) return bare;
    const chars = [...bare];
    return cut(chars, 0.5, fits) ?? `${chars[0] ?? ''}…`;
  }
  const chars = [...text];
  return (lines === 2 ? twoLines(text, fits) : null) ?? words(chars, fits) ?? `${chars[0] ?? ''}…`;
}

/** A bracketed qualifier of a Chinese name, and 中国 before one that names a place in China. */
const QUALIFIER = /[（(][^（）()]*[）)]/gu;
const IN_CHINA = /^中国[（(]([^（）()]+)[）)]/u;
/** Names without their qualifiers, by name: asked again for every label placed, at every zoom, they are kept as the widths are. */
const bareNames = new Map<string, string>();

/**
 * A Chinese name without its bracketed qualifier, the first thing a label too narrow for it
 * drops: cut in its middle, 中国（东莞）散裂中子源 and its 二期 both read 中国（东莞…, the part
 * that tells them apart gone. 中国（广东）自由贸易试验区 is 广东自由贸易试验区, as it is called: 中国
 * alone would read as the whole country's. The label's tooltip keeps the full name.
 */
function unqualified(name: string): string {
  let bare = bareNames.get(name);
  if (bare === undefined) {
    bare = name.replace(IN_CHINA, '$1').replace(QUALIFIER, '').trim() || name;
    bareNames.set(name, bare);
  }
  return bare;
}

/** Where a name stops reading as another: the first character at which they differ. */
function divergence(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** A separator between the words of a name: a window starts after one where it can. */
const SEPARATOR = /[\s\-—–·・/]/;

/**
 * The forms in which the names of one picture are drawn, no two alike: each name as fitText cuts
 * it, and where names are cut to the same text, each of them cut again so that it reads apart:
 * its start alone if that shows where it differs from the name most like it; a name in words, its
 * first word and last words if those show it (…Supercomputer C… told two centres apart by one
 * syllable, …in Guangzhou and …in Shenzhen by their city); else the part where it differs; a name
 * another one begins with, its start and end around an ellipsis.
 */
export function fitTexts(names: readonly { name: string; width: (text: string) => number }[], max: number, lines: Lines = 2): Map<string, string> {
  const shown = new Map(names.map(({ name, width }) => [name, fitText(name, max, width, lines)]));
  const byText = new Map<string, string[]>();
  for (const [name, text] of shown) byText.set(text, [...(byText.get(text) ?? []), name]);
  const widths = new Map(names.map(({ name, width }) => [name, width]));
  for (const alike of byText.values()) {
    if (alike.length < 2) continue;
    const differs = new Map(
      alike.map((name) => [name, Math.max(...alike.filter((other) => other !== name).map((other) => divergence([...name], [...other])))]),
    );
    const endsAlike = new Map(alike.map((name) => [name, Math.max(...alike.filter((other) => other !== name).map((other) => sameEnd([...name], [...other])))]));
    for (const name of [...alike].sort((a, b) => differs.get(a)! - differs.get(b)! || (a < b ? -1 : 1))) {
      const chars = [...name];
      const width = widths.get(name)!;
      const fits: Fits = (text) => width(text) <= max;
      const at = differs.get(name)!;
      // The window starts at the word the difference is in, or two characters before it.
      let start = Math.max(0, at - 2);
      for (let i = at; i > 0 && at - i < 12; i -= 1)
        if (SEPARATOR.test(chars[i - 1]!)) {
          start = i;
          break;
        }
      const taken = new Set([...shown].filter(([other]) => other !== name).map(([, text]) => text));
      // A name that another one begins with differs by where it ends: its end must show.
      const prefix = at >= chars.length;
      // Its start alone, only if the start shows where it differs.
      const head = prefix ? null : words(chars, fits);
      // Its first word and last words, only if the end shown goes past what it shares with the others' ends.
      const tail = HAN.test(name) ? null : ends(chars, fits);
      // Its first line, then the part where it differs: a name in words on two lines, as fitText puts it.
      const line = HAN.test(name) || lines === 1 ? null : firstLine(name, fits);
      const below = line ? window(chars, Math.max(start, [...name.slice(0, line.length)].length), fits) : null;
      const candidates = [
        line && below ? `${line.head}\n${below}` : null,
        head && [...head].length - 1 > at ? head : null,
        tail && [...tail].length - [...tail].indexOf('…') - 1 > endsAlike.get(name)! ? tail : null,
        prefix ? null : window(chars, start, fits),
        cut(chars, 0.5, fits),
        cut(chars, 0, fits),
      ];
      const free = candidates.find((text): text is string => !!text && !taken.has(text));
      if (free) shown.set(name, free);
    }
  }
  return shown;
}
