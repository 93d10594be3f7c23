// Fidelity: how much of what the plan states the graph holds (recall), and how much
// of what the graph shows the plan states (precision), scored against a reading made
// by hand from the text (tests/fixtures/gold/). Entities match by name or alias;
// links by their two ends and type. Only what stands in the read sections counts:
// an entity mentioned there or linked by evidence quoted from there, an edge with
// evidence there.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../config.ts';
import { isEntityKind, isRelationType, type EntityKind, type RelationType } from '../ingest/model.ts';
import { fold } from '../ingest/normalize.ts';
import { buildGraph } from '../ingest/pipeline.ts';
import { planMetadata } from '../ingest/plan-index.ts';
import { EMPTY_REGISTRY, loadRegistry, type Registry } from '../ingest/registry.ts';
import { UNSTATED_METHOD, type Graph, type GraphNode } from '../ingest/types.ts';
import type { Figure } from './measure.ts';

export const GOLD = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'gold', 'guangdong-sti-14th-fyp.yaml');
const PLAN = path.join(PROJECT_ROOT, 'data', 'plans', 'guangdong-sti-14th-fyp.txt');
const REGISTRY = path.join(PROJECT_ROOT, 'data', 'registry');

export interface GoldEntity {
  name: string;
  kind: EntityKind;
  aka: string[];
}

export interface GoldLink {
  type: RelationType;
  from: string;
  to: string;
  quote: string;
}

export interface Gold {
  document: string;
  scope: string[];
  entities: GoldEntity[];
  links: GoldLink[];
}

export interface Ratio {
  hit: number;
  of: number;
}

export interface Fidelity {
  entityRecall: Ratio;
  entityPrecision: Ratio;
  /** a link between the two ends, whatever its type or direction */
  linkFound: Ratio;
  /** the same type, in the stated direction (either way for cooperation) */
  linkTyped: Ratio;
  linkPrecision: Ratio;
  /** typed links whose evidence quotes the gold sentence */
  linkCited: Ratio;
}

