// Reads, ingests and loads one plan: what `npm start`, `npm run ingest` and the
// tests all do, in one place.
import { PROJECT_ROOT } from '../config.ts';
import { ingest, type IngestResult } from '../ingest/pipeline.ts';
import { planMetadata } from '../ingest/plan-index.ts';
import { readInput } from '../ingest/read.ts';
import { EMPTY_REGISTRY, loadRegistry, type Registry } from '../ingest/registry.ts';
import type { Executor } from './executor.ts';
import { warmWriter, writeGraph, type WriteOptions, type WriteSummary } from './writer.ts';

export const DEFAULT_REGISTRY = `${PROJECT_ROOT}/data/registry`;

export interface PlanOptions {
  /** a path, or `-` for standard input */
  source: string;
  /** a registry folder, or `none` for discovery alone */
  registry: string;
  id?: string;
  title?: string;
}

export function registryFrom(option: string): Registry {
  return option === 'none' ? EMPTY_REGISTRY : loadRegistry(option);
}

/** Everything before the database: bad input fails here, before anything is written. */
export async function ingestPlan(options: PlanOptions): Promise<IngestResult> {
  const registry = registryFrom(options.registry);
  const bytes = await readInput(options.source);
  const meta = options.source === '-' ? {} : planMetadata(options.source);
  return ingest({
    source: options.source === '-' ? 'stdin' : options.source,
    bytes,
    registry,
    discover: true,
    docId: options.id ?? meta.id ?? (options.source === '-' ? 'stdin' : undefined),
    title: options.title ?? meta.title,
    glosses: meta.glosses,
  });
}

export async function loadPlan(executor: Executor, options: PlanOptions, write: WriteOptions = {}): Promise<{ ingest: IngestResult; written: WriteSummary }> {
  // Neo4j plans the load's statements while Node parses the plan.
  const warm = warmWriter(executor);
  const ingest = await ingestPlan(options).catch(async (error: unknown) => {
    await warm.catch(() => undefined);
    throw error;
  });
  await warm;
  const written = await writeGraph(executor, ingest.graph, write);
  return { ingest, written };
}
