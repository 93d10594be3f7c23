// Undoes what PDF extraction did to a plan — hard-wrapped lines, page-start
// spaces, surviving page footers — while remembering, for every character of the
// result, where it stood in the original file.

export interface Normalized {
  /** paragraphs separated by "\n" */
  text: string;
  /** origin[i] is the offset in the raw text of text[i] */
  origin: Int32Array;
  /** offsets in the raw text where each line starts, to turn offsets into line/column */
  lineStarts: number[];
}

/** `— 88 —`: a page number left between two lines, or inside one. */
const FOOTER = /\s*[—–-]{1,2}\s*\d{1,3}\s*[—–-]{1,2}\s*/g;
const HEADING = /^(第[一二三四五六七八九十百]+[章节]\s|[一二三四五六七八九十]+、|专栏\s*\d+)/;
/** A numbered row of a table, such as `2 R&D/GDP（%） 3.14 3.5 左右`. */
const TABLE_ROW = /^\d{1,2}\s+\S.*[)）]\s+\S+\s+\S+/;
const PARAGRAPH_END = /[。！？]$/;
const LATIN = /[A-Za-z0-9]/;

interface Line {
  text: string;
  /** raw offset of each character of `text` */
  offsets: number[];
}

function splitLines(raw: string): { lines: Line[]; lineStarts: number[] } {
  const lines: Line[] = [];
  const lineStarts: number[] = [];
  let start = 0;
  for (const piece of raw.split('\n')) {
    lineStarts.push(start);
    const body = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    lines.push(cleanLine(body, start));
    start += piece.length + 1;
  }
  return { lines, lineStarts };
}

/** Strips page-start spaces, trailing spaces and footers, keeping each kept character's offset. */
function cleanLine(body: string, start: number): Line {
  const keep = new Array<boolean>(body.length).fill(true);
  for (const match of body.matchAll(FOOTER)) {
    // A footer inside a line (`深— 88 —入`) joins the words on either side.
    for (let i = match.index; i < match.index + match[0].length; i += 1) keep[i] = false;
  }
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < body.length; i += 1) {
    if (!keep[i]) continue;
    text += body[i];
    offsets.push(start + i);
  }
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  return { text: text.slice(leading, text.length - trailing), offsets: offsets.slice(leading, offsets.length - trailing) };
}

function standsAlone(line: string): boolean {
  return HEADING.test(line) || TABLE_ROW.test(line);
}

export function normalize(raw: string): Normalized {
  const { lines, lineStarts } = splitLines(raw.replace(/^\uFEFF/, ''));
  let text = '';
  const origin: number[] = [];
  let open = false; // is a paragraph being continued?

  const append = (line: Line) => {
    text += line.text;
    origin.push(...line.offsets);
  };

  for (const line of lines) {
    if (line.text === '') continue;
    const alone = standsAlone(line.text);
    if (open && !alone && !line.text.startsWith('——')) {
      const previous = text[text.length - 1] ?? '';
      if (LATIN.test(previous) && LATIN.test(line.text[0] ?? '')) {
        text += ' ';
        origin.push(line.offsets[0]! - 1);
      }
    } else if (text !== '') {
      text += '\n';
      origin.push(line.offsets[0]! - 1);
    }
    append(line);
    open = !alone && !PARAGRAPH_END.test(line.text);
  }
  origin.push(raw.length);
  return { text, origin: Int32Array.from(origin), lineStarts };
}

/** 1-based line and column in the raw file of a raw offset. */
export function lineColumn(lineStarts: number[], rawOffset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= rawOffset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: rawOffset - lineStarts[low]! + 1 };
}

/** Same-length folding for matching: full-width ASCII variants become their half-width forms. */
export function fold(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += char;
  }
  return out;
}
