// The graph in files other tools open as they are: JSON (innograph's own shape),
// Cytoscape JSON (.cyjs: Cytoscape.js and Cytoscape desktop), GraphML (Gephi,
// networkx, yEd) and the two CSV tables Gephi's spreadsheet importer reads.
// Every format takes its columns from the one table of attributes below.
import { stringify } from 'csv-stringify/sync';
import { isSymmetric, RELATION_TYPES } from '../ingest/model.ts';
import type { Graph, GraphEdge, GraphNode, PropValue } from '../ingest/types.ts';
import { badInput } from './errors.ts';

type Value = string | number | boolean | string[] | null;
type AttributeType = 'string' | 'int' | 'double' | 'boolean' | 'list';

interface Attribute<T> {
  name: string;
  type: AttributeType;
  value: (item: T) => Value;
}

export interface ExportOptions {
  /** a byte-order mark before CSV, so that Excel reads it as UTF-8 */
  bom: boolean;
}

export interface ExportFormat {
  type: string;
  render: (graph: Graph, options: ExportOptions) => string;
}

// `id` and `label` first: the names Gephi's importer and Cytoscape look for.
const NODE_ATTRIBUTES: Attribute<GraphNode>[] = [
  { name: 'id', type: 'string', value: (n) => n.id },
  { name: 'label', type: 'string', value: (n) => n.name },
  { name: 'kind', type: 'string', value: (n) => n.kind },
  { name: 'name', type: 'string', value: (n) => n.name },
  { name: 'nameEn', type: 'string', value: (n) => n.nameEn },
  { name: 'aliases', type: 'list', value: (n) => n.aliases },
  { name: 'pinyin', type: 'string', value: (n) => n.pinyin },
  { name: 'city', type: 'string', value: (n) => n.city },
  { name: 'source', type: 'string', value: (n) => n.source },
  { name: 'confidence', type: 'double', value: (n) => n.confidence },
  { name: 'mentions', type: 'int', value: (n) => n.mentions.length },
];

// `source`, `target` (not `from`, `to`) and no `type` column: Gephi reads `type` as the edge's direction.
const EDGE_ATTRIBUTES: Attribute<GraphEdge>[] = [
  { name: 'source', type: 'string', value: (e) => e.from },
  { name: 'target', type: 'string', value: (e) => e.to },
  { name: 'relation', type: 'string', value: (e) => e.type },
  { name: 'id', type: 'string', value: (e) => e.id },
  { name: 'label', type: 'string', value: (e) => RELATION_TYPES[e.type].en },
  { name: 'methods', type: 'list', value: (e) => [...new Set(e.evidence.map((v) => v.method))] },
  { name: 'confidence', type: 'double', value: (e) => Math.max(0, ...e.evidence.map((v) => v.confidence)) },
  { name: 'evidence', type: 'int', value: (e) => e.evidence.length },
  { name: 'quotes', type: 'list', value: (e) => e.evidence.map((v) => v.quote) },
  { name: 'sections', type: 'list', value: (e) => e.evidence.map((v) => v.sectionId) },
];

function propType(values: PropValue[]): AttributeType {
  const present = values.filter((v) => v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return 'double';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.length > 0 && present.every(Array.isArray)) return 'list';
  return 'string';
}

/** The kind-specific properties (a lab's tier, an indicator's target…) as attributes, typed by the values they hold. */
function propAttributes(nodes: GraphNode[]): Attribute<GraphNode>[] {
  const keys = [...new Set(nodes.flatMap((n) => Object.keys(n.props)))].sort();
  const taken = new Set(NODE_ATTRIBUTES.map((a) => a.name));
  return keys.map((key) => {
    const type = propType(nodes.map((n) => n.props[key] ?? null));
    const value = (n: GraphNode): Value => {
      const v = n.props[key];
      if (v === undefined || v === null) return null;
      return type === 'string' && typeof v !== 'string' ? JSON.stringify(v) : v;
    };
    return { name: taken.has(key) ? `prop_${key}` : key, type, value };
  });
}

function nodeAttributes(graph: Graph): Attribute<GraphNode>[] {
  return [...NODE_ATTRIBUTES, ...propAttributes(graph.nodes)];
}

// ---- CSV ----

/** A cell as spreadsheets and Gephi read it: lists as JSON arrays, booleans as words. */
function csvCell(value: Value): string | number {
  if (value === null) return '';
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  return value;
}

function csv<T>(attributes: Attribute<T>[], items: T[], options: ExportOptions): string {
  return stringify(
    items.map((item) => attributes.map((a) => csvCell(a.value(item)))),
    {
      header: true,
      columns: attributes.map((a) => a.name),
      bom: options.bom,
      // A sentence starting with = + - @ would run as a formula in a spreadsheet.
      escape_formulas: true,
      record_delimiter: 'windows',
    },
  );
}

export function nodesCsv(graph: Graph, options: ExportOptions): string {
  return csv(nodeAttributes(graph), graph.nodes, options);
}

export function edgesCsv(graph: Graph, options: ExportOptions): string {
  return csv(EDGE_ATTRIBUTES, graph.edges, options);
}

