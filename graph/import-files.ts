// The graph as CSV files in the header format of Neo4j's offline importer
// (`neo4j-admin database import full`), holding the nodes, relationships and
// properties the online writer would store in an empty database: the rows come from
// the same codec, relations with the same ends and type are merged as the writer's
// MERGE merges them, and the Meta node starts at version 1.
//
// What the importer cannot say is refused before anything is written: a value with
// the array delimiter in it, or an empty list where the codec would not read an
// absent property back as one (the importer leaves an empty list out).
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ENTITY_LABEL } from '../ingest/model.ts';
import type { Graph, GraphEdge } from '../ingest/types.ts';
import { LISTS_READ_WHEN_ABSENT, entityRow, mentionRow, relationRow } from './codec.ts';
import { GraphError } from './errors.ts';
import { Float } from './executor.ts';
import { GRAPH_VERSION_ID } from './queries/version.ts';
import { sectionRow } from './writer.ts';

/** Between the elements of a list and the labels of a node: a control character no plan text holds. */
export const ARRAY_DELIMITER = '\u001f';

/** Rows handed to csv-stringify at a time: enough to amortise the call, small enough to keep memory flat. */
const CHUNK_ROWS = 20_000;

export interface ImportFiles {
  dir: string;
  /** one file per property signature (the importer takes one header per file) */
  nodes: string[];
  relationships: string[];
  /** files with a value that spans lines: the importer reads only these the slow, multi-line way */
  multiline: string[];
  /** what the database must hold once imported, per label and per relationship type */
  expected: { labels: Record<string, number>; types: Record<string, number> };
  /** nodes and relationships written */
  rows: number;
}

type Properties = Record<string, unknown>;

function refuse(message: string, context: Record<string, unknown>): never {
  throw new GraphError('IMPORT_REFUSED', `the graph cannot be bulk-loaded: ${message}; load it with the online writer instead`, context);
}

/** Names a value in a refusal: built only when one is refused, since the rows number millions. */
const at = (what: string, key: string) => `${what}'s ${key}`;

/** The importer's type of one value the codec encoded (Float: a double, a whole number: a long); lists of one type only. */
function typeOf(value: unknown, what: string, key: string): string {
  if (value instanceof Float) return 'double';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'long' : 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) {
    const first = typeOf(value[0], what, key);
    for (const item of value) {
      if (Array.isArray(item) || typeOf(item, what, key) !== first) refuse(`${at(what, key)} is a list of mixed or nested values`, {});
    }
    return `${first}[]`;
  }
  return refuse(`${at(what, key)} is a ${typeof value}, which has no CSV type`, {});
}

function cell(value: unknown, what: string, key: string): string {
  if (value instanceof Float) return String(value.value);
  if (Array.isArray(value)) {
    // The importer reads "" as no value at all, so [""] would come back as an absent list.
    if (value.length === 1 && value[0] === '') refuse(`${at(what, key)} is a list of one empty string`, {});
    return value.map((v) => cell(v, what, key)).join(ARRAY_DELIMITER);
  }
  const text = String(value);
  if (text.includes(ARRAY_DELIMITER)) refuse(`${at(what, key)} holds the control character U+001F, the importer's list delimiter`, {});
  return text;
}

interface Output {
  file: string;
  fd: number;
  pending: string[][];
  multiline: boolean;
}

/**
 * Rows of one kind (nodes of one ID space, relationships between two), written to one
 * file per property signature, since a CSV header fixes each column's key and type.
 */
class Table {
  private readonly files = new Map<string, Output>();
  rows = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    /** the importer's columns before the properties: ids, label or type */
    private readonly fixed: string[],
    /** properties whose empty list the codec reads back from an absent one */
    private readonly absentMeansEmpty: ReadonlySet<string> = new Set(),
  ) {}

  add(fixed: string[], properties: Properties, what: string): void {
    const row = fixed.slice();
    let signature = '';
    for (const key in properties) {
      const value = properties[key];
      if (value === null || value === undefined) continue;
      if (Array.isArray(value) && value.length === 0) {
        if (!this.absentMeansEmpty.has(key)) refuse(`${at(what, key)} is an empty list, which the importer cannot write`, {});
        continue;
      }
      signature += `,${key}:${typeOf(value, what, key)}`;
      row.push(cell(value, what, key));
    }
    const out = this.files.get(signature) ?? this.open(signature, what);
    if (!out.multiline && row.some((v) => v.includes('\n') || v.includes('\r'))) out.multiline = true;
    out.pending.push(row);
    this.rows += 1;
    if (out.pending.length >= CHUNK_ROWS) this.flush(out);
  }

  private open(signature: string, what: string): Output {
    const header = signature.split(',').slice(1);
    const bad = header.find((h) => /[\s,"]/.test(h) || h.split(':').length !== 2);
    if (bad) refuse(`${what} has a property name the CSV header cannot carry (${bad})`, {});
    const file = path.join(this.dir, `${this.name}-${this.files.size + 1}.csv`);
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, stringify([[...this.fixed, ...header]]));
    const out = { file, fd, pending: [], multiline: false };
    this.files.set(signature, out);
    return out;
  }

  private flush(out: Output): void {
    // quoted_empty: "" is an empty string to the importer, a bare empty field is no value.
    if (out.pending.length > 0) fs.writeSync(out.fd, stringify(out.pending, { quoted_empty: true }));
    out.pending = [];
  }

  close(): { files: string[]; multiline: string[] } {
    for (const out of this.files.values()) {
      this.flush(out);
      fs.closeSync(out.fd);
    }
    const all = [...this.files.values()];
    return { files: all.map((o) => o.file), multiline: all.filter((o) => o.multiline).map((o) => o.file) };
  }
}

