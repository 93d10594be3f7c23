// The side panels: what the explorer says about a selection, always with the
// plan's own words (the quote) and where they stand (the section path).
import { label } from './graph-data.ts';
import { button, h } from './dom.ts';
import { kindLabel, t, targetLabel, typeLabel, unitLabel, type MessageKey } from './messages.ts';
import type { Lang } from './state.ts';
import { PLATFORM_KINDS, closedLabel, isSymmetric } from '../../ingest/model.ts';
import { CURATED_METHODS, REGISTRY_IN_NAME_METHOD, REGISTRY_METHOD, UNSTATED_METHOD, nameAlone } from '../../ingest/types.ts';
import { NAME_PARENT_METHOD } from '../../ingest/name-parent.ts';
import { stated } from './statement.ts';
import type {
  CityProfile,
  ClusterPlace,
  ClusterPlatform,
  Entity,
  EntityDetail,
  Evidence,
  IndicatorRow,
  Path,
  Relation,
  SectionText,
  SentenceHit,
} from './types.ts';

/** The method of an entry in a mentions list: the sentence names the entity; there is no link to state. */
export const MENTION = 'mention';

/** Hands a click on a quote to the reader. */
export type OpenReader = (sectionId: string, evidence: Pick<Evidence, 'start' | 'end'>) => void;

export interface PanelActions {
  open: OpenReader;
  select: (id: string) => void;
  /** Highlights these nodes and links in the picture; `null` gives the view its own highlight back. */
  highlight: (ids: string[] | null) => void;
}

/** Are these citations all of a fact no sentence states (the registry's alone)? */
const allUnstated = (methods: string[]) => methods.length > 0 && methods.every((m) => m === UNSTATED_METHOD);
/** Every reading of a sentence the registry's: it names the ends, and a rule did not read the link in it. */
const allCurated = (methods: string[]) => methods.length > 0 && methods.every((m) => CURATED_METHODS.includes(m));

/**
 * How much a sentence says of the link it is listed under, most first: a rule's reading, then the
 * registry's fact with both ends named apart, then named one inside the other's name, then a
 * sentence naming one end.
 */
function strength(methods: string[]): number {
  if (methods.some((m) => !CURATED_METHODS.includes(m))) return 0;
  if (methods.includes(REGISTRY_METHOD)) return 1;
  return methods.includes(REGISTRY_IN_NAME_METHOD) ? 2 : 3;
}

const NOTES = ['readFromSentence', 'curatedNamedTogether', 'curatedNamedInside', 'curatedUnstated'] as const;

/** What a sentence is to the link it is listed under, in the reader's words (mentions need none). */
export function methodNote(methods: string[], lang: Lang): string | null {
  if (methods.every((m) => m === MENTION)) return null;
  // Read from a name alone (国家基因库二期, a phase of 国家基因库, in a sentence that only lists it):
  // "read from these words" had the reader look for the link in the sentence.
  if (methods.includes(NAME_PARENT_METHOD) && methods.every((m) => m === NAME_PARENT_METHOD || CURATED_METHODS.includes(m))) return t('readFromName', lang);
  return t(NOTES[strength(methods)]!, lang);
}

type Cited = Pick<Evidence, 'quote' | 'method'> & { document: { id: string }; section: { id: string } };

/** One sentence of one plan, however many links or readings cite it. */
const sentenceKey = (e: Cited) => `${e.document.id} ${e.section.id} ${e.quote}`;

/**
 * The sentences of a list of evidence, each once with every method that read it (two readings
 * of one sentence are one source, not two), those that say most of the link first: a link a rule
 * read opens on the sentence it was read in, not on one the registry cites. In the evidence's
 * order otherwise.
 */
export function citedSentences<E extends Cited>(evidence: E[]): { first: E; methods: string[] }[] {
  const sentences = new Map<string, { first: E; methods: string[] }>();
  for (const e of evidence) {
    const key = sentenceKey(e);
    const entry = sentences.get(key);
    if (entry) entry.methods.push(e.method);
    else sentences.set(key, { first: e, methods: [e.method] });
  }
  return [...sentences.values()].sort((a, b) => strength(a.methods) - strength(b.methods));
}

type Mark = { start: number; end: number };

/** A quote in quotation marks, the words that name the link's ends marked (the API's marks: in order, apart). */
export function markedQuote(quote: string, marks: readonly Mark[]): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = ['“'];
  let at = 0;
  for (const { start, end } of marks) {
    if (start < at || end > quote.length) continue;
    if (start > at) parts.push(quote.slice(at, start));
    parts.push(h('mark', {}, quote.slice(start, end)));
    at = end;
  }
  parts.push(quote.slice(at), '”');
  return parts;
}

/** Where a folded line's context stops: the marks of a list or a clause, which end the words around them. */
const CONTEXT_STOPS = new Set(['、', '，', '。', '；', '：', ',', ';']);

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** Sentences segmented, by text: a city's panel quotes one sentence under many links (广州's, 100 links, took 7 ms segmenting them). */
const segmented = new Map<string, Set<number>>();
const SEGMENTED_KEPT = 2000;

