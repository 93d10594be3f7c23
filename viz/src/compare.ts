// The compare view's panel: two plans side by side, what only one of them names or states
// with its own sentences, and what both share, listed by name when the reader opens it.
import { h } from './dom.ts';
import { label } from './graph-data.ts';
import { kindLabel, t } from './messages.ts';
import { curatedMark, evidenceList, mentionAsEvidence, statement, type OpenReader } from './panels.ts';
import type { Lang } from './state.ts';
import { DOCUMENT_COLORS } from './style.ts';
import type { Comparison, DocumentInfo, Entity, Evidence, Relation } from './types.ts';

type Side = 'a' | 'b';

/** Every entity the comparison names, so a relation's two ends can be put into words. */
function entityIndex(c: Comparison): Entity[] {
  return [...c.entities.onlyA, ...c.entities.onlyB, ...c.entities.both].map((x) => x.entity);
}

function entityRow(entity: Entity, mentions: Evidence[], lang: Lang, open: OpenReader): HTMLElement {
  return h(
    'li',
    { class: 'compared-entity', 'data-id': entity.id },
    h('strong', {}, label(entity, lang)),
    h('span', { class: 'kind' }, ` · ${kindLabel(entity.kind, lang)}`),
    evidenceList(mentions, open, lang),
  );
}

function relationRow(relation: Relation, evidence: Evidence[], ends: Entity[], lang: Lang, open: OpenReader): HTMLElement {
  return h(
    'li',
    { class: 'compared-relation', 'data-id': relation.id },
    statement(relation, ends, lang),
    curatedMark({ evidence }, lang),
    evidenceList(evidence, open, lang),
  );
}

function swatch(side: Side | 'both', c: Comparison, order: readonly string[]): HTMLElement {
  const color = (d: DocumentInfo) => DOCUMENT_COLORS[Math.max(0, order.indexOf(d.id)) % DOCUMENT_COLORS.length]!;
  const background = side === 'a' ? color(c.a) : side === 'b' ? color(c.b) : `linear-gradient(90deg, ${color(c.a)} 50%, ${color(c.b)} 50%)`;
  const element = h('span', { class: 'plan-swatch' });
  // Set through the style object: the page's Content-Security-Policy refuses inline style attributes.
  element.style.background = background;
  return element;
}

function onlySide(side: Side, c: Comparison, ends: Entity[], lang: Lang, open: OpenReader, order: readonly string[]): HTMLElement {
  const document = side === 'a' ? c.a : c.b;
  const entities =
    side === 'a'
      ? c.entities.onlyA.map((x) => ({ entity: x.entity, mentions: x.mentionsA }))
      : c.entities.onlyB.map((x) => ({ entity: x.entity, mentions: x.mentionsB }));
  const relations =
    side === 'a'
      ? c.relations.onlyA.map((x) => ({ relation: x.relation, evidence: x.evidenceA }))
      : c.relations.onlyB.map((x) => ({ relation: x.relation, evidence: x.evidenceB }));
  return h(
    'section',
    { class: 'side', 'data-side': side },
    h('h3', {}, swatch(side, c, order), `${t('onlyIn', lang)} ${document.title}`),
    h('h4', {}, `${t('entitiesCount', lang)} (${entities.length})`),
    h(
      'ul',
      { class: 'compared' },
      ...entities.map((x) =>
        entityRow(
          x.entity,
          x.mentions.map((m) => mentionAsEvidence(m, document)),
          lang,
          open,
        ),
      ),
    ),
    h('h4', {}, `${t('relationsCount', lang)} (${relations.length})`),
    h('ul', { class: 'compared' }, ...relations.map((x) => relationRow(x.relation, x.evidence, ends, lang, open))),
  );
}

/** What both plans share: hundreds of rows, so they are drawn when the reader opens the list. */
function shared(c: Comparison, ends: Entity[], lang: Lang, order: readonly string[]): HTMLElement {
  const list = h('div', {});
  const box = h(
    'details',
    { class: 'side', 'data-side': 'both' },
    h(
      'summary',
      {},
      swatch('both', c, order),
      `${t('inBoth', lang)}: ${c.entities.both.length} ${t('entitiesCount', lang)}, ${c.relations.both.length} ${t('relationsCount', lang)}`,
    ),
    h('p', { class: 'hint' }, t('sharedHint', lang)),
    list,
  );
  box.addEventListener('toggle', () => {
    if (!(box as HTMLDetailsElement).open || list.childElementCount > 0) return;
    list.append(
      h('ul', { class: 'compared' }, ...c.entities.both.map((x) => h('li', { 'data-id': x.entity.id }, label(x.entity, lang)))),
      h('ul', { class: 'compared' }, ...c.relations.both.map((x) => statement(x.relation, ends, lang, (e) => label(e, lang), 'li'))),
    );
  });
  return box;
}

/** `order` is the plans as the server lists them: it picks each plan's colour, as the canvas does. */
export function comparePanel(c: Comparison, lang: Lang, open: OpenReader, order: readonly string[]): HTMLElement {
  const ends = entityIndex(c);
  return h(
    'div',
    { class: 'compare' },
    h('h2', {}, `${c.a.title} ⇄ ${c.b.title}`),
    onlySide('a', c, ends, lang, open, order),
    onlySide('b', c, ends, lang, open, order),
    shared(c, ends, lang, order),
  );
}
