// Loads an ingested graph into Neo4j. A document's whole contribution — its
// sections, the mentions in them, the evidence it gives edges, the entities only it
// names — is replaced in one transaction: a load that fails leaves the previous
// graph exactly as it was. Bulk loads too large for one transaction commit batch
// by batch instead (WriteOptions.commit).
import { ENTITY_LABEL } from '../ingest/model.ts';
import type { Graph, GraphNode, Section } from '../ingest/types.ts';
import { APPEND_EVIDENCE, DROP_DOCUMENT_EVIDENCE, ENTITY, EVIDENCE_UPGRADE, SET_EVIDENCE, entityRow, evidenceList, mentionRow, relationRow } from './codec.ts';
import { label, relType } from './cypher.ts';
import { typed, type Executor } from './executor.ts';
import { GRAPH_VERSION_ID } from './queries/version.ts';

export interface WriteOptions {
  /** awaited after each stage: progress output, and the hook a test uses to break a load half-way */
  onStage?: (stage: string, rows: number) => Promise<void> | void;
  /** rows per UNWIND statement */
  batchSize?: number;
  /** bound of the whole load's transaction ('atomic'), or of each batch's ('batched') */
  timeoutMs?: number;
  /**
   * 'atomic' (the default): the whole load is one transaction, so a load that fails
   * leaves the previous graph exactly as it was. 'batched': every batch commits on its
   * own, for documents too large for one transaction to fit Neo4j's heap (bulk and
   * synthetic loads). A batched load that fails leaves part of the document behind;
   * loading the document again repairs it, since its first step removes everything
   * tagged with the document's id.
   */
  commit?: 'atomic' | 'batched';
  /** batches in flight at once in a batched load (an atomic load runs one statement at a time) */
  parallel?: number;
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
  commit: 'atomic' as const,
  parallel: 2, // one per core of a small server; Neo4j retries the rare deadlock between two batches
};

/** rows per inner transaction of a batched sweep */
const SWEEP_ROWS = 10_000;

/** A statement over data already stored; in a batched load it commits every SWEEP_ROWS rows. */
interface Sweep {
  match: string;
  /** the variable the body works on */
  each: string;
  body: string;
}

/** Takes a document's evidence off every edge (deleting the edges left with none), then its sections, its node, its name on entities. */
const REMOVE_DOCUMENT: Sweep[] = [
  { match: `MATCH (:${ENTITY})-[r]->(:${ENTITY}) WHERE $doc IN r.${evidenceList('docId')}`, each: 'r', body: DROP_DOCUMENT_EVIDENCE },
  { match: 'MATCH (s:Section {docId: $doc})', each: 's', body: 'DETACH DELETE s' },
  { match: 'MATCH (d:Document {id: $doc})', each: 'd', body: 'DETACH DELETE d' },
  { match: `MATCH (e:${ENTITY}) WHERE $doc IN e.docs`, each: 'e', body: 'SET e.docs = [d IN e.docs WHERE d <> $doc]' },
];

const PRUNE: Sweep = { match: `MATCH (e:${ENTITY}) WHERE size(e.docs) = 0`, each: 'e', body: 'DETACH DELETE e' };

/**
 * What is stored before a load: how many of its documents (a load is a replacement only if
 * some are), and how many documents and entities in all (none: the graph is empty).
 */
const STORED = `CALL () { MATCH (d:Document) RETURN count(d) AS documents, count(CASE WHEN d.id IN $docIds THEN d END) AS mine }
  CALL () { MATCH (e:${ENTITY}) RETURN count(e) AS entities }
  RETURN mine, documents + entities AS stored`;

interface Stored {
  mine: number;
  stored: number;
}

function sweepCypher(sweep: Sweep, batched: boolean): string {
  const call = `CALL (${sweep.each}) { ${sweep.body} }`;
  return `${sweep.match} ${call}${batched ? ` IN TRANSACTIONS OF ${SWEEP_ROWS} ROWS` : ''} RETURN count(*) AS n`;
}