/** The offsets in a text where its words begin or end (Chinese has no spaces: the platform's dictionary finds them). */
function wordBounds(text: string): Set<number> {
  const known = segmented.get(text);
  if (known) return known;
  const bounds = new Set([0, text.length]);
  for (const { index, segment } of WORDS.segment(text)) bounds.add(index).add(index + segment.length);
  if (segmented.size >= SEGMENTED_KEPT) segmented.clear();
  segmented.set(text, bounds);
  return bounds;
}

/**
 * What a line shows of a sentence quoted in full elsewhere in the panel: the words that name this
 * link's ends, each once (a name the sentence repeats adds nothing), with up to `context`
 * characters on either side, not past a comma or an enumeration mark (…松山湖科学城… rather than
 * …城、松山湖科学城、南…, the cut through other names), the rest elided (…). Its start alone was the
 * same for every link it grounds (推动松山湖科学城聚焦新材料、新一代信息…), hiding the word that tells them
 * apart (…生命科学…). Two characters of context read as shards of words (…新广深港科…). Without
 * marks, the whole quote.
 */
export function aroundMarks(quote: string, marks: readonly Mark[], context = 4): { text: string; marks: Mark[] } {
  if (marks.length === 0) return { text: quote, marks: [] };
  const named = new Set<string>();
  const once = marks.filter((m) => {
    const words = quote.slice(m.start, m.end);
    if (named.has(words)) return false;
    named.add(words);
    return true;
  });
  const spans: [number, number][] = [];
  const bounds = wordBounds(quote);
  for (const m of once) {
    let [start, end] = [m.start, m.end];
    while (start > 0 && m.start - start < context && !CONTEXT_STOPS.has(quote[start - 1]!)) start -= 1;
    while (end < quote.length && end - m.end < context && !CONTEXT_STOPS.has(quote[end]!)) end += 1;
    // Whole words: 主要承载区打造…, not 要承载区打造… (a stop is a word of its own, so none is crossed).
    while (!bounds.has(start)) start -= 1;
    while (!bounds.has(end)) end += 1;
    // The sentence's own full stop, where the words reach it, ends the line rather than an ellipsis.
    if (end === quote.length - 1 && quote[end] === '。') end += 1;
    const last = spans.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  let text = '';
  const shifted: Mark[] = [];
  for (const [start, end] of spans) {
    // One ellipsis where the quote has its own (a lead's ……) at the cut.
    if ((start > 0 || text) && !text.endsWith('…') && quote[start] !== '…') text += '…';
    for (const m of once) if (m.start >= start && m.end <= end) shifted.push({ start: text.length + m.start - start, end: text.length + m.end - start });
    text += quote.slice(start, end);
  }
  if (spans.at(-1)![1] < quote.length && !text.endsWith('…')) text += '…';
  return { text, marks: shifted };
}

/**
 * Where a panel of several links quotes each sentence in full: under the link it says most of
 * (stated there, not only named), the first such in the panel's order; under the others it is
 * folded to a line that says where it stands in full.
 */
export interface Quoting {
  /** by sentence, the link it is quoted in full under */
  fullUnder: Map<string, string>;
  /** the sentences quoted in full so far, in the panel's order */
  shown: Set<string>;
}

/** Where each sentence the links cite is quoted in full, the links given in the panel's order. */
export function quoting(relations: readonly { id: string; evidence: Evidence[] }[]): Quoting {
  const best = new Map<string, { strength: number; id: string }>();
  for (const relation of relations)
    for (const { first, methods } of citedSentences(relation.evidence)) {
      // Quoted under no link in full: it states none (evidenceList).
      if (allUnstated(methods)) continue;
      const key = sentenceKey(first);
      const known = best.get(key);
      if (!known || strength(methods) < known.strength) best.set(key, { strength: strength(methods), id: relation.id });
    }
  return { fullUnder: new Map([...best].map(([key, { id }]) => [key, id])), shown: new Set() };
}

/**
 * `cited`: the link this list is of, and where its panel quotes each sentence in full: one quoted
 * in full under another link is folded to a line here, and says whether it stands above or below.
 */
export function evidenceList(
  evidence: Evidence[],
  open: OpenReader,
  lang: Lang,
  cited?: { of: string; quoting: Quoting; where?: (relation: string) => string },
): HTMLElement {
  // Two editions of a plan share their sentences and sections: the plan's title tells them apart.
  const plans = new Set(evidence.map((e) => e.document.id));
  return h(
    'ul',
    { class: 'evidence' },
    ...citedSentences(evidence).map(({ first: e, methods }) => {
      // A sentence a rule read the link in is drawn apart from one the registry cites, and both from one that does not state it.
      const unstated = allUnstated(methods);
      const look = unstated ? 'quote unstated' : allCurated(methods) ? 'quote registry' : 'quote';
      const key = sentenceKey(e);
      const fullUnder = cited?.quoting.fullUnder.get(key);
      const again = !!cited && fullUnder !== undefined && fullUnder !== cited.of;
      const above = !!cited?.quoting.shown.has(key);
      // A sentence that only names one end of the link is not its ground: shown as the words that
      // name it (the reader has the rest), not in full like one that states it (材料科学 —相关→ 先进材料
      // 产业集群 quoted a whole sentence about 深港科技创新合作区).
      const whole = !again && !unstated;
      if (cited && whole) cited.quoting.shown.add(key);
      const shown = whole ? { text: e.quote, marks: e.marks } : aroundMarks(e.quote, e.marks);
      const quote = button({ class: again ? `${look} again` : look, title: t('openReader', lang) }, markedQuote(shown.text, shown.marks), () =>
        open(e.section.id, e),
      );
      const where = [
        plans.size > 1 ? e.document.title : null,
        e.section.path,
        again ? (cited.where ? t('quotedAt', lang).replace('{where}', cited.where(fullUnder)) : t(above ? 'quotedAbove' : 'quotedBelow', lang)) : null,
        unstated ? null : methodNote(methods, lang),
      ];
      // A quote that states no link is read after what it is: said before it, not in the small print
      // under it. It says to tap for the whole sentence, so a tap on it opens it too, as on the quote.
      const said = unstated ? [h('div', { class: 'unstated-note' }, methodNote(methods, lang) ?? '')] : [];
      for (const note of said) note.addEventListener('click', () => open(e.section.id, e));
      return h(
        'li',
        { 'data-method': methods.join(' '), 'data-sentence': key },
        ...said,
        quote,
        h('div', { class: 'path' }, where.filter(Boolean).join(' · ')),
      );
    }),
  );
}

type Named = Pick<Entity, 'id' | 'name' | 'nameEn'>;

/**
 * `source —type→ target`, in the direction the relation is stored, never the way the reader
 * walked to it; `name` draws one end (bold by default, a link where the reader can go on).
 */
export function statement(
  relation: Pick<Relation, 'id' | 'type' | 'from' | 'to'>,
  ends: Named[],
  lang: Lang,
  name: (entity: Named) => Node | string = (entity) => h('strong', {}, label(entity, lang)),
  tag = 'div',
): HTMLElement {
  const [source, target] = stated(relation, ends);
  return h(
    tag,
    { class: 'statement', 'data-source': source.id, 'data-target': target.id, 'data-type': relation.type },
    name(source),
    // A symmetric relation has no direction to state.
    ` —${typeLabel(relation.type, lang)}${isSymmetric(relation.type) ? '—' : '→'} `,
    name(target),
  );
}

/** Does no sentence state this link (the registry's alone)? */
const unstated = (relation: { evidence: Pick<Evidence, 'method'>[] }) => allUnstated(relation.evidence.map((e) => e.method));

/**
 * A link only the registry supplies (drawn dashed) says so next to it, as the legend says of a
 * dashed line: one no sentence states, that it is the registry's alone; one a sentence names both
 * ends of, that it is curated (the note under the quote says what the sentence is to it).
 */
export function curatedMark(relation: { evidence: Pick<Evidence, 'method'>[] }, lang: Lang): HTMLElement | null {
  const methods = relation.evidence.map((e) => e.method);
  if (methods.length === 0 || !methods.every((m) => CURATED_METHODS.includes(m))) return null;
  return h('span', { class: 'curated' }, t(allUnstated(methods) ? 'curated' : 'curatedNamed', lang));
}

/** Where an entity not in the registry comes from, in words. */
const SOURCE_NAMES = { gazetteer: 'sourceGazetteer', discovered: 'sourceDiscovered', table: 'sourceTable' } as const;

/** Where an entity comes from and how sure its reading is ("自动发现 (0.4)"); null for the registry's. */
const sourceText = (entity: Entity, lang: Lang) =>
  entity.source === 'registry' ? null : `${t(SOURCE_NAMES[entity.source], lang)} (${entity.confidence.toFixed(1)})`;

/**
 * Beside a name in a list, where the entity comes from when not the registry: in a cluster's list,
 * 先进材料智能制造产业示范基地, found by discovery (0.4), read as a platform as sure as the rest.
 */
const foundBy = (entity: Entity, lang: Lang) => {
  const source = sourceText(entity, lang);
  if (!source) return null;
  // In full on hover: "自动发现 (0.4)" alone read as jargon to a first-time reader.
  const said = [entity.source === 'discovered' ? t('discoveredFull', lang) : null, `${t('confidence', lang)} ${entity.confidence.toFixed(1)}`];
  return h('span', { class: 'found-by', title: said.filter(Boolean).join(' ') }, ` ${source}`);
};

function facts(entity: Entity, lang: Lang): HTMLElement {
  const closed = (prop: string, value: string | null | undefined) => (value ? closedLabel(entity.kind, prop, value, lang) : null);
  const rows: [string, string | null | undefined][] = [
    // In the reader's language first, the other's beside it.
    [t('kind', lang), `${kindLabel(entity.kind, lang)} · ${kindLabel(entity.kind, lang === 'zh' ? 'en' : 'zh')}`],
    [t('city', lang), entity.city ? label(entity.city, lang) : null],
    [t('tier', lang), closed('tier', entity.tier)],
    [t('domain', lang), closed('domain', entity.domain)],
    [t('category', lang), closed('category', entity.category)],
    [t('centerType', lang), closed('centerType', entity.centerType) ?? closed('institutionType', entity.institutionType)],
    [`${entity.baselineYear ?? ''} ${t('baseline', lang)}`, entity.baselineText ? `${entity.baselineText} ${unitLabel(entity.unit ?? '', lang)}` : null],
    [`${entity.targetYear ?? ''} ${t('target', lang)}`, entity.targetText ? `${targetLabel(entity, lang)} ${unitLabel(entity.unit ?? '', lang)}` : null],
    [t('source', lang), sourceText(entity, lang)],
  ];
  return h('dl', { class: 'facts' }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v!)]));
}

