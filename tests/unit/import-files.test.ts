import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, writeImportFiles } from '../../graph/import-files.ts';
import type { Graph, GraphEdge } from '../../ingest/types.ts';

const TEXT = '支持深圳建设光明科学城。\n依托中山大学建设南海海洋数据中心。';

function graph(edges: GraphEdge[] = []): Graph {
  const mention = (start: number) => ({ docId: 'doc', sectionId: 'doc/c1/t1', start, end: start + 2, quote: TEXT.slice(0, 12) });
  const node = (id: string, kind: 'City' | 'ScienceCity', name: string, start: number) => ({
    id,
    kind,
    name,
    nameEn: null,
    aliases: [],
    pinyin: 'x',
    source: 'registry' as const,
    confidence: 1,
    city: null,
    props: {},
    mentions: [mention(start)],
  });
  return {
    documents: [{ id: 'doc', title: '规划', sha256: 'abc', text: TEXT }],
    sections: [
      { id: 'doc/c1', docId: 'doc', parentId: null, kind: 'chapter', path: '第一章', title: '', ordinal: 1, start: 0, end: TEXT.length, line: 1, column: 1 },
      { id: 'doc/c1/t1', docId: 'doc', parentId: 'doc/c1', kind: 'sentence', path: '第一章', title: '', ordinal: 1, start: 0, end: 12, line: 1, column: 1 },
    ],
    nodes: [node('shenzhen', 'City', '深圳', 2), node('guangming', 'ScienceCity', '光明科学城', 6)],
    edges,
  };
}

const evidence = { docId: 'doc', sectionId: 'doc/c1/t1', quote: TEXT.slice(0, 12), start: 0, end: 12, leadStart: null, method: 'rule', confidence: 0.9 };

describe('CSV files for the offline importer', () => {
  const dirs: string[] = [];
  const dir = () => {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-import-files-'));
    dirs.push(made);
    return made;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("writes each file with the importer's typed header, labels joined by the array delimiter, and the document's lines as one field", () => {
    const files = writeImportFiles(graph([{ id: 'e1', type: 'LOCATED_IN', from: 'guangming', to: 'shenzhen', evidence: [evidence] }]), dir());
    const entities = parse(fs.readFileSync(files.nodes.find((f) => f.includes('entities'))!), { relax_column_count: false }) as string[][];
    expect(entities[0]).toEqual(expect.arrayContaining(['id:ID(Entity)', ':LABEL', 'name:string', 'confidence:double', 'docs:string[]']));
    expect(entities[0]).not.toContain('aliases:string[]');
    expect(entities[1]![1]).toBe(`Entity${ARRAY_DELIMITER}City`);
    const relations = parse(fs.readFileSync(files.relationships.find((f) => f.includes('relations'))!)) as string[][];
    expect(relations[0]).toEqual(
      expect.arrayContaining([':START_ID(Entity)', ':END_ID(Entity)', ':TYPE', 'evidenceStarts:long[]', 'evidenceConfidences:double[]']),
    );
    expect(files.multiline).toEqual([files.nodes.find((f) => f.includes('documents'))]);
    expect(files.expected).toEqual({
      labels: { Meta: 1, Document: 1, Section: 2, City: 1, ScienceCity: 1, Entity: 2 },
      types: { HAS_SECTION: 2, MENTIONED_IN: 2, LOCATED_IN: 1 },
    });
  });

  it("merges relations with the same ends and type into one carrying both citations, as the writer's MERGE does", () => {
    const files = writeImportFiles(
      graph([
        { id: 'e1', type: 'LOCATED_IN', from: 'guangming', to: 'shenzhen', evidence: [evidence] },
        { id: 'e2', type: 'LOCATED_IN', from: 'guangming', to: 'shenzhen', evidence: [{ ...evidence, method: 'other' }] },
      ]),
      dir(),
    );
    const [header, ...rows] = parse(fs.readFileSync(files.relationships.find((f) => f.includes('relations'))!)) as string[][];
    expect(rows).toHaveLength(1);
    expect(rows[0]![header!.indexOf('id:string')]).toBe('e1');
    expect(rows[0]![header!.indexOf('evidenceMethods:string[]')]).toBe(`rule${ARRAY_DELIMITER}other`);
    expect(files.expected.types.LOCATED_IN).toBe(1);
  });

  it('refuses a value holding the array delimiter, naming it', () => {
    const bad = graph();
    bad.nodes[0]!.aliases = [`深${ARRAY_DELIMITER}圳`];
    expect(() => writeImportFiles(bad, dir())).toThrow(/entity shenzhen's aliases holds the control character U\+001F/);
  });
});
