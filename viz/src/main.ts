// The explorer: state in the URL, data from /graphql, the graph in Cytoscape.
import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { KINDS, RELATION_TYPES, RELATION_TYPE_NAMES, type EntityKind, type RelationType } from '../../ingest/model.ts';
import { ApiError, request } from './api.ts';
import { RETRYABLE, retryDelay } from './backoff.ts';
import { geoPositions } from './geo.ts';
import { emptyGraph, filtered, merge, toElements, without, type GraphData } from './graph-data.ts';
import { cityPanel, clusterPanel, edgePanel, entityPanel, h, indicatorsPanel, kindLabel, legend, pathPanel, readerPanel, type OpenReader } from './panels.ts';
import { DEFAULT_STATE, fromQuery, toQuery, type AppState } from './state.ts';
import { stylesheet } from './style.ts';
import type { CityProfile, ClusterPlatform, Entity, EntityDetail, Path, SectionText, Subgraph } from './types.ts';

cytoscape.use(fcose);

/** The Greater Bay Area's cities: the start view places them on the map. */
const GBA_CITIES = ['guangzhou', 'shenzhen', 'zhuhai', 'foshan', 'dongguan', 'zhongshan', 'jiangmen', 'huizhou', 'hong-kong', 'macao'];
const START_KINDS: EntityKind[] = ['City', 'ScienceCity', 'Zone', 'Corridor'];
const MAX_FIT_ZOOM = 1.5;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: AppState = fromQuery(location.search);
let graph: GraphData = emptyGraph();
let clusters: Entity[] = [];
let cities: Entity[] = [];
/** Entities the user removed from the view (not part of the URL: a shared link shows the whole view). */
const removed = new Set<string>();

const cy: Core = cytoscape({
  container: $('graph'),
  style: stylesheet(),
  // Large views stay smooth: draw a texture while panning, skip edges while moving.
  textureOnViewport: true,
  hideEdgesOnViewport: true,
  minZoom: 0.05,
  maxZoom: 4,
});
// For the end-to-end tests and for curious users in the console.
(window as unknown as { innograph: { cy: Core } }).innograph = { cy };

// ---- status ---------------------------------------------------------------

function status(message: string, kind: 'busy' | 'error' | 'idle' = 'idle'): void {
  const bar = $('status');
  bar.textContent = message;
  bar.dataset.kind = kind;
}

