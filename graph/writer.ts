// Loads an ingested graph into Neo4j. A document's whole contribution — its
// sections, the mentions in them, the evidence it gives edges, the entities only it
// names — is replaced in one transaction: a load that fails leaves the previous
// graph exactly as it was.
import { ENTITY_LABEL, KINDS } from '../ingest/model.ts';
import type { Graph, GraphEdge, GraphNode, Section } from '../ingest/types.ts';
import { label, relType } from './cypher.ts';
import { typed, type Executor, type Tx } from './executor.ts';
import { GRAPH_VERSION_ID } from './queries/version.ts';

export interface WriteOptions {
  /** awaited after each stage: progress output, and the hook a test uses to break a load half-way */
  onStage?: (stage: string, rows: number) => Promise<void> | void;
  /** rows per UNWIND statement */
  batchSize?: number;
  /** bound of the whole load's transaction */
  timeoutMs?: number;
}

export interface WriteSummary {
  documents: number;
  sections: number;
  entities: number;
  mentions: number;
  relations: number;
  /** entities no document names any more, deleted */
  pruned: number;
}

const DEFAULTS = {
  batchSize: 2000, // a few hundred KB of parameters per statement
  timeoutMs: 120_000,
};

const ENTITY = label(ENTITY_LABEL);
const ALL_KIND_LABELS = KINDS.map(label).join(':');

async function batched<T>(tx: Tx, cypher: string, rows: T[], size: number, params: Record<string, unknown> = {}): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await tx.run(cypher, typed({ ...params, rows: rows.slice(i, i + size) }) as Record<string, unknown>);
  }
}

/** Takes a document's evidence off every edge, and deletes the edges left with none. */
async function removeDocument(tx: Tx, docId: string): Promise<void> {
  await tx.run(
    `MATCH (:${ENTITY})-[r]->(:${ENTITY}) WHERE $doc IN r.evidenceDocs
     WITH r, [i IN range(0, size(r.evidenceDocs) - 1) WHERE r.evidenceDocs[i] <> $doc] AS keep
     SET r.evidenceDocs = [i IN keep | r.evidenceDocs[i]],
         r.evidenceSections = [i IN keep | r.evidenceSections[i]],
         r.evidenceStarts = [i IN keep | r.evidenceStarts[i]],
         r.evidenceEnds = [i IN keep | r.evidenceEnds[i]],
         r.evidenceMethods = [i IN keep | r.evidenceMethods[i]],
         r.evidenceConfidences = [i IN keep | r.evidenceConfidences[i]]
     WITH r WHERE size(r.evidenceDocs) = 0
     DELETE r`,
    { doc: docId },
  );
  await tx.run('MATCH (s:Section {docId: $doc}) DETACH DELETE s', { doc: docId });
  await tx.run('MATCH (d:Document {id: $doc}) DETACH DELETE d', { doc: docId });
  await tx.run(`MATCH (e:${ENTITY}) WHERE $doc IN e.docs SET e.docs = [d IN e.docs WHERE d <> $doc]`, { doc: docId });
}

function sectionRow(section: Section, seq: number, text: string) {
  // Sentences carry their text: it is the quote of every mention and evidence in them.
  return { ...section, seq, text: section.kind === 'sentence' ? text.slice(section.start, section.end) : null };
}

function nodeRow(node: GraphNode) {
  const { mentions: _mentions, props, ...own } = node;
  return {
    id: node.id,
    kind: node.kind,
    properties: { ...props, ...own, pinyinKey: node.pinyin.replace(/\s+/g, ''), propKeys: Object.keys(props) },
  };
}

function edgeRow(edge: GraphEdge) {
  return {
    id: edge.id,
    type: edge.type,
    from: edge.from,
    to: edge.to,
    docs: edge.evidence.map((e) => e.docId),
    sections: edge.evidence.map((e) => e.sectionId),
    starts: edge.evidence.map((e) => e.start),
    ends: edge.evidence.map((e) => e.end),
    methods: edge.evidence.map((e) => e.method),
    confidences: edge.evidence.map((e) => e.confidence),
  };
}

