// `npm run ingest -- <file|-> [options]`: ingest a plan (text or PDF) and load it into
// Neo4j beside the other documents, or with --dry-run write the same graph as JSON;
// --diff compares it with the stored edition first; --remove takes a document out.
//
// Exit codes: 0 done; 2 bad input or registry (nothing written); 3 database error
// (the previous graph is intact); 1 anything else.
import fs from 'node:fs';
import { loadConfig } from '../config.ts';
import { IngestError } from '../ingest/errors.ts';
import type { IngestResult } from '../ingest/pipeline.ts';
import { GraphError } from '../graph/errors.ts';
import { Executor } from '../graph/executor.ts';
import { DEFAULT_REGISTRY, ingestPlan } from '../graph/load-plan.ts';
import { storedText } from '../graph/queries/documents.ts';
import { bulkLoad } from '../launcher/bulk-load.ts';
import { locateNeo4j, type LocatedNeo4j } from '../launcher/locate.ts';
import { applySchema } from '../graph/schema.ts';
import { removeDocument, summaryOf, writeGraph, type WriteSummary } from '../graph/writer.ts';
import { documentFacts } from '../graph/queries/compare.ts';
import { diffFacts, factsOf, formatDiff, type FactsDiff } from '../ingest/facts.ts';
import { parseCommandLine, usageError, type CommandLine } from './cli.ts';

const EXIT = { ok: 0, failure: 1, input: 2, database: 3 } as const;

