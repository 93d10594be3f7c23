// The explorer's entry: a store for the state (its URL is the address bar), a scene for the
// picture, views for what to load, controls for the page. It wires them and starts.
import { request } from './api.ts';
import { bindControls, renderLists, syncControls, type Lists } from './controls.ts';
import { kindLabel, t } from './messages.ts';
import { createRenderer } from './render.ts';
import { createScene } from './scene.ts';
import { chosen, fileStem, fromQuery, toQuery, type AppState } from './state.ts';
import { createStore } from './store.ts';
import type { Entity } from './types.ts';
import { createUnderlay } from './underlay.ts';
import { isDrawer } from './dom.ts';
import { nextTask } from './next-task.ts';

const $ = (id: string) => document.getElementById(id)!;
const GEOGRAPHIC = new Set(['start', 'entity', 'city']);

const store = createStore(fromQuery(location.search));
// The modules' own running (Cytoscape's among them) and the making of the scene are tasks apart:
// in one, they were 70–120 ms of the start view.
await nextTask();
/** On a phone the panel is a drawer over the bottom of the canvas; on a desktop it sits beside it. */
const drawerHeight = () => {
  const panel = $('panel');
  return isDrawer(panel) ? panel.getBoundingClientRect().height : 0;
};
const scene = createScene(
  $('graph'),
  drawerHeight,
  () => {
    // What sits over the canvas, in its pixels: newcomers are not placed under it.
    const canvas = $('graph').getBoundingClientRect();
    return ['intro', 'legend-box', 'count']
      .map((id) => $(id).getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x1: r.left - canvas.left, x2: r.right - canvas.left, y1: r.top - canvas.top, y2: r.bottom - canvas.top }));
  },
  (viewport) => underlay.titleBoxes(viewport),
);
const underlay = createUnderlay(scene.cy, $('canvas'));
// For the end-to-end tests and for curious users in the console.
(window as unknown as { innograph: unknown }).innograph = { cy: scene.cy, scene, store };

// On a phone the legend starts folded: open, it would cover the map.
if (window.matchMedia('(max-width: 900px)').matches) ($('legend-box') as HTMLDetailsElement).open = false;
// Unfolded, its new entries are seen.
$('legend-box').addEventListener('toggle', () => {
  if (($('legend-box') as HTMLDetailsElement).open) $('legend-new').hidden = true;
});

// However the drawer goes with the selection (its ×, Esc, a tap on the background, which leaves the
// start view's guide hidden), a map moved up above it goes back down. Not while a node, a link or a
// sentence is still chosen: its drawer is there for it, or about to be.
new ResizeObserver(() => {
  if (drawerHeight() === 0 && !chosen(store.get())) scene.drawerClosed();
}).observe($('panel'));

const lists: Lists = { clusters: [], cities: [], documents: [] };
let listsLoaded: Promise<void> | null = null;
function loadLists(): Promise<void> {
  listsLoaded ??= Promise.all([request('clusters'), request('cities'), request('documents')]).then(([clusterData, cityData, documentData]) => {
    // The plan's 20 clusters (pillar and emerging); discovery may find other 产业集群 that are not among them.
    lists.clusters = clusterData.entities.edges
      .map((e): Entity => e.node)
      .filter((c) => c.category)
      .sort((a, b) => String(b.category).localeCompare(String(a.category)) || a.name.localeCompare(b.name));
    lists.cities = cityData.entities.edges.map((e) => e.node);
    lists.documents = documentData.documents;
    renderLists(store.get(), lists, store);
    nameAreas(store.get());
  });
  return listsLoaded;
}

const renderer = createRenderer(store, scene, underlay, {
  clusters: () => loadLists().then(() => lists.clusters),
  documents: () => loadLists().then(() => lists.documents),
});

/** The cities' parts of a city view's map, named in the reader's language where the cities list has their English names. */
function nameAreas(state: AppState): void {
  const english = new Map(lists.cities.map((c) => [c.name, c.nameEn]));
  underlay.areaNames(state.lang === 'en' ? (name) => english.get(name) ?? name : (name) => name);
}

