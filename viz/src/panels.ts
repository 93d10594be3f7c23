// The side panels: what the explorer says about a selection, always with the
// plan's own words (the quote) and where they stand (the section path).
import { ENTITY_KINDS, RELATION_TYPES, type RelationType } from '../../ingest/model.ts';
import { label } from './graph-data.ts';
import type { Lang } from './state.ts';
import type { CityProfile, ClusterPlatform, Entity, EntityDetail, Evidence, Path, SectionText } from './types.ts';

type Child = Node | string | null | undefined | false;

/** A DOM element; text goes in as text, never as HTML. */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export const kindLabel = (kind: keyof typeof ENTITY_KINDS, lang: Lang) => ENTITY_KINDS[kind][lang];
const typeLabel = (type: RelationType, lang: Lang) => RELATION_TYPES[type][lang];

/** Hands a click on a quote to the reader. */
export type OpenReader = (sectionId: string, evidence: Pick<Evidence, 'start' | 'end'>) => void;

export function evidenceList(evidence: Evidence[], open: OpenReader): HTMLElement {
  return h(
    'ul',
    { class: 'evidence' },
    ...evidence.map((e) => {
      const quote = h('button', { class: 'quote', type: 'button', title: 'open in the reader' }, `“${e.quote}”`);
      quote.addEventListener('click', () => open(e.section.id, e));
      return h('li', {}, quote, h('div', { class: 'path' }, `${e.section.path} · ${e.method}${e.method === 'registry' ? ' (curated)' : ''}`));
    }),
  );
}

function facts(entity: Entity, lang: Lang): HTMLElement {
  const rows: [string, string | null | undefined][] = [
    [lang === 'zh' ? '类型' : 'Kind', kindLabel(entity.kind, lang)],
    [lang === 'zh' ? '城市' : 'City', entity.city ? label(entity.city, lang) : null],
    ['Tier', entity.tier],
    ['Domain', entity.domain],
    ['Category', entity.category],
    ['Type', entity.centerType ?? entity.institutionType],
    [lang === 'zh' ? '2020 基期' : '2020 baseline', entity.baselineText ? `${entity.baselineText} ${entity.unit ?? ''}` : null],
    [lang === 'zh' ? '2025 目标' : '2025 target', entity.targetText ? `${entity.targetText} ${entity.unit ?? ''}` : null],
    [lang === 'zh' ? '来源' : 'Source', entity.source === 'registry' ? null : `${entity.source} (${entity.confidence.toFixed(1)})`],
  ];
  return h('dl', { class: 'facts' }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v!)]));
}

export function entityPanel(
  detail: EntityDetail,
  lang: Lang,
  actions: { expanded: boolean; expand: () => void; collapse: () => void; remove: () => void; open: OpenReader; select: (id: string) => void },
): HTMLElement {
  const expand = actions.expanded
    ? h('button', { type: 'button', id: 'collapse' }, lang === 'zh' ? '收起邻居' : 'Collapse neighbours')
    : h('button', { type: 'button', id: 'expand' }, lang === 'zh' ? '展开邻居' : 'Expand neighbours');
  expand.addEventListener('click', actions.expanded ? actions.collapse : actions.expand);
  const remove = h('button', { type: 'button', id: 'remove' }, lang === 'zh' ? '从视图移除' : 'Remove from view');
  remove.addEventListener('click', actions.remove);
  const byType = new Map<RelationType, EntityDetail['neighbors']>();
  for (const n of detail.neighbors) byType.set(n.relation.type, [...(byType.get(n.relation.type) ?? []), n]);
  const relations = [...byType].map(([type, list]) =>
    h(
      'section',
      { class: 'relation-group' },
      h('h4', {}, `${typeLabel(type, lang)} (${list.length})`),
      ...list.map((n) => {
        const other = h('button', { type: 'button', class: 'link' }, `${n.direction === 'OUT' ? '→' : '←'} ${label(n.entity, lang)}`);
        other.addEventListener('click', () => actions.select(n.entity.id));
        return h('div', { class: 'relation' }, other, evidenceList(n.relation.evidence, actions.open));
      }),
    ),
  );
  const mentions = detail.mentions.map((m) => ({ ...m, method: 'mention', confidence: 1, document: { id: '', title: '' }, section: { ...m.section, title: '' } }));
  return h(
    'div',
    { class: 'entity', 'data-id': detail.id },
    h('h2', {}, detail.name),
    detail.nameEn ? h('div', { class: 'name-en' }, detail.nameEn) : null,
    detail.aliases.length ? h('div', { class: 'aliases' }, `${lang === 'zh' ? '别名' : 'Also'}: ${detail.aliases.join('、')}`) : null,
    facts(detail, lang),
    h('div', { class: 'actions' }, expand, remove),
    h('h3', {}, lang === 'zh' ? '关系与依据' : 'Relations and evidence'),
    ...relations,
    h('h3', {}, lang === 'zh' ? '规划中的提及' : 'Mentions in the plan'),
    evidenceList(mentions, actions.open),
  );
}

export function edgePanel(type: RelationType, from: string, to: string, evidence: Evidence[], lang: Lang, open: OpenReader): HTMLElement {
  return h('div', { class: 'edge' }, h('h2', {}, `${from} ${typeLabel(type, lang)} ${to}`), evidenceList(evidence, open));
}

