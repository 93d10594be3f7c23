// The graph the explorer holds: subgraphs merged as the user expands, filtered by
// what the user chose to see, turned into Cytoscape elements. Pure functions.
import type { ElementDefinition } from 'cytoscape';
import { RELATION_TYPES } from '../../ingest/model.ts';
import type { AppState, ColorBy, Lang } from './state.ts';
import { siteOf, type Siting } from './geo.ts';
import { DOCUMENT_COLORS } from './style.ts';
import type { Entity, Relation, Subgraph } from './types.ts';

export interface GraphData {
  nodes: Map<string, Entity>;
  edges: Map<string, Relation>;
}

export function emptyGraph(): GraphData {
  return { nodes: new Map(), edges: new Map() };
}

/** A new graph holding both: entities and relations are keyed by id, so nothing is drawn twice. */
export function merge(graph: GraphData, sub: Subgraph): GraphData {
  const nodes = new Map(graph.nodes);
  const edges = new Map(graph.edges);
  for (const node of sub.nodes) nodes.set(node.id, node);
  for (const edge of sub.edges) if (nodes.has(edge.from.id) && nodes.has(edge.to.id)) edges.set(edge.id, edge);
  return { nodes, edges };
}

/** A new graph without some entities and the relations that touch them. */
export function without(graph: GraphData, ids: Iterable<string>): GraphData {
  const gone = new Set(ids);
  const nodes = new Map([...graph.nodes].filter(([id]) => !gone.has(id)));
  const edges = new Map([...graph.edges].filter(([, e]) => !gone.has(e.from.id) && !gone.has(e.to.id)));
  return { nodes, edges };
}

/** `base`, and what lies one link from `around`: the picture after expanding those, one by one. */
export function within(graph: GraphData, base: ReadonlySet<string>, around: readonly string[]): GraphData {
  const centres = new Set(around);
  const keep = new Set([...base].filter((id) => graph.nodes.has(id)));
  for (const e of graph.edges.values()) {
    if (centres.has(e.from.id)) keep.add(e.to.id);
    if (centres.has(e.to.id)) keep.add(e.from.id);
  }
  const nodes = new Map([...graph.nodes].filter(([id]) => keep.has(id)));
  const edges = new Map([...graph.edges].filter(([, e]) => keep.has(e.from.id) && keep.has(e.to.id)));
  return { nodes, edges };
}

/** What the filters let through; an entity the user selected stays visible whatever its kind. */
export function filtered(graph: GraphData, state: Pick<AppState, 'hiddenKinds' | 'hiddenTypes' | 'onlyCited' | 'minConfidence' | 'selected'>): GraphData {
  const nodes = new Map(
    [...graph.nodes].filter(([id, n]) => id === state.selected || (!state.hiddenKinds.includes(n.kind) && n.confidence >= state.minConfidence)),
  );
  const edges = new Map(
    [...graph.edges].filter(
      ([, e]) =>
        nodes.has(e.from.id) &&
        nodes.has(e.to.id) &&
        !state.hiddenTypes.includes(e.type) &&
        (!state.onlyCited || e.cited) &&
        e.confidence >= state.minConfidence,
    ),
  );
  return { nodes, edges };
}

/**
 * The nodes the map draws in a city's part though they are of no city: those a city shown hosts
 * (大湾区综合性国家科学中心 依托 深圳), which stood at the mean of the places they link, in the
 * estuary between them.
 */
export function hostedIn(graph: GraphData): Map<string, NonNullable<Entity['city']>> {
  const hosted = new Map<string, NonNullable<Entity['city']>>();
  for (const e of graph.edges.values()) {
    const host = graph.nodes.get(e.to.id);
    if (e.type === 'HOSTED_BY' && host?.kind === 'City' && !graph.nodes.get(e.from.id)?.city)
      hosted.set(e.from.id, { id: host.id, name: host.name, nameEn: host.nameEn });
  }
  return hosted;
}

export function label(entity: Pick<Entity, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && entity.nameEn ? entity.nameEn : entity.name;
}

/**
 * What a node's fill tells. By document, each plan keeps one colour everywhere (its place in
 * `order`, the plans as the server lists them) and a node is filled with a slice for each of
 * the `shown` plans that name it. `edgeDocuments` colours a relation by the one plan that states it.
 */
export interface Colouring {
  by: ColorBy;
  order: readonly string[];
  shown: ReadonlySet<string>;
  edgeDocuments?: ReadonlyMap<string, string>;
}

const BY_KIND: Colouring = { by: 'kind', order: [], shown: new Set() };