export async function writeGraph(executor: Executor, graph: Graph, options: WriteOptions = {}): Promise<WriteSummary> {
  const { batchSize, timeoutMs } = { ...DEFAULTS, ...options };
  const stage = async (name: string, rows: number) => options.onStage?.(name, rows);
  const docIds = graph.documents.map((d) => d.id);
  const texts = new Map(graph.documents.map((d) => [d.id, d.text]));

  return executor.transaction(async (tx) => {
    for (const doc of docIds) await removeDocument(tx, doc);
    await stage('remove previous version', docIds.length);

    await batched(tx, 'UNWIND $rows AS row CREATE (d:Document) SET d = row', graph.documents, batchSize);
    const sections = graph.sections.map((s, seq) => sectionRow(s, seq, texts.get(s.docId) ?? ''));
    await batched(tx, 'UNWIND $rows AS row CREATE (s:Section) SET s = row', sections, batchSize);
    const links = graph.sections.map((s) => ({ id: s.id, parentId: s.parentId, docId: s.docId, ordinal: s.ordinal }));
    await batched(
      tx,
      `UNWIND $rows AS row
       MATCH (parent:Section {id: row.parentId}) MATCH (child:Section {id: row.id})
       CREATE (parent)-[:HAS_SECTION {ordinal: row.ordinal}]->(child)`,
      links.filter((l) => l.parentId !== null),
      batchSize,
    );
    await batched(
      tx,
      `UNWIND $rows AS row
       MATCH (parent:Document {id: row.docId}) MATCH (child:Section {id: row.id})
       CREATE (parent)-[:HAS_SECTION {ordinal: row.ordinal}]->(child)`,
      links.filter((l) => l.parentId === null),
      batchSize,
    );
    await stage('documents and sections', graph.documents.length + graph.sections.length);

    // Labels and types are parameters here ($(row.kind)), checked against the defined lists first.
    for (const node of graph.nodes) label(node.kind);
    await batched(
      tx,
      `UNWIND $rows AS row
       MERGE (e:${ENTITY} {id: row.id})
       WITH e, row, coalesce(e.docs, []) AS docs
       SET e = row.properties
       SET e.docs = [d IN docs WHERE NOT d IN $docIds] + $docIds
       REMOVE e:${ALL_KIND_LABELS}
       SET e:$(row.kind)`,
      graph.nodes.map(nodeRow),
      batchSize,
      { docIds },
    );
    await stage('entities', graph.nodes.length);

    const mentions = graph.nodes.flatMap((n) => n.mentions.map((m) => ({ entity: n.id, section: m.sectionId, docId: m.docId, start: m.start, end: m.end })));
    await batched(
      tx,
      `UNWIND $rows AS row
       MATCH (e:${ENTITY} {id: row.entity})
       MATCH (s:Section {id: row.section})
       CREATE (e)-[:MENTIONED_IN {docId: row.docId, start: row.start, end: row.end}]->(s)`,
      mentions,
      batchSize,
    );
    await stage('mentions', mentions.length);

    for (const edge of graph.edges) relType(edge.type);
    await batched(
      tx,
      `UNWIND $rows AS row
       MATCH (a:${ENTITY} {id: row.from})
       MATCH (b:${ENTITY} {id: row.to})
       MERGE (a)-[r:$(row.type)]->(b)
       ON CREATE SET r.id = row.id, r.evidenceDocs = [], r.evidenceSections = [], r.evidenceStarts = [],
                     r.evidenceEnds = [], r.evidenceMethods = [], r.evidenceConfidences = []
       SET r.evidenceDocs = r.evidenceDocs + row.docs,
           r.evidenceSections = r.evidenceSections + row.sections,
           r.evidenceStarts = r.evidenceStarts + row.starts,
           r.evidenceEnds = r.evidenceEnds + row.ends,
           r.evidenceMethods = r.evidenceMethods + row.methods,
           r.evidenceConfidences = r.evidenceConfidences + row.confidences`,
      graph.edges.map(edgeRow),
      batchSize,
    );
    await stage('relations', graph.edges.length);

    const [pruned] = (await tx.run(`MATCH (e:${ENTITY}) WHERE size(e.docs) = 0 DETACH DELETE e RETURN count(*) AS n`)).records;
    await tx.run(`MERGE (m:Meta {id: '${GRAPH_VERSION_ID}'}) SET m.version = coalesce(m.version, 0) + 1`);
    await stage('prune', 0);
    return {
      documents: graph.documents.length,
      sections: graph.sections.length,
      entities: graph.nodes.length,
      mentions: mentions.length,
      relations: graph.edges.length,
      pruned: Number(pruned?.get('n') ?? 0),
    };
  }, timeoutMs);
}
