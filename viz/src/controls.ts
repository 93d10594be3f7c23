// The page's controls bound to the store's actions, and kept in step with the state.
import { KINDS, RELATION_TYPE_NAMES, type EntityKind, type RelationType } from '../../ingest/model.ts';
import { label } from './graph-data.ts';
import { fill, h, setText } from './dom.ts';
import { LAYOUTS, kindLabel, t, typeLabel } from './messages.ts';
import { suggest } from './search.ts';
import type { AppState, Lang, Layout } from './state.ts';
import type { Store } from './store.ts';
import { documentsFilter } from './first-questions.ts';
import type { DocumentInfo, Entity, SentenceHit } from './types.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface Lists {
  clusters: Entity[];
  /** with the registry's pinyin of each name, the order a Chinese reader looks them up in */
  cities: (Entity & { pinyin: string })[];
  /** the plans loaded, as the server lists them */
  documents: DocumentInfo[];
}

/** The ends of a path the reader picked in its two boxes, or the path shown has: a pick of one asks the path from the other. */
const pathEnds: { from: string | null; to: string | null } = { from: null, to: null };
/** The path whose ends last opened their section. */
let endsOpened: string | null = null;

/**
 * The path shown, named in its two boxes: opened from a link, it left them empty, their examples
 * (A: 深圳) reading as the ends. A box the reader is typing in keeps their words.
 */
export function showPathEnds(ends: [Entity, Entity], lang: Lang): void {
  for (const [end, id] of [
    [ends[0], 'path-from'],
    [ends[1], 'path-to'],
  ] as const) {
    const box = $<HTMLInputElement>(id);
    if (document.activeElement !== box) box.value = label(end, lang);
  }
  [pathEnds.from, pathEnds.to] = [ends[0].id, ends[1].id];
  // A path not shown before opens the boxes' section, folded until then (a link's path too): the
  // reader sees which ends are shown, and may change one. One the reader folded stays folded.
  const key = `${ends[0].id} ${ends[1].id}`;
  if (key !== endsOpened) ($('path-from').closest('details') as HTMLDetailsElement).open = true;
  endsOpened = key;
}