/** The pie slices of a node: `doc0`… as the share (in %) of the fill each plan gets, 0 for a plan that does not name it. */
export function documentShares(named: readonly string[], colouring: Colouring): Record<string, number> {
  // Every slot gets a value, so that each pie slice of the stylesheet has its data.
  const mine = DOCUMENT_COLORS.map((_, i) => {
    const id = colouring.order[i];
    return id !== undefined && named.includes(id) && colouring.shown.has(id);
  });
  const count = mine.filter(Boolean).length;
  return Object.fromEntries(mine.map((m, i) => [`doc${i}`, m ? 100 / count : 0]));
}

export function toElements(graph: GraphData, lang: Lang, colouring: Colouring = BY_KIND): ElementDefinition[] {
  const byDocument = colouring.by === 'document';
  const nodes: ElementDefinition[] = [...graph.nodes.values()].map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: label(n, lang),
      kind: n.kind,
      source: n.source,
      ...(byDocument
        ? documentShares(
            (n.documents ?? []).map((d) => d.id),
            colouring,
          )
        : {}),
    },
    classes: byDocument ? 'by-document' : '',
  }));
  const pair = (e: Relation) => [e.from.id, e.to.id].sort().join(' ');
  const perPair = new Map<string, number>();
  for (const e of graph.edges.values()) perPair.set(pair(e), (perPair.get(pair(e)) ?? 0) + 1);
  const edges: ElementDefinition[] = [...graph.edges.values()].map((e) => {
    const plan = colouring.edgeDocuments?.get(e.id);
    const slot = plan ? colouring.order.indexOf(plan) : -1;
    return {
      group: 'edges',
      data: {
        id: e.id,
        source: e.from.id,
        target: e.to.id,
        type: e.type,
        label: RELATION_TYPES[e.type][lang],
        cited: e.cited ? 'yes' : 'no',
        // Drawn apart from the other links of its two ends (style.ts), or from itself: a loop.
        parallel: perPair.get(pair(e))! > 1 || e.from.id === e.to.id ? 'yes' : 'no',
        ...(slot >= 0 ? { plan: DOCUMENT_COLORS[slot % DOCUMENT_COLORS.length] } : {}),
      },
      classes: slot >= 0 ? 'by-document' : '',
    };
  });
  return [...nodes, ...edges];
}

/** An element with one class more than it has. */
const withClass = (e: ElementDefinition, name: string): ElementDefinition => ({ ...e, classes: `${e.classes ?? ''} ${name}`.trim() });

/**
 * On a map, the places drawn at their real sites: those the registry locates (a city always is,
 * and is not marked) where geo.ts's siteOf, as the arrangement and the expansions use it, draws
 * them where they lie rather than at an edge with an arrow. Classed `sited`, whose outline says so.
 */
export function sited(elements: ElementDefinition[], drawn: GraphData, siting: Siting | null): ElementDefinition[] {
  if (!siting) return elements;
  return elements.map((e) => {
    const node = e.group === 'nodes' ? drawn.nodes.get(e.data.id!) : undefined;
    const onSite = !!node && node.kind !== 'City' && node.lat != null && node.lon != null && siteOf(siting, node.lat, node.lon).arrow === null;
    return onSite ? withClass(e, 'sited') : e;
  });
}

/**
 * The nodes of a picture drawn off a map (a cluster's bands, a path): their names hide what passes
 * under them (style.ts). Seen through, a link crossing a name read as a link to it (光明科学城's line
 * to 生命科学 through 人类细胞谱系装置); on a map, the map shows through.
 */
export function offMap(elements: ElementDefinition[]): ElementDefinition[] {
  return elements.map((e) => (e.group === 'nodes' ? withClass(e, 'off-map') : e));
}

/** Arrows that point westward: written before a name, the others after it (geo.ts's ARROWS). */
const WESTWARD = new Set(['↙', '←', '↖']);

/**
 * Elements whose places are drawn at the map's edge (geo.ts), each label with the arrow toward where
 * it lies on the side it points to (↖ 广州, 香港 ↘): pointing outward from the name. After the name
 * whichever way, ↖ stood where the links from 深圳 reach 广州's label, and was read as their arrowhead.
 */
export function pointed(elements: ElementDefinition[], beyond: ReadonlyMap<string, string>): ElementDefinition[] {
  if (beyond.size === 0) return elements;
  return elements.map((e) => {
    const arrow = e.group === 'nodes' ? beyond.get(e.data.id!) : undefined;
    if (!arrow) return e;
    return { ...e, data: { ...e.data, label: WESTWARD.has(arrow) ? `${arrow} ${e.data.label}` : `${e.data.label} ${arrow}` } };
  });
}