/** Where a load's statements go: into one transaction, or each into its own. */
interface Target {
  /** statements that may run at once */
  parallel: number;
  run(cypher: string, params: Record<string, unknown>): Promise<unknown>;
  sweep(sweep: Sweep, params: Record<string, unknown>): Promise<number>;
  /** runs STORED */
  stored(params: Record<string, unknown>): Promise<Stored>;
}

function* slices<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let slice: T[] = [];
  for (const item of items) {
    slice.push(item);
    if (slice.length === size) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length > 0) yield slice;
}

/** Runs `cypher` over the items `size` at a time; rows are made per slice, so a large graph is never copied whole. */
async function batched<T>(
  target: Target,
  cypher: string,
  items: Iterable<T>,
  toRow: (item: T, index: number) => unknown,
  size: number,
  params: Record<string, unknown> = {},
): Promise<number> {
  let done = 0;
  const failures: unknown[] = [];
  const running = new Set<Promise<void>>();
  for (const slice of slices(items, size)) {
    if (failures.length > 0) break;
    const rows = slice.map((item, k) => toRow(item, done + k));
    done += slice.length;
    const statement: Promise<void> = target
      .run(cypher, { ...params, rows })
      .then(
        () => undefined,
        (error: unknown) => {
          failures.push(error);
        },
      )
      .finally(() => running.delete(statement));
    running.add(statement);
    if (running.size >= target.parallel) await Promise.race(running);
  }
  await Promise.all(running);
  if (failures.length > 0) throw failures[0];
  return done;
}

/** The stored properties of a section; `seq` is its place in the document, the order readers walk. */
export function sectionRow(section: Section, seq: number, text: string) {
  // Sentences carry their text: it is the quote of every mention and evidence in them.
  return { ...section, seq, text: section.kind === 'sentence' ? text.slice(section.start, section.end) : null };
}

function* mentionRows(nodes: GraphNode[]) {
  for (const n of nodes) {
    for (const m of n.mentions) yield mentionRow(n.id, m);
  }
}

const asIs = <T>(item: T): T => item;