/** Quotes, spaces and full-width forms do not make a different name. */
function key(name: string): string {
  return fold(name).replace(/[“”"'‘’\s]/g, '');
}

export function loadGold(file = GOLD): Gold {
  const raw = parse(fs.readFileSync(file, 'utf8')) as {
    document: string;
    scope: { section: string }[];
    entities: { name: string; kind: string; aka?: string[] }[];
    links: [string, string, string, string][];
  };
  const names = new Set(raw.entities.map((e) => e.name));
  const entities = raw.entities.map((e): GoldEntity => {
    if (!isEntityKind(e.kind)) throw new Error(`${file}: ${e.name} has unknown kind ${e.kind}`);
    return { name: e.name, kind: e.kind, aka: e.aka ?? [] };
  });
  const links = raw.links.map(([type, from, to, quote]): GoldLink => {
    if (!isRelationType(type)) throw new Error(`${file}: unknown relation type ${type}`);
    for (const end of [from, to]) if (!names.has(end)) throw new Error(`${file}: link end ${end} is not among the entities`);
    return { type, from, to, quote };
  });
  return { document: raw.document, scope: raw.scope.map((s) => s.section), entities, links };
}

function ratio(hit: number, of: number): Ratio {
  return { hit, of };
}

/** The graph as the reading sees it: what stands in the read sections, and the reading's entity for a node. */
function judge(graph: Graph, gold: Gold) {
  const prefixes = gold.scope.map((s) => `${gold.document}/${s}/`);
  const inScope = (sectionId: string) => prefixes.some((p) => sectionId.startsWith(p));

  const goldByKey = new Map<string, GoldEntity>();
  for (const entity of gold.entities) for (const name of [entity.name, ...entity.aka]) if (!goldByKey.has(key(name))) goldByKey.set(key(name), entity);
  const goldOf = (node: GraphNode): GoldEntity | undefined => [node.name, ...node.aliases].map((n) => goldByKey.get(key(n))).find((g) => g !== undefined);

  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  // A curated fact marked as stated by no sentence cites none of the read ones.
  const edges = graph.edges.filter((e) => e.evidence.some((ev) => ev.method !== UNSTATED_METHOD && inScope(ev.sectionId)));
  const shown = new Set(graph.nodes.filter((n) => n.mentions.some((m) => inScope(m.sectionId))).map((n) => n.id));
  for (const edge of edges) for (const end of [edge.from, edge.to]) shown.add(end);
  const endsOf = (edge: Graph['edges'][number]) => [goldOf(nodes.get(edge.from)!), goldOf(nodes.get(edge.to)!)] as const;
  const sameLink = (link: GoldLink, type: string, from: GoldEntity | undefined, to: GoldEntity | undefined) =>
    link.type === type &&
    ((from?.name === link.from && to?.name === link.to) || (type === 'COOPERATES_WITH' && from?.name === link.to && to?.name === link.from));
  return { inScope, goldOf, nodes, edges, shown, endsOf, sameLink };
}

export function score(graph: Graph, gold: Gold): Fidelity {
  const { goldOf, nodes, edges, shown, endsOf, sameLink } = judge(graph, gold);

  const found = new Set<GoldEntity>();
  let rightNodes = 0;
  for (const id of shown) {
    const entity = goldOf(nodes.get(id)!);
    if (!entity) continue;
    found.add(entity);
    rightNodes += 1;
  }

  let rightEdges = 0;
  for (const edge of edges) {
    const [from, to] = endsOf(edge);
    if (gold.links.some((l) => sameLink(l, edge.type, from, to))) rightEdges += 1;
  }

  let anyHit = 0;
  let typedHit = 0;
  let cited = 0;
  for (const link of gold.links) {
    const between = graph.edges.filter((e) => {
      const [from, to] = endsOf(e);
      return (from?.name === link.from && to?.name === link.to) || (from?.name === link.to && to?.name === link.from);
    });
    if (between.length > 0) anyHit += 1;
    const typed = between.filter((e) => {
      const [from, to] = endsOf(e);
      return sameLink(link, e.type, from, to);
    });
    if (typed.length > 0) typedHit += 1;
    if (typed.some((e) => e.evidence.some((ev) => key(ev.quote).includes(key(link.quote))))) cited += 1;
  }

  return {
    entityRecall: ratio(found.size, gold.entities.length),
    entityPrecision: ratio(rightNodes, shown.size),
    linkFound: ratio(anyHit, gold.links.length),
    linkTyped: ratio(typedHit, gold.links.length),
    linkPrecision: ratio(rightEdges, edges.length),
    linkCited: ratio(cited, typedHit),
  };
}

/** What the figures count against the graph, named: the reading's entities and links it lacks, and what it shows that the reading does not state. */
export interface Misses {
  entitiesMissed: string[];
  entitiesUnread: string[];
  linksMissed: string[];
  linksUnstated: string[];
}

const linkLine = (type: string, from: string, to: string, quote: string) => `${type} ${from} → ${to}  「${quote}」`;

export function missesOf(graph: Graph, gold: Gold): Misses {
  const { inScope, goldOf, nodes, edges, shown, endsOf, sameLink } = judge(graph, gold);
  const found = new Set<string>();
  const entitiesUnread: string[] = [];
  for (const id of shown) {
    const node = nodes.get(id)!;
    const entity = goldOf(node);
    if (entity) found.add(entity.name);
    else entitiesUnread.push(`${node.kind} ${node.name}`);
  }
  const linksUnstated: string[] = [];
  for (const edge of edges) {
    const [from, to] = endsOf(edge);
    if (gold.links.some((l) => sameLink(l, edge.type, from, to))) continue;
    const quote = edge.evidence.find((ev) => inScope(ev.sectionId))?.quote ?? '';
    linksUnstated.push(linkLine(edge.type, nodes.get(edge.from)!.name, nodes.get(edge.to)!.name, quote.slice(0, 60)));
  }
  const typed = (link: GoldLink) =>
    graph.edges.some((e) => {
      const [from, to] = endsOf(e);
      return sameLink(link, e.type, from, to);
    });
  return {
    entitiesMissed: gold.entities.filter((e) => !found.has(e.name)).map((e) => `${e.kind} ${e.name}`),
    entitiesUnread: entitiesUnread.sort(),
    linksMissed: gold.links.filter((l) => !typed(l)).map((l) => linkLine(l.type, l.from, l.to, l.quote)),
    linksUnstated: linksUnstated.sort(),
  };
}

export function percent(r: Ratio): number {
  return r.of === 0 ? 0 : (100 * r.hit) / r.of;
}

export function graphFor(registry: Registry): Graph {
  const bytes = fs.readFileSync(PLAN);
  return buildGraph({ source: PLAN, bytes, registry, discover: true, ...planMetadata(PLAN) }).graph;
}

function registryFor(option: 'default' | 'none'): Registry {
  return option === 'none' ? EMPTY_REGISTRY : loadRegistry(REGISTRY);
}

export function fidelityWith(option: 'default' | 'none'): Fidelity {
  return score(graphFor(registryFor(option)), loadGold());
}

/** The misses and unstated links, listed for whoever improves the rules (`--misses`). */
export function printMisses(registries: ('default' | 'none')[]): void {
  const gold = loadGold();
  for (const option of registries) {
    const misses = missesOf(graphFor(registryFor(option)), gold);
    for (const [field, title] of [
      ['entitiesMissed', 'entities of the reading not found'],
      ['entitiesUnread', 'entities shown that the reading does not have'],
      ['linksMissed', 'links of the reading not found with their type'],
      ['linksUnstated', 'links shown that the reading does not state'],
    ] as const) {
      console.log(`\n== registry ${option}: ${title} (${misses[field].length})`);
      for (const line of misses[field]) console.log(`  ${line}`);
    }
  }
}

const LABELS: [keyof Fidelity, string][] = [
  ['entityRecall', 'entities of the reading found (recall)'],
  ['entityPrecision', 'entities shown that the reading has (precision)'],
  ['linkFound', 'links of the reading found, any type or direction (recall)'],
  ['linkTyped', 'links of the reading found with their type and direction (recall)'],
  ['linkPrecision', 'links shown that the reading states (precision)'],
  ['linkCited', 'typed links found that cite the reading’s sentence'],
];

export function benchFidelity(registries: ('default' | 'none')[]): Figure[] {
  const gold = loadGold();
  const figures: Figure[] = [];
  for (const option of registries) {
    const result = fidelityWith(option);
    for (const [field, label] of LABELS) {
      const r = result[field];
      figures.push({
        name: `fidelity, registry ${option}: ${label}`,
        value: percent(r),
        unit: '%',
        conditions: `${r.hit} of ${r.of}; reading of ${gold.scope.join(', ')} (${gold.entities.length} entities, ${gold.links.length} links)`,
      });
    }
  }
  return figures;
}