export function entityPanel(
  detail: EntityDetail,
  lang: Lang,
  actions: PanelActions & {
    expanded: boolean;
    complete: boolean;
    expand: () => void;
    collapse: () => void;
    remove: () => void;
    /** whether an entity is in the picture: its links are listed first */
    inView?: (id: string) => boolean;
    /** drawn at the map's edge: the arrow toward where it lies (geo.ts) */
    beyond?: string | undefined;
  },
): HTMLElement {
  const expand = actions.expanded
    ? button({ id: 'collapse' }, t('collapse', lang), actions.collapse)
    : actions.complete
      ? button({ id: 'expand', disabled: '' }, t('allNeighboursShown', lang), () => undefined)
      : button({ id: 'expand' }, t('expand', lang), actions.expand);
  const otherName = lang === 'en' ? (detail.nameEn ? detail.name : null) : detail.nameEn;
  const byType = new Map<string, EntityDetail['neighbors']>();
  // The links to what the picture shows first (广州 —合作— 深圳 in 深圳's view, before 广州's partners elsewhere).
  const shownFirst = [...detail.neighbors].sort((a, b) => Number(!actions.inView?.(a.entity.id)) - Number(!actions.inView?.(b.entity.id)));
  for (const n of shownFirst) byType.set(n.relation.type, [...(byType.get(n.relation.type) ?? []), n]);
  // A sentence that grounds several links (前海's grounds six) is quoted in full once, under the link it says most of.
  const quoted = quoting([...byType.values()].flat().map((n) => n.relation));
  const relations = [...byType].map(([, list]) => {
    const shown = actions.inView ? list.filter((n) => actions.inView!(n.entity.id)).length : list.length;
    return h(
      'section',
      { class: 'relation-group' },
      h('h4', {}, `${typeLabel(list[0]!.relation.type, lang)} (${groupCount(list.length, shown, lang)})`),
      ...list.flatMap((n, i) => {
        // The selected entity is named as text, the other end as a link to it.
        const name = (e: Named) => (e.id === detail.id ? label(e, lang) : button({ class: 'link' }, label(e, lang), () => actions.select(e.id)));
        const said = statement(n.relation, [detail, n.entity], lang, name);
        return [
          // Where the links to what the picture shows end: the count said how many, not which.
          i === shown && shown < list.length ? h('p', { class: 'not-in-picture' }, t('notInPicture', lang)) : null,
          h(
            'div',
            { class: 'relation' },
            said,
            curatedMark(n.relation, lang),
            evidenceList(n.relation.evidence, actions.open, lang, { of: n.relation.id, quoting: quoted }),
          ),
        ];
      }),
    );
  });
  return h(
    'div',
    { class: 'entity', 'data-id': detail.id },
    // Headed in the reader's language, as the city panel is; the name in the other language under it.
    h('h2', {}, label(detail, lang)),
    otherName ? h('div', { class: 'other-name' }, otherName) : null,
    // The picture draws it where it is not: the panel says so, and which way it lies.
    actions.beyond ? h('p', { class: 'drawn-beyond' }, `${t('drawnBeyond', lang)} ${actions.beyond}`) : null,
    detail.aliases.length ? h('div', { class: 'aliases' }, `${t('aliases', lang)}: ${detail.aliases.join('、')}`) : null,
    facts(detail, lang),
    h('div', { class: 'actions' }, expand, button({ id: 'remove' }, t('remove', lang), actions.remove)),
    // No heading over nothing (潮州's panel has mentions, no links).
    relations.length ? h('h3', {}, t('relations', lang)) : null,
    ...relations,
    h('h3', {}, t('mentions', lang)),
    mentionList(detail.mentions, actions.open, lang),
  );
}