async function load(target: Target, graph: Graph, batchSize: number, stage: (name: string, rows: number) => Promise<void>): Promise<WriteSummary> {
  const docIds = graph.documents.map((d) => d.id);
  const texts = new Map(graph.documents.map((d) => [d.id, d.text]));

  // Everything a document contributes is tagged with its id, and its Document node is written
  // first: with no such node stored there is nothing to take away, and no entity loses a
  // document, so a first load skips the sweeps and the prune (a just-started server spends
  // seconds planning and first running each statement, even one that finds nothing).
  const before = await target.stored({ docIds });
  const replacing = before.mine > 0;
  // Into an empty graph nodes and relationships are created, not merged: there is nothing to
  // merge with, and a relationship's MERGE checks every relationship between its two ends
  // (two thirds of a first load's relations stage, cold or warm). Ids are unique in a
  // pipeline's graph; a graph where they are not is merged as any other.
  const fresh = before.stored === 0 && unique(graph.nodes) && unique(graph.edges);
  // Relations an earlier version stored are brought to today's format before anything is appended to them.
  if (before.stored > 0) await target.sweep(EVIDENCE_UPGRADE, {});
  if (replacing) {
    for (const doc of docIds) {
      for (const sweep of REMOVE_DOCUMENT) await target.sweep(sweep, { doc });
    }
  }
  await stage('remove previous version', replacing ? docIds.length : 0);

  await batched(target, 'UNWIND $rows AS row CREATE (d:Document) SET d = row', graph.documents, asIs, batchSize);
  await batched(
    target,
    'UNWIND $rows AS row CREATE (s:Section) SET s = row',
    graph.sections,
    (s, seq) => sectionRow(s, seq, texts.get(s.docId) ?? ''),
    batchSize,
  );
  // A top-level section hangs from its document, any other from its parent section: one statement for both.
  await batched(
    target,
    `UNWIND $rows AS row
     MATCH (child:Section {id: row.id})
     OPTIONAL MATCH (section:Section {id: row.parentId})
     OPTIONAL MATCH (document:Document {id: row.docId}) WHERE row.parentId IS NULL
     WITH child, row, coalesce(section, document) AS parent
     CREATE (parent)-[:HAS_SECTION {ordinal: row.ordinal}]->(child)`,
    graph.sections,
    (s: Section) => ({ id: s.id, parentId: s.parentId, docId: s.docId, ordinal: s.ordinal }),
    batchSize,
  );
  await stage('documents and sections', graph.documents.length + graph.sections.length);

  // Labels and types are parameters here ($(row.kind)), checked against the defined lists first.
  for (const node of graph.nodes) label(node.kind);
  await batched(
    target,
    fresh
      ? `UNWIND $rows AS row CREATE (e:${ENTITY}) SET e = row.properties, e.docs = $docIds, e:$(row.kind)`
      : `UNWIND $rows AS row
     MERGE (e:${ENTITY} {id: row.id})
     WITH e, row, coalesce(e.docs, []) AS docs, [l IN labels(e) WHERE l <> '${ENTITY_LABEL}' AND l <> row.kind] AS stale
     SET e = row.properties, e.docs = [d IN docs WHERE NOT d IN $docIds] + $docIds, e:$(row.kind)
     REMOVE e:$(stale)`,
    graph.nodes,
    entityRow,
    batchSize,
    { docIds },
  );
  await stage('entities', graph.nodes.length);

  const mentions = await batched(
    target,
    `UNWIND $rows AS row
     MATCH (e:${ENTITY} {id: row.entity})
     MATCH (s:Section {id: row.section})
     CREATE (e)-[m:MENTIONED_IN]->(s) SET m = row.properties`,
    mentionRows(graph.nodes),
    asIs,
    batchSize,
  );
  await stage('mentions', mentions);

  for (const edge of graph.edges) relType(edge.type);
  await batched(
    target,
    `UNWIND $rows AS row
     MATCH (a:${ENTITY} {id: row.from})
     MATCH (b:${ENTITY} {id: row.to})
     ${fresh ? `CREATE (a)-[r:$(row.type)]->(b) ${SET_EVIDENCE}` : `MERGE (a)-[r:$(row.type)]->(b) ${APPEND_EVIDENCE}`}`,
    graph.edges,
    relationRow,
    batchSize,
  );
  await stage('relations', graph.edges.length);

  const pruned = replacing ? await target.sweep(PRUNE, {}) : 0;
  await target.run(`MERGE (m:Meta {id: '${GRAPH_VERSION_ID}'}) SET m.version = coalesce(m.version, 0) + 1`, {});
  await stage('prune', pruned);
  return summaryOf(graph, pruned);
}

function unique(items: readonly { id: string }[]): boolean {
  return new Set(items.map((item) => item.id)).size === items.length;
}

/** What storing `graph` wrote, however it was stored (this writer or the offline importer). */
export function summaryOf(graph: Graph, pruned: number): WriteSummary {
  return {
    documents: graph.documents.length,
    sections: graph.sections.length,
    entities: graph.nodes.length,
    mentions: graph.nodes.reduce((sum, n) => sum + n.mentions.length, 0),
    relations: graph.edges.length,
    pruned,
  };
}

/** A graph of one of everything: what a load's statements look like, for planning them ahead. */
const SHAPES: Graph = {
  documents: [{ id: 'warm-up', title: 'warm-up', sha256: '', text: '。' }],
  sections: [
    { id: 'warm-up/c1', docId: 'warm-up', parentId: null, kind: 'chapter', path: '', title: '', ordinal: 1, start: 0, end: 1, line: 1, column: 1 },
    { id: 'warm-up/c1/t1', docId: 'warm-up', parentId: 'warm-up/c1', kind: 'sentence', path: '', title: '', ordinal: 1, start: 0, end: 1, line: 1, column: 1 },
  ],
  nodes: [
    {
      id: 'warm-up',
      kind: 'City',
      name: '',
      nameEn: null,
      aliases: [],
      pinyin: '',
      source: 'registry',
      confidence: 1,
      city: null,
      props: {},
      mentions: [{ docId: 'warm-up', sectionId: 'warm-up/c1/t1', start: 0, end: 1, quote: '' }],
    },
  ],
  edges: [
    {
      id: 'warm-up',
      type: 'LOCATED_IN',
      from: 'warm-up',
      to: 'warm-up',
      evidence: [{ docId: 'warm-up', sectionId: 'warm-up/c1/t1', quote: '', start: 0, end: 1, leadStart: null, method: 'warm-up', confidence: 1 }],
    },
  ],
};

