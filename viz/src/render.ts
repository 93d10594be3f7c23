// From the state to the screen: which view to load, whether the picture is new, changed or
// only selected in, and what the panel says. A selection never moves the picture; an
// expansion or a filter changes it in place; a new view is laid out afresh (or as it was,
// when the reader comes Back to it).
import { ApiError, prefetch, request } from './api.ts';
import { button, fill, isDrawer } from './dom.ts';
import { showPathEnds } from './controls.ts';
import { RETRYABLE, retryDelay } from './backoff.ts';
import { drawnKinds, legend } from './legend.ts';
import { edgePanel, entityPanel, readerPanel, sentencePanel, type OpenReader, type PanelActions } from './panels.ts';
import { filtered, hostedIn, merge, offMap, pointed, sited, toElements, within, without, type Colouring, type GraphData } from './graph-data.ts';
import { FETCHING, t } from './messages.ts';
import { NEIGHBOURS_ASKED, type Result } from '../../api/explorer-operations.ts';
import type { Scene, Arrangement } from './scene.ts';
import type { Whereabouts } from './expansion.ts';
import { NODE_BORDERS, shapeSize } from './style.ts';
import { outlineOf, pastFrame, siteOf, type Position, type Siting } from './geo.ts';
import { expandedWith, pictureKey, viewKey, type Store } from './store.ts';
import { chosen, chosenEntities, toQuery, type AppState, type Lang } from './state.ts';
import type { Underlay } from './underlay.ts';
import { documentsFilter } from './first-questions.ts';
import { heldAfter, neighbourQuestion, type HeldNeighbours } from './expansions.ts';
import { VIEWS, type Fetch, type Loaded } from './views.ts';
import type { Arranged } from './arrangements.ts';
import type { DocumentInfo, Entity, Relation } from './types.ts';
import { nextTask } from './next-task.ts';

const $ = (id: string) => document.getElementById(id)!;

/** A question answered sooner says nothing in the status line: it is over before a reader could read that it is under way. */
const LOADING_SAID_AFTER_MS = 300;

export interface Renderer {
  render(state: AppState, previous: AppState | null): Promise<void>;
  graph(): GraphData;
  shown(): GraphData;
  /** Whether the picture is drawn on the base map, where a place's standing says where it is. */
  onMap(): boolean;
  status(message: string, kind?: 'busy' | 'error' | 'idle'): void;
  /** The panel's ×: closes it, letting go of the selection, until the reader selects or opens something. */
  closePanel(): void;
}

export interface Sources {
  clusters: () => Promise<Entity[]>;
  /** the plans loaded, as the server lists them */
  documents: () => Promise<DocumentInfo[]>;
}

