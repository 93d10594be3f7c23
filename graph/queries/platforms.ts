// "Which platforms serve this industry cluster?" — directly (SERVES), through a
// field the cluster relates to (platform SERVES or FOCUSES_ON a field RELATED_TO the
// cluster), or through a program that supports both. The program route counts only a
// program specific to the cluster: a box that lays out ten clusters supports each of
// them, and crediting its every platform to every one of the ten would say nothing.
// One row per platform, with all its routes, the direct one first. Beside them, the places
// (an industry park, a science city) that serve the cluster, directly or through a field specific
// to it: not platforms, but an analyst asking what serves the cluster would be misled by an answer
// without them.
import { PLACE_KINDS, PLATFORM_KINDS } from '../../ingest/model.ts';
import { anyKind, label } from '../cypher.ts';
import type { Executor } from '../executor.ts';
import { evidenceUnfolded, filteredCompiler, restrictEvidence, type DocumentFilter } from './document-filter.ts';
import { EMPTY_SHAPE, ProjectionCompiler, type Folded, type Shape } from './projection.ts';
import type { EntityPart, RelationRow } from './rows.ts';

export const PLATFORM_VIAS = ['DIRECT', 'FIELD', 'PROGRAM'] as const;
export type PlatformVia = (typeof PLATFORM_VIAS)[number];

/** A program that supports more clusters than this is about clusters in general, not this one. */
export const PROGRAM_CLUSTERS = 3;

export interface PlatformRoute {
  via: PlatformVia;
  through: Folded<EntityPart> | null;
  relations: Folded<RelationRow>[];
}

export interface PlatformRow extends PlatformRoute {
  platform: Folded<EntityPart>;
  /** every route, direct first; the row's own via/through/relations are the first */
  routes: PlatformRoute[];
}

/** What the client selected of the platforms, of the fields and programs routes go through, and of their relations. */
export interface PlatformShape {
  platform: Shape;
  through: Shape;
  relations: Shape;
}

const NO_SHAPE: PlatformShape = { platform: EMPTY_SHAPE, through: EMPTY_SHAPE, relations: EMPTY_SHAPE };

const PLATFORM = anyKind('p', PLATFORM_KINDS);
const PLACE = anyKind('p', PLACE_KINDS);

/**
 * One statement: the cluster checked, every route of every platform, and the entities
 * and relations the selection asks for, projected as neighborhood's are. An unknown
 * cluster yields found = false and no platforms.
 */
export function platformsCypher(compiler = new ProjectionCompiler(), shape: PlatformShape = NO_SHAPE) {
  const cluster = compiler.entity('c', EMPTY_SHAPE);
  const platform = compiler.entity('p', shape.platform);
  const through = compiler.entity('through', shape.through);
  const relation = compiler.relation('r', shape.relations);
  const cypher = `OPTIONAL MATCH (c:${label('IndustryCluster')} {id: $cluster})
     CALL (c) {
       CALL (c) {
         MATCH (p)-[r:SERVES]->(c) WHERE ${PLATFORM}
         RETURN p, 'DIRECT' AS via, null AS through, [r] AS rels
         UNION
         MATCH (p)-[r1:SERVES|FOCUSES_ON]->(f:${label('Field')})-[r2:RELATED_TO]->(c) WHERE ${PLATFORM}
         RETURN p, 'FIELD' AS via, f AS through, [r1, r2] AS rels
         UNION
         MATCH (g:${label('Program')})-[r1:SUPPORTS]->(c), (g)-[r2:SUPPORTS]->(p)
         WHERE ${PLATFORM} AND COUNT { (g)-[:SUPPORTS]->(:${label('IndustryCluster')}) } <= $programClusters
         RETURN p, 'PROGRAM' AS via, g AS through, [r2, r1] AS rels
       }
       CALL (rels) { UNWIND rels AS r RETURN collect(${relation.cypher}) AS relations }
       WITH p, via, through, relations
       ORDER BY CASE via WHEN 'DIRECT' THEN 0 WHEN 'FIELD' THEN 1 ELSE 2 END, through.name, through.id
       WITH p, collect({via: via, through: CASE WHEN through IS NULL THEN null ELSE ${through.cypher} END, relations: relations}) AS routes
       WHERE $via IS NULL OR any(route IN routes WHERE route.via IN $via)
       WITH p, routes
       ORDER BY CASE routes[0].via WHEN 'DIRECT' THEN 0 WHEN 'FIELD' THEN 1 ELSE 2 END, p.name, p.id
       RETURN collect({platform: ${platform.cypher}, routes: routes}) AS platforms
     }
     RETURN c IS NOT NULL AS found, CASE WHEN c IS NULL THEN null ELSE ${cluster.cypher} END AS cluster, platforms`;
  return { cypher, cluster, platform, through, relation };
}

