import { afterAll, beforeAll } from 'vitest';
import type { Executor } from '../../graph/executor.ts';
import { applySchema } from '../../graph/schema.ts';
import { writeGraph } from '../../graph/writer.ts';
import { connect } from './neo4j.ts';
import { planGraph } from './plan.ts';

/** The bundled plan, loaded into the suite's Neo4j (again, if a test changed it). */
export async function loadBundledPlan(executor: Executor): Promise<void> {
  await applySchema(executor);
  await writeGraph(executor, planGraph());
}

export { exportHash } from './export-hash.ts';

/**
 * For one describe block: a connection to the suite's Neo4j with the bundled plan
 * loaded, loaded again afterwards so that a test that changed the graph leaves it
 * as the next file expects.
 */
export function usePlan(): () => Executor {
  let executor: Executor;
  beforeAll(async () => {
    executor = await connect();
    await loadBundledPlan(executor);
  });
  afterAll(async () => {
    await loadBundledPlan(executor);
    await executor.close();
  });
  return () => executor;
}