/** A mention of an entity, as the entity operations ask for it. */
type Said = Pick<Evidence, 'quote' | 'start' | 'end'> & { section: { id: string; path: string } };

/** A mention in the shape the evidence list draws: the quote, where it stands, a way to the reader; no link, so nothing marked. */
export function mentionAsEvidence(m: Said, document: Evidence['document']): Evidence {
  return { ...m, method: MENTION, confidence: 1, section: { ...m.section, title: '' }, document, marks: [] };
}

/** The sentences that name an entity, each opening the reader: listed as evidence is, with no link to state. */
function mentionList(mentions: Said[], open: OpenReader, lang: Lang): HTMLElement {
  return evidenceList(
    mentions.map((m) => mentionAsEvidence(m, { id: '', title: '' })),
    open,
    lang,
  );
}

export function edgePanel(relation: Relation & { evidence: Evidence[] }, from: Entity, to: Entity, lang: Lang, open: OpenReader): HTMLElement {
  return h(
    'div',
    { class: 'edge' },
    statement(relation, [from, to], lang, (e) => label(e, lang), 'h2'),
    curatedMark(relation, lang),
    evidenceList(relation.evidence, open, lang),
  );
}

export function readerPanel(section: SectionText, evidence: Pick<Evidence, 'start' | 'end'>, lang: Lang, close: () => void): HTMLElement {
  // A sentence is shown inside its paragraph, highlighted; anything longer (a table's box) as itself.
  const context = section.kind === 'sentence' && section.parent && section.parent.text.length < 4000 ? section.parent : section;
  const from = Math.max(0, evidence.start - context.start);
  const to = Math.min(context.text.length, evidence.end - context.start);
  return h(
    'div',
    { class: 'reader' },
    // Closed by its name, not a second ×: beside the panel's own, two read as one (which closes what?).
    h('div', { class: 'reader-head' }, h('strong', {}, t('reader', lang)), button({ class: 'close' }, t('closeReader', lang), close)),
    h('div', { class: 'path' }, context.path),
    h('p', {}, context.text.slice(0, from), h('mark', {}, context.text.slice(from, to)), context.text.slice(to)),
  );
}