/**
 * Plans the statements of an atomic load without running anything. A just-started
 * Neo4j spends most of a first load planning the statement shapes one after the
 * other; planned ahead, in parallel and while the plan is still being parsed, they
 * come from the query cache when the load runs. Into a database without documents
 * (a first load) only the statements of a first load are planned.
 */
export async function warmWriter(executor: Executor): Promise<void> {
  const statements: [string, Record<string, unknown>][] = [];
  // As a load into this database will find it: documents stored (the warm-up's own is not), or an empty graph.
  const [now] = await executor.read<Stored>(STORED, { docIds: [SHAPES.documents[0]!.id] });
  const recorder: Target = {
    parallel: 1,
    run: async (cypher, params) => void statements.push([cypher, params]),
    sweep: async (sweep, params) => {
      statements.push([sweepCypher(sweep, false), params]);
      return 0;
    },
    stored: async (params) => {
      statements.push([STORED, params]);
      return { mine: now!.stored > 0 ? 1 : 0, stored: now!.stored };
    },
  };
  await load(recorder, SHAPES, DEFAULTS.batchSize, async () => {});
  await Promise.all(statements.map(([cypher, params]) => executor.plan(cypher, params)));
}

function count(rows: Record<string, unknown>[]): number {
  return Number(rows[0]?.n ?? 0);
}

export async function writeGraph(executor: Executor, graph: Graph, options: WriteOptions = {}): Promise<WriteSummary> {
  const { batchSize, timeoutMs, commit, parallel } = { ...DEFAULTS, ...options };
  const stage = async (name: string, rows: number) => options.onStage?.(name, rows);
  if (commit === 'batched') {
    return load(
      {
        parallel,
        run: (cypher, params) => executor.write(cypher, params, timeoutMs),
        sweep: async (sweep, params) => count(await executor.autoCommit(sweepCypher(sweep, true), params, timeoutMs)),
        stored: async (params) => (await executor.read<Stored>(STORED, params, timeoutMs))[0]!,
      },
      graph,
      batchSize,
      stage,
    );
  }
  return executor.transaction(
    (tx) =>
      load(
        {
          parallel: 1,
          run: (cypher, params) => tx.run(cypher, typed(params) as Record<string, unknown>),
          sweep: async (sweep, params) => count((await tx.run(sweepCypher(sweep, false), params)).records.map((r) => r.toObject())),
          stored: async (params) => (await tx.run(STORED, typed(params) as Record<string, unknown>)).records[0]!.toObject() as Stored,
        },
        graph,
        batchSize,
        stage,
      ),
    timeoutMs,
  );
}

export interface RemoveSummary {
  /** was the document stored? */
  removed: boolean;
  /** entities no document names any more, deleted */
  pruned: number;
}

/** Takes one document out of the graph in one transaction; what other documents name and state stays as it is. */
export async function removeDocument(executor: Executor, docId: string, options: Pick<WriteOptions, 'timeoutMs'> = {}): Promise<RemoveSummary> {
  return executor.transaction(async (tx) => {
    const stored = await tx.run('MATCH (d:Document {id: $doc}) RETURN count(d) AS n', { doc: docId });
    if (Number(stored.records[0]?.get('n') ?? 0) === 0) return { removed: false, pruned: 0 };
    for (const sweep of [EVIDENCE_UPGRADE, ...REMOVE_DOCUMENT]) await tx.run(sweepCypher(sweep, false), { doc: docId });
    const pruned = count((await tx.run(sweepCypher(PRUNE, false), {})).records.map((r) => r.toObject()));
    await tx.run(`MERGE (m:Meta {id: '${GRAPH_VERSION_ID}'}) SET m.version = coalesce(m.version, 0) + 1`, {});
    return { removed: true, pruned };
  }, options.timeoutMs ?? DEFAULTS.timeoutMs);
}
