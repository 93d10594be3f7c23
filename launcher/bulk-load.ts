// A first load through Neo4j's offline importer, for graphs too large for the online
// writer to load quickly: only into the project's own local server, and only when its
// database is empty. The graph is written as CSV while the server stops, the database's
// store is moved aside and `neo4j-admin database import full` run into a fresh one; a
// failed import puts the old store back, so nothing is half-written. The server is
// then started again, the schema applied and the counts checked against the CSV.
import fs from 'node:fs';
import path from 'node:path';
import type { LocalNeo4jSettings } from '../config.ts';
import { clearGraph, isEmpty, storedCounts } from '../graph/admin.ts';
import { GraphError } from '../graph/errors.ts';
import type { Executor } from '../graph/executor.ts';
import { ARRAY_DELIMITER, writeImportFiles, type ImportFiles } from '../graph/import-files.ts';
import { applySchema, awaitIndexes } from '../graph/schema.ts';
import type { Graph } from '../ingest/types.ts';
import { databaseDirs, runAdmin, start, status, stop, type Log } from './launcher.ts';

export interface BulkLoadTimings {
  /** the CSV files written, the server stopping meanwhile */
  csvMs: number;
  /** the server's stop awaited, the importer run, the server started again */
  importMs: number;
  /** indexes and constraints created and populated */
  schemaMs: number;
  /** the stored counts checked */
  verifyMs: number;
}

export interface BulkLoadSummary {
  /** nodes and relationships imported */
  rows: number;
  timings: BulkLoadTimings;
}

/** Memory the importer may take beside its heap: it defaults to 90 % of the machine's. */
const IMPORTER_OFF_HEAP = '2g';

function importArgs(files: ImportFiles, database: string): string[] {
  const args = [
    'database',
    'import',
    'full',
    database,
    `--array-delimiter=U+${ARRAY_DELIMITER.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()}`,
    `--max-off-heap-memory=${IMPORTER_OFF_HEAP}`,
    `--report-file=${path.join(files.dir, 'import.report')}`,
    ...files.nodes.map((file) => `--nodes=${file}`),
    ...files.relationships.map((file) => `--relationships=${file}`),
  ];
  // Only the files that need it are parsed line-spanning, which is the slow way.
  if (files.multiline.length > 0) args.push('--multiline-fields-format=v2', `--multiline-fields=${files.multiline.join(',')}`);
  return args;
}

/** Moves a database's store and logs aside; the returned function puts them back (after removing what replaced them). */
function setAside(settings: LocalNeo4jSettings, database: string, into: string): { restore(): void; discard(): void } {
  const dirs = databaseDirs(settings, database);
  const moved: [string, string][] = [];
  for (const [name, dir] of Object.entries(dirs)) {
    if (!fs.existsSync(dir)) continue;
    const aside = path.join(into, name);
    fs.renameSync(dir, aside);
    moved.push([dir, aside]);
  }
  return {
    restore() {
      for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
      for (const [dir, aside] of moved) fs.renameSync(aside, dir);
    },
    discard() {
      for (const [, aside] of moved) fs.rmSync(aside, { recursive: true, force: true });
    },
  };
}

function mismatches(files: ImportFiles, stored: Awaited<ReturnType<typeof storedCounts>>): string[] {
  const wrong: string[] = [];
  const expectedNodes = ['Meta', 'Document', 'Section', 'Entity'].reduce((sum, l) => sum + (files.expected.labels[l] ?? 0), 0);
  const expectedRelationships = Object.values(files.expected.types).reduce((a, b) => a + b, 0);
  if (stored.nodes !== expectedNodes) wrong.push(`${stored.nodes} nodes, not ${expectedNodes}`);
  if (stored.relationships !== expectedRelationships) wrong.push(`${stored.relationships} relationships, not ${expectedRelationships}`);
  for (const [name, n] of Object.entries(files.expected.labels)) if (stored.labels[name] !== n) wrong.push(`${stored.labels[name]} :${name}, not ${n}`);
  for (const [name, n] of Object.entries(files.expected.types)) if (stored.types[name] !== n) wrong.push(`${stored.types[name]} :${name}, not ${n}`);
  return wrong;
}

/**
 * Loads `graph` into the empty database of the local server `settings` runs, which
 * `executor` is connected to; refuses any other. The server is down while the importer
 * runs, so API processes on it answer DATABASE_UNAVAILABLE meanwhile.
 */
export async function bulkLoad(settings: LocalNeo4jSettings, executor: Executor, graph: Graph, log: Log): Promise<BulkLoadSummary> {
  const server = await status(settings);
  if (!server.running || executor.settings.uri !== server.uri) {
    throw new GraphError(
      'IMPORT_REFUSED',
      `a bulk load goes only into the project's own local Neo4j (${server.uri}, ${server.running ? 'running' : 'not running'}), not into ${executor.settings.uri}; use the online writer for other servers`,
      { uri: executor.settings.uri },
    );
  }
  const { database } = executor.settings;
  if (!(await isEmpty(executor))) {
    throw new GraphError(
      'IMPORT_REFUSED',
      `database ${database} on ${server.uri} already holds a graph; a bulk load only fills an empty one (load into it with the online writer, or start from an empty home)`,
      { database },
    );
  }

  const work = fs.mkdtempSync(path.join(settings.home, 'bulk-load-'));
  try {
    let started = performance.now();
    // The server shuts down (a checkpoint, then the JVM) while the CSV is written: stop() signals it before its first await.
    const stopping = stop(settings);
    let files: ImportFiles;
    try {
      files = writeImportFiles(graph, path.join(work, 'csv'));
    } catch (error) {
      await stopping;
      await start(settings, log);
      throw error;
    }
    const csvMs = performance.now() - started;
    log(`${files.rows} rows written as CSV in ${(csvMs / 1000).toFixed(1)} s, Neo4j stopping meanwhile for the importer…`);

    started = performance.now();
    await stopping;
    const previous = setAside(settings, database, work);
    try {
      await runAdmin(settings, importArgs(files, database), (line) => {
        if (/^(IMPORT DONE|Imported:|\s+\d+ (nodes|relationships|properties))/.test(line)) log(`[importer] ${line.trim()}`);
      });
    } catch (error) {
      previous.restore();
      await start(settings, log);
      throw new GraphError(
        'IMPORT_FAILED',
        `the offline import failed and the database was put back as it was: ${(error as Error).message}`,
        { database },
        { cause: error },
      );
    }
    previous.discard();
    await start(settings, log);
    const importMs = performance.now() - started;

    started = performance.now();
    await applySchema(executor);
    await awaitIndexes(executor, 3600);
    const schemaMs = performance.now() - started;

    started = performance.now();
    const stored = await storedCounts(executor, Object.keys(files.expected.labels), Object.keys(files.expected.types));
    const wrong = mismatches(files, stored);
    if (wrong.length > 0) {
      await clearGraph(executor);
      throw new GraphError('IMPORT_FAILED', `the imported database did not hold what was written (${wrong.join('; ')}); it was emptied again`, { database });
    }
    return { rows: files.rows, timings: { csvMs, importMs, schemaMs, verifyMs: performance.now() - started } };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
