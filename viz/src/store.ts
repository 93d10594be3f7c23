// The explorer's state in one small store: every change goes through a named action, and
// whoever listens (the URL, the views) hears what changed and how.
import { DEFAULT_STATE, type AppState, type ColorBy, type Layout } from './state.ts';

/** push: a new history entry; restore: the browser went back or forward (the URL is already right). */
export type Change = 'push' | 'restore';
export type Listener = (state: AppState, previous: AppState, change: Change) => void;

export interface Store {
  get(): AppState;
  /** Entities the user removed from the view: not in the URL, so a shared link shows the whole view. */
  removed(): ReadonlySet<string>;
  subscribe(listener: Listener): () => void;
  actions: ReturnType<typeof createActions>;
}

function createActions(get: () => AppState, set: (patch: Partial<AppState>, change?: Change) => void, removed: Set<string>) {
  // A view's subject is that view's alone: a switch drops the others', so the URL says only what is shown.
  const fresh = {
    selected: null,
    link: null,
    sentence: null,
    expanded: [] as string[],
    city: null,
    cluster: null,
    pathFrom: null,
    pathTo: null,
    compareA: null,
    compareB: null,
  };
  const actions = {
    /** An entity selected, or (null) nothing: a link or sentence selected lets go too. */
    select: (id: string | null) => set({ selected: id, link: null, sentence: null }),
    /** A link selected: the one thing selected. */
    selectLink: (id: string) => set({ selected: null, link: id, sentence: null }),
    /** A sentence of the plan opened (from search): the one thing the panel shows. */
    readSentence: (id: string) => set({ selected: null, link: null, sentence: id }),
    /** An entity chosen in search: brought back if it had been removed, then selected. */
    find: (id: string) => {
      removed.delete(id);
      set({ selected: id, link: null, sentence: null });
    },
    /** What a search hit or a sentence's name opens: a cluster its platforms, a city its city view, anything else its place in the view. */
    open: (entity: { id: string; kind: string }) => {
      if (entity.kind === 'IndustryCluster') actions.openCluster(entity.id);
      else if (entity.kind === 'City') actions.openCity(entity.id);
      else actions.find(entity.id);
    },
    expand: (id: string) => set({ selected: id, link: null, sentence: null, expanded: expandedWith(get().expanded, id) }),
    collapse: (id: string) => set({ expanded: get().expanded.filter((e) => e !== id) }),
    remove: (id: string) => {
      removed.add(id);
      set({ selected: null, link: null, sentence: null, expanded: get().expanded.filter((e) => e !== id) });
    },
    openCity: (city: string) => set({ ...fresh, view: 'city', city }),
    openCluster: (cluster: string) => set({ ...fresh, view: 'cluster', cluster }),
    openPath: (pathFrom: string, pathTo: string) => set({ ...fresh, view: 'path', pathFrom, pathTo }),
    showIndicators: () => set({ ...fresh, view: 'indicators' }),
    openCompare: (compareA: string, compareB: string) => set({ ...fresh, view: 'compare', compareA, compareB }),
    /** The plans shown: every one loaded when `ids` is empty. */
    showDocuments: (documents: string[]) => set({ documents }),
    colorBy: (colorBy: ColorBy) => set({ colorBy }),
    home: () => {
      removed.clear();
      set({ ...DEFAULT_STATE, lang: get().lang });
    },
    toggleLang: () => set({ lang: get().lang === 'zh' ? 'en' : 'zh' }),
    setLayout: (layout: Layout) => set({ layout }),
    filter: (patch: Partial<Pick<AppState, 'hiddenKinds' | 'hiddenTypes' | 'onlyCited' | 'minConfidence'>>) => set(patch),
    /** The browser walked its history to a state it had. */
    restore: (state: AppState) => set(state, 'restore'),
  };
  return actions;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const removed = new Set<string>();
  const listeners = new Set<Listener>();
  const set = (patch: Partial<AppState>, change: Change = 'push') => {
    const previous = state;
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state, previous, change);
  };
  return {
    get: () => state,
    removed: () => removed,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions: createActions(() => state, set, removed),
  };
}

/** The expanded entities once `id` is expanded too, in the order the neighbourhood question names them. */
export function expandedWith(expanded: readonly string[], id: string): string[] {
  return [...new Set([...expanded, id])];
}

/** The part of the state that decides what is loaded and drawn; selection is not part of it. */
export function pictureKey(state: AppState): string {
  const { selected: _selected, link: _link, sentence: _sentence, ...rest } = state;
  return JSON.stringify(rest);
}

/** The part that decides which view is loaded: a change here lays the picture out afresh. */
export function viewKey(state: AppState): string {
  return JSON.stringify([state.view, state.city, state.cluster, state.pathFrom, state.pathTo, state.compareA, state.compareB, state.layout]);
}
