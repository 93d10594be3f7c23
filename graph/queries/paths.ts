// Shortest paths between two entities over the plan's relations, each hop with
// its evidence; onlyCited keeps paths whose every hop the text itself states.
import type { RelationType } from '../../ingest/model.ts';
import { CURATED_METHODS } from '../../ingest/types.ts';
import { ENTITY, evidenceList } from '../codec.ts';
import type { Executor } from '../executor.ts';
import { evidenceUnfolded, filteredCompiler, relationInDocs, restrictAll, type DocumentFilter } from './document-filter.ts';
import { EMPTY_SHAPE, ProjectionCompiler, type Folded, type Shape } from './projection.ts';
import type { EntityPart, RelationRow } from './rows.ts';

export const MAX_HOPS = 6;

export interface PathRow {
  /** the entities along the path, from first to last */
  nodes: Folded<EntityPart>[];
  relations: Folded<RelationRow>[];
}

/** What the client selected of a hop's ends (both ends share one shape) and of its relation. */
export interface PathShape {
  ends: Shape;
  relation: Shape;
}

export function pathsCypher(maxHops: number, compiler = new ProjectionCompiler(), shape: PathShape = { ends: EMPTY_SHAPE, relation: EMPTY_SHAPE }) {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw new RangeError(`maxHops ${maxHops} is outside 1..${MAX_HOPS}`);
  const node = compiler.entity('n', shape.ends);
  const relation = compiler.relation('r', shape.relation);
  // The bound is a validated integer: variable-length bounds cannot be parameters.
  // The ends are checked in the same statement, so that a missing one costs no extra round trip.
  const cypher = `CALL () {
       UNWIND [$from, $to] AS id
       OPTIONAL MATCH (x:${ENTITY} {id: id})
       WITH id, x WHERE x IS NULL
       RETURN collect(id) AS missing
     }
     CALL () {
       MATCH (a:${ENTITY} {id: $from}), (b:${ENTITY} {id: $to})
       MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
       WHERE all(r IN relationships(p) WHERE type(r) IN $types AND ${relationInDocs('r')}
                 AND (NOT $onlyCited OR any(m IN r.${evidenceList('method')} WHERE NOT m IN $curated)))
       // In one order whatever the store's: allShortestPaths gives no order, and the panel numbers them.
       WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | r.id] LIMIT $limit
       CALL (p) { UNWIND nodes(p) AS n RETURN collect(${node.cypher}) AS nodes }
       CALL (p) { UNWIND relationships(p) AS r RETURN collect(${relation.cypher}) AS relations }
       RETURN collect({nodes: nodes, relations: relations}) AS found
     }
     RETURN missing, found`;
  return { cypher, node, relation };
}

export async function paths(
  executor: Executor,
  args: { from: string; to: string; maxHops: number; limit: number; types: RelationType[]; onlyCited: boolean; docs?: DocumentFilter; shape?: PathShape },
): Promise<{ missing: string[]; paths: PathRow[] }> {
  const docs = args.docs ?? null;
  // A document filter keeps a relation by its evidence, read whole.
  const shape = args.shape && docs ? { ...args.shape, relation: evidenceUnfolded(args.shape.relation) } : args.shape;
  const compiler = filteredCompiler(
    docs,
    shape
      ? [
          ['Entity', shape.ends],
          ['Relation', shape.relation],
        ]
      : null,
  );
  const { cypher, node, relation } = pathsCypher(args.maxHops, compiler, shape);
  const [row] = await executor.read<{ missing: string[]; found: { nodes: unknown[]; relations: unknown[] }[] }>(cypher, {
    ...compiler.params,
    from: args.from,
    to: args.to,
    types: args.types,
    onlyCited: args.onlyCited,
    curated: CURATED_METHODS,
    limit: args.limit,
    docs,
  });
  const found = (row?.found ?? []).map((p) => {
    const nodes = p.nodes.map((raw) => node.decode(raw, new Map()));
    const known = new Map(nodes.map((n) => [n.id, n]));
    return {
      nodes,
      relations: restrictAll(
        p.relations.map((raw) => relation.decode(raw, known)),
        docs,
      ),
    };
  });
  return { missing: row?.missing ?? [], paths: found };
}