store.subscribe((state, previous, change) => {
  if (state.lang !== previous.lang) nameAreas(state);
  // A change that leaves the URL as it is (a double-click's second click selects again) adds no step to Back.
  const url = `${location.pathname}${toQuery(state)}`;
  if (change === 'push' && url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  syncControls(state, lists, store, GEOGRAPHIC.has(state.view));
  void renderer.render(state, previous);
});
window.addEventListener('popstate', () => {
  // What was searched for belongs to the step the reader left, not to the one Back or Forward shows.
  ($('search') as HTMLInputElement).value = '';
  store.actions.restore(fromQuery(location.search));
});

// ---- the graph's own events ------------------------------------------------------------

const cy = scene.cy;
cy.on('tap', 'node', (event) => store.actions.select(event.target.id()));
cy.on('dbltap', 'node', (event) => store.actions.expand(event.target.id()));
cy.on('dbltap', (event) => {
  if (event.target !== cy) return;
  const node = scene.nodeAt(event.renderedPosition);
  if (node) store.actions.expand(node);
});
cy.on('tap', 'edge', (event) => store.actions.selectLink(event.target.id()));
cy.on('tap', (event) => {
  if (event.target !== cy) return;
  // In a large view nothing drawn is Cytoscape's: a tap on the background may be on a node or a link of the layer.
  const node = scene.nodeAt(event.renderedPosition);
  if (node) return store.actions.select(node);
  const edge = scene.edgeAt(event.renderedPosition);
  if (edge) store.actions.selectLink(edge);
  // What is selected in the picture goes; a sentence read from search, which the picture does not show, stays.
  else if (store.get().selected || store.get().link) store.actions.select(null);
});

/** The full name in both languages and the kind, wherever the pointer rests. */
const tooltip = $('tooltip');
const showTooltip = (id: string, at: { x: number; y: number }) => {
  const entity = renderer.graph().nodes.get(id);
  if (!entity) return;
  tooltip.replaceChildren(
    Object.assign(document.createElement('strong'), { textContent: entity.name }),
    ...(entity.nameEn ? [document.createElement('br'), entity.nameEn] : []),
    Object.assign(document.createElement('small'), { textContent: `${kindLabel(entity.kind, 'zh')} · ${kindLabel(entity.kind, 'en')}` }),
  );
  tooltip.hidden = false;
  // Below and right of the pointer, or where that would run off the canvas (under the side panel), above or left of it.
  const canvas = $('canvas').getBoundingClientRect();
  const { width, height } = tooltip.getBoundingClientRect();
  const x = at.x + 14 + width > canvas.width ? Math.max(0, at.x - 14 - width) : at.x + 14;
  const y = at.y + 14 + height > canvas.height ? Math.max(0, at.y - 14 - height) : at.y + 14;
  tooltip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
};
cy.on('mouseover', 'node', (event) => {
  event.target.addClass('hover');
  showTooltip(event.target.id(), event.target.renderedPosition());
});
cy.on('mouseout', 'node', (event) => {
  event.target.removeClass('hover');
  tooltip.hidden = true;
});
cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
// What the layer draws is pointed at as Cytoscape's is: a node named with its tooltip, a link
// with its relation (style.ts, node.hover and edge.hover).
let pointer: { x: number; y: number } | null = null;
/** The layer's node whose tooltip is shown. */
let pointedNode: string | null = null;
cy.on('viewport', () => {
  tooltip.hidden = true;
  pointedNode = null;
});
$('graph').addEventListener('pointermove', (event) => {
  // A pressed button pans the picture: nothing is pointed at meanwhile.
  if (!scene.layered() || event.buttons !== 0) return;
  // Looked for once a frame, where the pointer is then.
  const waiting = pointer !== null;
  const box = $('graph').getBoundingClientRect();
  pointer = { x: event.clientX - box.left, y: event.clientY - box.top };
  if (waiting) return;
  requestAnimationFrame(() => {
    if (!pointer) return;
    const node = scene.nodeAt(pointer);
    scene.pointNode(node);
    if (node !== pointedNode) {
      const at = node ? scene.onScreen(node) : null;
      if (node && at) showTooltip(node, at);
      else tooltip.hidden = true;
      pointedNode = node;
    }
    scene.pointEdge(node ? null : scene.edgeAt(pointer));
    pointer = null;
  });
});
// On a touch screen the pointer never leaves the node it tapped: the tooltip goes with the next
// thing the reader does (the tap's own selection, closing the panel), as the panel says it all.
store.subscribe(() => {
  tooltip.hidden = true;
});

// ---- exports, loaded when first used ------------------------------------------------------

/** The graph's name, and what the view shows as the title over the canvas says it (深圳 · 城市概况), where that is not the name itself. */
const viewTitle = () => {
  const title = t('title', store.get().lang);
  const shown = $('title').textContent;
  return shown && shown !== title ? `${title} — ${shown}` : title;
};
const failed = (error: unknown) => renderer.status(error instanceof Error ? error.message : String(error), 'error');
/** An export of the view, saved under the view's name; the status line says where it went, for a few seconds. */
const exported = (extension: string, save: (m: typeof import('./exports.ts'), stem: string) => Promise<unknown>) => {
  const stem = fileStem(store.get());
  const file = `${stem}.${extension}`;
  void import('./exports.ts')
    .then((m) => save(m, stem))
    .then(() => {
      const said = `${t('downloaded', store.get().lang)} ${file}`;
      renderer.status(said);
      setTimeout(() => {
        if ($('status').textContent === said) renderer.status('');
      }, 4000);
    })
    .catch(failed);
};
bindControls(
  store,
  renderer.status,
  {
    png: () => exported('png', (m, stem) => m.exportPng(scene, underlay, renderer.shown(), renderer.onMap(), viewTitle(), store.get().lang, stem)),
    json: () => exported('json', (m, stem) => m.exportJson(renderer.shown(), stem)),
    graphml: () => exported('graphml', (m, stem) => m.exportGraphml(renderer.shown(), stem, store.get().lang)),
  },
  () => scene.fit(),
  renderer.closePanel,
);

async function boot(): Promise<void> {
  const state = store.get();
  syncControls(state, lists, store, GEOGRAPHIC.has(state.view));
  // The side lists load beside the first view, not before it.
  await Promise.all([renderer.render(state, null), loadLists().catch((error) => renderer.status(String(error), 'error'))]);
}

void boot();
