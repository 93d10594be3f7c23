// Small PDFs written by hand, for the tests of PDF input: text in the Adobe-GB1
// font every reader knows (STSong-Light, UCS-2 encoded, not embedded), lines placed
// where a test wants them, and the broken files a reader must refuse.
import { createHash } from 'node:crypto';

export interface PdfLine {
  text: string;
  x: number;
  /** baseline, from the bottom of an A4 page (842 pt high) */
  y: number;
  size?: number;
}

export interface PdfOptions {
  /** an /Encrypt dictionary whose user password is not empty: readers ask for it */
  encrypted?: boolean;
}

const ucs2 = (text: string) =>
  [...text]
    .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase();

function content(lines: PdfLine[]): string {
  const shown = lines.map((l) => `BT /F1 ${l.size ?? 12} Tf ${l.x} ${l.y} Td <${ucs2(l.text)}> Tj ET`);
  // A grey rectangle: a page that has marks, text or none.
  return ['0.5 g 100 100 50 50 re f', ...shown].join('\n');
}

/** A PDF with one page per entry, each showing its lines. */
export function makePdf(pages: PdfLine[][], options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // object n is objects[n - 1]
  const fontId = 3;
  const pageIds = pages.map((_, i) => 6 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R >>',
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  for (const [i, lines] of pages.entries()) {
    const stream = content(lines);
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  const id = createHash('md5').update(JSON.stringify(pages)).digest('hex');
  let encrypt = '';
  if (options.encrypted) {
    const filler = createHash('sha256').update('not the empty password').digest('hex').slice(0, 64);
    add(`<< /Filter /Standard /V 1 /R 2 /O <${filler}> /U <${filler}> /P -3904 >>`);
    encrypt = ` /Encrypt ${objects.length} 0 R`;
  }
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${id}> <${id}>]${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Lines of body text from the top of an A4 page down, `leading` pt apart. */
export function body(texts: string[], top = 760, leading = 18): PdfLine[] {
  return texts.map((text, i) => ({ text, x: 72, y: top - i * leading }));
}

/** A text laid out as pages of `perPage` lines each, numbered `— n —` at the foot: a plan as its PDF. */
export function textPdf(text: string, perPage = 45): Buffer {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const pages: PdfLine[][] = [];
  for (let start = 0; start < lines.length; start += perPage) {
    pages.push([...body(lines.slice(start, start + perPage), 790, 16), { text: `— ${pages.length + 1} —`, x: 280, y: 30 }]);
  }
  return makePdf(pages);
}
