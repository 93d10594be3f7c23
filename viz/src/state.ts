// What the explorer shows, and its URL: every view can be linked to and reopened,
// and the browser's back and forward buttons walk through views.
import { KINDS, RELATION_TYPE_NAMES, parseRelationId, type EntityKind, type RelationType } from '../../ingest/model.ts';

export type View = 'start' | 'entity' | 'city' | 'path' | 'cluster' | 'indicators' | 'compare';
/** `auto` is the view's own arrangement (a map, bands, a chain); the others override it. */
export type Layout = 'auto' | 'geo' | 'force' | 'concentric';
export type Lang = 'zh' | 'en';
/** What a node's fill tells: its kind, or the plans that name it. */
export type ColorBy = 'kind' | 'document';

export interface AppState {
  view: View;
  /** the selected entity */
  selected: string | null;
  /** the selected link, by its relation's id (its panel shows the sentences that state it): a link to it shows why two things are linked */
  link: string | null;
  /** a sentence of the plan opened from search, by its id: its panel shows it and what it names */
  sentence: string | null;
  /** entities whose neighbours are shown */
  expanded: string[];
  city: string | null;
  pathFrom: string | null;
  pathTo: string | null;
  cluster: string | null;
  /** the two plans the compare view sets side by side */
  compareA: string | null;
  compareB: string | null;
  /** the plans shown; empty shows every plan loaded */
  documents: string[];
  colorBy: ColorBy;
  lang: Lang;
  layout: Layout;
  /** kinds and relation types hidden by the filters */
  hiddenKinds: EntityKind[];
  hiddenTypes: RelationType[];
  onlyCited: boolean;
  minConfidence: number;
}

export const DEFAULT_STATE: AppState = {
  view: 'start',
  selected: null,
  link: null,
  sentence: null,
  expanded: [],
  city: null,
  pathFrom: null,
  pathTo: null,
  cluster: null,
  compareA: null,
  compareB: null,
  documents: [],
  colorBy: 'kind',
  lang: 'zh',
  layout: 'auto',
  hiddenKinds: [],
  hiddenTypes: [],
  onlyCited: false,
  minConfidence: 0,
};

export const VIEW_NAMES: View[] = ['start', 'entity', 'city', 'path', 'cluster', 'indicators', 'compare'];
const LAYOUTS: Layout[] = ['auto', 'geo', 'force', 'concentric'];

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  return value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * The name an export of a view's picture is saved under: the view, what it is of and what the
 * reader expanded in it (innograph-city-shenzhen; innograph-cluster-new-energy, not
 * …-cluster-cluster-new-energy; innograph-start-with-shenzhen-dongguan, where two expansions of
 * the start view were saved under one name).
 */
export function fileStem(state: AppState): string {
  const of = [state.city, state.cluster, state.pathFrom, state.pathTo, state.compareA, state.compareB]
    .filter((id): id is string => !!id)
    .map((id) => (id.startsWith(`${state.view}-`) ? id.slice(state.view.length + 1) : id));
  const expanded = state.expanded.length > 0 ? ['with', ...state.expanded] : [];
  return ['innograph', state.view, ...of, ...expanded].join('-').replace(/[^\w.-]+/g, '_');
}

/** Whether the reader chose one thing for the panel to show: an entity, a link or a sentence (at most one of them is set). */
export const chosen = (state: Pick<AppState, 'selected' | 'link' | 'sentence'>): boolean => !!(state.selected || state.link || state.sentence);

/**
 * The entities the reader's choice is about, which the picture holds for it: the selected entity,
 * or a selected link's two ends (a laboratory found by search stays when its link is chosen).
 */
export function chosenEntities(state: Pick<AppState, 'selected' | 'link'>): string[] {
  if (state.selected) return [state.selected];
  const link = state.link ? parseRelationId(state.link) : null;
  return link ? [link.from, link.to] : [];
}

/** Only what differs from the defaults goes into the URL, so links stay short. */
export function toQuery(state: AppState): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null, fallback: string | null) => {
    if (value !== null && value !== fallback && value !== '') params.set(key, value);
  };
  put('view', state.view, DEFAULT_STATE.view);
  put('sel', state.selected, null);
  put('link', state.link, null);
  put('sentence', state.sentence, null);
  put('exp', state.expanded.join(','), '');
  put('city', state.city, null);
  put('from', state.pathFrom, null);
  put('to', state.pathTo, null);
  put('cluster', state.cluster, null);
  put('a', state.compareA, null);
  put('b', state.compareB, null);
  put('docs', state.documents.join(','), '');
  put('color', state.colorBy, DEFAULT_STATE.colorBy);
  put('lang', state.lang, DEFAULT_STATE.lang);
  put('layout', state.layout, DEFAULT_STATE.layout);
  put('hideKinds', state.hiddenKinds.join(','), '');
  put('hideTypes', state.hiddenTypes.join(','), '');
  put('cited', state.onlyCited ? '1' : null, null);
  put('minConf', state.minConfidence > 0 ? String(state.minConfidence) : null, null);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function fromQuery(search: string): AppState {
  const params = new URLSearchParams(search);
  const confidence = Number(params.get('minConf') ?? '0');
  return {
    view: oneOf(params.get('view'), VIEW_NAMES, DEFAULT_STATE.view),
    selected: params.get('sel'),
    // One thing is selected: an entity, or else a link, or else a sentence.
    link: params.get('sel') ? null : params.get('link'),
    sentence: params.get('sel') || params.get('link') ? null : params.get('sentence'),
    expanded: (params.get('exp') ?? '').split(',').filter(Boolean),
    city: params.get('city'),
    pathFrom: params.get('from'),
    pathTo: params.get('to'),
    cluster: params.get('cluster'),
    compareA: params.get('a'),
    compareB: params.get('b'),
    documents: (params.get('docs') ?? '').split(',').filter(Boolean),
    colorBy: oneOf(params.get('color'), ['kind', 'document'] as const, DEFAULT_STATE.colorBy),
    lang: oneOf(params.get('lang'), ['zh', 'en'] as const, DEFAULT_STATE.lang),
    layout: oneOf(params.get('layout'), LAYOUTS, DEFAULT_STATE.layout),
    hiddenKinds: list(params.get('hideKinds'), KINDS),
    hiddenTypes: list(params.get('hideTypes'), RELATION_TYPE_NAMES),
    onlyCited: params.get('cited') === '1',
    minConfidence: Number.isFinite(confidence) && confidence >= 0 && confidence <= 1 ? confidence : 0,
  };
}
