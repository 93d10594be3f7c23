import { describe, expect, it } from 'vitest';
import { parseIndicatorTables } from '../../ingest/indicators.ts';
import type { Section } from '../../ingest/types.ts';
import { planGraph } from '../support/plan.ts';

const indicators = planGraph().nodes.filter((n) => n.kind === 'Indicator');
const byName = (name: string) => indicators.find((n) => n.name === name)!;

describe('the core indicators of 专栏 1', () => {
  it('are the ten rows of the table', () => {
    expect(indicators.map((n) => n.props.row).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('read R&D/GDP as 3.14 % in 2020 and about 3.5 % by 2025', () => {
    expect(byName('R&D/GDP').props).toMatchObject({ unit: '%', baseline: 3.14, target: 3.5, qualifier: '左右', targetText: '3.5左右' });
  });

  it('keep a missing baseline as null, not zero', () => {
    expect(byName('海外发明专利授权量').props).toMatchObject({ baseline: null, baselineText: '——', target: 8, unit: '万件' });
  });

  it('attach the notes under the table to the rows they name, and the general note to all as the table’s', () => {
    // Stored only where there are any: an empty list is no property.
    const notes = (name: string) => (byName(name).props.notes ?? []) as string[];
    const tableNotes = (name: string) => (byName(name).props.tableNotes ?? []) as string[];
    expect(notes('每万人研发人员全时当量')).toEqual([expect.stringContaining('为 2019 年数据')]);
    expect(notes('技术合同成交额')).toEqual([]);
    for (const indicator of indicators) {
      expect(tableNotes(indicator.name), indicator.name).toEqual([expect.stringContaining('以上指标均为预期性指标')]);
      // A row's own note names it; the table's names none.
      for (const note of notes(indicator.name)) expect(note).toContain(indicator.name);
    }
  });

  it('date a baseline as its note does, and the others as the table does', () => {
    expect(byName('每万人研发人员全时当量').props).toMatchObject({ baseline: 69.72, baselineYear: 2019, targetYear: 2025 });
    expect(byName('R&D/GDP').props).toMatchObject({ baselineYear: 2020, targetYear: 2025 });
  });

  it('cite the table row', () => {
    expect(byName('技术合同成交额').mentions.map((m) => m.quote)).toContain('9 技术合同成交额（亿元） 3465.92 5000');
  });

  it('keep where the table stands and which sentence is the row, for a reader to read it there', () => {
    const node = byName('技术合同成交额');
    expect(node.props.table).toMatch(/\/box1$/);
    // The row's sentence is one of its mentions, inside the table's box.
    const row = node.mentions.find((m) => m.sectionId === node.props.rowSentence);
    expect(row?.quote).toBe('9 技术合同成交额（亿元） 3465.92 5000');
    expect(String(node.props.rowSentence).startsWith(`${String(node.props.table)}/`)).toBe(true);
  });
});

describe('parseIndicatorTables', () => {
  // Two boxes, each a table with notes: a note belongs to the rows of its own table.
  const text = ['1 甲指标（%） 1 2', '注：1.以上指标均为约束性指标。', '1 乙指标（件） 3 4 以上', '注：1.乙指标为累计数。', '2.以上指标均为预期性指标。'].join(
    '\n',
  );
  let at = 0;
  const sentences: Section[] = text.split('\n').map((line, i) => {
    const start = at;
    at += line.length + 1;
    return {
      id: `doc/box${i < 2 ? 1 : 2}/t${i}`,
      docId: 'doc',
      parentId: null,
      kind: 'sentence',
      path: '',
      title: line,
      ordinal: i + 1,
      start,
      end: start + line.length,
      line: i + 1,
      column: 1,
    };
  });
  const box = (n: number, from: Section, to: Section): Section => ({ ...from, id: `doc/box${n}`, kind: 'box', start: from.start, end: to.end });
  const boxes = [box(1, sentences[0]!, sentences[1]!), box(2, sentences[2]!, sentences[4]!)];
  const rows = parseIndicatorTables(boxes, sentences, text);

  it('reads each box as a table of its own', () => {
    expect(rows.map((r) => [r.name, r.table.id, r.sentence.id])).toEqual([
      ['甲指标', 'doc/box1', 'doc/box1/t0'],
      ['乙指标', 'doc/box2', 'doc/box2/t2'],
    ]);
  });

  it('gives a table’s notes to its own rows only', () => {
    expect(rows[0]).toMatchObject({ notes: [], tableNotes: ['以上指标均为约束性指标。'] });
    expect(rows[1]).toMatchObject({ notes: ['乙指标为累计数。'], tableNotes: ['以上指标均为预期性指标。'], qualifier: '以上' });
  });
});