interface RawRoute<V extends PlatformVia = PlatformVia> {
  via: V;
  through: unknown;
  relations: unknown[];
}

/**
 * A route as the statement gives it, decoded: its links' ends are `ends` (the cluster and what the
 * route reaches) and what it goes through. Null where `docs` do not state every one of its links.
 */
function decodeRoute<V extends PlatformVia>(
  compiled: Pick<ReturnType<typeof platformsCypher>, 'through' | 'relation'>,
  ends: Folded<EntityPart>[],
  r: RawRoute<V>,
  docs: DocumentFilter,
): { via: V; through: Folded<EntityPart> | null; relations: Folded<RelationRow>[] } | null {
  const through = r.through == null ? null : compiled.through.decode(r.through, new Map());
  const known = new Map([...ends, ...(through ? [through] : [])].map((e) => [e.id, e]));
  const relations = r.relations.map((rel) => restrictEvidence(compiled.relation.decode(rel, known), docs));
  return relations.every((rel) => rel !== null) ? { via: r.via, through, relations: relations as Folded<RelationRow>[] } : null;
}

/**
 * `via`: keep only platforms reached by one of these routes (all their routes are still listed).
 * `docs`: a route holds for the documents when each of its links is stated by one of them.
 * `found` is false when no industry cluster has the id.
 */
export async function platformsForCluster(
  executor: Executor,
  args: { cluster: string; via?: PlatformVia[] | null; docs?: DocumentFilter; shape?: PlatformShape },
): Promise<{ found: boolean; rows: PlatformRow[] }> {
  const via = args.via ?? null;
  const docs = args.docs ?? null;
  // A document filter keeps a relation by its evidence, read whole.
  const shape = args.shape ?? NO_SHAPE;
  // The cluster is read for the relations' ends alone: what they select is what it needs.
  const compiler = filteredCompiler(
    docs,
    args.shape
      ? [
          ['Entity', shape.platform],
          ['Entity', shape.through],
          ['Relation', shape.relations],
        ]
      : null,
  );
  const compiled = platformsCypher(compiler, docs ? { ...shape, relations: evidenceUnfolded(shape.relations) } : shape);
  const [row] = await executor.read<{ found: boolean; cluster: unknown; platforms: { platform: unknown; routes: RawRoute[] }[] }>(compiled.cypher, {
    ...compiler.params,
    cluster: args.cluster,
    via,
    programClusters: PROGRAM_CLUSTERS,
  });
  if (!row?.found) return { found: false, rows: [] };
  const cluster = compiled.cluster.decode(row.cluster, new Map());
  const rows = row.platforms.flatMap((raw): PlatformRow[] => {
    const platform = compiled.platform.decode(raw.platform, new Map());
    const routes = raw.routes.flatMap((r): PlatformRoute[] => {
      const route = decodeRoute(compiled, [cluster, platform], r, docs);
      return route ? [route] : [];
    });
    if (routes.length === 0 || (via !== null && !routes.some((r) => via.includes(r.via)))) return [];
    return [{ platform, ...routes[0]!, routes }];
  });
  return { found: true, rows };
}

/** A field related to more clusters than this is about them all: a place that focuses on it is not credited to each. */
export const FIELD_PLACE_CLUSTERS = 2;

/** The routes of a place: it serves the cluster, or a field specific to it (no program: a program's places are not named). */
export type PlaceVia = Exclude<PlatformVia, 'PROGRAM'>;

export interface PlaceRow {
  place: Folded<EntityPart>;
  /** the place's first route that holds: DIRECT before FIELD */
  via: PlaceVia;
  through: Folded<EntityPart> | null;
  relations: Folded<RelationRow>[];
}

/** What the client selected of the places, of the fields they serve the cluster through, and of their links. */
export interface PlaceShape {
  place: Shape;
  through: Shape;
  relations: Shape;
}

