// The graph in files other tools open: JSON (innograph's own shape), GraphML
// (Gephi, Cytoscape desktop, yEd) and CSV tables of nodes and edges.
import type { Graph, GraphEdge, GraphNode } from '../ingest/types.ts';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('|') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const NODE_COLUMNS = ['id', 'kind', 'name', 'nameEn', 'aliases', 'pinyin', 'city', 'source', 'confidence', 'mentions'] as const;
const EDGE_COLUMNS = ['id', 'type', 'from', 'to', 'methods', 'confidence', 'evidence', 'quote'] as const;

function nodeCells(n: GraphNode): unknown[] {
  return [n.id, n.kind, n.name, n.nameEn, n.aliases, n.pinyin, n.city, n.source, n.confidence, n.mentions.length];
}

function edgeCells(e: GraphEdge): unknown[] {
  const methods = [...new Set(e.evidence.map((v) => v.method))];
  const confidence = Math.max(0, ...e.evidence.map((v) => v.confidence));
  return [e.id, e.type, e.from, e.to, methods, confidence, e.evidence.length, e.evidence[0]?.quote ?? ''];
}

export function nodesCsv(graph: Graph): string {
  return csv([...NODE_COLUMNS], graph.nodes.map(nodeCells));
}

export function edgesCsv(graph: Graph): string {
  return csv([...EDGE_COLUMNS], graph.edges.map(edgeCells));
}

export function graphml(graph: Graph): string {
  const keys = [
    ...NODE_COLUMNS.map((k) => `<key id="n_${k}" for="node" attr.name="${k}" attr.type="${k === 'confidence' ? 'double' : k === 'mentions' ? 'int' : 'string'}"/>`),
    ...EDGE_COLUMNS.map((k) => `<key id="e_${k}" for="edge" attr.name="${k}" attr.type="${k === 'confidence' ? 'double' : k === 'evidence' ? 'int' : 'string'}"/>`),
  ];
  const data = (prefix: string, columns: readonly string[], cells: unknown[]) =>
    cells
      .map((cell, i) => (cell === null || cell === undefined ? '' : `<data key="${prefix}_${columns[i]}">${xml(Array.isArray(cell) ? cell.join('|') : String(cell))}</data>`))
      .join('');
  const nodes = graph.nodes.map((n) => `<node id="${xml(n.id)}">${data('n', NODE_COLUMNS, nodeCells(n))}</node>`);
  const edges = graph.edges.map((e) => `<edge id="${xml(e.id)}" source="${xml(e.from)}" target="${xml(e.to)}">${data('e', EDGE_COLUMNS, edgeCells(e))}</edge>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    '<graph id="innograph" edgedefault="directed">',
    ...nodes,
    ...edges,
    '</graph>',
    '</graphml>',
    '',
  ].join('\n');
}
