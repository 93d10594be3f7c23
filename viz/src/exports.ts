// Exports of what the reader sees: the view as JSON with all its evidence, as GraphML (every
// node and edge of the view, no cap), as a PNG with its title and legend. Loaded on first use.
import type { Graph } from '../../ingest/types.ts';
import type { Core } from 'cytoscape';
import type { GraphData } from './graph-data.ts';
import { ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType } from '../../ingest/model.ts';
import { CANVAS_FONT, RELATION_STYLES } from './style.ts';
import type { Lang } from './state.ts';
import type { Underlay } from './underlay.ts';

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * The view in innograph's own export shape: the server's export of the whole graph, cut down to
 * the entities and relations shown and the sections their evidence cites. The whole graph is
 * one request of a few hundred kilobytes, and cutting it here has no cap on the view's size.
 */
export async function viewGraph(shown: GraphData): Promise<Graph> {
  const response = await fetch('/export/graph.json');
  if (!response.ok) throw new Error(`the export answered ${response.status}`);
  const all = (await response.json()) as Graph;
  const nodes = all.nodes.filter((n) => shown.nodes.has(n.id));
  const edges = all.edges.filter((e) => shown.edges.has(e.id));
  const cited = new Set([...nodes.flatMap((n) => n.mentions.map((m) => m.sectionId)), ...edges.flatMap((e) => e.evidence.map((v) => v.sectionId))]);
  return { ...all, sections: all.sections.filter((s) => cited.has(s.id)), nodes, edges };
}

export async function exportJson(shown: GraphData): Promise<Graph> {
  const graph = await viewGraph(shown);
  download('innograph-view.json', new Blob([JSON.stringify(graph, null, 2)], { type: 'application/json' }));
  return graph;
}

/**
 * The server's GraphML of the whole graph (its attributes, every quote), cut down to the nodes and
 * edges of the view: the same file format whatever the size of the view, with no cap.
 */
export async function exportGraphml(shown: GraphData): Promise<string> {
  const response = await fetch('/export/graph.graphml');
  if (!response.ok) throw new Error(`the export answered ${response.status}`);
  const document = new DOMParser().parseFromString(await response.text(), 'application/xml');
  for (const node of [...document.getElementsByTagName('node')]) if (!shown.nodes.has(node.getAttribute('id') ?? '')) node.remove();
  for (const edge of [...document.getElementsByTagName('edge')]) if (!shown.edges.has(edge.getAttribute('id') ?? '')) edge.remove();
  const text = new XMLSerializer().serializeToString(document);
  download('innograph-view.graphml', new Blob([text], { type: 'application/graphml+xml' }));
  return text;
}

/** The picture as on screen, with the base map, a title and a legend of what it shows. */
export async function exportPng(cy: Core, underlay: Underlay, title: string, lang: Lang): Promise<Blob> {
  const scale = 2;
  const width = cy.width();
  const height = cy.height();
  const kinds = [...new Set(cy.nodes().map((n) => n.data('kind') as EntityKind))];
  const types = [...new Set(cy.edges().map((e) => e.data('type') as RelationType))];
  const head = 56;
  const legendRows = Math.ceil(kinds.length / 4) + Math.ceil(types.length / 4);
  const foot = 16 + legendRows * 22;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = (height + head + foot) * scale;
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height + head + foot);
  context.fillStyle = '#1b1f24';
  context.font = `700 20px ${CANVAS_FONT}`;
  context.fillText(title, 16, 34);
  context.save();
  context.translate(0, head);
  underlay.paint(context, { zoom: cy.zoom(), pan: cy.pan() });
  const image = new Image();
  image.src = cy.png({ full: false, scale, bg: 'rgba(0,0,0,0)' });
  await image.decode();
  context.drawImage(image, 0, 0, width, height);
  context.restore();
  // The legend: the kinds and relation types in the picture, in their colours.
  let y = head + height + 20;
  context.font = `13px ${CANVAS_FONT}`;
  const cell = (width - 32) / 4;
  kinds.forEach((kind, i) => {
    const x = 16 + (i % 4) * cell;
    const row = y + Math.floor(i / 4) * 22;
    context.fillStyle = ENTITY_KINDS[kind].color;
    context.fillRect(x, row - 10, 12, 12);
    context.fillStyle = '#1b1f24';
    context.fillText(`${ENTITY_KINDS[kind][lang]} (${ENTITY_KINDS[kind].shape})`, x + 18, row);
  });
  y += Math.ceil(kinds.length / 4) * 22;
  types.forEach((type, i) => {
    const x = 16 + (i % 4) * cell;
    const row = y + Math.floor(i / 4) * 22;
    context.strokeStyle = RELATION_STYLES[type].color;
    context.lineWidth = 2;
    context.setLineDash(RELATION_STYLES[type].line === 'dotted' ? [2, 3] : []);
    context.beginPath();
    context.moveTo(x, row - 4);
    context.lineTo(x + 24, row - 4);
    context.stroke();
    context.fillStyle = '#1b1f24';
    context.fillText(RELATION_TYPES[type][lang], x + 30, row);
  });
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
  );
  download('innograph-view.png', blob);
  return blob;
}
