// The tables of indicators the plan's boxes hold (专栏 1, its core indicators): each
// numbered row becomes an indicator with its baseline, target and unit; the notes below
// a table (注：1.… 2.…) are attached to the rows of that table they name, and those that
// name no row to every row of it as the table's.
import type { Section } from './types.ts';

export interface IndicatorRow {
  row: number;
  name: string;
  unit: string;
  baseline: number | null;
  baselineText: string;
  target: number | null;
  targetText: string;
  /** 左右, 以上 …: how the target is meant */
  qualifier: string | null;
  /** the notes under the table that name this row, one per numbered note */
  notes: string[];
  /** the notes that name no row: about the whole table (以上指标均为预期性指标) */
  tableNotes: string[];
  /** the year of the baseline, where a note gives one other than the table's (“…69.72 人年”为 2019 年数据) */
  baselineYear: number | null;
  /** the row's sentence */
  sentence: Section;
  /** the box (专栏) that holds the table */
  table: Section;
}

// `2 R&D/GDP（%） 3.14 3.5 左右`, `7 海外发明专利授权量（万件） —— 8`
const ROW = /^(\d{1,2})\s+(.+?)[（(]([^）)]+)[）)]\s+(\S+)\s+([\d.]+|——|—)\s*(左右|以上|以下)?$/;
const NOTE = /^\d+\.(.+)$/;
const YEAR_OF_DATA = /“([^”]+)”为\s*(\d{4})\s*年数据/;

function number(text: string): number | null {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : null;
}

/** Rows of every indicator table in the document: the boxes' sentences, read box by box. */
export function parseIndicatorTables(boxes: Section[], sentences: Section[], text: string): IndicatorRow[] {
  return boxes.flatMap((box) =>
    parseTable(
      box,
      sentences.filter((s) => s.start >= box.start && s.end <= box.end),
      text,
    ),
  );
}

/** The rows of one box's table, if it holds one; its notes are about its rows alone. */
function parseTable(table: Section, sentences: Section[], text: string): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const notes: string[] = [];
  for (const sentence of sentences) {
    const line = text.slice(sentence.start, sentence.end).trim();
    const match = ROW.exec(line);
    if (match) {
      const [, row, name, unit, baseline, target, qualifier] = match;
      rows.push({
        row: Number(row),
        name: name!.trim(),
        unit: unit!,
        baseline: number(baseline!),
        baselineText: baseline!,
        target: number(target!),
        targetText: qualifier ? `${target}${qualifier}` : target!,
        qualifier: qualifier ?? null,
        notes: [],
        tableNotes: [],
        baselineYear: null,
        sentence,
        table,
      });
      continue;
    }
    const note = NOTE.exec(line.replace(/^注：/, ''));
    if (rows.length > 0 && note) notes.push(note[1]!);
  }
  // A note that names no row (以上指标均为预期性指标) is about all of them.
  const general = notes.filter((n) => !rows.some((r) => n.includes(r.name)));
  for (const row of rows) {
    const own = notes.filter((n) => n.includes(row.name));
    row.notes = own;
    row.tableNotes = general;
    // 4.“每万人研发人员全时当量 69.72 人年”为 2019 年数据: the note quotes the baseline and names its year.
    const year = own.map((n) => YEAR_OF_DATA.exec(n)).find((m) => m?.[1]!.includes(row.baselineText));
    if (year) row.baselineYear = Number(year[2]);
  }
  return rows;
}
