// Prints the bundled plan to PDF the way a reader would: Debian's Chromium lays the
// paragraphs out on A4 with its own line wrapping, and stamps its header (date, title)
// and footer (URL, page n/total) on every page. Both the PDF tests and a person
// wanting the file use it:  npx tsx tests/support/print-plan.ts out.pdf
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decode } from '../../ingest/decode.ts';
import { normalize } from '../../ingest/normalize.ts';
import { planMetadata } from '../../ingest/plan-index.ts';
import { launchChromium } from './chromium.ts';
import { PLAN_PATH } from './plan.ts';

/** Chromium's own header and footer, as its print dialog shows them with "Headers and footers" ticked. */
const HEADER = `<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 10mm">
  <span class="date"></span><span class="title"></span><span></span></div>`;
const FOOTER = `<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 10mm">
  <span class="url"></span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The plan as a web page: one paragraph per paragraph of the text, nothing pre-wrapped. */
export function planHtml(text: string, title: string): string {
  const paragraphs = normalize(text)
    .text.split('\n')
    .map((p) => `<p>${escape(p)}</p>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15px;line-height:1.6}p{margin:0 0 .4em;text-indent:2em}</style>
</head><body>${paragraphs.join('\n')}</body></html>`;
}

/** Prints `text` (default: the bundled plan) to `out` as Chromium's A4 PDF. */
export async function printPlan(out: string, text = fs.readFileSync(PLAN_PATH, 'utf8'), title = planMetadata(PLAN_PATH).title ?? 'plan'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-print-'));
  const page = path.join(dir, 'plan.html');
  fs.writeFileSync(page, planHtml(decode(Buffer.from(text), 'plan').text, title));
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.pdf({
      path: out,
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: HEADER,
      footerTemplate: FOOTER,
      margin: { top: '18mm', bottom: '18mm', left: '20mm', right: '20mm' },
    });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The bundled plan's PDF edition, printed once and kept in the temporary folder under
 * the hash of what went into it, so the test files that need it share one print.
 */
export async function printedPlan(): Promise<string> {
  const script = fs.readFileSync(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(fs.readFileSync(PLAN_PATH)).update(script).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `innograph-printed-plan-${hash}.pdf`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.${process.pid}.part`;
  await printPlan(partial);
  fs.renameSync(partial, file);
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npx tsx tests/support/print-plan.ts <out.pdf>');
    process.exit(2);
  }
  await printPlan(out);
  console.log(`${out}: ${fs.statSync(out).size} bytes`);
}
