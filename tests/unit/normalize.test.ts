import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold, lineColumn, normalize } from '../../ingest/normalize.ts';
import { PLAN_PATH } from '../support/plan.ts';

const raw = fs.readFileSync(PLAN_PATH, 'utf8');

describe('normalize', () => {
  it('joins hard-wrapped Chinese lines with no space and drops page-start spaces', () => {
    const { text } = normalize(' 支持深圳建设中国特色社会主义先行示范区，以同等力度\n\n 支持广州打造具有全球影响力的科技创新强市。\n');
    expect(text).toBe('支持深圳建设中国特色社会主义先行示范区，以同等力度支持广州打造具有全球影响力的科技创新强市。');
  });

  it('keeps a space between Latin words broken across lines', () => {
    expect(normalize('推动 MEMS\nsensor 设计及示范工作的开展与推进。').text).toBe('推动 MEMS sensor 设计及示范工作的开展与推进。');
  });

  it('drops a page footer on its own line and inside a line', () => {
    expect(normalize('要增强落实政治责任感，深— 88 —入贯彻落实精神。\n— 89 —\n第二节 完善科技创新政策法规').text).toBe(
      '要增强落实政治责任感，深入贯彻落实精神。\n第二节 完善科技创新政策法规',
    );
  });

  it('starts a new paragraph after a sentence end and around headings', () => {
    const { text } = normalize('一、发展基础\n“十三五”时期，全省扎实推进\n创新发展。\n——科技创新综合实力取得重要突破。');
    expect(text.split('\n')).toEqual(['一、发展基础', '“十三五”时期，全省扎实推进创新发展。', '——科技创新综合实力取得重要突破。']);
  });

  it('maps every character of the bundled plan back to the same character of the original file', () => {
    const { text, origin } = normalize(raw);
    let mismatches = 0;
    for (let i = 0; i < text.length; i += 1) {
      const original = raw[origin[i]!];
      const joined = (text[i] === '\n' || text[i] === ' ') && (original === '\n' || original === ' ');
      if (text[i] !== original && !joined) mismatches += 1;
    }
    expect(mismatches).toBe(0);
    expect(text).not.toContain('— 88 —');
  });

  it('gives the original line and column of a quote', () => {
    const normalized = normalize(raw);
    const at = normalized.text.indexOf('依托中山大学建设华南首家');
    const { line, column } = lineColumn(normalized.lineStarts, normalized.origin[at]!);
    // The PDF broke the line after 依托中山; the map points at the first character, on the first line.
    expect(raw.split('\n')[line - 1]!.slice(column - 1)).toBe('依托中山');
  });

  it('folds full-width ASCII for matching without changing lengths', () => {
    expect(fold('Ｒ＆Ｄ／ＧＤＰ（％）')).toBe('R&D/GDP(%)');
    expect(fold('松山湖科学城').length).toBe(6);
  });
});