// ---- GraphML ----

// Characters XML 1.0 does not allow anywhere, even escaped (C0 controls, lone surrogates, U+FFFE/U+FFFF).
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(text: string): string {
  return text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const GRAPHML_TYPES: Record<AttributeType, string> = { string: 'string', list: 'string', int: 'int', double: 'double', boolean: 'boolean' };

function graphmlKeys<T>(prefix: 'n' | 'e', attributes: Attribute<T>[]): string[] {
  const target = prefix === 'n' ? 'node' : 'edge';
  return attributes.map((a) => `<key id="${prefix}_${xmlText(a.name)}" for="${target}" attr.name="${xmlText(a.name)}" attr.type="${GRAPHML_TYPES[a.type]}"/>`);
}

function graphmlData<T>(prefix: 'n' | 'e', attributes: Attribute<T>[], item: T): string {
  return attributes
    .map((a) => {
      const value = a.value(item);
      if (value === null) return '';
      // Cleaned before JSON.stringify, which would otherwise keep a control character as a \u escape.
      const text = Array.isArray(value) ? JSON.stringify(value.map((item) => item.replace(XML_INVALID, ''))) : String(value);
      return `<data key="${prefix}_${xmlText(a.name)}">${xmlText(text)}</data>`;
    })
    .join('');
}

// The endpoints are the element's own source/target; as data they would be said twice.
const EDGE_DATA = EDGE_ATTRIBUTES.filter((a) => a.name !== 'source' && a.name !== 'target' && a.name !== 'id');

export function graphml(graph: Graph): string {
  const nodeData = nodeAttributes(graph).filter((a) => a.name !== 'id');
  const nodes = graph.nodes.map((n) => `<node id="${xmlText(n.id)}">${graphmlData('n', nodeData, n)}</node>`);
  // A cooperation is said of both ends alike: GraphML lets one edge be undirected in a directed
  // graph, and a reader that does not look (graphology) keeps it directed as stored, as before.
  const edges = graph.edges.map(
    (e) =>
      `<edge id="${xmlText(e.id)}" source="${xmlText(e.from)}" target="${xmlText(e.to)}"${isSymmetric(e.type) ? ' directed="false"' : ''}>${graphmlData('e', EDGE_DATA, e)}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...graphmlKeys('n', nodeData),
    ...graphmlKeys('e', EDGE_DATA),
    '<graph id="innograph" edgedefault="directed">',
    ...nodes,
    ...edges,
    '</graph>',
    '</graphml>',
    '',
  ].join('\n');
}

// ---- Cytoscape JSON ----

function cyData<T>(attributes: Attribute<T>[], item: T): Record<string, Value> {
  const data: Record<string, Value> = {};
  for (const a of attributes) {
    const value = a.value(item);
    // Cytoscape desktop types a column by its values; a null would make it a string column.
    if (value !== null) data[a.name] = value;
  }
  return data;
}

/** The `.cyjs` shape Cytoscape desktop writes and reads, which `cy.json()` of Cytoscape.js takes as it is. */
export function cyjs(graph: Graph): string {
  const nodes = nodeAttributes(graph);
  // Cytoscape desktop names an edge's type `interaction`.
  const edges: Attribute<GraphEdge>[] = [...EDGE_ATTRIBUTES, { name: 'interaction', type: 'string', value: (e) => e.type }];
  const document = {
    format_version: '1.0',
    generated_by: 'innograph',
    target_cytoscapejs_version: '~3.0',
    data: { name: 'innograph', documents: graph.documents.map((d) => d.title) },
    elements: {
      nodes: graph.nodes.map((n) => ({ data: cyData(nodes, n) })),
      edges: graph.edges.map((e) => ({ data: cyData(edges, e) })),
    },
  };
  return `${JSON.stringify(document)}\n`;
}

// ---- the documented names ----

const FORMATS: Record<string, ExportFormat> = {
  'graph.json': { type: 'application/json; charset=utf-8', render: (g) => `${JSON.stringify(g)}\n` },
  'graph.cyjs': { type: 'application/json; charset=utf-8', render: cyjs },
  'graph.graphml': { type: 'application/graphml+xml; charset=utf-8', render: graphml },
  'nodes.csv': { type: 'text/csv; charset=utf-8', render: nodesCsv },
  'edges.csv': { type: 'text/csv; charset=utf-8', render: edgesCsv },
};

export const EXPORT_NAMES = Object.keys(FORMATS);

/** The format of a documented export name; null for any other name (`__proto__` included). */
export function exportFormat(name: string): ExportFormat | null {
  return Object.hasOwn(FORMATS, name) ? FORMATS[name]! : null;
}

/** `?bom=1` (or true) asks for the byte-order mark; absent, 0 or false: none. */
export function exportOptions(query: URLSearchParams): ExportOptions {
  const bom = query.get('bom');
  if (bom === null || bom === '0' || bom === 'false') return { bom: false };
  if (bom === '1' || bom === 'true') return { bom: true };
  throw badInput(`bom must be 1 or 0 (got ${JSON.stringify(bom.slice(0, 20))})`, 'bom');
}
