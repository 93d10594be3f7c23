// The explorer's views, in one table: what each loads, how it is arranged, what its panel
// says. Adding a view is adding a row. A view whose subject the URL leaves out (a city
// view without a city) shows the start view rather than ask the server about nothing.
import type { Result, VariablesArg } from './api.ts';
import { arrangeBands, arrangeChain, arrangeGeo, arrangeSides, type Arranged } from './arrangements.ts';
import { comparePanel } from './compare.ts';
import { emptyGraph, label, merge, type GraphData } from './graph-data.ts';
import { cityPanel, clusterPanel, guidePanel, indicatorsPanel, pathPanel, platformRows, type PanelActions } from './panels.ts';
import { t, type Fetching } from './messages.ts';
import type { OperationName } from '../../api/explorer-operations.ts';
import type { AppState, Lang, View } from './state.ts';
import type { Comparison, DocumentInfo, Entity } from './types.ts';
import { documentsFilter, startViewQuestion } from './first-questions.ts';
import type { BaseMap, Box } from './geo.ts';

/** Runs a request as the explorer does (status line, retries while the database is away). */
export type Fetch = <K extends OperationName>(what: Fetching, operation: K, ...variables: VariablesArg<K>) => Promise<Result<K> | null>;

export interface ViewContext {
  state: AppState;
  fetch: Fetch;
  clusters: () => Promise<Entity[]>;
  /** the plans loaded, as the server lists them */
  documents: () => Promise<DocumentInfo[]>;
}

export interface Loaded {
  graph: GraphData;
  /** What the picture is, over the canvas: the city, the cluster, the two ends of a path; unset, the graph's own name. */
  title?: (lang: Lang) => string;
  /** The view's panel in a language; null leaves the panel closed. */
  panel: (lang: Lang, actions: PanelActions) => HTMLElement | null;
  /** The view's own arrangement of what the filters let through; `map`, the base map, for a geographic one. */
  arrange: (shown: GraphData, lang: Lang, box: Box, map: BaseMap) => Arranged;
  /** The panel takes the whole canvas (a table, not a graph). */
  table?: boolean;
  /** Everything shown is highlighted (a path). */
  highlight?: boolean;
  /** A path's two ends, as its boxes name them. */
  ends?: [Entity, Entity];
  /** Whether the map is a fitting choice for this view. */
  geographic: boolean;
  /** The view colours by plan whatever the reader chose (a comparison), each relation by the plan that alone states it. */
  byDocument?: { edges: Map<string, string> };
}

interface ViewDefinition {
  load(context: ViewContext): Promise<Loaded>;
}

const start: ViewDefinition = {
  async load({ state, fetch }) {
    const data = await fetch('startView', 'neighborhood', startViewQuestion(state));
    return { graph: data ? merge(emptyGraph(), data.neighborhood) : emptyGraph(), panel: (lang) => guidePanel(lang), arrange: arrangeGeo, geographic: true };
  },
};

