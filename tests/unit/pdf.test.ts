import { describe, expect, it } from 'vitest';
import { IngestError } from '../../ingest/errors.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { pdfText, unifyCharacters } from '../../ingest/pdf.ts';
import { body, makePdf, type PdfLine } from '../support/pdf-files.ts';
import { bundledRegistry } from '../support/plan.ts';

// 第二章 › 第二节: the plan's sentences, broken where a printed page would break them.
const PAGES = [
  ['第二章 强化战略科技力量', '依托松山湖材料实验室，建设松山湖科学城，推动', '广州和深圳建设综合性国家科学中心。'],
  ['第三节 建设重大科技基础设施', '建设江门中微子实验站，打造国际一流的', '大科学装置集群。'],
  ['支持湛江建设湛江湾实验室。', '建设鹏城实验室和广州实验室。'],
];

/** The plan's pages with the same header and footer on each, the footer numbered as `number(n)` says. */
function printed(number: (n: number, total: number) => string, header = '广东省科技创新“十四五”规划'): PdfLine[][] {
  return PAGES.map((lines, i) => [{ text: header, x: 230, y: 812, size: 9 }, ...body(lines), { text: number(i + 1, PAGES.length), x: 280, y: 30, size: 9 }]);
}

async function failure(run: () => Promise<unknown>): Promise<IngestError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected the PDF to be refused');
}

describe('PDF input', () => {
  it('reads the lines of every page top to bottom, whatever order the file draws them in', async () => {
    const page = body(['第一行：广州。', '第二行：深圳。', '第三行：珠海。']).reverse();
    expect(await pdfText(makePdf([page]), 'order.pdf')).toBe('第一行：广州。\n第二行：深圳。\n第三行：珠海。');
  });

  it('keeps a line drawn in pieces as one line, left to right, with a space between table cells', async () => {
    const pieces: PdfLine[] = [
      { text: '3.5 左右', x: 300, y: 700 },
      { text: '2 R&D/GDP（%）', x: 72, y: 700 },
      { text: '3.14', x: 240, y: 700 },
    ];
    expect(await pdfText(makePdf([pieces]), 'table.pdf')).toBe('2 R&D/GDP（%） 3.14 3.5 左右');
  });

  it.each([
    ['— 12 —', (n: number) => `— ${n} —`],
    ['- 12 -', (n: number) => `- ${n} -`],
    ['12', (n: number) => `${n}`],
    ['第 12 页', (n: number) => `第 ${n} 页`],
    ['第12页 共140页', (n: number, total: number) => `第${n}页 共${total}页`],
    ['12/140', (n: number, total: number) => `${n}/${total}`],
  ])('drops the running header and page numbers written as %s', async (_, number) => {
    const text = await pdfText(makePdf(printed(number)), 'plan.pdf');
    expect(text.split('\n')).toEqual(PAGES.flat());
  });

  it('drops a page number on a single page, where nothing repeats', async () => {
    const page = [...body(PAGES[0]!), { text: '第 7 页', x: 280, y: 30 }];
    expect(await pdfText(makePdf([page]), 'one.pdf')).toBe(PAGES[0]!.join('\n'));
  });

  it('drops what a browser prints on every page: date and time, title, URL and page count', async () => {
    const pages = PAGES.map((lines, i) => [
      { text: '11/30/26, 6:41 AM', x: 28, y: 822, size: 6 },
      { text: '广东省科技创新“十四五”规划', x: 260, y: 822, size: 6 },
      ...body(lines),
      { text: 'https://gdstc.gd.gov.cn/zwgk_n/zcfg/gfwj/content/post_3533211.html', x: 28, y: 16, size: 6 },
      { text: `${i + 1}/${PAGES.length}`, x: 554, y: 16, size: 6 },
    ]);
    expect((await pdfText(makePdf(pages), 'printed.pdf')).split('\n')).toEqual(PAGES.flat());
  });

  it('keeps a heading that opens every page when it differs from page to page', async () => {
    const text = await pdfText(makePdf(printed((n) => `— ${n} —`)), 'plan.pdf');
    expect(text).toContain('第三节 建设重大科技基础设施');
  });

  it('gives Chinese characters back from the radicals some fonts map them to', () => {
    expect(unifyCharacters('⻓期⽀持⾼⽔平，珠江―西江经济带')).toBe('长期支持高水平，珠江—西江经济带');
  });

  it('joins the lines a page broke, as for text, and finds the same entities and relations', async () => {
    const registry = bundledRegistry();
    const fromPdf = await ingest({ source: 'plan.pdf', bytes: makePdf(printed((n) => `- ${n} -`)), registry, discover: true, docId: 'p' });
    const fromText = await ingest({ source: 'plan.txt', bytes: Buffer.from(PAGES.flat().join('\n')), registry, discover: true, docId: 'p' });
    expect(fromPdf.encoding).toBe('pdf');
    expect(fromPdf.graph.documents[0]!.text).toBe(fromText.graph.documents[0]!.text);
    expect(fromPdf.graph.documents[0]!.text).toContain('建设江门中微子实验站，打造国际一流的大科学装置集群。');
    expect(fromPdf.graph.nodes.map((n) => n.id)).toEqual(fromText.graph.nodes.map((n) => n.id));
    expect(fromPdf.graph.edges.map((e) => e.id)).toEqual(fromText.graph.edges.map((e) => e.id));
    expect(fromPdf.graph.nodes.map((n) => n.id)).toContain('songshan-lake-materials-lab');
  });
});

describe('a PDF that cannot be read', () => {
  const plan = makePdf(printed((n) => `— ${n} —`));

  it('without a text layer is refused: OCR is not supported', async () => {
    const error = await failure(() => pdfText(makePdf([[], []]), 'scan.pdf'));
    expect(error.code).toBe('no-text');
    expect(error.message).toBe('scan.pdf: no text layer — OCR is not supported (2 pages of images only)');
  });

  it('encrypted with a password is refused', async () => {
    const error = await failure(() =>
      pdfText(
        makePdf(
          printed((n) => `${n}`),
          { encrypted: true },
        ),
        'locked.pdf',
      ),
    );
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/locked\.pdf: the PDF is encrypted/);
  });

  it('cut short is refused as truncated', async () => {
    const error = await failure(() => pdfText(plan.subarray(0, Math.floor(plan.length * 0.7)), 'cut.pdf'));
    expect(error.code).toBe('truncated');
  });

  it('whose structure is garbage is refused as corrupt', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x37), Buffer.from('\n%%EOF\n')]);
    const error = await failure(() => pdfText(garbage, 'garbage.pdf'));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/^garbage\.pdf: not a readable PDF/);
  });

  it('named .pdf but holding something else is refused as not a PDF', async () => {
    const error = await failure(() =>
      ingest({ source: 'plan.pdf', bytes: Buffer.from('广东省科技创新规划'.repeat(10)), registry: bundledRegistry(), discover: true }),
    );
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe('plan.pdf: not a PDF (no %PDF- header)');
  });
});