export function bindControls(
  store: Store,
  status: (message: string, kind: 'error') => void,
  exports: Record<'png' | 'json' | 'graphml', () => void>,
  fit: () => void,
  closePanel: () => void,
): void {
  const { actions } = store;
  const lang = () => store.get().lang;
  const fail = (message: string) => status(message, 'error');
  // A sentence picked in the search box shows in the side panel, its id in the address, until something else is chosen.
  const read = (sentence: SentenceHit['sentence']) => actions.readSentence(sentence.id);
  const plans = () => documentsFilter(store.get());
  suggest(
    $('search'),
    $('suggestions'),
    lang,
    (e) => {
      $('search').dataset.found = e.id;
      actions.open(e);
    },
    fail,
    plans,
    read,
  );
  pathEnds.from = store.get().pathFrom;
  pathEnds.to = store.get().pathTo;
  const tryPath = () => {
    const { from, to } = pathEnds;
    if (!from || !to) return;
    // A path from a place to itself is no question: the view shown stays, and the reader is told why.
    if (from === to) return fail(t('samePathEnds', lang()));
    actions.openPath(from, to);
    // Like a choice in the side list: on a phone the drawer closes so that the path is seen.
    document.body.dataset.drawer = 'closed';
  };
  suggest($('path-from'), $('path-from-suggestions'), lang, (e) => ((pathEnds.from = e.id), tryPath()), fail, plans);
  suggest($('path-to'), $('path-to-suggestions'), lang, (e) => ((pathEnds.to = e.id), tryPath()), fail, plans);
  $('lang').addEventListener('click', actions.toggleLang);
  $('layout').addEventListener('change', (event) => actions.setLayout((event.target as HTMLSelectElement).value as Layout));
  $('fit').addEventListener('click', fit);
  $('home').addEventListener('click', actions.home);
  $('show-indicators').addEventListener('click', actions.showIndicators);
  $('png').addEventListener('click', exports.png);
  $('json').addEventListener('click', exports.json);
  $('graphml').addEventListener('click', exports.graphml);
  $('close-panel').addEventListener('click', closePanel);
  // Scrolled, the panel's bar turns opaque (explorer.css): its words pass under the bar, not under the ×.
  $('panel').addEventListener('scroll', () => $('panel').classList.toggle('scrolled', $('panel').scrollTop > 0), { passive: true });
  $('menu').addEventListener('click', () => {
    document.body.dataset.drawer = document.body.dataset.drawer === 'open' ? 'closed' : 'open';
  });
  // Drawers close as drawers do: the menu's on a tap beside it (on the veil over the graph, so the
  // tap selects nothing there), and on Esc, which then closes the plan's reader if it is open (it
  // closed the whole panel, the reader's quote with it), else the panel as its × does (an Esc that
  // closed a list of suggestions was taken).
  $('scrim').addEventListener('click', () => (document.body.dataset.drawer = 'closed'));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const closeReader = document.querySelector<HTMLElement>('#reader .close');
    if (document.body.dataset.drawer === 'open') document.body.dataset.drawer = 'closed';
    else if (closeReader) closeReader.click();
    else if (document.body.dataset.panel === 'open') $('close-panel').click();
  });
  // A choice in the side list closes the drawer on a phone, so the graph is seen.
  $('sidebar').addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('button.item, #show-indicators, #compare')) document.body.dataset.drawer = 'closed';
  });
  $('documents').addEventListener('change', (event) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('#documents input')];
    const checked = boxes.filter((i) => i.checked).map((i) => i.value);
    // At least one plan stays shown: an empty picture would say nothing.
    if (checked.length === 0) {
      (event.target as HTMLInputElement).checked = true;
      return;
    }
    actions.showDocuments(checked.length === boxes.length ? [] : checked);
  });
  $('color-by-document').addEventListener('change', (event) => actions.colorBy((event.target as HTMLInputElement).checked ? 'document' : 'kind'));
  $('compare').addEventListener('click', () => {
    const a = $<HTMLSelectElement>('compare-a').value;
    const b = $<HTMLSelectElement>('compare-b').value;
    if (a && b && a !== b) actions.openCompare(a, b);
  });
  $('only-cited').addEventListener('change', (event) => actions.filter({ onlyCited: (event.target as HTMLInputElement).checked }));
  $('min-confidence').addEventListener('change', (event) => actions.filter({ minConfidence: Number((event.target as HTMLInputElement).value) }));
  // The value is said while the slider moves; the picture is filtered once it is let go.
  $('min-confidence').addEventListener('input', (event) =>
    setText($('min-confidence-value'), confidenceText(Number((event.target as HTMLInputElement).value))),
  );
  $('kind-filters').addEventListener('change', () => {
    const hidden = [...document.querySelectorAll<HTMLInputElement>('#kind-filters input')].filter((i) => !i.checked).map((i) => i.value as EntityKind);
    actions.filter({ hiddenKinds: hidden });
  });
  $('type-filters').addEventListener('change', () => {
    const hidden = [...document.querySelectorAll<HTMLInputElement>('#type-filters input')].filter((i) => !i.checked).map((i) => i.value as RelationType);
    actions.filter({ hiddenTypes: hidden });
  });
}

/** A confidence as the slider says it: one decimal, as its steps are. */
const confidenceText = (value: number) => value.toFixed(1);