export function readerPanel(section: SectionText, evidence: Pick<Evidence, 'start' | 'end'>): HTMLElement {
  // Show the sentence inside its paragraph, highlighted.
  const context = section.parent && section.parent.text.length < 4000 ? section.parent : section;
  const from = Math.max(0, evidence.start - context.start);
  const to = Math.min(context.text.length, evidence.end - context.start);
  return h(
    'div',
    { class: 'reader' },
    h('div', { class: 'path' }, context.path),
    h('p', {}, context.text.slice(0, from), h('mark', {}, context.text.slice(from, to)), context.text.slice(to)),
  );
}

export function pathPanel(paths: Path[], lang: Lang, open: OpenReader): HTMLElement {
  if (paths.length === 0) return h('p', { class: 'empty' }, lang === 'zh' ? '没有找到路径。' : 'No path found.');
  return h(
    'div',
    { class: 'paths' },
    ...paths.map((p, i) =>
      h(
        'section',
        {},
        h('h3', {}, `${lang === 'zh' ? '路径' : 'Path'} ${i + 1} (${p.length})`),
        ...p.hops.map((hop) =>
          h('div', { class: 'hop' }, h('div', {}, `${label(hop.from, lang)} — ${typeLabel(hop.relation.type, lang)} → ${label(hop.to, lang)}`), evidenceList(hop.relation.evidence, open)),
        ),
      ),
    ),
  );
}

const VIA: Record<ClusterPlatform['via'], { zh: string; en: string }> = {
  DIRECT: { zh: '直接服务', en: 'Serves directly' },
  FIELD: { zh: '经由相关领域', en: 'Through a related field' },
  PROGRAM: { zh: '经由计划', en: 'Through a program' },
};

export function clusterPanel(cluster: Entity, platforms: ClusterPlatform[], lang: Lang, open: OpenReader): HTMLElement {
  const groups = (['DIRECT', 'FIELD', 'PROGRAM'] as const).map((via) => [via, platforms.filter((p) => p.via === via)] as const).filter(([, list]) => list.length > 0);
  return h(
    'div',
    { class: 'cluster' },
    h('h2', {}, label(cluster, lang)),
    platforms.length === 0 ? h('p', { class: 'empty' }, lang === 'zh' ? '规划未列出服务该集群的平台。' : 'The plan names no platform for this cluster.') : null,
    ...groups.map(([via, list]) =>
      h(
        'section',
        { class: 'via', 'data-via': via },
        h('h3', {}, VIA[via][lang]),
        ...list.map((p) =>
          h(
            'div',
            { class: 'platform' },
            h('strong', {}, label(p.platform, lang)),
            p.through ? h('span', { class: 'through' }, ` ← ${label(p.through, lang)}`) : null,
            evidenceList(p.relations.flatMap((r) => r.evidence), open),
          ),
        ),
      ),
    ),
  );
}

export function cityPanel(profile: CityProfile, lang: Lang): HTMLElement {
  return h(
    'div',
    { class: 'city' },
    h('h2', {}, label(profile.city, lang)),
    ...profile.groups.map((g) => h('section', {}, h('h3', {}, `${kindLabel(g.kind, lang)} (${g.entities.length})`), h('ul', {}, ...g.entities.map((e) => h('li', {}, label(e, lang)))))),
    profile.links.length
      ? h('section', {}, h('h3', {}, lang === 'zh' ? '与其他城市和区域的联系' : 'Links to other cities and zones'), h('ul', {}, ...profile.links.map((l) => h('li', {}, `${label(l.local, lang)} — ${typeLabel(l.relation.type, lang)} — ${label(l.other, lang)}`))))
      : null,
  );
}

export function indicatorsPanel(indicators: Entity[], lang: Lang): HTMLElement {
  const rows = indicators.map((i) => {
    const max = Math.max(i.baseline ?? 0, i.target ?? 0) || 1;
    const bar = (value: number | null | undefined, cls: string) => h('div', { class: `bar ${cls}`, style: `width:${(((value ?? 0) / max) * 100).toFixed(1)}%` });
    return h(
      'tr',
      {},
      h('td', {}, label(i, lang)),
      h('td', { class: 'num' }, i.baselineText ?? ''),
      h('td', { class: 'num' }, i.targetText ?? ''),
      h('td', {}, i.unit ?? ''),
      h('td', { class: 'bars' }, bar(i.baseline, 'baseline'), bar(i.target, 'target')),
    );
  });
  return h(
    'div',
    { class: 'indicators' },
    h('h2', {}, lang === 'zh' ? '核心指标' : 'Core indicators'),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, lang === 'zh' ? '指标' : 'Indicator'), h('th', {}, '2020'), h('th', {}, '2025'), h('th', {}, lang === 'zh' ? '单位' : 'Unit'), h('th', {}, ''))), h('tbody', {}, ...rows)),
  );
}

export function legend(lang: Lang): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    ...Object.entries(ENTITY_KINDS).map(([, k]) => h('li', {}, h('span', { class: 'swatch', style: `background:${k.color}` }), k[lang])),
    h('li', {}, h('span', { class: 'swatch dashed' }), lang === 'zh' ? '虚线：仅登记表确认' : 'dashed: curated, not stated in the text'),
  );
}