/**
 * How many links a group of a panel lists, and how many of their other ends the picture shows
 * where that is fewer: 深圳's panel listed 位于 (29) beside a map that showed nine of them, and
 * nothing said where the rest were (its expansion shows them; the panel lists those in sight first).
 */
function groupCount(all: number, shown: number, lang: Lang): string {
  return shown < all ? `${all} · ${t('inPicture', lang).replace('{n}', String(shown))}` : String(all);
}

/** A sentence found by search: the plan's words, where they stand, and the entities they name (each opens). */
export function sentencePanel(sentence: SentenceHit['sentence'], lang: Lang, open: (entity: Pick<Entity, 'id' | 'kind'>) => void): HTMLElement {
  return h(
    'div',
    { class: 'sentence' },
    h('h2', {}, t('reader', lang)),
    h('blockquote', { class: 'quote' }, `“${sentence.quote}”`),
    h('div', { class: 'path' }, `${sentence.path} · ${sentence.document.title}`),
    h('h3', {}, `${t('namedHere', lang)} (${sentence.entities.length})`),
    h(
      'ul',
      { class: 'named' },
      ...sentence.entities.map((e) =>
        h(
          'li',
          {},
          button({ class: 'link', 'data-id': e.id }, label(e, lang), () => open(e)),
          h('small', {}, ` ${kindLabel(e.kind, lang)}`),
        ),
      ),
    ),
  );
}

/** The start view's panel: what the picture is and how to read it. */
export function guidePanel(lang: Lang): HTMLElement {
  return h(
    'div',
    { class: 'guide' },
    h('h2', {}, t('title', lang)),
    h('p', {}, t('subtitle', lang)),
    h('ul', {}, h('li', {}, t('guideClick', lang)), h('li', {}, t('guideSearch', lang)), h('li', {}, t('guideLists', lang))),
  );
}

/**
 * A path in the order it is walked, in words that give no link a direction (经, via): the hops under
 * it state each link as stored, which may run against the walk, and read alone they left the reader
 * to turn them round to follow it.
 */
function walked(p: Path, lang: Lang): HTMLElement {
  const stops = [p.hops[0]!.from, ...p.hops.map((hop) => hop.to)].map((e) => label(e, lang));
  const [from, to] = [stops[0]!, stops[stops.length - 1]!];
  const text =
    stops.length === 2
      ? t('walkDirect', lang).replace('{from}', from).replace('{to}', to)
      : t('walkVia', lang)
          .replace('{from}', from)
          .replace('{via}', stops.slice(1, -1).join(lang === 'zh' ? '、' : ', '))
          .replace('{to}', to);
  return h('p', { class: 'walk' }, text);
}

/**
 * The paths one under the other. Several paths are drawn at once: pointing at one (or moving the
 * focus into it) highlights its nodes and links alone in the picture.
 */
