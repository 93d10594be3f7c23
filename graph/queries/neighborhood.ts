// What the explorer draws around some entities: everything within `depth` links,
// nearest first up to a limit, and the links among what is kept.
import type { EntityKind, RelationType } from '../../ingest/model.ts';
import { ENTITY, decodeRelation, relationProjection } from '../codec.ts';
import type { Executor } from '../executor.ts';
import { entityInDocs, evidenceUnfolded, filteredCompiler, relationInDocs, restrictAll, type DocumentFilter } from './document-filter.ts';
import { EMPTY_SHAPE, ProjectionCompiler, type Folded, type Shape } from './projection.ts';
import type { EntityPart, RelationRow } from './rows.ts';

export const MAX_DEPTH = 3;

export interface SubgraphRows {
  /** read with the fields the selection names (whole without one) */
  nodes: Folded<EntityPart>[];
  edges: Folded<RelationRow>[];
  truncated: boolean;
  /** start ids that name no entity */
  missing: string[];
}

/** What the client selected of the subgraph's nodes and edges: folded into the same statement. */
export interface SubgraphShape {
  nodes: Shape;
  edges: Shape;
}

/**
 * The links among the entities kept; with $among, also the entities of $among linked to those kept
 * (`joined`) and the links between them and the kept (`joined` is none without).
 */
const linksOf = (edge: string, among: boolean) => `${
  among
    ? `CALL (kept) {
       UNWIND kept AS k
       MATCH (k)-[r]-(o:${ENTITY}) WHERE o.id IN $among AND NOT o IN kept AND type(r) IN $types AND ${relationInDocs('r')} AND ${entityInDocs('o')}
       RETURN collect(DISTINCT o) AS joined
     }`
    : 'WITH *, [] AS joined'
}
     CALL (kept, joined) {
       WITH kept, kept + joined AS drawn
       UNWIND drawn AS a
       MATCH (a)-[r]->(b:${ENTITY}) WHERE type(r) IN $types AND b IN drawn${among ? ' AND (a IN kept OR b IN kept)' : ''} AND ${relationInDocs('r')}
       WITH r ORDER BY r.id
       RETURN collect(${edge}) AS edges
     }`;

/**
 * Breadth-first, one level per CALL: each level is the distinct entities one link
 * beyond the last, never revisiting one. (A variable-length pattern would enumerate
 * every path first, and on hub nodes such as a 专栏's program there are thousands.)
 * The number of levels is a validated integer that only selects how many blocks
 * the query has; all data stays in parameters. With `among` ($among: entities the
 * asker holds already, an earlier answer's), the links between those and what is kept
 * come too, with the entities of $among they join: an answer for one more start
 * entity, merged with the earlier one, is the answer for all of them.
 */
export function neighborhoodCypher(
  depth: number,
  compiler = new ProjectionCompiler(),
  shape: SubgraphShape = { nodes: EMPTY_SHAPE, edges: EMPTY_SHAPE },
  among = false,
) {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) throw new RangeError(`depth ${depth} is outside 1..${MAX_DEPTH}`);
  const levels = Array.from({ length: depth }, (_, i) => i + 1);
  const expand = levels
    .map(
      (level) => `CALL (frontier${level - 1}, seen${level - 1}) {
       UNWIND frontier${level - 1} AS f
       MATCH (f)-[r]-(n:${ENTITY}) WHERE type(r) IN $types AND NOT n IN seen${level - 1} AND ${relationInDocs('r')} AND ${entityInDocs('n')}
       WITH DISTINCT n ORDER BY n.id
       RETURN collect(n) AS frontier${level}
     }
     WITH *, seen${level - 1} + frontier${level} AS seen${level}`,
    )
    .join('\n     ');
  const reached = levels.map((level) => `frontier${level}`).join(' + ');
  const node = compiler.entity('k', shape.nodes);
  const edge = compiler.relation('r', shape.edges);
  const cypher = `MATCH (s:${ENTITY}) WHERE s.id IN $ids
     WITH collect(s) AS frontier0
     WITH frontier0, frontier0 AS seen0, [id IN $ids WHERE NOT id IN [s IN frontier0 | s.id]] AS missing
     ${expand}
     WITH frontier0 + [n IN ${reached} WHERE $kinds IS NULL OR any(k IN labels(n) WHERE k IN $kinds)] AS inReach, missing
     WITH inReach[0..$limit] AS kept, size(inReach) > $limit AS truncated, missing
     ${linksOf(edge.cypher, among)}
     CALL (kept, joined) {
       UNWIND kept + joined AS k
       RETURN collect(${node.cypher}) AS nodes
     }
     RETURN nodes, edges, truncated, missing`;
  return { cypher, node, edge };
}

