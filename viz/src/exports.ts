// Exports of what the reader sees: the view as JSON with all its evidence, as GraphML (every
// node and edge of the view, no cap), as a PNG with its title and legend. Loaded on first use.
import type { NodeSingular } from 'cytoscape';
import type { Graph } from '../../ingest/types.ts';
import { drawnKinds, kindSwatch, legendMarks, mapNote, relationSwatch } from './legend.ts';
import { kindLabel, t, typeLabel } from './messages.ts';
import { label as nodeLabel, type GraphData } from './graph-data.ts';
import { CANVAS_FONT } from './fonts.ts';
import { HAN, textWidth } from './text.ts';
import type { Scene } from './scene.ts';
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

export async function exportJson(shown: GraphData, stem: string): Promise<Graph> {
  const graph = await viewGraph(shown);
  download(`${stem}.json`, new Blob([JSON.stringify(graph, null, 2)], { type: 'application/json' }));
  return graph;
}

/**
 * The server's GraphML of the whole graph (its attributes, every quote), cut down to the nodes and
 * edges of the view: the same file format whatever the size of the view, with no cap. Its labels,
 * which Gephi and Cytoscape draw, are in the reader's language, as the picture's are: a node's
 * English name where it has one, a link's relation named as the legend names it. Both names stay
 * in their own columns.
 */
export async function exportGraphml(shown: GraphData, stem: string, lang: Lang): Promise<string> {
  const response = await fetch('/export/graph.graphml');
  if (!response.ok) throw new Error(`the export answered ${response.status}`);
  const document = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const data = (item: Element, key: string) => [...item.getElementsByTagName('data')].find((d) => d.getAttribute('key') === key);
  for (const node of [...document.getElementsByTagName('node')]) {
    const entity = shown.nodes.get(node.getAttribute('id') ?? '');
    const label = data(node, 'n_label');
    if (!entity) node.remove();
    else if (label) label.textContent = nodeLabel(entity, lang);
  }
  for (const edge of [...document.getElementsByTagName('edge')]) {
    const relation = shown.edges.get(edge.getAttribute('id') ?? '');
    const label = data(edge, 'e_label');
    if (!relation) edge.remove();
    else if (label) label.textContent = typeLabel(relation.type, lang);
  }
  const text = new XMLSerializer().serializeToString(document);
  download(`${stem}.graphml`, new Blob([text], { type: 'application/graphml+xml' }));
  return text;
}

