// The legend, drawn as the graph draws: each kind's shape and colour, each relation type's
// colour, line and arrow, the dashed marks for curated links and discovered entities.
import { ENTITY_KINDS, KINDS, RELATION_TYPE_NAMES, isSymmetric, type EntityKind, type RelationType } from '../../ingest/model.ts';
import { kindLabel, t, typeLabel } from './messages.ts';
import { h } from './dom.ts';
import type { Lang } from './state.ts';
import { DASHES, DOCUMENT_COLORS, NODE_BORDERS, RELATION_STYLES } from './style.ts';
import type { DocumentInfo } from './types.ts';
import type { GraphData } from './graph-data.ts';
import { SHAPE_PATHS } from './shapes.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, inner: string, viewBox: string): SVGSVGElement {
  const element = document.createElementNS(SVG, 'svg');
  element.setAttribute('width', String(width));
  element.setAttribute('height', String(height));
  element.setAttribute('viewBox', viewBox);
  element.setAttribute('aria-hidden', 'true');
  element.innerHTML = inner; // constant markup from the tables above, no user text
  return element;
}

/** A kind's shape, its outline drawn as the graph draws it for `look` (style.ts), at the scale of a 16-pixel swatch. */
export function kindSwatch(kind: EntityKind, look: keyof typeof NODE_BORDERS = 'plain'): SVGSVGElement {
  const { color, shape } = ENTITY_KINDS[kind];
  const { width, color: stroke, dash } = NODE_BORDERS[look];
  // A shape of the graph's default size (about 20 pixels) drawn 2.2 units across.
  const unit = (pixels: number) => +(pixels * 0.08).toFixed(3);
  const dashed = dash.length > 0 ? ` stroke-dasharray="${dash.map(unit).join(' ')}"` : '';
  return svg(16, 16, `<path fill="${color}" stroke="${stroke}" stroke-width="${unit(width)}"${dashed} d="${SHAPE_PATHS[shape]}"/>`, '-1.1 -1.1 2.2 2.2');
}

export function relationSwatch(type: RelationType, curated = false): SVGSVGElement {
  const { color, line } = RELATION_STYLES[type];
  const dash = curated ? `stroke-dasharray="${DASHES.curated.join(' ')}"` : line === 'dotted' ? `stroke-dasharray="${DASHES.dotted.join(' ')}"` : '';
  const arrow = curated ? `fill="#fff" stroke="${color}"` : `fill="${color}"`;
  // A symmetric relation is drawn as a line alone, as in the graph.
  const head = isSymmetric(type) ? '' : `<polygon points="24,2 33,6 24,10" ${arrow}/>`;
  const end = isSymmetric(type) ? 33 : 25;
  return svg(34, 12, `<line x1="1" y1="6" x2="${end}" y2="6" stroke="${color}" stroke-width="2" ${dash}/>${head}`, '0 0 34 12');
}

/** The kinds and relation types a picture draws, in the model's order: the legend shows these. */
export function drawnKinds(drawn: GraphData): { kinds: EntityKind[]; types: RelationType[] } {
  const [nodes, edges] = [[...drawn.nodes.values()], [...drawn.edges.values()]];
  return { kinds: KINDS.filter((k) => nodes.some((n) => n.kind === k)), types: RELATION_TYPE_NAMES.filter((r) => edges.some((e) => e.type === r)) };
}

/** The marks the graph draws besides kinds and types: a link only the registry states, an entity found by discovery; each in a line and, for its tooltip, in full. */
export function legendMarks(lang: Lang): Record<'curated' | 'discovered', { swatch: SVGSVGElement; text: string; full: string }> {
  return {
    curated: { swatch: relationSwatch('LOCATED_IN', true), text: t('curatedEdge', lang), full: t('curatedEdgeFull', lang) },
    discovered: { swatch: kindSwatch('Zone', 'discovered'), text: t('discovered', lang), full: t('discoveredFull', lang) },
  };
}

/** What a map's places say by where they stand: a line for the legend, and in full, for its tooltip and a picture that cannot be hovered. */
export function mapNote(lang: Lang): { swatch: SVGSVGElement; text: string; full: string } {
  return { swatch: kindSwatch('ScienceCity', 'sited'), text: t('mapNote', lang), full: t('mapNoteFull', lang) };
}

/** A plan's colour as a disc, or several plans' as slices of one (a node several plans name). */
function planSwatch(colors: string[]): SVGSVGElement {
  const slices = colors.map((color, i) => {
    const from = (2 * Math.PI * i) / colors.length - Math.PI / 2;
    const to = (2 * Math.PI * (i + 1)) / colors.length - Math.PI / 2;
    if (colors.length === 1) return `<circle r="0.95" fill="${color}"/>`;
    const large = to - from > Math.PI ? 1 : 0;
    const point = (a: number) => `${(0.95 * Math.cos(a)).toFixed(3)},${(0.95 * Math.sin(a)).toFixed(3)}`;
    return `<path d="M0,0 L${point(from)} A0.95,0.95 0 ${large} 1 ${point(to)} Z" fill="${color}"/>`;
  });
  return svg(16, 16, slices.join(''), '-1.1 -1.1 2.2 2.2');
}

/** Coloured by plan: the plans shown, and their colours, from their place in `order`. */
export interface PlanKey {
  plans: DocumentInfo[];
  order: readonly string[];
}

export function legend(
  lang: Lang,
  kinds: readonly EntityKind[] = KINDS,
  types: readonly RelationType[] = RELATION_TYPE_NAMES,
  plans: PlanKey | null = null,
  mapped = false,
): HTMLElement {
  const note = mapped ? mapNote(lang) : null;
  const colorOf = (id: string) => DOCUMENT_COLORS[Math.max(0, plans?.order.indexOf(id) ?? 0) % DOCUMENT_COLORS.length]!;
  return h(
    'div',
    { class: 'legend' },
    plans
      ? h(
          'ul',
          { class: 'plans' },
          ...plans.plans.map((d) => h('li', { 'data-document': d.id }, planSwatch([colorOf(d.id)]), d.title)),
          plans.plans.length > 1 ? h('li', {}, planSwatch(plans.plans.map((d) => colorOf(d.id))), t('namedBySeveral', lang)) : null,
        )
      : null,
    h('ul', { class: 'kinds' }, ...kinds.map((k) => h('li', { 'data-kind': k }, kindSwatch(k), kindLabel(k, lang)))),
    h('ul', { class: 'types' }, ...types.map((type) => h('li', { 'data-type': type }, relationSwatch(type), typeLabel(type, lang)))),
    h('ul', { class: 'marks' }, ...Object.values(legendMarks(lang)).map(({ swatch, text, full }) => h('li', { title: full }, swatch, text))),
    // On a map, which places stand where they are, in a line no taller than the note alone was: a
    // taller legend covers more of the map, and the start view's names moved for it.
    note ? h('p', { class: 'map-note', title: note.full }, note.swatch, note.text) : null,
  );
}