const CLI = {
  name: 'innograph ingest',
  usage: `usage: npm run ingest -- <plan.txt | plan.pdf | -> [options]
       npm run ingest -- --remove <docId>
  --registry <dir|none>  curated registry (default data/registry); none: discovery alone
  --diff                 print what this edition adds to and drops from the stored one, with sentences, before replacing it
  --remove <docId>       take one document out of the graph; what other documents name and state stays
  --dry-run              build the graph without a database
  --out <file>           with --dry-run: write the graph JSON there (default: standard output)
  --report               list the entities discovery found, for review
  --json                 print a machine-readable summary on standard output
  --id <id>              document id (default: from index.yaml or the file name)
  --title <title>        document title (default: from index.yaml or the id)
  --force                replace the stored document even with a text that is only its beginning
  --bulk                 first load into an empty database of the project's own local Neo4j through Neo4j's offline
                         importer (the server stops while it runs); refused for any other database
  --help, -h             this text
  --version              innograph's version
exit codes: 0 done, 2 bad input, registry or usage (nothing written), 3 database error (the previous graph is intact), 1 other`,
  options: {
    registry: { type: 'string', default: DEFAULT_REGISTRY },
    'dry-run': { type: 'boolean', default: false },
    out: { type: 'string' },
    report: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    id: { type: 'string' },
    title: { type: 'string' },
    force: { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    remove: { type: 'string' },
    bulk: { type: 'boolean', default: false },
  },
} satisfies CommandLine;

function parse(argv: string[]) {
  const { values, positionals } = parseCommandLine(CLI, argv);
  if (values.remove !== undefined) {
    if (positionals.length > 0) usageError(CLI, '--remove takes a document id, not a file');
    return { source: null, ...values };
  }
  if (values.out && values.diff) usageError(CLI, '--out writes the graph and --diff compares it with the stored one: use one');
  if (positionals.length !== 1) usageError(CLI, `expected one plan file (or -), got ${positionals.length}`);
  if (values.out && !values['dry-run']) usageError(CLI, '--out goes with --dry-run');
  if (values.bulk && (values['dry-run'] || values.diff)) usageError(CLI, '--bulk loads an empty database: not with --dry-run or --diff');
  return { source: positionals[0]!, ...values };
}

function report(result: IngestResult): string {
  const lines = result.discovered.map((n) => `  ${n.kind.padEnd(16)} ${n.confidence.toFixed(1)}  ${n.name}  — ${n.mentions[0]?.quote.slice(0, 60) ?? ''}`);
  return `${result.discovered.length} entities found by discovery (not in the registry):\n${lines.join('\n')}`;
}

function counts(result: IngestResult) {
  const { graph } = result;
  return { sections: graph.sections.length, entities: graph.nodes.length, discovered: result.discovered.length, relations: graph.edges.length };
}

/**
 * A text that is the stored version cut short is almost surely a file that stopped
 * early, not a new edition: loading it would delete the rest of the document's graph.
 */
async function refuseTruncated(executor: Executor, result: IngestResult): Promise<void> {
  for (const doc of result.graph.documents) {
    const stored = await storedText(executor, doc.id);
    const text = doc.text.trimEnd();
    if (stored !== null && text.length < stored.length && stored.startsWith(text)) {
      throw new IngestError(
        'truncated',
        `${doc.id}: the new text is the first ${((100 * text.length) / stored.length).toFixed(0)} % of the stored version — the file looks truncated; nothing was written (use --force to replace it anyway)`,
      );
    }
  }
}

async function withDatabase<T>(say: (message: string) => void, work: (executor: Executor, uri: string, neo4j: LocatedNeo4j) => Promise<T>): Promise<T> {
  const neo4j = await locateNeo4j(loadConfig(), { docker: false, log: say });
  const executor = await Executor.connect(neo4j.settings);
  try {
    await applySchema(executor);
    return await work(executor, neo4j.settings.uri, neo4j);
  } finally {
    await executor.close();
  }
}

/** The offline importer's first load; bulkLoad itself refuses a database that is not empty. */
async function bulk(executor: Executor, neo4j: LocatedNeo4j, result: IngestResult, say: (message: string) => void): Promise<WriteSummary> {
  if (neo4j.source !== 'local') {
    throw new GraphError(
      'IMPORT_REFUSED',
      `--bulk loads only the project's own local Neo4j, not ${neo4j.settings.uri} (NEO4J_URI or Docker); load without --bulk`,
    );
  }
  const { graph } = result;
  const started = performance.now();
  const summary = await bulkLoad(loadConfig().local, executor, graph, say);
  const { csvMs, importMs, schemaMs, verifyMs } = summary.timings;
  say(
    `bulk-loaded ${summary.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(CSV ${(csvMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s, schema ${(schemaMs / 1000).toFixed(1)} s, check ${(verifyMs / 1000).toFixed(1)} s)`,
  );
  return summaryOf(graph, 0);
}

async function remove(docId: string, json: boolean, say: (message: string) => void): Promise<void> {
  const summary = await withDatabase(say, (executor) => removeDocument(executor, docId));
  if (!summary.removed) throw new IngestError('usage', `${docId}: no document with this id is stored; nothing was removed`, { docId });
  say(`removed ${docId}; ${summary.pruned} entities no other document names were deleted`);
  if (json) process.stdout.write(`${JSON.stringify({ removed: docId, pruned: summary.pruned })}\n`);
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const say = (message: string) => {
    if (!args.json) process.stderr.write(`${message}\n`);
  };
  if (args.source === null) return remove(args.remove!, args.json, say);
  const started = performance.now();
  const result = await ingestPlan({ source: args.source, registry: args.registry, id: args.id, title: args.title });
  const c = counts(result);
  say(
    `parsed ${args.source} (${result.encoding}): ${c.sections} sections, ${c.entities} entities (${c.discovered} discovered), ${c.relations} relations in ${(performance.now() - started).toFixed(0)} ms`,
  );
  if (args.report) say(report(result));

  const docId = result.graph.documents[0]!.id;
  let written: WriteSummary | null = null;
  let diff: FactsDiff | null = null;
  if (args['dry-run'] && !args.diff) {
    const json = `${JSON.stringify(result.graph, null, 2)}\n`;
    if (args.out) fs.writeFileSync(args.out, json);
    else if (!args.json) process.stdout.write(json);
  } else {
    written = await withDatabase(say, async (executor, uri, neo4j) => {
      if (args.diff) {
        diff = diffFacts(await documentFacts(executor, docId), factsOf(result.graph, docId));
        if (!args.json) process.stdout.write(`${formatDiff(docId, diff)}\n`);
      }
      if (args['dry-run']) return null;
      if (args.bulk) return bulk(executor, neo4j, result, say);
      if (!args.force) await refuseTruncated(executor, result);
      let last = performance.now();
      const summary = await writeGraph(executor, result.graph, {
        onStage: (stage, rows) => {
          const now = performance.now();
          say(`  ${stage}: ${rows} rows, ${(now - last).toFixed(0)} ms`);
          last = now;
        },
      });
      say(`loaded into ${uri} in ${(performance.now() - started).toFixed(0)} ms total`);
      return summary;
    });
  }
  if (args.json) {
    const summary = { document: docId, encoding: result.encoding, ...c, written, diff, timings: result.timings, ms: performance.now() - started };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`innograph ingest: ${message}\n`);
  if (error instanceof IngestError) process.exit(EXIT.input);
  if (error instanceof GraphError) process.exit(EXIT.database);
  // Neither the input nor the database: a bug, whose stack is what whoever fixes it needs.
  if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(EXIT.failure);
});