export async function neighborhood(
  executor: Executor,
  args: {
    ids: string[];
    depth: number;
    kinds: EntityKind[] | null;
    types: RelationType[];
    limit: number;
    docs?: DocumentFilter;
    shape?: SubgraphShape;
    /** entities the asker holds already: their links to what is kept come too (see neighborhoodCypher) */
    among?: string[] | null;
  },
): Promise<SubgraphRows> {
  const docs = args.docs ?? null;
  // A document filter keeps a relation by its evidence, read whole.
  const shape = args.shape && docs ? { ...args.shape, edges: evidenceUnfolded(args.shape.edges) } : args.shape;
  const compiler = filteredCompiler(
    docs,
    shape
      ? [
          ['Entity', shape.nodes],
          ['Relation', shape.edges],
        ]
      : null,
  );
  const among = args.among?.length ? args.among : null;
  const { cypher, node, edge } = neighborhoodCypher(args.depth, compiler, shape, among !== null);
  const [row] = await executor.read<{ nodes: unknown[]; edges: unknown[]; truncated: boolean; missing: string[] }>(cypher, {
    ...compiler.params,
    ids: args.ids,
    kinds: args.kinds,
    types: args.types,
    limit: args.limit,
    docs,
    among,
  });
  const nodes = (row?.nodes ?? []).map((raw) => node.decode(raw, new Map()));
  // Every edge joins two nodes returned (kept, or of $among): its ends are decoded from them, not read again.
  const known = new Map(nodes.map((n) => [n.id, n]));
  const edges = restrictAll(
    (row?.edges ?? []).map((raw) => edge.decode(raw, known)),
    docs,
  ).sort((a, b) => a.id.localeCompare(b.id));
  return { nodes, edges, truncated: row?.truncated ?? false, missing: row?.missing ?? args.ids };
}

export interface NeighborRow {
  /** the entity whose neighbours these are */
  of: string;
  relation: RelationRow;
  other: string;
  direction: 'OUT' | 'IN';
}

/** The links of several entities at once (one round trip for a whole list). */
export async function neighborsOf(
  executor: Executor,
  args: { ids: readonly string[]; types: RelationType[]; direction: 'OUT' | 'IN' | 'BOTH'; first: number },
): Promise<NeighborRow[]> {
  const rows = await executor.read<{ of: string; relation: Record<string, unknown>; other: string; direction: 'OUT' | 'IN' }>(
    `MATCH (e:${ENTITY}) WHERE e.id IN $ids
     CALL (e) {
       MATCH (e)-[r]-(o:${ENTITY})
       WHERE type(r) IN $types
       WITH r, o, CASE WHEN startNode(r) = e THEN 'OUT' ELSE 'IN' END AS direction
       WHERE $direction = 'BOTH' OR direction = $direction
       RETURN r, o, direction ORDER BY type(r), o.id LIMIT $first
     }
     RETURN e.id AS of, ${relationProjection('r')} AS relation, o.id AS other, direction`,
    { ids: [...new Set(args.ids)], types: args.types, direction: args.direction, first: args.first },
  );
  return rows.map((r) => ({ of: r.of, relation: decodeRelation(r.relation), other: r.other, direction: r.direction }));
}
