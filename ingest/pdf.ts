// PDF → plan text, through pdf.js: the text layer of every page in reading order,
// without what is printed on every page rather than written in the plan (running
// headers and footers, page numbers, the date, title and URL a browser stamps when it
// prints). Lines stay as the page broke them: normalize() joins them, as it does for
// text that pdftotext made.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { IngestError } from './errors.ts';

/** Where pdf.js keeps the CMaps that map the glyphs of Chinese CID fonts to Unicode. */
const PDFJS_ROOT = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// In Node, pdf.js runs its worker in this thread, importing it on first use: the minified
// build, without a source map, loads in a fraction of the time.
GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(PDFJS_ROOT, 'legacy', 'build', 'pdf.worker.min.mjs')).href;
// In Node, pdf.js reads these with fs: plain paths, ending in a separator.
const CMAPS = `${path.join(PDFJS_ROOT, 'cmaps')}${path.sep}`;
const STANDARD_FONTS = `${path.join(PDFJS_ROOT, 'standard_fonts')}${path.sep}`;

/** ISO 32000: the file ends with %%EOF; readers look for it in the last 1024 bytes. */
const EOF_WINDOW = 1024;
/** lines at the top and at the bottom of a page where headers and footers stand */
const EDGE_LINES = 2;
/** a line repeated (digits aside) at the edge of this share of the pages is furniture */
const REPEATED_SHARE = 0.5;

/** A page number on a line of its own: 12, - 12 -, — 12 —, 第 12 页, 第12页 共140页, 12/140, Page 12 of 140. */
const PAGE_NUMBER = [
  /^[-—–－]{0,2}\s*\d{1,4}\s*[-—–－]{0,2}$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];
/** What a browser adds when it prints: the date and time, the URL, the page number (the title is caught by repetition). */
const BROWSER_STAMPS = [
  /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(,?\s*\d{1,2}:\d{2}(:\d{2})?(\s*[AP]M)?)?/gi,
  /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(上午|下午)?\s*\d{1,2}:\d{2}(:\d{2})?/g,
  /\b(https?|file):\/\/\S+|about:blank/gi,
  /\b\d{1,4}\s*\/\s*\d{1,4}$/,
];

/**
 * Kangxi radicals (U+2F00…) and CJK radical supplements (U+2E80…) that fonts map
 * common characters to: 长 comes out as ⻓ (U+2ED3) unless mapped back. Kangxi radicals
 * have an NFKC form; the supplement's simplified forms that stand for a whole
 * character are listed here (after Unicode's EquivalentUnifiedIdeograph.txt).
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2EA0': '民',
  '\u2EA6': '丬',
  '\u2EB0': '纟',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
};
const RADICAL = /[\u2E80-\u2EF3\u2F00-\u2FD5]/g;

/** CJK fonts often map the em dash of 珠江—西江 to a horizontal bar (U+2015). */
const HORIZONTAL_BAR = /\u2015/g;

/** The characters a PDF font put in place of the ones the text has. */
export function unifyCharacters(text: string): string {
  return text.replace(RADICAL, (char) => RADICAL_SUPPLEMENT[char] ?? char.normalize('NFKC')).replace(HORIZONTAL_BAR, '—');
}

interface Line {
  text: string;
  /** baseline height from the bottom of the page */
  y: number;
}

/** Groups a page's text items into lines, top to bottom, each read left to right. */
function pageLines(items: TextItem[]): Line[] {
  const rows: { y: number; height: number; items: TextItem[] }[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const y = item.transform[5]!;
    const height = Math.max(Math.abs(item.transform[3]!), item.height, 1);
    // Items whose baselines lie within half a character of each other share a line (superscripts too).
    const row = rows.find((r) => Math.abs(r.y - y) < Math.min(r.height, height) / 2);
    if (row) row.items.push(item);
    else rows.push({ y, height, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows
    .map((row) => {
      row.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
      let text = '';
      let end = -Infinity;
      for (const item of row.items) {
        const x = item.transform[4]!;
        // A gap wider than a third of a character (between the cells of a table row) is a space.
        if (text !== '' && x - end > row.height / 3 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
        text += item.str;
        end = x + item.width;
      }
      return { text: text.trim(), y: row.y };
    })
    .filter((line) => line.text !== '');
}

const furnitureKey = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

function isStamp(text: string): boolean {
  if (PAGE_NUMBER.some((pattern) => pattern.test(text))) return true;
  let rest = text;
  for (const stamp of BROWSER_STAMPS) rest = rest.replace(stamp, ' ');
  return rest !== text && rest.trim() === '';
}

/** The lines at the top and bottom of each page that are printed on every page, or are page numbers and print stamps. */
function removeFurniture(pages: Line[][]): Line[][] {
  const edge = (lines: Line[]) => new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]);
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set([...edge(lines)].map((l) => furnitureKey(l.text)))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = (line: Line) => pages.length >= 2 && (seen.get(furnitureKey(line.text)) ?? 0) >= Math.max(2, pages.length * REPEATED_SHARE);
  return pages.map((lines) => {
    const edges = edge(lines);
    return lines.filter((line) => !(edges.has(line) && (repeated(line) || isStamp(line.text))));
  });
}

/** Opens the PDF; the caller destroys the task (pdf.js's worker and caches) when done. */
async function open(bytes: Uint8Array, source: string): Promise<{ task: PDFDocumentLoadingTask; doc: PDFDocumentProxy }> {
  // pdf.js takes the buffer over: give it a copy so the caller's bytes (hashed later) stay whole.
  const task = getDocument({
    data: Uint8Array.from(bytes),
    cMapUrl: CMAPS,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS,
    // text only: no fonts are handed to a renderer
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    return { task, doc: await task.promise };
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string }).name;
    const reason = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') {
      throw new IngestError('encrypted', `${source}: the PDF is encrypted with a password; save an unprotected copy first`, { source });
    }
    throw new IngestError('corrupt', `${source}: not a readable PDF (${reason})`, { source });
  }
}

/** ISO 32000 lets the header stand anywhere in the first 1024 bytes. */
function hasHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** A PDF by its bytes, or a file that says it is one by its name (and is refused if it is not). */
export function isPdf(bytes: Uint8Array, source: string): boolean {
  return /\.pdf$/i.test(source) || hasHeader(bytes);
}

/** The plan text of a PDF, one printed line per line, pages in order. */
export async function pdfText(bytes: Uint8Array, source: string): Promise<string> {
  if (!hasHeader(bytes)) throw new IngestError('corrupt', `${source}: not a PDF (no %PDF- header)`, { source });
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new IngestError('truncated', `${source}: the PDF has no end-of-file marker (${bytes.length} bytes): it looks truncated`, { source });
  }
  const { task, doc } = await open(bytes, source);
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      let items: TextItem[];
      try {
        const page = await doc.getPage(n);
        items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
      } catch (error) {
        throw new IngestError('corrupt', `${source}: page ${n} cannot be read (${error instanceof Error ? error.message : String(error)})`, {
          source,
          page: n,
        });
      }
      pages.push(pageLines(items));
    }
    const text = removeFurniture(pages)
      .map((lines) => lines.map((line) => unifyCharacters(line.text)).join('\n'))
      .join('\n');
    if (text.trim() === '') {
      throw new IngestError('no-text', `${source}: no text layer — OCR is not supported (${doc.numPages} pages of images only)`, {
        source,
        pages: doc.numPages,
      });
    }
    return text;
  } finally {
    await task.destroy();
  }
}