/** Relations that the writer's MERGE would fold into one: the first one's id, every one's evidence in order. */
function mergedEdges(edges: GraphEdge[]): Generator<GraphEdge> {
  const first = new Map<string, number>();
  const extra = new Map<number, GraphEdge['evidence']>();
  edges.forEach((edge, i) => {
    const key = `${edge.from}\u0000${edge.type}\u0000${edge.to}`;
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else extra.set(at, [...(extra.get(at) ?? []), ...edge.evidence]);
  });
  return (function* () {
    for (const [i, edge] of edges.entries()) {
      if (extra.size > 0 && first.get(`${edge.from}\u0000${edge.type}\u0000${edge.to}`) !== i) continue;
      const more = extra.get(i);
      yield more ? { ...edge, evidence: [...edge.evidence, ...more] } : edge;
    }
  })();
}

function count(into: Record<string, number>, key: string, by = 1): void {
  into[key] = (into[key] ?? 0) + by;
}

/** Writes the graph into `dir` (created, and expected empty) as the importer's CSV files. */
export function writeImportFiles(graph: Graph, dir: string): ImportFiles {
  fs.mkdirSync(dir, { recursive: true });
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  const docIds = graph.documents.map((d) => d.id);
  const texts = new Map(graph.documents.map((d) => [d.id, d.text]));

  const meta = new Table(dir, 'meta', ['id:ID(Meta)', ':LABEL']);
  meta.add([GRAPH_VERSION_ID, 'Meta'], { version: 1 }, 'the graph version');
  count(labels, 'Meta');

  const documents = new Table(dir, 'documents', ['id:ID(Document)', ':LABEL']);
  for (const doc of graph.documents) {
    const { id, ...properties } = doc;
    documents.add([id, 'Document'], properties, `document ${id}`);
  }
  count(labels, 'Document', graph.documents.length);

  const sections = new Table(dir, 'sections', ['id:ID(Section)', ':LABEL']);
  const tops = new Table(dir, 'document-sections', [':START_ID(Document)', ':END_ID(Section)', ':TYPE']);
  const children = new Table(dir, 'child-sections', [':START_ID(Section)', ':END_ID(Section)', ':TYPE']);
  graph.sections.forEach((section, seq) => {
    const { id, ...properties } = sectionRow(section, seq, texts.get(section.docId) ?? '');
    sections.add([id, 'Section'], properties, `section ${id}`);
    const parent = section.parentId === null ? tops : children;
    parent.add([section.parentId ?? section.docId, id, 'HAS_SECTION'], { ordinal: section.ordinal }, `section ${id}'s link to its parent`);
  });
  count(labels, 'Section', graph.sections.length);
  count(types, 'HAS_SECTION', graph.sections.length);

  const entities = new Table(dir, 'entities', ['id:ID(Entity)', ':LABEL'], LISTS_READ_WHEN_ABSENT);
  const mentions = new Table(dir, 'mentions', [':START_ID(Entity)', ':END_ID(Section)', ':TYPE']);
  for (const node of graph.nodes) {
    const { id, kind, properties } = entityRow(node);
    const { id: _, ...rest } = properties;
    entities.add([id, `${ENTITY_LABEL}${ARRAY_DELIMITER}${kind}`], { ...rest, docs: docIds }, `entity ${id}`);
    count(labels, kind);
    for (const mention of node.mentions) {
      const row = mentionRow(id, mention);
      mentions.add([row.entity, row.section, 'MENTIONED_IN'], row.properties, `a mention of ${id}`);
    }
  }
  count(labels, ENTITY_LABEL, graph.nodes.length);
  count(types, 'MENTIONED_IN', mentions.rows);

  const relations = new Table(dir, 'relations', [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE']);
  for (const edge of mergedEdges(graph.edges)) {
    if (edge.evidence.length === 0) refuse(`relation ${edge.id} has no evidence`, { id: edge.id });
    const { type, from, to, ...properties } = relationRow(edge);
    relations.add([from as string, to as string, type as string], properties, `relation ${edge.id}`);
    count(types, type as string);
  }

  const nodeTables = [meta, documents, sections, entities].map((t) => t.close());
  const relTables = [tops, children, mentions, relations].map((t) => t.close());
  return {
    dir,
    nodes: nodeTables.flatMap((t) => t.files),
    relationships: relTables.flatMap((t) => t.files),
    multiline: [...nodeTables, ...relTables].flatMap((t) => t.multiline),
    expected: { labels, types },
    rows: [meta, documents, sections, entities, tops, children, mentions, relations].reduce((sum, t) => sum + t.rows, 0),
  };
}
