import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  APPEND_EVIDENCE,
  DROP_DOCUMENT_EVIDENCE,
  ENTITY_KEYS,
  MENTION_KEYS,
  RELATION_KEYS,
  decodeEntity,
  decodeEntityPart,
  decodeMention,
  decodeRelation,
  entityPartProjection,
  entityProjection,
  entityRow,
  isWholeEntity,
  mentionRow,
  relationProjection,
  relationRow,
} from '../../graph/codec.ts';
import { Float, typed } from '../../graph/executor.ts';
import type { GraphEdge, GraphNode } from '../../ingest/types.ts';

const indicator: GraphNode = {
  id: 'indicator-rd-gdp',
  kind: 'Indicator',
  name: 'R&D/GDP',
  nameEn: 'R&D expenditure as a share of GDP',
  aliases: ['研发经费投入强度'],
  pinyin: 'R&D/GDP',
  source: 'registry',
  confidence: 1,
  city: null,
  props: { row: 2, baseline: 3.14, target: 8, baselineYear: 2020, unit: '%', qualifier: null },
  mentions: [],
};

const edge: GraphEdge = {
  id: 'FOCUSES_ON:songshan-lake-science-city:new-materials',
  type: 'FOCUSES_ON',
  from: 'songshan-lake-science-city',
  to: 'new-materials',
  evidence: [
    { docId: 'plan', sectionId: 's1', quote: '推动松山湖科学城聚焦新材料。', start: 10, end: 24, leadStart: null, method: 'focuses-on', confidence: 0.8 },
    { docId: 'other', sectionId: 's9', quote: '新材料。……松山湖科学城聚焦新材料。', start: 30, end: 42, leadStart: 3, method: 'registry', confidence: 1 },
  ],
};

function asRead(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  return Array.isArray(value) ? value.map(asRead) : value;
}

/** What the driver hands back for properties the writer stored: plain numbers, no nulls (Neo4j stores none). */
function storedBack(properties: Record<string, unknown>): Record<string, unknown> {
  const sent = typed(properties) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(sent).flatMap(([k, v]) => (v === null ? [] : [[k, asRead(v)]])));
}

describe('the storage codec', () => {
  // Compared as JSON: the export must equal the ingest JSON byte for byte, key order included.
  it('reads back an entity exactly as it was written', () => {
    const { properties, kind } = entityRow(indicator);
    const { mentions: _, ...row } = indicator;
    expect(JSON.stringify(decodeEntity({ ...storedBack(properties), kind }))).toBe(JSON.stringify(row));
  });

  it('reads back a relation exactly as it was written, every citation with its sentence', () => {
    const { type, from, to, ...properties } = relationRow(edge);
    expect(JSON.stringify(decodeRelation({ ...storedBack(properties), type, from, to }))).toBe(JSON.stringify(edge));
  });

  it('reads back a mention exactly as it was written, its sentence from the section', () => {
    const mention = { docId: 'plan', sectionId: 's1', start: 12, end: 17, quote: '推动松山湖科学城聚焦新材料。' };
    const { properties } = mentionRow('songshan-lake-science-city', mention);
    expect(Object.keys(properties).sort()).toEqual([...MENTION_KEYS].sort());
    expect(JSON.stringify(decodeMention({ ...storedBack(properties), sectionId: 's1', quote: mention.quote }))).toBe(JSON.stringify(mention));
  });

  it('sends every measure as a float, even a whole one, and offsets as integers', () => {
    const { properties } = entityRow(indicator);
    expect(properties.confidence).toEqual(new Float(1));
    expect(properties.target).toEqual(new Float(8));
    expect(properties.baseline).toEqual(new Float(3.14));
    expect(properties.row).toBe(2);
    const row = relationRow(edge);
    expect(row.evidenceConfidences).toEqual([new Float(0.8), new Float(1)]);
    expect(row.evidenceStarts).toEqual([10, 30]);
    // A lead's start, or -1 for none: Neo4j stores no null in a list.
    expect(row.evidenceLeadStarts).toEqual([-1, 3]);
    expect(typed(row.evidenceConfidences)).toEqual([0.8, 1]);
  });

  it('writes, appends, removes and projects every evidence list it defines', () => {
    const lists = RELATION_KEYS.filter((k) => k !== 'id');
    expect(lists).toContain('evidenceQuotes');
    for (const list of lists) {
      expect(Object.keys(relationRow(edge))).toContain(list);
      expect(APPEND_EVIDENCE).toContain(`r.${list} = []`);
      expect(APPEND_EVIDENCE).toContain(`r.${list} = r.${list} + row.${list}`);
      expect(DROP_DOCUMENT_EVIDENCE).toContain(`r.${list} = [i IN keep | r.${list}[i]]`);
    }
    // The projections read every stored property, so a new field needs no edit there.
    expect(relationProjection('r')).toContain('r {.*');
    expect(entityProjection('e')).toContain('e {.*');
  });

  it('writes the entity properties it lists, and the kind-specific props beside them', () => {
    const { properties } = entityRow(indicator);
    expect(Object.keys(properties).sort()).toEqual([...ENTITY_KEYS.filter((k) => k !== 'docs'), ...Object.keys(indicator.props)].sort());
  });

  it('reads back an entity part with the fields asked for, checked, and no other', () => {
    const { properties, kind } = entityRow(indicator);
    const stored = { ...storedBack(properties), kind };
    const part = decodeEntityPart(stored, new Set(['name', 'nameEn']));
    expect(part).toEqual({ id: indicator.id, kind, name: indicator.name, nameEn: indicator.nameEn });
    expect(isWholeEntity(part)).toBe(false);
    expect(isWholeEntity(decodeEntityPart(stored, 'all'))).toBe(true);
    expect(entityPartProjection('o', new Set(['name']))).toMatch(/^o \{\.id, \.name, kind: /);
    expect(() => decodeEntityPart({ ...stored, name: 7 }, new Set(['name']))).toThrow(/entity indicator-rd-gdp's name is number 7, not a string/);
  });

  it('names the field and the entity when what is stored is not what it writes', () => {
    const { properties, kind } = entityRow(indicator);
    expect(() => decodeEntity({ ...storedBack(properties), kind, confidence: 'high' })).toThrow(
      /entity indicator-rd-gdp's confidence is string "high", not a number/,
    );
  });

  it('refuses evidence lists of different lengths instead of pairing the wrong sentence with a citation', () => {
    const { type, from, to, ...properties } = relationRow(edge);
    const stored = { ...storedBack(properties), type, from, to, evidenceQuotes: ['only one'] };
    expect(() => decodeRelation(stored)).toThrow(/evidenceQuotes .* not a list of 2/);
  });

  it('refuses a relation stored before quotes were kept on it, naming the missing list', () => {
    const { type, from, to, evidenceQuotes: _, ...properties } = relationRow(edge);
    expect(() => decodeRelation({ ...storedBack(properties), type, from, to })).toThrow(/evidenceQuotes is missing/);
  });

  it('reads a relation stored before evidence had leads as quoted without any, the rest as it was', () => {
    const { type, from, to, evidenceLeadStarts: _, ...properties } = relationRow(edge);
    const read = decodeRelation({ ...storedBack(properties), type, from, to });
    expect(read.evidence.map((e) => e.leadStart)).toEqual([null, null]);
    expect(read.evidence.map(({ leadStart: _lead, ...rest }) => rest)).toEqual(edge.evidence.map(({ leadStart: _lead, ...rest }) => rest));
  });
});