const NO_PLACE_SHAPE: PlaceShape = { place: EMPTY_SHAPE, through: EMPTY_SHAPE, relations: EMPTY_SHAPE };

/**
 * The places that serve the cluster (广东粤海装备技术产业园 —SERVES→ 高端装备制造产业集群), directly
 * or through a field specific to it that they focus on or serve (松山湖科学城 —聚焦→ 新能源 —相关→
 * 新能源产业集群). A field related to more than FIELD_PLACE_CLUSTERS clusters does not count:
 * 信息科学 and 新一代信息技术 relate to three each, and the four science cities and zones that focus
 * on them would be credited to every one of the three, as if each had been named for it.
 */
export function placesCypher(compiler = new ProjectionCompiler(), shape: PlaceShape = NO_PLACE_SHAPE) {
  const cluster = compiler.entity('c', EMPTY_SHAPE);
  const place = compiler.entity('p', shape.place);
  const through = compiler.entity('through', shape.through);
  const relation = compiler.relation('r', shape.relations);
  const cypher = `OPTIONAL MATCH (c:${label('IndustryCluster')} {id: $cluster})
     CALL (c) {
       CALL (c) {
         MATCH (p)-[r:SERVES]->(c) WHERE ${PLACE}
         RETURN p, 'DIRECT' AS via, null AS through, [r] AS rels
         UNION
         MATCH (p)-[r1:SERVES|FOCUSES_ON]->(f:${label('Field')})-[r2:RELATED_TO]->(c)
         WHERE ${PLACE} AND COUNT { (f)-[:RELATED_TO]->(:${label('IndustryCluster')}) } <= $fieldClusters
         RETURN p, 'FIELD' AS via, f AS through, [r1, r2] AS rels
       }
       CALL (rels) { UNWIND rels AS r RETURN collect(${relation.cypher}) AS relations }
       WITH p, via, through, relations
       ORDER BY CASE via WHEN 'DIRECT' THEN 0 ELSE 1 END, through.name, through.id
       WITH p, collect({via: via, through: CASE WHEN through IS NULL THEN null ELSE ${through.cypher} END, relations: relations}) AS routes
       ORDER BY CASE routes[0].via WHEN 'DIRECT' THEN 0 ELSE 1 END, p.name, p.id
       RETURN collect({place: ${place.cypher}, routes: routes}) AS places
     }
     RETURN c IS NOT NULL AS found, CASE WHEN c IS NULL THEN null ELSE ${cluster.cypher} END AS cluster, places`;
  return { cypher, cluster, place, through, relation };
}

/**
 * `via`: keep only places reached by one of these routes. `docs`: a route holds when each of its
 * links is stated by one of them. A place is listed once, under its first route (of `via`) that holds.
 * `found` is false when no industry cluster has the id.
 */
export async function placesForCluster(
  executor: Executor,
  args: { cluster: string; via?: PlaceVia[] | null; docs?: DocumentFilter; shape?: PlaceShape },
): Promise<{ found: boolean; rows: PlaceRow[] }> {
  const via = args.via ?? null;
  const docs = args.docs ?? null;
  const shape = args.shape ?? NO_PLACE_SHAPE;
  const compiler = filteredCompiler(
    docs,
    args.shape
      ? [
          ['Entity', shape.place],
          ['Entity', shape.through],
          ['Relation', shape.relations],
        ]
      : null,
  );
  const compiled = placesCypher(compiler, docs ? { ...shape, relations: evidenceUnfolded(shape.relations) } : shape);
  const [row] = await executor.read<{
    found: boolean;
    cluster: unknown;
    places: { place: unknown; routes: RawRoute<PlaceVia>[] }[];
  }>(compiled.cypher, { ...compiler.params, cluster: args.cluster, fieldClusters: FIELD_PLACE_CLUSTERS });
  if (!row?.found) return { found: false, rows: [] };
  const cluster = compiled.cluster.decode(row.cluster, new Map());
  const rows = row.places.flatMap((raw): PlaceRow[] => {
    const place = compiled.place.decode(raw.place, new Map());
    for (const r of raw.routes) {
      if (via !== null && !via.includes(r.via)) continue;
      const route = decodeRoute(compiled, [cluster, place], r, docs);
      if (route) return [{ place, ...route }];
    }
    return [];
  });
  return { found: true, rows };
}