export function pathPanel(paths: Path[], lang: Lang, { open, highlight }: PanelActions): HTMLElement {
  if (paths.length === 0) return h('p', { class: 'empty' }, t('noPath', lang));
  // A link two paths share (their first hop) is quoted under the first path only; a sentence that
  // states two links of the panel in full under one, and folded to its own words under the other.
  const relations = [...new Map(paths.flatMap((p) => p.hops.map((hop) => [hop.relation.id, hop.relation] as const))).values()];
  const quotes = quoting(relations);
  // Where a folded line's sentence is quoted in full, as the reader finds it: which path, which step (the first that takes the link).
  const steps = new Map<string, string>();
  paths.forEach((p, i) =>
    p.hops.forEach((hop, j) => {
      if (!steps.has(hop.relation.id))
        steps.set(
          hop.relation.id,
          t('pathStep', lang)
            .replace('{path}', String(i + 1))
            .replace('{step}', String(j + 1)),
        );
    }),
  );
  const where = (relation: string) => steps.get(relation) ?? '';
  const quoted = new Set<string>();
  const grounds = (relation: Path['hops'][number]['relation']) => {
    if (quoted.has(relation.id)) return h('p', { class: 'grounds-above' }, t('groundsAbove', lang));
    quoted.add(relation.id);
    return evidenceList(relation.evidence, open, lang, { of: relation.id, quoting: quotes, where });
  };
  const sections = paths.map((p, i) => {
    const ids = [...new Set(p.hops.flatMap((hop) => [hop.from.id, hop.to.id, hop.relation.id]))];
    const section = h(
      'section',
      { class: 'path-walk', 'data-path': String(i + 1) },
      h('h3', {}, `${t('path', lang)} ${i + 1} · ${p.length} ${t(p.length === 1 ? 'hop' : 'hops', lang)}`),
      walked(p, lang),
      // The walk may go against a link: the sentence states the link as stored, whichever way the path runs.
      ...p.hops.map((hop) =>
        h('div', { class: 'hop' }, statement(hop.relation, [hop.from, hop.to], lang), curatedMark(hop.relation, lang), grounds(hop.relation)),
      ),
    );
    section.addEventListener('mouseenter', () => highlight(ids));
    section.addEventListener('mouseleave', () => highlight(null));
    section.addEventListener('focusin', () => highlight(ids));
    section.addEventListener('focusout', () => highlight(null));
    return section;
  });
  return h('div', { class: 'paths' }, ...sections);
}

export const ROUTES = ['DIRECT', 'FIELD', 'PROGRAM'] as const;
export const ROUTE_TITLE = { DIRECT: 'direct', FIELD: 'throughField', PROGRAM: 'throughProgram' } as const;

/** One row per platform, under its most direct route: a platform that serves directly is never listed again through a field or program. */
export function platformRows(platforms: ClusterPlatform[]): ClusterPlatform[] {
  const best = new Map<string, ClusterPlatform>();
  for (const route of ROUTES) for (const p of platforms) if (p.via === route && !best.has(p.platform.id)) best.set(p.platform.id, p);
  return [...best.values()];
}

/** The words for the routes a cluster's platforms take when none serves it directly: only those taken. */
const reachedThrough = (routes: readonly (typeof ROUTES)[number][]) =>
  routes.includes('FIELD') && routes.includes('PROGRAM')
    ? 'reachedThroughEither'
    : routes.includes('PROGRAM')
      ? 'reachedThroughProgram'
      : 'reachedThroughField';

/** An entity's name as a link that selects it. */
const selecting = (entity: Named, lang: Lang, select: (id: string) => void) =>
  button({ class: 'link', 'data-id': entity.id }, label(entity, lang), () => select(entity.id));

/**
 * `said`: the plan's sentences that name the cluster (its own item in a 专栏), shown above its platforms;
 * a line that is its name alone (先进材料产业集群。, a 专栏 item's heading) says nothing of it and is left out.
 */