export const VIEWS: Record<View, ViewDefinition> = {
  start,
  // An entity chosen from a link opens on the start view, with the entity joined to it.
  entity: start,
  city: {
    async load(context) {
      const { city } = context.state;
      if (!city) return start.load(context);
      const { fetch } = context;
      const [sub, profile] = await Promise.all([
        fetch('city', 'neighborhood', { ids: [city], depth: 1, types: null, kinds: null, documents: documentsFilter(context.state) }),
        fetch('cityProfile', 'cityProfile', { city, documents: documentsFilter(context.state) }),
      ]);
      let graph = sub ? merge(emptyGraph(), sub.neighborhood) : emptyGraph();
      if (profile) graph = merge(graph, { nodes: profile.cityProfile.links.map((l) => l.other), edges: profile.cityProfile.links.map((l) => l.relation) });
      const named = graph.nodes.get(city);
      return {
        graph,
        ...(named ? { title: (lang: Lang) => `${label(named, lang)} · ${t('cityView', lang)}` } : {}),
        panel: (lang, actions) => (profile ? cityPanel(profile.cityProfile, lang, actions.select) : null),
        arrange: (shown, lang, box, map) => arrangeGeo(shown, lang, box, map, city),
        geographic: true,
      };
    },
  },
  path: {
    async load(context) {
      const { state, fetch } = context;
      // An address without both ends, or with one place as both, asks no path: the start view instead.
      if (!state.pathFrom || !state.pathTo || state.pathFrom === state.pathTo) return start.load(context);
      const data = await fetch('paths', 'paths', {
        from: state.pathFrom,
        to: state.pathTo,
        onlyCited: state.onlyCited,
        documents: documentsFilter(state),
      });
      const paths = data?.paths ?? [];
      const hops = paths.flatMap((p) => p.hops);
      const graph = merge(emptyGraph(), { nodes: hops.flatMap((hop) => [hop.from, hop.to]), edges: hops.map((hop) => hop.relation) });
      const walks = paths.map((p) => [p.hops[0]!.from.id, ...p.hops.map((hop) => hop.to.id)]);
      const [from, to] = [graph.nodes.get(state.pathFrom), graph.nodes.get(state.pathTo)];
      return {
        graph,
        ...(from && to ? { title: (lang: Lang) => `${label(from, lang)} → ${label(to, lang)}`, ends: [from, to] as [Entity, Entity] } : {}),
        panel: (lang, actions) => (data ? pathPanel(paths, lang, actions) : null),
        arrange: () => arrangeChain(walks),
        highlight: true,
        geographic: false,
      };
    },
  },
  cluster: {
    async load(context) {
      const { state, fetch, clusters } = context;
      const id = state.cluster;
      if (!id) return start.load(context);
      const [data, list] = await Promise.all([fetch('platforms', 'platforms', { cluster: id, documents: documentsFilter(state) }), clusters()]);
      const cluster = list.find((c) => c.id === id);
      const rows = platformRows(data?.platformsForCluster ?? []);
      const places = data?.placesForCluster ?? [];
      const reached = [...rows.map((p) => ({ node: p.platform, through: p.through })), ...places.map((p) => ({ node: p.place, through: p.through }))];
      const nodes = [...(cluster ? [cluster] : []), ...reached.flatMap((r) => [r.node, ...(r.through ? [r.through] : [])])];
      const graph = merge(emptyGraph(), { nodes, edges: [...rows.flatMap((p) => p.relations), ...places.flatMap((p) => p.relations)] });
      return {
        graph,
        ...(cluster ? { title: (lang: Lang) => label(cluster, lang) } : {}),
        panel: (lang, actions) => (cluster && data ? clusterPanel(cluster, rows, places, data.cluster?.mentions ?? [], lang, actions) : null),
        arrange: (_shown, lang, box) => arrangeBands(id, rows, places, lang, box),
        geographic: false,
      };
    },
  },
  indicators: {
    async load({ fetch }) {
      const data = await fetch('indicators', 'indicators');
      return {
        graph: emptyGraph(),
        title: (lang) => t('indicators', lang),
        panel: (lang, actions) => (data ? indicatorsPanel(data.indicators, lang, actions.open) : null),
        arrange: () => ({ positions: new Map() }),
        table: true,
        geographic: false,
      };
    },
  },
  compare: {
    async load(context) {
      const { state, fetch, documents } = context;
      const { compareA: a, compareB: b } = state;
      if (!a || !b) return start.load(context);
      const [data, plans] = await Promise.all([fetch('comparison', 'compare', { a, b }), documents()]);
      const order = plans.map((d) => d.id);
      if (!data) return { graph: emptyGraph(), panel: () => null, arrange: () => ({ positions: new Map() }), geographic: false };
      const c: Comparison = data.compareDocuments;
      const { graph, sides, edges } = comparisonGraph(c);
      return {
        graph,
        title: () => `${c.a.title} ↔ ${c.b.title}`,
        panel: (lang, { open }) => comparePanel(c, lang, open, order),
        arrange: (_shown, lang, box) => arrangeSides(sides, c, lang, box),
        geographic: false,
        byDocument: { edges },
      };
    },
  },
};

/**
 * What the canvas shows of a comparison: what only one plan names or states, and of what
 * both share only the ends of those relations. Each entity is marked with the plans that
 * name it among the two, so it is filled with their colours.
 */
export function comparisonGraph(c: Comparison): { graph: GraphData; sides: Map<string, 'a' | 'b' | 'both'>; edges: Map<string, string> } {
  const a = { id: c.a.id };
  const b = { id: c.b.id };
  const sides = new Map<string, 'a' | 'b' | 'both'>();
  const entities = new Map<string, Entity>();
  const put = (entity: Entity, side: 'a' | 'b' | 'both') => {
    sides.set(entity.id, side);
    entities.set(entity.id, { ...entity, documents: side === 'a' ? [a] : side === 'b' ? [b] : [a, b] });
  };
  for (const { entity } of c.entities.onlyA) put(entity, 'a');
  for (const { entity } of c.entities.onlyB) put(entity, 'b');
  const differing = [...c.relations.onlyA.map((r) => ({ ...r.relation, plan: c.a.id })), ...c.relations.onlyB.map((r) => ({ ...r.relation, plan: c.b.id }))];
  const ends = new Set(differing.flatMap((r) => [r.from.id, r.to.id]));
  for (const { entity } of c.entities.both) if (ends.has(entity.id)) put(entity, 'both');
  const graph = merge(emptyGraph(), { nodes: [...entities.values()], edges: differing });
  return { graph, sides, edges: new Map(differing.map((r) => [r.id, r.plan])) };
}