/** Runs a load; while the database is away or busy it says so and tries again, less and less often, then gives up. */
async function guarded<T>(what: string, work: () => Promise<T>): Promise<T | null> {
  for (let attempt = 0; ; attempt += 1) {
    status(state.lang === 'zh' ? `加载中：${what}…` : `Loading ${what}…`, 'busy');
    try {
      const result = await work();
      status('');
      return result;
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'ERROR';
      const wait = RETRYABLE.has(code) ? retryDelay(attempt, error instanceof ApiError ? error.retryAfter : null) : null;
      if (wait !== null) {
        status(state.lang === 'zh' ? '数据库暂不可用——正在重试' : 'database unavailable — retrying', 'error');
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      status(`${what}: ${error instanceof Error ? error.message : String(error)}`, 'error');
      return null;
    }
  }
}

// ---- state and history --------------------------------------------------------

function navigate(patch: Partial<AppState>, replace = false): void {
  state = { ...state, ...patch };
  const url = `${location.pathname}${toQuery(state)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
}

window.addEventListener('popstate', () => {
  state = fromQuery(location.search);
  void render();
});

// ---- drawing ------------------------------------------------------------------------

function layoutOptions(): LayoutOptions {
  if (state.layout === 'geo') {
    const positions = geoPositions([...graph.nodes.values()]);
    return { name: 'preset', positions: (node: { id(): string }) => positions.get(node.id()) ?? { x: 0, y: 0 }, fit: true, padding: 30 } as LayoutOptions;
  }
  if (state.layout === 'concentric') return { name: 'concentric', fit: true, padding: 30, minNodeSpacing: 20, animate: false } as LayoutOptions;
  return { name: 'fcose', quality: 'default', randomize: true, animate: false, fit: true, padding: 30, nodeRepulsion: 8000 } as LayoutOptions;
}

function draw(): void {
  const shown = filtered(graph, state);
  cy.batch(() => {
    cy.elements().remove();
    cy.add(toElements(shown, state.lang));
  });
  cy.layout(layoutOptions()).run();
  // A small graph fitted to the canvas would be drawn huge: keep it at a readable size.
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
  if (state.selected) cy.$id(state.selected).select();
  $('count').textContent = `${shown.nodes.size} / ${shown.edges.size}`;
}

function highlight(ids: Iterable<string>): void {
  const set = new Set(ids);
  cy.batch(() => {
    cy.elements().removeClass('highlighted faded');
    if (set.size === 0) return;
    cy.elements().forEach((el) => {
      el.addClass(set.has(el.id()) ? 'highlighted' : 'faded');
    });
  });
}

function panel(content: HTMLElement | null): void {
  $('details').replaceChildren(...(content ? [content] : []));
  $('reader').replaceChildren();
}

const openReader: OpenReader = (sectionId, evidence) => {
  void guarded('section', () => request<{ section: SectionText | null }>('section', { id: sectionId })).then((data) => {
    if (data?.section) $('reader').replaceChildren(readerPanel(data.section, evidence));
  });
};

// ---- views --------------------------------------------------------------------------

async function loadBase(): Promise<void> {
  graph = emptyGraph();
  if (state.view === 'city' && state.city) {
    const [sub, profile] = await Promise.all([
      guarded('city', () => request<{ neighborhood: Subgraph }>('neighborhood', { ids: [state.city], depth: 1, types: null, kinds: null })),
      guarded('city profile', () => request<{ cityProfile: CityProfile }>('cityProfile', { city: state.city })),
    ]);
    if (sub) graph = merge(graph, sub.neighborhood);
    if (profile) graph = merge(graph, { nodes: profile.cityProfile.links.map((l) => l.other), edges: profile.cityProfile.links.map((l) => l.relation) });
    panel(profile ? cityPanel(profile.cityProfile, state.lang) : null);
    return;
  }
  if (state.view === 'path' && state.pathFrom && state.pathTo) {
    const data = await guarded('paths', () => request<{ paths: Path[] }>('paths', { from: state.pathFrom, to: state.pathTo, onlyCited: state.onlyCited }));
    const hops = data?.paths.flatMap((p) => p.hops) ?? [];
    graph = merge(graph, { nodes: hops.flatMap((hop) => [hop.from, hop.to]), edges: hops.map((hop) => hop.relation) });
    panel(data ? pathPanel(data.paths, state.lang, openReader) : null);
    return;
  }
  if (state.view === 'cluster' && state.cluster) {
    const data = await guarded('platforms', () => request<{ platformsForCluster: ClusterPlatform[] }>('platforms', { cluster: state.cluster }));
    const cluster = clusters.find((c) => c.id === state.cluster);
    const list = data?.platformsForCluster ?? [];
    const nodes = [...(cluster ? [cluster] : []), ...list.flatMap((p) => [p.platform, ...(p.through ? [p.through] : [])])];
    graph = merge(graph, { nodes, edges: list.flatMap((p) => p.relations) });
    panel(cluster && data ? clusterPanel(cluster, list, state.lang, openReader) : null);
    return;
  }
  if (state.view === 'indicators') {
    const data = await guarded('indicators', () => request<{ indicators: Entity[] }>('indicators'));
    graph = merge(graph, { nodes: data?.indicators ?? [], edges: [] });
    panel(data ? indicatorsPanel(data.indicators, state.lang) : null);
    return;
  }
  const start = await guarded('start view', () =>
    request<{ neighborhood: Subgraph }>('neighborhood', { ids: GBA_CITIES, depth: 1, kinds: START_KINDS, types: ['LOCATED_IN', 'PART_OF', 'IN_CORRIDOR', 'COOPERATES_WITH'] }),
  );
  if (start) graph = merge(graph, start.neighborhood);
  panel(null);
}

async function loadExpanded(): Promise<void> {
  if (state.expanded.length > 0) {
    const data = await guarded('neighbours', () => request<{ neighborhood: Subgraph }>('neighborhood', { ids: state.expanded, depth: 1, kinds: null, types: null }));
    if (data) graph = merge(graph, data.neighborhood);
  }
  if (state.selected && !graph.nodes.has(state.selected)) {
    // A search result outside the view joins it, with its links to what is shown.
    const data = await guarded('entity', () => request<{ neighborhood: Subgraph }>('neighborhood', { ids: [state.selected], depth: 1, kinds: null, types: null }));
    if (data) {
      const keep = new Set([...graph.nodes.keys(), state.selected]);
      graph = merge(graph, { nodes: data.neighborhood.nodes.filter((n) => keep.has(n.id)), edges: data.neighborhood.edges });
    }
  }
  graph = without(graph, removed);
}

async function showEntity(id: string): Promise<void> {
  const data = await guarded('entity', () => request<{ entity: EntityDetail | null }>('entity', { id }));
  if (!data?.entity) return;
  panel(
    entityPanel(data.entity, state.lang, {
      expanded: state.expanded.includes(id),
      expand: () => navigate({ expanded: [...new Set([...state.expanded, id])] }),
      collapse: () => navigate({ expanded: state.expanded.filter((e) => e !== id) }),
      remove: () => {
        removed.add(id);
        navigate({ selected: null, expanded: state.expanded.filter((e) => e !== id) });
      },
      open: openReader,
      select: (other) => navigate({ selected: other }),
    }),
  );
  const node = cy.$id(id);
  if (node.nonempty()) cy.animate({ center: { eles: node }, duration: 200 });
}

let rendering = 0;
async function render(): Promise<void> {
  const ticket = ++rendering;
  // Whether a view is still loading, for people (the status line) and for tests (data-busy).
  document.body.dataset.busy = 'true';
  try {
    await renderView(ticket);
  } finally {
    if (ticket === rendering) document.body.dataset.busy = 'false';
  }
}

async function renderView(ticket: number): Promise<void> {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
  syncControls();
  await loadBase();
  await loadExpanded();
  if (ticket !== rendering) return; // a newer navigation took over
  draw();
  if (state.view === 'path') highlight(cy.elements().map((el) => el.id()));
  else highlight([]);
  if (state.selected) await showEntity(state.selected);
}

// ---- controls -----------------------------------------------------------------------

function syncControls(): void {
  ($('lang') as HTMLButtonElement).textContent = state.lang === 'zh' ? 'English' : '中文';
  ($('layout') as HTMLSelectElement).value = state.layout;
  ($('only-cited') as HTMLInputElement).checked = state.onlyCited;
  ($('min-confidence') as HTMLInputElement).value = String(state.minConfidence);
  for (const input of document.querySelectorAll<HTMLInputElement>('#kind-filters input')) input.checked = !state.hiddenKinds.includes(input.value as EntityKind);
  for (const input of document.querySelectorAll<HTMLInputElement>('#type-filters input')) input.checked = !state.hiddenTypes.includes(input.value as RelationType);
  $('legend').replaceChildren(legend(state.lang));
  renderLists();
}

function renderLists(): void {
  const item = (entity: Entity, onClick: () => void, active: boolean) => {
    const button = h('button', { type: 'button', class: active ? 'active' : '', 'data-id': entity.id }, state.lang === 'en' && entity.nameEn ? entity.nameEn : entity.name);
    button.addEventListener('click', onClick);
    return h('li', {}, button);
  };
  $('clusters').replaceChildren(...clusters.map((c) => item(c, () => navigate({ view: 'cluster', cluster: c.id, selected: null, expanded: [] }), state.cluster === c.id && state.view === 'cluster')));
  $('cities').replaceChildren(...cities.map((c) => item(c, () => navigate({ view: 'city', city: c.id, selected: null, expanded: [], layout: 'geo' }), state.city === c.id && state.view === 'city')));
}

/** A search box with suggestions as the user types; `choose` gets the entity picked. */
function suggest(input: HTMLInputElement, list: HTMLElement, choose: (entity: Entity) => void): void {
  let timer: number | undefined;
  let hits: Entity[] = [];
  const close = () => list.replaceChildren();
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return close();
    timer = window.setTimeout(async () => {
      try {
        const data = await request<{ search: { entity: Entity }[] }>('search', { text });
        hits = data.search.map((s) => s.entity);
        list.replaceChildren(
          ...hits.map((e) => {
            const option = h('button', { type: 'button', class: 'suggestion', 'data-id': e.id }, `${e.name}${e.nameEn ? ` · ${e.nameEn}` : ''}`, h('small', {}, ` ${kindLabel(e.kind, state.lang)}`));
            option.addEventListener('click', () => {
              input.value = e.name;
              close();
              choose(e);
            });
            return h('li', {}, option);
          }),
        );
      } catch (error) {
        status(error instanceof Error ? error.message : String(error), 'error');
      }
    }, 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && hits[0]) {
      input.value = hits[0].name;
      close();
      choose(hits[0]);
    }
    if (event.key === 'Escape') close();
  });
}

function download(name: string, href: string): void {
  const a = h('a', { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function setUpControls(): void {
  suggest($('search'), $('suggestions'), (e) => {
    removed.delete(e.id);
    navigate({ selected: e.id });
  });
  let pathFrom: string | null = state.pathFrom;
  let pathTo: string | null = state.pathTo;
  const tryPath = () => {
    if (pathFrom && pathTo) navigate({ view: 'path', pathFrom, pathTo, selected: null, expanded: [], layout: state.layout === 'geo' ? 'force' : state.layout });
  };
  suggest($('path-from'), $('path-from-suggestions'), (e) => {
    pathFrom = e.id;
    tryPath();
  });
  suggest($('path-to'), $('path-to-suggestions'), (e) => {
    pathTo = e.id;
    tryPath();
  });
  $('lang').addEventListener('click', () => navigate({ lang: state.lang === 'zh' ? 'en' : 'zh' }));
  $('layout').addEventListener('change', (event) => navigate({ layout: (event.target as HTMLSelectElement).value as AppState['layout'] }));
  $('fit').addEventListener('click', () => cy.fit(undefined, 30));
  $('home').addEventListener('click', () => navigate({ ...DEFAULT_STATE, lang: state.lang }));
  $('show-indicators').addEventListener('click', () => navigate({ view: 'indicators', selected: null, expanded: [] }));
  $('png').addEventListener('click', () => download('innograph.png', cy.png({ full: true, scale: 2, bg: '#ffffff' })));
  $('json').addEventListener('click', () => {
    const shown = filtered(graph, state);
    const blob = new Blob([JSON.stringify({ nodes: [...shown.nodes.values()], edges: [...shown.edges.values()] }, null, 2)], { type: 'application/json' });
    download('innograph.json', URL.createObjectURL(blob));
  });
  $('graphml').addEventListener('click', () => {
    const ids = cy.nodes().map((n) => n.id()).slice(0, 50);
    download('innograph.graphml', `/export/graph.graphml?depth=0&ids=${encodeURIComponent(ids.join(','))}`);
  });
  $('only-cited').addEventListener('change', (event) => navigate({ onlyCited: (event.target as HTMLInputElement).checked }));
  $('min-confidence').addEventListener('change', (event) => navigate({ minConfidence: Number((event.target as HTMLInputElement).value) }));

  const checkbox = (value: string, text: string) => h('label', {}, h('input', { type: 'checkbox', value, checked: '' }), ` ${text}`);
  $('kind-filters').replaceChildren(...KINDS.map((k) => checkbox(k, kindLabel(k, state.lang))));
  $('type-filters').replaceChildren(...RELATION_TYPE_NAMES.map((t) => checkbox(t, RELATION_TYPES[t][state.lang])));
  $('kind-filters').addEventListener('change', () => {
    const hidden = [...document.querySelectorAll<HTMLInputElement>('#kind-filters input')].filter((i) => !i.checked).map((i) => i.value as EntityKind);
    navigate({ hiddenKinds: hidden });
  });
  $('type-filters').addEventListener('change', () => {
    const hidden = [...document.querySelectorAll<HTMLInputElement>('#type-filters input')].filter((i) => !i.checked).map((i) => i.value as RelationType);
    navigate({ hiddenTypes: hidden });
  });

  cy.on('tap', 'node', (event) => navigate({ selected: event.target.id() }));
  cy.on('dbltap', 'node', (event) => navigate({ selected: event.target.id(), expanded: [...new Set([...state.expanded, event.target.id()])] }));
  cy.on('tap', 'edge', (event) => {
    const edge = graph.edges.get(event.target.id());
    if (!edge) return;
    // The source entity's relations carry the evidence of this one.
    void guarded('evidence', () => request<{ entity: EntityDetail | null }>('entity', { id: edge.from.id })).then((data) => {
      const link = data?.entity?.neighbors.find((n) => n.relation.id === edge.id);
      const from = graph.nodes.get(edge.from.id);
      const to = graph.nodes.get(edge.to.id);
      if (link && from && to) panel(edgePanel(edge.type, from.name, to.name, link.relation.evidence, state.lang, openReader));
    });
  });
}

async function boot(): Promise<void> {
  setUpControls();
  // The side lists load beside the first view, not before it.
  const lists = Promise.all([
    guarded('clusters', () => request<{ entities: { edges: { node: Entity }[] } }>('clusters')),
    guarded('cities', () => request<{ entities: { edges: { node: Entity }[] } }>('cities')),
  ]).then(([clusterData, cityData]) => {
    // The plan's 20 clusters (pillar and emerging); discovery may find other 产业集群 that are not among them.
    clusters = (clusterData?.entities.edges.map((e) => e.node) ?? []).filter((c) => c.category).sort((a, b) => String(b.category).localeCompare(String(a.category)) || a.name.localeCompare(b.name));
    cities = cityData?.entities.edges.map((e) => e.node) ?? [];
    renderLists();
  });
  // A cluster view needs the cluster's names before it can draw its panel.
  if (state.view === 'cluster') await lists;
  await Promise.all([render(), lists]);
}

void boot();
