import { createHash } from 'node:crypto';
import type { Executor } from '../../graph/executor.ts';
import { exportGraph } from '../../graph/queries/export.ts';
import { applySchema } from '../../graph/schema.ts';
import { writeGraph } from '../../graph/writer.ts';
import { planGraph } from './plan.ts';

/** The bundled plan, loaded into the suite's Neo4j (again, if a test changed it). */
export async function loadBundledPlan(executor: Executor): Promise<void> {
  await applySchema(executor);
  await writeGraph(executor, planGraph());
}

export async function exportHash(executor: Executor): Promise<string> {
  return createHash('sha256').update(JSON.stringify(await exportGraph(executor))).digest('hex');
}
