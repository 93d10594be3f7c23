import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../ingest/normalize.ts';
import { chineseNumber, parseStructure } from '../../ingest/structure.ts';
import { PLAN_PATH } from '../support/plan.ts';

const { sections, sentences } = parseStructure('plan', normalize(fs.readFileSync(PLAN_PATH, 'utf8')));
const count = (kind: string) => sections.filter((s) => s.kind === kind).length;

describe('the structure of the bundled plan', () => {
  it('has its 9 chapters, 35 sections and 26 boxes', () => {
    expect(count('chapter')).toBe(9);
    expect(count('section')).toBe(35);
    expect(count('box')).toBe(26);
  });

  it('puts the text before 第一章 in a preamble', () => {
    expect(sections[0]).toMatchObject({ kind: 'preamble', parentId: null });
    expect(sections.find((s) => s.kind === 'chapter')?.parentId).toBeNull();
  });

  it('paths a box under its chapter, section and item', () => {
    const box = sections.find((s) => s.kind === 'box' && s.title.startsWith('专栏 4'));
    expect(box?.path).toBe('第二章 › 第二节 › 二、推进重大科技基础设施集群建设 › 专栏 4 重大科技基础设施建设行动计划');
    expect(box?.id).toBe('plan/c2/s2/i2/box4');
  });

  it('closes a box at the next heading', () => {
    const box3 = sections.find((s) => s.id.endsWith('box3'))!;
    const next = sections.find((s) => s.kind === 'section' && s.title.startsWith('第二节 建设综合性国家科学中心'))!;
    expect(box3.end).toBeLessThan(next.start);
  });

  it('closes a box where the body text resumes at its narrower width, with no heading between', () => {
    const after = sentences.find((s) => s.title.startsWith('加强与其他地区科技交流合作'))!;
    expect(after.id).not.toContain('box25');
    expect(sections.find((s) => s.id.endsWith('box25'))!.end).toBeLessThanOrEqual(after.start);
  });

  it('keeps a box of table rows open to the next heading, as its rows are all narrow', () => {
    const note = sentences.find((s) => s.title.startsWith('注：1.以上指标均为预期性指标'))!;
    expect(note.id).toContain('/box1/');
  });

  it('splits paragraphs into sentences on 。！？；', () => {
    const quote = sentences.find((s) => s.title.startsWith('系统推进高等级生物安全实验室体系建设，依托中山大学'));
    expect(quote).toBeDefined();
    expect(quote!.kind).toBe('sentence');
    expect(sections.find((s) => s.id === quote!.parentId)?.kind).toBe('paragraph');
  });

  it('gives every section a unique id', () => {
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
  });

  it('reads Chinese numerals of headings', () => {
    expect([chineseNumber('一'), chineseNumber('九'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十一')]).toEqual([1, 9, 10, 12, 21]);
  });
});
