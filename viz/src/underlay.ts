// What is drawn under the graph and moves with it: the base map of Guangdong's prefecture-level
// cities, Hong Kong and Macao on geographic views, the band titles on a cluster's view. An SVG
// behind Cytoscape's (transparent) canvas, transformed with its pan and zoom.
import type { Core } from 'cytoscape';
import outlines from 'virtual:basemap';
import { middleInFrame, project, toScreen, type BaseMap, type Position, type Projection, type Rect } from './geo.ts';
import { CANVAS_FONT } from './fonts.ts';
import { fitText, textWidth } from './text.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The titles' font, as explorer.css sets it for the SVG's text. */
const TITLE_FONT = `600 13px ${CANVAS_FONT}`;
/** The areas' font, as explorer.css sets it: the titles' size, not bold. */
const AREA_FONT = `400 13px ${CANVAS_FONT}`;

export interface Underlay {
  /** The base map: its extent in degrees, its cities' outlines. */
  readonly base: BaseMap;
  /**
   * The base map at a projection (none: no map); `marked`: the city a view is about, by name, whose
   * outline stands out; `frame`: the part of the map drawn, in model units, past which a place is
   * drawn at its edge with the arrow toward it (the whole map where none). In a frame, the other
   * cities' parts of the map are named faintly: without, 东莞's land round 松山湖科学城 in 深圳's view
   * was read as blank map.
   */
  map(projection: Projection | null, marked?: string, frame?: Rect | null): void;
  /** How the map's cities are named, from the map's own (Chinese) names: in the reader's language. */
  areaNames(named: (name: string) => string): void;
  titles(list: { title: string; at: Position }[]): void;
  /** Where the titles are drawn on screen at a viewport: labels keep off them. */
  titleBoxes(viewport: { zoom: number; pan: Position }): Rect[];
  /** The same picture on a canvas, for the PNG export: the base map and titles under the graph. */
  paint(context: CanvasRenderingContext2D, transform: { zoom: number; pan: Position }): void;
}