export function clusterPanel(
  cluster: Entity,
  platforms: ClusterPlatform[],
  places: ClusterPlace[],
  said: Said[],
  lang: Lang,
  { open, select }: PanelActions,
): HTMLElement {
  const rows = platformRows(platforms);
  const telling = said.filter((m) => !nameAlone(m.quote, cluster.name)).slice(0, 3);
  const groups = ROUTES.map((via) => [via, rows.filter((p) => p.via === via)] as const).filter(([, list]) => list.length > 0);
  const direct = groups.filter(([via]) => via === 'DIRECT');
  const indirect = groups.filter(([via]) => via !== 'DIRECT');
  const [field, program] = [groups.filter(([via]) => via === 'FIELD'), groups.filter(([via]) => via === 'PROGRAM')];
  const [directPlaces, fieldPlaces] = [places.filter((p) => p.via === 'DIRECT'), places.filter((p) => p.via === 'FIELD')];
  // A link several routes share (a field's link to the cluster) is quoted under the first platform only;
  // a sentence several links cite (信息科学's, naming four of its platforms), in full under the first.
  // In the order shown: the direct platforms and places, those through a field, through a program.
  const quoted = new Set<string>();
  const shownLinks = [
    ...direct.flatMap(([, list]) => list.flatMap((p) => p.relations)),
    ...directPlaces.flatMap((p) => p.relations),
    ...field.flatMap(([, list]) => list.flatMap((p) => p.relations)),
    ...fieldPlaces.flatMap((p) => p.relations),
    ...program.flatMap(([, list]) => list.flatMap((p) => p.relations)),
  ];
  const quotes = quoting(shownLinks.map((r) => ({ id: r.id, evidence: r.evidence ?? [] })));
  const grounds = (r: Relation) => {
    if (quoted.has(r.id)) return h('p', { class: 'grounds-above' }, t('groundsAbove', lang));
    quoted.add(r.id);
    return evidenceList(r.evidence ?? [], open, lang, { of: r.id, quoting: quotes });
  };
  /** A link on its own line, as stored, with its grounds. */
  const routeLink = (r: ClusterPlatform['relations'][number], ends: Entity[]) =>
    h(
      'div',
      { class: 'route-link', 'data-relation': r.id },
      statement(r, [cluster, ...ends], lang, (e) => label(e, lang)),
      curatedMark(r, lang),
      grounds(r),
    );
  /**
   * A platform or place a route reaches, with each link of the route on its own line, as stored: a
   * field route reads "platform —focuses on→ field", "field —related to→ cluster", a program route
   * "program —supports→ platform", "program —supports→ cluster".
   */
  const reached = (entity: Entity, through: Entity | null, relations: ClusterPlatform['relations']) =>
    h(
      'div',
      { class: 'platform', 'data-id': entity.id },
      h('strong', {}, selecting(entity, lang, select)),
      foundBy(entity, lang),
      ...relations.map((r) => routeLink(r, [entity, ...(through ? [through] : [])])),
    );
  const routeSection = (via: (typeof ROUTES)[number], list: ClusterPlatform[]) =>
    h(
      'section',
      { class: 'via', 'data-via': via },
      h('h3', {}, `${t(ROUTE_TITLE[via], lang)} (${list.length})`),
      // Said once, up front, when every field of the route reaches the cluster by the registry alone.
      via === 'FIELD' && list.every((p) => p.relations.filter((r) => r.type === 'RELATED_TO').every(unstated))
        ? h('p', { class: 'curated route-note' }, t('fieldsCurated', lang))
        : null,
      ...list.map((p) => reached(p.platform, p.through, p.relations)),
    );
  /** The places of a route, after its platforms: each with its links as stored (to the field and the field's to the cluster, for a place through a field). */
  const placeSection = (list: ClusterPlace[], via: string, title: MessageKey, note: string) =>
    list.length
      ? h(
          'section',
          { class: 'via places', 'data-via': via },
          h('h3', {}, `${t(title, lang)} (${list.length})`),
          h('p', { class: 'route-note' }, note),
          ...list.map((p) => reached(p.place, p.through, p.relations)),
        )
      : null;
  return h(
    'div',
    { class: 'cluster' },
    h('h2', {}, label(cluster, lang)),
    telling.length ? h('section', { class: 'said' }, h('h3', {}, t('clusterSaid', lang)), mentionList(telling, open, lang)) : null,
    rows.length === 0 ? h('p', { class: 'empty' }, t(directPlaces.length ? 'noPlatformsButPlaces' : 'noPlatforms', lang)) : null,
    rows.length > 0 && direct.length === 0
      ? h(
          'p',
          { class: 'empty no-direct' },
          t(directPlaces.length ? 'noDirectButPlaces' : 'noDirect', lang).replace('{routes}', t(reachedThrough(indirect.map(([via]) => via)), lang)),
        )
      : null,
    ...direct.map(([via, list]) => routeSection(via, list)),
    placeSection(
      directPlaces,
      'PLACE',
      'placesServing',
      t('placesNotPlatforms', lang).replace('{kinds}', PLATFORM_KINDS.map((k) => kindLabel(k, lang)).join(lang === 'zh' ? '、' : ', ')),
    ),
    ...field.map(([via, list]) => routeSection(via, list)),
    placeSection(fieldPlaces, 'PLACE_FIELD', 'placesThroughField', t('placesThroughFieldNote', lang)),
    ...program.map(([via, list]) => routeSection(via, list)),
  );
}

export function cityPanel(profile: CityProfile, lang: Lang, select: (id: string) => void): HTMLElement {
  return h(
    'div',
    { class: 'city' },
    h('h2', {}, label(profile.city, lang)),
    ...profile.groups.map((g) =>
      h(
        'section',
        {},
        h('h3', {}, `${kindLabel(g.kind, lang)} (${g.entities.length})`),
        h('ul', {}, ...g.entities.map((e) => h('li', {}, selecting(e, lang, select)))),
      ),
    ),
    profile.links.length
      ? h(
          'section',
          {},
          h('h3', {}, t('cityLinks', lang)),
          // The other end a link to it, as in the lists above: its panel quotes the sentence the link is read from.
          h(
            'ul',
            { class: 'city-links' },
            ...profile.links.map((l) =>
              statement(l.relation, [l.local, l.other], lang, (e) => (e.id === l.other.id ? selecting(e, lang, select) : label(e, lang)), 'li'),
            ),
          ),
        )
      : null,
    // A city the plan only names (潮州, 梅州): said so, with the way to where it names it (the city's own
    // panel quotes those sentences). Left blank under its name, it read as a city the plan never mentions.
    profile.groups.length === 0 && profile.links.length === 0
      ? h('p', { class: 'nothing-stated' }, t('cityNothingStated', lang), ' ', selecting(profile.city, lang, select))
      : null,
  );
}