export function createRenderer(store: Store, scene: Scene, underlay: Underlay, { clusters, documents }: Sources): Renderer {
  let graph: GraphData = { nodes: new Map(), edges: new Map() };
  /** The entities the picture holds only because they are chosen (from outside the view, chosenEntities): they go with the choice. */
  let joined: string[] = [];
  let shown: GraphData = graph;
  let onMap = false;
  let loaded: Loaded | null = null;
  let loadedKey = '';
  /** The entities removed when the picture was last drawn: not in the URL's state, yet the picture is without them. */
  let drawnWithout = '';
  const removedKey = () => [...store.removed()].sort().join(' ');
  let rendering = 0;
  /** Pictures the reader left, by URL state: Back shows them as they were. */
  const remembered = new Map<string, { positions: Map<string, { x: number; y: number }>; zoom: number; pan: { x: number; y: number } }>();

  const status = (message: string, kind: 'busy' | 'error' | 'idle' = 'idle') => {
    const bar = $('status');
    // Written only when it changes: each write has the page repainted.
    if (bar.textContent === message && bar.dataset.kind === kind) return;
    bar.textContent = message;
    bar.dataset.kind = kind;
  };

  /**
   * A request with the status line; while the database is away or busy it says so and tries again,
   * less and less often, then gives up. That it is loading, it says only once the answer is slow in
   * coming: shown for the 50 ms an answer takes, the line could not be read, and showing and hiding
   * it repainted the page twice in each expansion.
   */
  const fetch: Fetch = async (what, operation, ...variables) => {
    for (let attempt = 0; ; attempt += 1) {
      const saying = window.setTimeout(() => status(`${t('loading', store.get().lang)}${FETCHING[what][store.get().lang]}…`, 'busy'), LOADING_SAID_AFTER_MS);
      try {
        const result = await request(operation, ...variables);
        window.clearTimeout(saying);
        status('');
        return result;
      } catch (error) {
        window.clearTimeout(saying);
        const code = error instanceof ApiError ? error.code : 'ERROR';
        const wait = RETRYABLE.has(code) ? retryDelay(attempt, error instanceof ApiError ? error.retryAfter : null) : null;
        if (wait !== null) {
          status(t('retrying', store.get().lang), 'error');
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        // An id the graph does not hold (an old or mistyped address) is the reader's to fix: said in their language.
        const message =
          error instanceof ApiError && error.code === 'NOT_FOUND'
            ? `${t('notFound', store.get().lang)}${error.id ? ` (${error.id})` : ''}`
            : error instanceof Error
              ? error.message
              : String(error);
        status(`${FETCHING[what][store.get().lang]}: ${message}`, 'error');
        return null;
      }
    }
  };

  /** What the panel shows (a view's overview, an entity, a link): shown again, it keeps where the reader scrolled. */
  let panelSubject = '';
  /**
   * The reader closed the panel: a view's overview does not open in its place. Closing an entity's
   * panel opened the city's overview instead, and on a phone the drawer stayed over the map.
   */
  let dismissed = false;
  /**
   * The entity question last asked, answered or on its way. Asked again while that entity's panel is
   * shown or about to be (a double-click's second click, its expansion, the other language), it is
   * taken rather than asked: a reader expands what they selected, and the question sent again came
   * back after the newcomers landed. A failed one is asked again.
   */
  let entityAnswer: { id: string; data: Promise<Result<'entity'> | null> } | null = null;
  const panel = (content: HTMLElement | null, subject = '') => {
    if (entityAnswer && subject !== `entity ${entityAnswer.id}`) entityAnswer = null;
    $('details').replaceChildren(...(content ? [content] : []));
    // Scrolled past its heading, the panel still says whose it is (on a phone, a drawer of quotes said nothing).
    $('panel-title').textContent = content?.querySelector('h2')?.textContent ?? '';
    document.body.dataset.panel = content ? 'open' : 'closed';
    // Something else opens at its top: its name and kind, not halfway down where the last one was
    // read; and without the sentence the reader opened from the last one, which stayed over a
    // cluster's panel as if it were evidence of the cluster.
    if (subject !== panelSubject) {
      $('reader').replaceChildren();
      reading = null;
      $('panel').scrollTop = 0;
    }
    panelSubject = subject;
  };

  /** The reader open, to be drawn again in the other language (its head said 原文 / 收起原文 over an English panel). */
  let reading: { show: (lang: Lang) => void } | null = null;
  const openReader: OpenReader = (sectionId, evidence) => {
    // Closed, the reader gives the reader back the place in the panel they opened it from, and the
    // focus to the quote it was opened with (a keyboard's reader was left on a quote out of sight).
    const from = $('panel').scrollTop;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void fetch('section', 'section', { id: sectionId }).then((data) => {
      if (!data?.section) return;
      const section = data.section;
      const reader = $('reader');
      const close = () => {
        reader.replaceChildren();
        reading = null;
        $('panel').scrollTop = from;
        if (opener?.isConnected) opener.focus({ preventScroll: true });
      };
      reading = { show: (lang) => reader.replaceChildren(readerPanel(section, evidence, lang, close)) };
      reading.show(store.get().lang);
      document.body.dataset.panel = 'open';
      // The reader opens where the reader is looking: at the top of the panel, scrolled on only as
      // far as the words it marks need to be seen (row 7 of a table, in a phone's drawer, lay below).
      reader.scrollIntoView({ block: 'nearest' });
      const panel = $('panel');
      panel.scrollTop = 0;
      const [box, marked] = [panel.getBoundingClientRect(), reader.querySelector('mark')?.getBoundingClientRect()];
      if (marked && marked.bottom > box.bottom) panel.scrollTop = marked.top - box.top - box.height / 3;
      reader.querySelector<HTMLElement>('.close')?.focus({ preventScroll: true });
    });
  };

  /** What the view highlights of itself (a path view, every path): given back when the reader stops pointing at one path. */
  let ownHighlight: string[] = [];
  /** The places the last arrangement drew at the map's edge, with the arrow toward where each lies. */
  let beyond = new Map<string, string>();
  /** How the last arrangement drew the base map and its located places, if it drew a map: an expansion draws its newcomers alike. */
  let siting: Siting | null = null;
  const panelActions: PanelActions = {
    open: openReader,
    select: (id) => store.actions.find(id),
    highlight: (ids) => scene.highlight(ids ?? ownHighlight),
  };

  async function loadView(state: AppState): Promise<Loaded> {
    const key = JSON.stringify([
      state.view,
      state.city,
      state.cluster,
      state.pathFrom,
      state.pathTo,
      state.compareA,
      state.compareB,
      state.documents,
      state.view === 'path' ? state.onlyCited : null,
    ]);
    if (loaded && key === loadedKey) return loaded;
    const next = await VIEWS[state.view].load({ state, fetch, clusters, documents });
    loaded = next;
    loadedKey = key;
    return next;
  }

  /** The question for the neighbours of the entities `ids`: the expanded ones. */
  const neighboursOf = (state: AppState, ids: string[], among: string[] | null = null) => ({
    ids,
    depth: 1,
    kinds: null,
    types: null,
    documents: documentsFilter(state),
    ...(among ? { among } : {}),
  });
  /** The neighbours of the expanded entities last answered for, which the next expansion's question builds on. */
  let held: HeldNeighbours | null = null;
  const documentsKey = (state: AppState) => documentsFilter(state)?.join(' ') ?? null;
  const neighbourQuestionOf = (state: AppState, expanded: readonly string[]) => neighbourQuestion(held, expanded, documentsKey(state), performance.now());

  /** The expanded entities' neighbours, and the chosen entities from outside the view with their links to it (`joined`). */
  async function withExtras(state: AppState, base: GraphData): Promise<{ graph: GraphData; joined: string[] }> {
    let result = base;
    if (state.expanded.length > 0) {
      const question = neighbourQuestionOf(state, state.expanded);
      const data = await fetch('neighbours', 'neighborhood', neighboursOf(state, question.ids, question.among));
      if (data) {
        held = heldAfter(question, state.expanded, documentsKey(state), data.neighborhood, performance.now());
        result = merge(result, held.sub);
      }
    }
    const joining = chosenEntities(state).filter((id) => !result.nodes.has(id));
    let brought: string[] = [];
    if (joining.length > 0) {
      const data = await fetch('entity', 'neighborhood', neighboursOf(state, joining));
      // A link the graph does not hold (an address naming real ends of no such link) brings neither end.
      const linkHeld = !state.link || data?.neighborhood.edges.some((e) => e.id === state.link);
      if (data && linkHeld) {
        const keep = new Set([...result.nodes.keys(), ...joining]);
        result = merge(result, { nodes: data.neighborhood.nodes.filter((n) => keep.has(n.id)), edges: data.neighborhood.edges });
        brought = joining;
      }
    }
    return { graph: without(result, store.removed()), joined: brought };
  }

  /** What the view's own arrangement makes of what is shown, on the canvas as it is. */
  const arrangedNow = (view: Loaded, lang: Lang): Arranged => view.arrange(shown, lang, { width: scene.cy.width(), height: scene.cy.height() }, underlay.base);
  /** Whether the picture drawn has titles under it (a cluster's bands, a comparison's columns). */
  let titled = false;
  /** The titles of the picture drawn, in the language of `state`: where they stand does not depend on it. */
  function retitle(state: AppState, view: Loaded): void {
    underlay.titles(arrangedNow(view, state.lang).titles ?? []);
  }

  function arrangement(state: AppState, view: Loaded, key: string): { arrangement: Arrangement; viewport?: { zoom: number; pan: { x: number; y: number } } } {
    const back = remembered.get(key);
    const own = state.layout === 'auto' || (state.layout === 'geo' && view.geographic);
    const arranged: Arranged = own ? arrangedNow(view, state.lang) : { positions: new Map() };
    beyond = arranged.beyond ?? new Map();
    siting = own ? (arranged.siting ?? null) : null;
    underlay.map(siting?.projection ?? null, own ? arranged.marked : undefined, siting?.frame ?? null);
    underlay.titles(own ? (arranged.titles ?? []) : []);
    titled = own && !!arranged.titles?.length;
    if (back && [...shown.nodes.keys()].every((id) => back.positions.has(id)))
      return {
        arrangement: { kind: 'preset', positions: back.positions, sides: arranged.sides, columnGap: arranged.columnGap, rowGap: arranged.rowGap },
        viewport: back,
      };
    if (own)
      return {
        arrangement: {
          kind: 'preset',
          positions: arranged.positions,
          fitWidth: arranged.fitWidth,
          sides: arranged.sides,
          columnGap: arranged.columnGap,
          rowGap: arranged.rowGap,
        },
      };
    return { arrangement: { kind: state.layout === 'concentric' ? 'concentric' : 'force' } };
  }

  /**
   * A legend an expansion grew (kinds and links it had not drawn) folds rather than cover what was
   * shown under its new part: the picture keeps its places, and the reader unfolds the legend at will.
   */
  function foldLegendOverShown(before: DOMRect): void {
    const box = $('legend-box') as HTMLDetailsElement;
    const after = box.getBoundingClientRect();
    if (!box.open || after.height <= before.height) return;
    const canvas = $('graph').getBoundingClientRect();
    // A node's shape reaches this far from its centre, at most (a city's, on a desktop, its outline included).
    const reach = shapeSize('City', 1) / 2 + NODE_BORDERS.plain.width;
    const under = (r: DOMRect, x: number, y: number) => x + reach > r.left && x - reach < r.right && y + reach > r.top && y - reach < r.bottom;
    const covers = [...scene.positions().keys()].some((id) => {
      const p = scene.onScreen(id);
      // Under the legend's new part only: one the reader moved under the old part is theirs to move.
      return !!p && under(after, canvas.left + p.x, canvas.top + p.y) && !under(before, canvas.left + p.x, canvas.top + p.y);
    });
    if (!covers) return;
    box.open = false;
    // Folded, it says why: what the picture now draws has entries the reader has not seen.
    const note = $('legend-new');
    note.textContent = t('legendGrown', store.get().lang);
    note.hidden = false;
  }

  /** The panel of render `ticket`'s state, unless a later render has begun by the time its answer is in: that one shows its own. */
  async function showSelection(state: AppState, view: Loaded, ticket: number, asked?: ReturnType<typeof askEntity>): Promise<void> {
    const id = state.selected;
    if (!id && state.link && graph.edges.has(state.link)) return showEdge(state.link, ticket);
    if (!id && !state.link && state.sentence) return showSentence(state.sentence, ticket);
    if (!id) {
      panel(view.table || dismissed ? null : view.panel(state.lang, panelActions), `view ${viewKey(state)}`);
      return;
    }
    const data = await (asked ?? askEntity(id));
    // On a phone the panel is a drawer over the canvas's lower part: opened within a double-tap's
    // window, it took the second tap of one on a node it then covered (深圳, once the start view's
    // hint moved the map down). It waits the window out, and so does the start view's guide, which
    // the drawer shows once something is selected (explorer.css).
    if (isDrawer($('panel'))) await scene.tapSettled();
    // A double-click's selection answered after its expansion's panel was shown, and put back the
    // panel of the entity not yet expanded.
    if (ticket !== rendering) return;
    document.body.dataset.selected = 'yes';
    if (!data?.entity) return panel(null);
    panel(
      backToView(
        view,
        state.lang,
        entityPanel(data.entity, state.lang, {
          expanded: state.expanded.includes(id),
          // Nothing to add when every neighbour is in the picture already (a city in its own view).
          complete: data.entity.neighbors.length < NEIGHBOURS_ASKED && data.entity.neighbors.every((n) => graph.nodes.has(n.entity.id)),
          inView: (other) => shown.nodes.has(other),
          beyond: beyond.get(id),
          expand: () => store.actions.expand(id),
          collapse: () => store.actions.collapse(id),
          remove: () => store.actions.remove(id),
          ...panelActions,
        }),
      ),
      `entity ${id}`,
    );
  }

  /**
   * `content` (an entity's panel, a link's) with a way back to the view's own above it, where the view
   * has a subject: a cluster's platforms, a city's profile, a path's hops were otherwise reached only by
   * clicking the canvas's background, which a reader looking at the panel does not think of.
   */
  function backToView(view: Loaded, lang: Lang, content: HTMLElement): HTMLElement {
    if (!view.title || view.table) return content;
    const back = () => {
      if (chosen(store.get())) return store.actions.select(null);
      panel(view.panel(lang, panelActions), `view ${viewKey(store.get())}`);
    };
    content.prepend(button({ class: 'back-to-view link' }, t('backToView', lang).replace('{title}', view.title(lang)), back));
    return content;
  }

  const askEntity = (id: string) => {
    if (entityAnswer?.id !== id) {
      const asked = { id, data: fetch('entity', 'entity', { id }) };
      void asked.data.then((data) => {
        if (!data && entityAnswer === asked) entityAnswer = null;
      });
      entityAnswer = asked;
    }
    return entityAnswer.data;
  };

  async function render(state: AppState, previous: AppState | null): Promise<void> {
    const ticket = ++rendering;
    // The reader's action: the store renders as it changes.
    const actedAt = performance.now();
    // Whether a view is still loading, for people (the status line) and for tests (data-busy).
    document.body.dataset.busy = 'true';
    try {
      document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
      if (previous && previous.lang !== state.lang) reading?.show(state.lang);
      // The reader asked for the view shown again (its item in the side list, once its panel was
      // closed): its overview opens again. A state set to itself is only ever such a request.
      const askedAgain = previous !== null && previous !== state && toQuery(state) === toQuery(previous);
      if (chosen(state) || !previous || viewKey(state) !== viewKey(previous) || askedAgain) dismissed = false;
      // A selection changes the picture when it brings an entity from outside the view, or takes one away:
      // the picture is the one its URL gives (Back to the start view shows the start view).
      const choice = chosenEntities(state);
      const onlySelection =
        previous &&
        pictureKey(state) === pictureKey(previous) &&
        // Removing an entity changes the selection alone in the state: the picture changes all the same.
        removedKey() === drawnWithout &&
        choice.every((id) => graph.nodes.has(id)) &&
        joined.every((id) => choice.includes(id));
      if (onlySelection && loaded) {
        // A selection is marked as its panel is shown (showSelection).
        if (!state.selected) document.body.dataset.selected = chosen(state) ? 'yes' : 'no';
        if (state.link) void scene.selectLink(state.link);
        else void scene.select(state.selected, false);
        const panelShown = showSelection(state, loaded, ticket);
        // A selected entity is what the reader may expand next (its panel's button, or the second
        // click of a double-click): the question that would ask leaves now, after the panel's.
        if (state.selected && !loaded.table && !state.expanded.includes(state.selected)) {
          const question = neighbourQuestionOf(state, expandedWith(state.expanded, state.selected));
          prefetch('neighborhood', neighboursOf(state, question.ids, question.among));
        }
        await panelShown;
        // On a phone the panel is a drawer over the canvas's lower part: a node it now covers is
        // brought above it (it ended on the drawer's edge, its neighbours under it). Where nothing
        // covers it, as on a desktop, nothing moves.
        if (state.selected && store.get().selected === state.selected) await scene.select(state.selected, true, true);
        // A link likewise, once its panel is up.
        if (state.link && store.get().link === state.link) await scene.selectLink(state.link);
        return;
      }
      drawnWithout = removedKey();
      if (previous) {
        const cy = scene.cy;
        remembered.set(pictureKey({ ...previous, selected: null }), { positions: scene.positions(), zoom: cy.zoom(), pan: { ...cy.pan() } });
      }
      /** The entity this step expanded in the view already shown, if it expanded one. */
      const expanded = previous && viewKey(state) === viewKey(previous) ? state.expanded.find((id) => !previous.expanded.includes(id)) : undefined;
      // The selected entity's panel is asked for beside the picture's data, not after the picture is
      // drawn; an expansion's, once its neighbours are in: the server, answering both at once, was
      // slower with the neighbours the picture waits for (guangzhou's 250 ms beside its panel's,
      // 46 ms alone), and the panel's answer now travels while the newcomers fly out.
      let asked = state.selected && expanded === undefined ? askEntity(state.selected) : undefined;
      const view = await loadView(state);
      const next = await withExtras(state, view.graph);
      if (ticket !== rendering) return; // a newer navigation took over
      if (state.selected && expanded !== undefined) asked = askEntity(state.selected);
      ({ graph, joined } = next);
      shown = filtered(graph, state);
      document.body.dataset.arrangement = view.table ? 'table' : 'graph';
      $('title').textContent = view.title?.(state.lang) ?? t('title', state.lang);
      if (view.ends) showPathEnds(view.ends, state.lang);
      // The layout, the exports and Fit are of a picture: a table view has none to lay out, export or
      // fit, and an empty picture (an address naming nothing, filters hiding all) nothing to export or fit.
      const empty = shown.nodes.size === 0;
      for (const id of ['layout', 'fit', 'png', 'json', 'graphml']) {
        const button = $(id) as HTMLButtonElement | HTMLSelectElement;
        const off = view.table ? 'exportsOfPicture' : empty && id !== 'layout' ? 'nothingDrawn' : null;
        button.disabled = off !== null;
        button.title = off ? t(off, state.lang) : '';
      }
      $('table').replaceChildren(...(view.table ? [view.panel(state.lang, panelActions)].filter((e): e is HTMLElement => !!e) : []));
      const plans = await documents().catch(() => [] as DocumentInfo[]);
      const colouring = colouringOf(state, view, plans);
      /** The picture's elements, a place beyond the map named with the arrow toward it (as last arranged: an expansion keeps them). */
      const elementsOf = (drawn: GraphData) => {
        const elements = pointed(toElements(drawn, state.lang, colouring), beyond);
        return mapped ? sited(elements, drawn, siting) : offMap(elements);
      };
      // The panel opens before the layout, so the picture is fitted to the canvas it will have.
      document.body.dataset.panel = chosen(state) || (!dismissed && view.panel(state.lang, panelActions)) ? 'open' : 'closed';
      document.body.dataset.selected = chosen(state) ? 'yes' : 'no';
      scene.attach();
      const byPlan = colouring.by === 'document' ? { plans: plans.filter((d) => colouring.shown.has(d.id)), order: colouring.order } : null;
      // On the base map, the legend says which places stand where they are.
      const mapped = view.geographic && (state.layout === 'auto' || state.layout === 'geo');
      onMap = mapped;
      /** The legend of what is about to be drawn: it covers part of the canvas, which the fit and the newcomers' places keep clear of. */
      const showLegend = (drawn: GraphData) => {
        const { kinds, types } = drawnKinds(drawn);
        fill($('legend'), JSON.stringify([state.lang, kinds, types, byPlan, mapped]), () => [legend(state.lang, kinds, types, byPlan, mapped)]);
      };
      /**
       * On the base map, where the nodes of `drawn` belong: newcomers are placed there, not wherever
       * there is room; one located beyond what the map draws at its edge, its name pointing where it
       * lies (added to `beyond`, before the elements are made).
       */
      const whereabouts = (drawn: GraphData): Whereabouts | undefined => {
        const drawnWith = siting;
        if (!mapped || !drawnWith) return undefined;
        const at = new Map<string, Position>();
        const edge = new Map<string, Position>();
        const city = new Map<string, string>();
        const outlines = new Map<string, Position[][]>();
        /** The outline of a city, by its id, where the base map has one. */
        const outline = (id: string, name: string) => {
          const rings = outlines.has(id) ? undefined : outlineOf(underlay.base, name, drawnWith.projection);
          if (rings) outlines.set(id, rings);
        };
        const hosted = hostedIn(drawn);
        for (const n of drawn.nodes.values()) {
          const home = n.city ?? hosted.get(n.id);
          const site = n.lat != null && n.lon != null ? siteOf(drawnWith, n.lat, n.lon) : null;
          if (site) {
            if (!site.arrow) at.set(n.id, site.at);
            // Of a city drawn at the edge itself: beside it, past the frame, with its other places.
            else if (!(home && drawn.nodes.has(home.id) && beyond.has(home.id))) edge.set(n.id, site.at);
            if (site.arrow && !beyond.has(n.id)) beyond.set(n.id, site.arrow);
          }
          if (home) city.set(n.id, home.id);
          // A city drawn at the edge of a city view's frame has no part of the map in the picture:
          // its part is the plane past that edge, where its places stand beside it. Left to the
          // nearest-city rule, 广州's institutions, expanded in 深圳's view, stood on 东莞's and 深圳's land.
          if (n.kind === 'City' && !beyond.has(n.id)) outline(n.id, n.name);
          else if (n.kind === 'City' && drawnWith.frame && site) outlines.set(n.id, pastFrame(drawnWith.frame, site.at));
          // A city not drawn has its part of the map all the same: a place of it found by search goes
          // there (中国（东莞）散裂中子源 in 东莞, not beside 湛江 in 湛江's view).
          if (home && !drawn.nodes.has(home.id)) outline(home.id, home.name);
        }
        return { at, edge, city, outlines };
      };
      // Built while an expansion's newcomers fly, not after they land: the flight's time is the
      // same, and 广州's panel took 20–50 ms.
      let panelShown: Promise<void> | undefined;
      const showPanel = () => (panelShown ??= showSelection(state, view, ticket, asked));
      const sameView = previous && viewKey(state) === viewKey(previous) && scene.positions().size > 0;
      if (sameView) {
        const anchor = expanded ?? state.selected;
        const legendBefore = $('legend-box').getBoundingClientRect();
        showLegend(shown);
        foldLegendOverShown(legendBefore);
        const where = whereabouts(shown);
        // The picture stays as it is in the other language, its titles (a cluster's bands) said in it.
        if (previous.lang !== state.lang && titled) retitle(state, view);
        await scene.update(elementsOf(shown), anchor, state.selected, true, where, showPanel, actedAt);
      } else {
        // A new picture: its legend is all new.
        $('legend-new').hidden = true;
        const key = pictureKey({ ...state, selected: null });
        // A link with expansions shows what its sender saw: the view laid out alone, then each
        // expansion's newcomers placed around it as an expansion by hand places them.
        const replay = remembered.has(key) ? [] : state.expanded.filter((id) => shown.nodes.has(id));
        if (replay.length === 0) {
          showLegend(shown);
          // Mounted, arranged and drawn in tasks apart: in one, they took the start view 100–130 ms.
          await nextTask();
          if (ticket !== rendering) return;
          const { arrangement: how, viewport } = arrangement(state, view, key);
          await nextTask();
          if (ticket !== rendering) return;
          await scene.replace(elementsOf(shown), how, viewport);
        } else {
          // Each step with the legend its sender had then: a legend grown by the expansions would move the fit.
          const full = shown;
          const base = new Set(filtered(without(view.graph, store.removed()), state).nodes.keys());
          shown = within(full, base, []);
          showLegend(shown);
          const { arrangement: how, viewport } = arrangement(state, view, key);
          await scene.replace(elementsOf(shown), how, viewport);
          for (const [i, id] of replay.entries()) {
            const last = i === replay.length - 1;
            shown = last ? full : within(full, base, replay.slice(0, i + 1));
            showLegend(shown);
            const where = whereabouts(shown);
            await scene.update(elementsOf(shown), id, state.selected, false, where);
          }
        }
      }
      ownHighlight = view.highlight ? [...shown.nodes.keys(), ...shown.edges.keys()] : [];
      scene.highlight(ownHighlight);
      if (state.link) await scene.selectLink(state.link);
      else await scene.select(state.selected, true, true);
      $('count').textContent = view.table ? '' : `${shown.nodes.size} ${t('nodesShown', state.lang)} · ${shown.edges.size} ${t('linksShown', state.lang)}`;
      await showPanel();
    } finally {
      if (ticket === rendering) document.body.dataset.busy = 'false';
    }
  }

  /** A comparison is always coloured by plan; other views as the reader chose, over the plans picked. */
  function colouringOf(state: AppState, view: Loaded, plans: DocumentInfo[]): Colouring {
    const order = plans.map((d) => d.id);
    if (view.byDocument) return { by: 'document', order, shown: new Set([state.compareA ?? '', state.compareB ?? '']), edgeDocuments: view.byDocument.edges };
    return { by: state.colorBy, order, shown: new Set(documentsFilter(state) ?? order) };
  }

  /** The panel of a link: the sentences that state it. Render `ticket`'s, unless a later render has begun by the time they are in. */
  async function showEdge(id: string, ticket: number): Promise<void> {
    const edge: Relation | undefined = graph.edges.get(id);
    if (!edge) return;
    const data = await fetch('evidence', 'relation', { id: edge.id });
    const relation = data?.relation;
    const from = graph.nodes.get(edge.from.id);
    const to = graph.nodes.get(edge.to.id);
    if (ticket !== rendering || !relation || !from || !to) return;
    const lang = store.get().lang;
    const content = edgePanel(relation, from, to, lang, openReader);
    panel(loaded ? backToView(loaded, lang, content) : content, `link ${edge.id}`);
  }

  /** The panel of a sentence opened from search: the plan's words, where they stand, what they name. Render `ticket`'s, as showEdge. */
  async function showSentence(id: string, ticket: number): Promise<void> {
    const data = await fetch('section', 'sentence', { id });
    if (ticket !== rendering) return;
    const lang = store.get().lang;
    panel(data?.sentence ? sentencePanel(data.sentence, lang, store.actions.open) : null, `sentence ${id}`);
  }

  function closePanel(): void {
    $('reader').replaceChildren();
    reading = null;
    dismissed = true;
    if (chosen(store.get())) store.actions.select(null);
    else panel(null);
  }

  return { render, graph: () => graph, shown: () => shown, onMap: () => onMap, status, closePanel };
}
