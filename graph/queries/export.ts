// Reads the whole graph back in the ingest JSON shape (ingest/types.ts), sorted the
// way the pipeline sorts it, so that a load can be compared byte for byte with the
// pipeline's own output and with the previous load.
import { RELATION_TYPE_NAMES } from '../../ingest/model.ts';
import type { DocumentInfo, Graph, GraphEdge, GraphNode, Section } from '../../ingest/types.ts';
import { ENTITY, decodeEntity, decodeMention, decodeRelation, entityProjection, mentionProjection, relationProjection } from '../codec.ts';
import type { Executor } from '../executor.ts';

interface NodeRow {
  e: Record<string, unknown>;
  mentions: Record<string, unknown>[];
}

function toNode({ e, mentions }: NodeRow): GraphNode {
  const sorted = mentions.map(decodeMention).sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...decodeEntity(e), mentions: sorted };
}

function toEdge(stored: Record<string, unknown>): GraphEdge {
  const edge = decodeRelation(stored);
  edge.evidence.sort((a, b) => a.start - b.start || a.method.localeCompare(b.method));
  return edge;
}

/** The whole graph, or with `ids` the subgraph of those entities (and the sections they cite). */
export async function exportGraph(executor: Executor, ids: string[] | null = null): Promise<Graph> {
  const nodeRows = await executor.read<NodeRow>(
    `MATCH (e:${ENTITY}) WHERE $ids IS NULL OR e.id IN $ids
     OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(s:Section)
     WITH e, collect(CASE WHEN m IS NULL THEN NULL ELSE ${mentionProjection('m', 's')} END) AS mentions
     RETURN ${entityProjection('e')} AS e, mentions ORDER BY e.id`,
    { ids },
  );
  const edgeRows = await executor.read<{ r: Record<string, unknown> }>(
    `MATCH (a:${ENTITY})-[r]->(b:${ENTITY}) WHERE type(r) IN $types AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
     RETURN ${relationProjection('r')} AS r
     ORDER BY r.id`,
    { types: RELATION_TYPE_NAMES, ids },
  );
  const nodes = nodeRows.map(toNode).sort((a, b) => a.id.localeCompare(b.id));
  const edges = edgeRows.map(({ r }) => toEdge(r)).sort((a, b) => a.id.localeCompare(b.id));
  const cited = ids
    ? [...new Set([...nodes.flatMap((n) => n.mentions.map((m) => m.sectionId)), ...edges.flatMap((e) => e.evidence.map((v) => v.sectionId))])]
    : null;
  const documents = await executor.read<DocumentInfo>('MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.sha256 AS sha256, d.text AS text ORDER BY id');
  const sectionRows = await executor.read<{ s: Section & { seq: number } }>(
    `MATCH (s:Section) WHERE $cited IS NULL OR s.id IN $cited
     RETURN s {.id, .docId, .parentId, .kind, .path, .title, .ordinal, .start, .end, .line, .column, .seq} AS s ORDER BY s.docId, s.seq`,
    { cited },
  );
  const sections = sectionRows.map(({ s }): Section => ({
    id: s.id,
    docId: s.docId,
    parentId: s.parentId ?? null,
    kind: s.kind,
    path: s.path,
    title: s.title,
    ordinal: s.ordinal,
    start: s.start,
    end: s.end,
    line: s.line,
    column: s.column,
  }));
  return { documents, sections, nodes, edges };
}