/** The most frequent of some years: the year a column of the table stands for. */
function usualYear(years: (number | null | undefined)[]): number | null {
  const counts = new Map<number, number>();
  for (const year of years) if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The indicators as full-width tables, one per table of the plan, each under where the plan sets it
 * out (its box's path, a tap opens it in the reader): baseline → target, each row's bars on its own
 * scale, a row's name opening its row in the reader, with the plan's notes: a note about one row
 * under its name (what a growth rate averages, what a count adds up), a note about them all under
 * the table, a baseline of another year than its column's dated.
 */
export function indicatorsPanel(indicators: IndicatorRow[], lang: Lang, open: OpenReader): HTMLElement {
  const tables = new Map<string, IndicatorRow[]>();
  for (const indicator of indicators) {
    const key = indicator.table?.id ?? '';
    tables.set(key, [...(tables.get(key) ?? []), indicator]);
  }
  // Two plans' tables are told apart by the plan's title.
  const plans = new Set(indicators.map((i) => i.table?.document.id));
  return h(
    'div',
    { class: 'indicators' },
    h('h2', {}, t('indicators', lang)),
    ...[...tables.values()].map((rows) => indicatorTable(rows, lang, open, plans.size > 1)),
  );
}

function indicatorTable(indicators: IndicatorRow[], lang: Lang, open: OpenReader, titled: boolean): HTMLElement {
  const [from, to] = [usualYear(indicators.map((i) => i.baselineYear)), usualYear(indicators.map((i) => i.targetYear))];
  const table = indicators[0]?.table;
  // The notes about the whole table, once each, whichever rows they came with.
  const general = [...new Map(indicators.flatMap((i) => notesAsRead(i.tableNotes, i.tableNotesEn, lang)).map((n) => [n.zh, n])).values()];
  const rows = indicators.map((i) => {
    const max = Math.max(i.baseline ?? 0, i.target ?? 0) || 1;
    const share = (value: number | null | undefined) => (((value ?? 0) / max) * 100).toFixed(1);
    // Widths go through the style object: the page's Content-Security-Policy refuses style attributes.
    const bar = (kind: string, value: number | null | undefined) => {
      const element = h('div', { class: `bar ${kind}` });
      element.style.width = `${share(value)}%`;
      return element;
    };
    const target = targetLabel(i, lang);
    const unit = unitLabel(i.unit ?? '', lang);
    const bars = h('div', { class: 'track', title: `${i.baselineText ?? '—'} → ${target} ${unit}` }, bar('target', i.target), bar('baseline', i.baseline));
    const row = i.tableRow;
    const name = table && row ? button({ class: 'link', title: t('readRow', lang) }, label(i, lang), () => open(table.id, row)) : label(i, lang);
    return h(
      'tr',
      { 'data-id': i.id },
      h('td', {}, name, ...notesAsRead(i.notes, i.notesEn, lang).map((note) => noteElement('div', 'row-note', note, lang))),
      h('td', { class: 'num' }, i.baselineText ?? '', i.baselineYear && i.baselineYear !== from ? h('span', { class: 'year' }, ` (${i.baselineYear})`) : null),
      h('td', { class: 'arrow' }, '→'),
      h('td', { class: 'num' }, target),
      h('td', { class: 'unit' }, unit),
      h('td', { class: 'bars' }, bars),
    );
  });
  const where = table ? [titled ? table.document.title : null, table.path].filter(Boolean).join(' · ') : null;
  return h(
    'section',
    { class: 'indicator-table' },
    table && where
      ? h(
          'p',
          { class: 'table-source' },
          t('tableSource', lang),
          button({ class: 'link', title: t('openReader', lang) }, where, () => open(table.id, table)),
        )
      : null,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, t('indicator', lang)),
          h('th', { class: 'num' }, String(from ?? '')),
          h('th', {}, ''),
          h('th', { class: 'num' }, String(to ?? '')),
          h('th', {}, t('unit', lang)),
          // The bars' key: the light bar is the baseline, the dark one the target.
          h('th', {}, h('span', { class: 'key baseline' }), ` ${from ?? ''} → `, h('span', { class: 'key target' }), ` ${to ?? ''}`),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    general.length
      ? h('p', { class: 'table-note' }, t('tableNote', lang), ...general.flatMap((note, i) => [i > 0 ? ' ' : null, noteElement('span', 'note', note, lang)]))
      : null,
  );
}

interface NoteAsRead {
  /** the note as the plan writes it */
  zh: string;
  /** its curated English rendering, where the reader reads English and every note of its list has one */
  en: string | null;
}

/** A list of the plan's notes, in English only where each of them has its gloss (ingest writes all or none). */
function notesAsRead(notes: readonly string[], english: readonly string[], lang: Lang): NoteAsRead[] {
  const glossed = lang === 'en' && english.length === notes.length;
  return notes.map((zh, i) => ({ zh, en: glossed ? english[i]! : null }));
}

/** A note in the reader's language where it has a gloss, the plan's own words over it; else as the plan writes it. */
function noteElement(tag: string, className: string, note: NoteAsRead, lang: Lang): HTMLElement {
  if (note.en === null) return h(tag, { class: className, lang: 'zh' }, note.zh);
  return h(tag, { class: className, lang: 'en', title: `${t('planWords', lang)}${note.zh}` }, note.en);
}