export function createUnderlay(cy: Core, host: HTMLElement): Underlay {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'underlay');
  svg.setAttribute('aria-hidden', 'true');
  const world = document.createElementNS(SVG, 'g');
  const labels = document.createElementNS(SVG, 'g');
  // The frame a view is drawn in, in the map's units (world's own space, before its pan and zoom).
  const clip = document.createElementNS(SVG, 'clipPath');
  clip.id = 'underlay-frame';
  clip.setAttribute('clipPathUnits', 'userSpaceOnUse');
  const clipRect = document.createElementNS(SVG, 'rect');
  clip.append(clipRect);
  const defs = document.createElementNS(SVG, 'defs');
  defs.append(clip);
  svg.append(defs, world, labels);
  let framed: Rect | null = null;
  host.prepend(svg);
  let titleList: { title: string; at: Position }[] = [];
  let areaList: { name: string; at: Position }[] = [];
  let named = (name: string) => name;

  /** Where an area's name is drawn, centred on `at` on its baseline: slid onto the canvas where it would run off it ("Huizhou" in 深圳's view). */
  const onCanvas = (name: string, at: Position) => {
    const half = textWidth(named(name), AREA_FONT) / 2;
    return { x: Math.min(Math.max(at.x, half + 4), cy.width() - half - 4), y: Math.min(Math.max(at.y, 17), cy.height() - 5) };
  };
  /** A title as drawn from `x`: cut in words where it would run off the canvas (a phone's English "Parks and places serving it direc"). */
  const titleFrom = (title: string, x: number) => fitText(title, cy.width() - x - 4, (shown) => textWidth(shown, TITLE_FONT), 1);
  const place = () => {
    const pan = cy.pan();
    const zoom = cy.zoom();
    world.setAttribute('transform', `translate(${pan.x} ${pan.y}) scale(${zoom})`);
    labels.replaceChildren(
      ...areaList.map(({ name, at }) => {
        const text = document.createElementNS(SVG, 'text');
        const { x, y } = onCanvas(name, toScreen(at, { zoom, pan }));
        text.setAttribute('x', String(x));
        text.setAttribute('y', String(y));
        text.setAttribute('class', 'area');
        text.textContent = named(name);
        return text;
      }),
      ...titleList.map(({ title, at }) => {
        const text = document.createElementNS(SVG, 'text');
        const { x, y } = toScreen(at, { zoom, pan });
        text.setAttribute('x', String(x));
        text.setAttribute('y', String(y));
        text.textContent = titleFrom(title, x);
        return text;
      }),
    );
  };
  cy.on('viewport', place);

  const points = outlines.flatMap((o) => o.rings.flat());
  const [lons, lats] = [points.map((p) => p[0]), points.map((p) => p[1])];
  return {
    base: { bounds: { south: Math.min(...lats), north: Math.max(...lats), west: Math.min(...lons), east: Math.max(...lons) }, outlines },
    map(projection, marked, frame) {
      framed = projection ? (frame ?? null) : null;
      if (framed) {
        clipRect.setAttribute('x', String(framed.x1));
        clipRect.setAttribute('y', String(framed.y1));
        clipRect.setAttribute('width', String(framed.x2 - framed.x1));
        clipRect.setAttribute('height', String(framed.y2 - framed.y1));
        world.setAttribute('clip-path', 'url(#underlay-frame)');
      } else world.removeAttribute('clip-path');
      // Each outline projected once: drawn as a path, and, in a frame, named where it shows.
      const projected = projection
        ? outlines.map((o) => ({ name: o.name, rings: o.rings.map((ring) => ring.map(([lon, lat]) => project(projection, lat, lon))) }))
        : [];
      const paths = projected.map(({ name, rings }) => ({
        name,
        d: rings.map((ring) => `M${ring.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('L')}Z`).join(''),
      }));
      const within = framed;
      areaList = within
        ? projected.flatMap(({ name, rings }) => {
            const at = name === marked ? null : middleInFrame(rings, within);
            return at ? [{ name, at }] : [];
          })
        : [];
      world.replaceChildren(
        ...paths.map(({ d, name }) => {
          const path = document.createElementNS(SVG, 'path');
          path.setAttribute('d', d);
          path.dataset.name = name;
          if (name === marked) path.classList.add('subject');
          return path;
        }),
      );
      place();
    },
    titles(list) {
      titleList = list;
      place();
    },
    areaNames(given) {
      named = given;
      if (areaList.length > 0) place();
    },
    titleBoxes({ zoom, pan }) {
      // As drawn: left-aligned at `at`, on its baseline, in the font paint() uses (explorer.css draws the same).
      return titleList.map(({ title, at }) => {
        const { x, y } = toScreen(at, { zoom, pan });
        return { x1: x, x2: x + textWidth(titleFrom(title, x), TITLE_FONT), y1: y - 13, y2: y + 4 };
      });
    },
    paint(context, { zoom, pan }) {
      context.save();
      context.translate(pan.x, pan.y);
      context.scale(zoom, zoom);
      if (framed) {
        context.beginPath();
        context.rect(framed.x1, framed.y1, framed.x2 - framed.x1, framed.y2 - framed.y1);
        context.clip();
      }
      // In the colours the page draws each outline in (explorer.css), the marked city's included.
      for (const path of world.querySelectorAll('path')) {
        const style = getComputedStyle(path);
        const shape = new Path2D(path.getAttribute('d') ?? '');
        context.fillStyle = style.fill;
        context.strokeStyle = style.stroke;
        context.lineWidth = parseFloat(style.strokeWidth) / zoom;
        context.fill(shape);
        context.stroke(shape);
      }
      context.restore();
      // The neighbours' names in the colour the page draws them in (explorer.css).
      const area = labels.querySelector('text.area');
      const drawn = area ? getComputedStyle(area) : null;
      context.fillStyle = drawn?.fill ?? '#667';
      context.font = AREA_FONT;
      context.textAlign = 'center';
      for (const { name, at } of areaList) {
        const { x, y } = onCanvas(name, toScreen(at, { zoom, pan }));
        context.fillText(named(name), x, y);
      }
      context.textAlign = 'start';
      context.fillStyle = '#667';
      context.font = TITLE_FONT;
      for (const { title, at } of titleList) {
        const { x, y } = toScreen(at, { zoom, pan });
        context.fillText(titleFrom(title, x), x, y);
      }
    },
  };
}
