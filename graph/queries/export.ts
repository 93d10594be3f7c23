// Reads the whole graph back in the ingest JSON shape (ingest/types.ts), sorted the
// way the pipeline sorts it, so that a load can be compared byte for byte with the
// pipeline's own output and with the previous load.
import { ENTITY_LABEL, RELATION_TYPE_NAMES } from '../../ingest/model.ts';
import type { DocumentInfo, Evidence, Graph, GraphEdge, GraphNode, Mention, PropValue, Section } from '../../ingest/types.ts';
import { label } from '../cypher.ts';
import type { Executor } from '../executor.ts';

const ENTITY = label(ENTITY_LABEL);

interface NodeRow {
  e: Record<string, unknown>;
  labels: string[];
  mentions: { docId: string; sectionId: string; start: number; end: number; quote: string }[];
}

interface EdgeRow {
  id: string;
  type: string;
  from: string;
  to: string;
  r: Record<string, unknown[]>;
  quotes: string[];
}

function toNode({ e, labels, mentions }: NodeRow): GraphNode {
  const kind = labels.find((l) => l !== ENTITY_LABEL) as GraphNode['kind'];
  const props: Record<string, PropValue> = {};
  for (const key of (e.propKeys as string[]) ?? []) props[key] = (e[key] as PropValue) ?? null;
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    id: e.id as string,
    kind,
    name: e.name as string,
    nameEn: (e.nameEn as string | undefined) ?? null,
    aliases: (e.aliases as string[]) ?? [],
    pinyin: e.pinyin as string,
    source: e.source as GraphNode['source'],
    confidence: e.confidence as number,
    city: (e.city as string | undefined) ?? null,
    props,
    mentions: sorted.map((m): Mention => ({ docId: m.docId, sectionId: m.sectionId, start: m.start, end: m.end, quote: m.quote })),
  };
}

function toEdge(row: EdgeRow): GraphEdge {
  const r = row.r;
  const evidence = (r.evidenceDocs ?? []).map(
    (docId, i): Evidence => ({
      docId: docId as string,
      sectionId: r.evidenceSections![i] as string,
      quote: row.quotes[i] ?? '',
      start: r.evidenceStarts![i] as number,
      end: r.evidenceEnds![i] as number,
      method: r.evidenceMethods![i] as string,
      confidence: r.evidenceConfidences![i] as number,
    }),
  );
  evidence.sort((a, b) => a.start - b.start || a.method.localeCompare(b.method));
  return { id: row.id, type: row.type as GraphEdge['type'], from: row.from, to: row.to, evidence };
}

/** The whole graph, or with `ids` the subgraph of those entities (and the sections they cite). */
export async function exportGraph(executor: Executor, ids: string[] | null = null): Promise<Graph> {
  const nodeRows = await executor.read<NodeRow>(
    `MATCH (e:${ENTITY}) WHERE $ids IS NULL OR e.id IN $ids
     OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(s:Section)
     WITH e, collect(CASE WHEN m IS NULL THEN NULL ELSE {docId: m.docId, sectionId: s.id, start: m.start, end: m.end, quote: s.text} END) AS mentions
     RETURN properties(e) AS e, labels(e) AS labels, mentions ORDER BY e.id`,
    { ids },
  );
  const edgeRows = await executor.read<EdgeRow>(
    `MATCH (a:${ENTITY})-[r]->(b:${ENTITY}) WHERE type(r) IN $types AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
     RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS r,
            [sid IN r.evidenceSections | COLLECT { MATCH (s:Section {id: sid}) RETURN s.text }[0]] AS quotes
     ORDER BY id`,
    { types: RELATION_TYPE_NAMES, ids },
  );
  const nodes = nodeRows.map(toNode).sort((a, b) => a.id.localeCompare(b.id));
  const edges = edgeRows.map(toEdge).sort((a, b) => a.id.localeCompare(b.id));
  const cited = ids ? [...new Set([...nodes.flatMap((n) => n.mentions.map((m) => m.sectionId)), ...edges.flatMap((e) => e.evidence.map((v) => v.sectionId))])] : null;
  const documents = await executor.read<DocumentInfo>(
    'MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.sha256 AS sha256, d.text AS text ORDER BY id',
  );
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