/** A legend swatch (legend.ts), the shape or line the graph draws, as an image for a canvas. */
async function swatchImage(swatch: SVGSVGElement): Promise<HTMLImageElement> {
  swatch.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(swatch))}`;
  await image.decode();
  return image;
}

/** The legend of the picture, as the page's legend has it: the kinds and relation types it shows, and the dashed marks it uses. */
function legendEntries(shown: GraphData, lang: Lang): { swatch: SVGSVGElement; text: string }[] {
  const { kinds, types } = drawnKinds(shown);
  const marks = legendMarks(lang);
  return [
    ...kinds.map((kind) => ({ swatch: kindSwatch(kind), text: kindLabel(kind, lang) })),
    ...types.map((type) => ({ swatch: relationSwatch(type), text: typeLabel(type, lang) })),
    ...([...shown.edges.values()].some((e) => !e.cited) ? [marks.curated] : []),
    ...([...shown.nodes.values()].some((n) => n.source === 'discovered') ? [marks.discovered] : []),
  ];
}

/** A title in lines no wider than `max`: broken between words, or between characters in Chinese (a phone's picture is 390 px wide). */
function wrapped(text: string, font: string, max: number): string[] {
  const pieces = HAN.test(text) ? [...text] : text.split(/(?<=\s)/);
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && textWidth(line + piece, font) > max) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  return [...lines, line.trimEnd()].filter(Boolean);
}

/** Room the picture keeps around what it draws, and the width it keeps at least (a two-node path's legend stood in a column). */
const CROP = { margin: 28, leastWidth: 640 };
/** Image pixels per screen pixel, fewer where a picture would be larger than this on a side (a canvas's limit is 32 767). */
const RESOLUTION = { scale: 2, longestSide: 16_000 };

/**
 * What the picture shows, in the canvas's screen pixels, reaching past the canvas where the drawing
 * does: all that is drawn, wherever the reader has panned, with a margin (a phone's cluster list
 * runs below the screen, and its picture, cut to the screen, lost the platforms there); off a map,
 * the bands' titles too, and no more (a cluster's bands, fitted under the legend on screen, left a
 * third of the image blank above them); on a map, the map as the reader framed it as well. A large
 * view, drawn by the layer, is the canvas as it is.
 */
function drawnArea(scene: Scene, underlay: Underlay, onMap: boolean): { x: number; y: number; width: number; height: number } {
  const { cy } = scene;
  const canvas = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
  if (scene.layered() || cy.elements().empty()) return { x: 0, y: 0, width: canvas.x2, height: canvas.y2 };
  const drawn = cy.elements().renderedBoundingBox({ includeLabels: true });
  const margined = { x1: drawn.x1 - CROP.margin, y1: drawn.y1 - CROP.margin, x2: drawn.x2 + CROP.margin, y2: drawn.y2 + CROP.margin };
  // On a map, the margin only where something is drawn past the canvas: elsewhere the map's frame is the reader's.
  const past = {
    x1: drawn.x1 < canvas.x1 ? margined.x1 : canvas.x1,
    y1: drawn.y1 < canvas.y1 ? margined.y1 : canvas.y1,
    x2: drawn.x2 > canvas.x2 ? margined.x2 : canvas.x2,
    y2: drawn.y2 > canvas.y2 ? margined.y2 : canvas.y2,
  };
  const boxes = onMap ? [past] : [margined, ...underlay.titleBoxes({ zoom: cy.zoom(), pan: cy.pan() })];
  let x1 = Math.min(...boxes.map((b) => b.x1));
  let x2 = Math.max(...boxes.map((b) => b.x2));
  const y1 = Math.min(...boxes.map((b) => b.y1));
  const y2 = Math.max(...boxes.map((b) => b.y2));
  if (!onMap && x2 - x1 < CROP.leastWidth) {
    // Widened about its middle.
    x1 = (x1 + x2 - CROP.leastWidth) / 2;
    x2 = x1 + CROP.leastWidth;
  }
  return { x: x1, y: y1, width: Math.ceil(x2 - x1), height: Math.ceil(y2 - y1) };
}

/** The most nodes a picture numbers and names under it: past that, a view is one to explore, not to print. */
const UNNAMED_MOST = 60;

interface Unnamed {
  n: number;
  name: string;
  /** its badge's place, in the canvas's screen pixels */
  at: { x: number; y: number };
}

/**
 * The nodes in the picture whose names the labels leave out (set aside where they would cover
 * others; on screen, hovering names them): numbered in reading order, top to bottom, for the key
 * under the picture. A picture cannot be hovered: 5 of the start view's 40 places were nameless in it,
 * 52 with 广州 and 深圳 expanded.
 */
function unnamedIn(scene: Scene, area: { x: number; y: number; width: number; height: number }, shown: GraphData, lang: Lang): Unnamed[] {
  const inside = (p: { x: number; y: number }) => p.x >= area.x && p.x <= area.x + area.width && p.y >= area.y && p.y <= area.y + area.height;
  const quiet = scene.cy
    .nodes('.quiet')
    .filter((node: NodeSingular) => !node.selected() && !node.hasClass('hover'))
    .map((node: NodeSingular) => ({ entity: shown.nodes.get(node.id()), at: node.renderedPosition(), half: node.renderedWidth() / 2 }))
    .filter((q) => q.entity && inside(q.at))
    .sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x);
  if (quiet.length > UNNAMED_MOST) return [];
  return quiet.map((q, i) => ({ n: i + 1, name: nodeLabel(q.entity!, lang), at: { x: q.at.x + q.half, y: q.at.y - q.half } }));
}

/** A node's number on the picture: white on dark, beside the node's upper right, as high for 1 as for 52. */
function badge(context: CanvasRenderingContext2D, text: string, at: { x: number; y: number }): void {
  context.font = `700 10px ${CANVAS_FONT}`;
  const half = { w: Math.max(7, textWidth(text, context.font) / 2 + 3), h: 7 };
  context.fillStyle = '#1b1f24';
  context.beginPath();
  context.roundRect(at.x - half.w, at.y - half.h, 2 * half.w, 2 * half.h, half.h);
  context.fill();
  context.fillStyle = '#ffffff';
  context.textAlign = 'center';
  context.fillText(text, at.x, at.y + 3.5);
  context.textAlign = 'start';
}

/** The picture as drawn, all of it (drawnArea), with the base map, a title and a legend of what it shows. */
export async function exportPng(scene: Scene, underlay: Underlay, shown: GraphData, onMap: boolean, title: string, lang: Lang, stem: string): Promise<Blob> {
  const { cy } = scene;
  const [zoom, pan] = [cy.zoom(), { ...cy.pan() }];
  // Taken at once with the names placed for the picture, which may reach further than the screen's
  // (where names are placed, their places are drawn): the area is that of the picture taken.
  const { area, scale, picture, unnamed } = scene.labelledFor(drawnArea(scene, underlay, onMap), () => {
    const area = drawnArea(scene, underlay, onMap);
    const scale = Math.min(RESOLUTION.scale, RESOLUTION.longestSide / Math.max(area.width, area.height));
    if (scene.layered())
      return {
        area,
        scale,
        unnamed: [],
        picture: { png: cy.png({ full: false, scale, bg: 'rgba(0,0,0,0)' }), at: { x: 0, y: 0, w: cy.width(), h: cy.height() } },
      };
    // All that Cytoscape draws, on the screen's scale: its picture spans its elements' box from the
    // box's corner, a whole number of model units wide and high (Cytoscape's png, `full`).
    const box = cy.elements().boundingBox();
    const at = { x: box.x1 * zoom + pan.x, y: box.y1 * zoom + pan.y, w: Math.ceil(box.w) * zoom, h: Math.ceil(box.h) * zoom };
    return {
      area,
      scale,
      unnamed: unnamedIn(scene, area, shown, lang),
      picture: { png: cy.png({ full: true, scale: scale * zoom, bg: 'rgba(0,0,0,0)' }), at },
    };
  });
  const { width, height } = area;
  const font = `13px ${CANVAS_FONT}`;
  const [rowHeight, gap, margin] = [22, 18, 16];
  const titleFont = `700 20px ${CANVAS_FONT}`;
  const lines = wrapped(title, titleFont, width - 2 * margin);
  const head = 22 + lines.length * 26 + 8;
  // The legend's entries flow in rows across the picture's width, each as wide as its swatch and words.
  const entries = await Promise.all(
    legendEntries(shown, lang).map(async ({ swatch, text }) => ({ image: await swatchImage(swatch), text, width: Number(swatch.getAttribute('width')) })),
  );
  let [x, row] = [margin, 0];
  const placed = entries.map((entry) => {
    const span = entry.width + 6 + textWidth(entry.text, font);
    if (x > margin && x + span > width - margin) [x, row] = [margin, row + 1];
    const at = { ...entry, x, row };
    x += span + gap;
    return at;
  });
  // On a map, what a place's standing says, in full under the entries: a picture cannot be hovered for it.
  const note = onMap ? mapNote(lang) : null;
  const noteImage = note ? await swatchImage(note.swatch) : null;
  const noteIndent = margin + Number(note?.swatch.getAttribute('width') ?? 0) + 6;
  const noteLines = note ? wrapped(note.full, font, width - noteIndent - margin) : [];
  const lineHeight = 18;
  const entryRows = entries.length ? row + 1 : 0;
  // The names the picture does not write, by their numbers on it, flowing in lines as the legend's entries do.
  const keyHead = unnamed.length ? t('unnamedKey', lang) : '';
  const keyLines: string[] = [];
  for (const { n, name } of unnamed) {
    const entry = `${n} ${name}`;
    const last = keyLines.length - 1;
    if (last >= 0 && textWidth(`${keyLines[last]}   ${entry}`, font) <= width - 2 * margin) keyLines[last] += `   ${entry}`;
    else keyLines.push(...wrapped(entry, font, width - 2 * margin));
  }
  const keyHeight = unnamed.length ? 10 + (1 + keyLines.length) * lineHeight : 0;
  const foot = 16 + entryRows * rowHeight + (noteLines.length ? 6 + noteLines.length * lineHeight : 0) + keyHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = (height + head + foot) * scale;
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height + head + foot);
  context.fillStyle = '#1b1f24';
  context.font = titleFont;
  lines.forEach((line, i) => context.fillText(line, margin, 34 + i * 26));
  context.save();
  context.translate(0, head);
  // The base map reaches past the canvas: clipped to the picture, it leaves the title and legend clear.
  context.beginPath();
  context.rect(0, 0, width, height);
  context.clip();
  context.translate(-area.x, -area.y);
  underlay.paint(context, { zoom, pan });
  // A large view is drawn on the layer, under Cytoscape's canvas (which holds its nodes hidden).
  scene.paintLayer(context, { zoom, pan });
  const image = new Image();
  image.src = picture.png;
  await image.decode();
  context.drawImage(image, picture.at.x, picture.at.y, picture.at.w, picture.at.h);
  for (const { n, at } of unnamed) badge(context, String(n), at);
  context.restore();
  context.font = font;
  context.fillStyle = '#1b1f24';
  for (const entry of placed) {
    const middle = head + height + 16 + entry.row * rowHeight + rowHeight / 2;
    context.drawImage(entry.image, entry.x, middle - entry.image.height / 2);
    context.fillText(entry.text, entry.x + entry.width + 6, middle + 4.5);
  }
  const noteTop = head + height + 16 + entryRows * rowHeight + 6;
  if (noteImage) context.drawImage(noteImage, margin, noteTop + lineHeight / 2 - noteImage.height / 2);
  noteLines.forEach((line, i) => context.fillText(line, noteIndent, noteTop + i * lineHeight + lineHeight / 2 + 4.5));
  const keyTop = noteTop + (noteLines.length ? noteLines.length * lineHeight : -6) + 10;
  [keyHead, ...keyLines].forEach((line, i) => line && context.fillText(line, margin, keyTop + i * lineHeight + lineHeight / 2 + 4.5));
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
  );
  download(`${stem}.png`, blob);
  return blob;
}