export function syncControls(state: AppState, lists: Lists, store: Store, geographic: boolean): void {
  const { lang } = state;
  setText($('lang'), t('otherLang', lang));
  $<HTMLSelectElement>('layout').value = state.layout;
  for (const option of $<HTMLSelectElement>('layout').options) setText(option, LAYOUTS[option.value as Layout][lang]);
  setText($('fit'), t('fit', lang));
  // The map is offered only where there is geography.
  $<HTMLOptionElement>('layout-geo').disabled = !geographic;
  $<HTMLInputElement>('only-cited').checked = state.onlyCited;
  $<HTMLInputElement>('min-confidence').value = String(state.minConfidence);
  setText($('min-confidence-value'), confidenceText(state.minConfidence));
  setText($('hint'), t('startHint', lang));
  $<HTMLInputElement>('path-from').placeholder = t('pathFromExample', lang);
  $<HTMLInputElement>('path-to').placeholder = t('pathToExample', lang);
  $('home').title = t('backToMap', lang);
  setText($('only-cited-text'), t('onlyCited', lang));
  setText($('min-confidence-text'), t('minConfidence', lang));
  setText($('min-confidence-note'), t('minConfidenceNote', lang));
  if (document.body.dataset.view !== state.view) document.body.dataset.view = state.view;
  // The search box names what it found while that is what is shown: another choice (光明科学城 in 深圳's
  // city view, a cluster in the side list) empties it, or it would name something no longer there.
  const search = $<HTMLInputElement>('search');
  const found = search.dataset.found;
  if (found && document.activeElement !== search && !(state.selected === found || (state.selected === null && [state.city, state.cluster].includes(found)))) {
    search.value = '';
    delete search.dataset.found;
  }
  const checkbox = (value: string, text: string, on: boolean) =>
    h('label', {}, h('input', on ? { type: 'checkbox', value, checked: '' } : { type: 'checkbox', value }), ` ${text}`);
  fill($('kind-filters'), JSON.stringify([lang, state.hiddenKinds]), () => [
    h('legend', {}, t('kinds', lang)),
    ...KINDS.map((k) => checkbox(k, kindLabel(k, lang), !state.hiddenKinds.includes(k))),
  ]);
  fill($('type-filters'), JSON.stringify([lang, state.hiddenTypes]), () => [
    h('legend', {}, t('relationTypes', lang)),
    ...RELATION_TYPE_NAMES.map((r) => checkbox(r, typeLabel(r, lang), !state.hiddenTypes.includes(r))),
  ]);
  renderLists(state, lists, store);
}

export function renderLists(state: AppState, lists: Lists, store: Store): void {
  const item = (entity: Entity, onClick: () => void, active: boolean) => {
    const button = h(
      'button',
      { type: 'button', class: `item${active ? ' active' : ''}`, 'data-id': entity.id },
      state.lang === 'en' && entity.nameEn ? entity.nameEn : entity.name,
    );
    button.addEventListener('click', onClick);
    return h('li', {}, button);
  };
  const ids = (list: Entity[]) => list.map((e) => e.id);
  const cluster = state.view === 'cluster' ? state.cluster : null;
  fill($('clusters'), JSON.stringify([state.lang, cluster, ids(lists.clusters)]), () =>
    lists.clusters.map((c) => item(c, () => store.actions.openCluster(c.id), c.id === cluster)),
  );
  const city = state.view === 'city' ? state.city : null;
  // In Chinese by the registry's pinyin (广州 before 揭阳, 汕头 before 深圳): an ICU pinyin collator
  // would order them alike, but making one took 40–50 ms of the first picture's main thread.
  const key = (c: Lists['cities'][number]) => (state.lang === 'zh' ? c.pinyin : label(c, state.lang).toLowerCase());
  fill($('cities'), JSON.stringify([state.lang, city, ids(lists.cities)]), () =>
    [...lists.cities].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((c) => item(c, () => store.actions.openCity(c.id), c.id === city)),
  );
  renderPlans(state, lists.documents);
}

/** The plan picker (every plan shown unless the reader picked some), colour by plan, and the two plans to compare. */
function renderPlans(state: AppState, documents: DocumentInfo[]): void {
  const { lang } = state;
  const shown = (id: string) => state.documents.length === 0 || state.documents.includes(id);
  const plans = documents.map((d) => [d.id, d.title]);
  fill($('documents'), JSON.stringify([lang, state.documents, plans]), () => [
    h('legend', {}, t('plans', lang)),
    ...documents.map((d) => h('label', {}, h('input', { type: 'checkbox', value: d.id, ...(shown(d.id) ? { checked: '' } : {}) }), ` ${d.title}`)),
  ]);
  $<HTMLInputElement>('color-by-document').checked = state.colorBy === 'document';
  setText($('color-by-document-text'), ` ${t('colorByPlan', lang)}`);
  setText($('compare-title'), t('comparePlans', lang));
  setText($('compare'), t('compare', lang));
  const options = (chosen: string | undefined) => documents.map((d) => h('option', { value: d.id, ...(d.id === chosen ? { selected: '' } : {}) }, d.title));
  const [a, b] = [state.compareA ?? documents[0]?.id, state.compareB ?? documents[1]?.id];
  fill($('compare-a'), JSON.stringify([a, plans]), () => options(a));
  fill($('compare-b'), JSON.stringify([b, plans]), () => options(b));
  // With one plan loaded there is nothing to pick or compare.
  $('plans-box').hidden = documents.length < 2;
}
