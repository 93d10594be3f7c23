import { createHash } from 'node:crypto';
import type { Executor } from '../../graph/executor.ts';
import { exportGraph } from '../../graph/queries/export.ts';

/** A fingerprint of everything stored: equal hashes, byte-identical JSON exports. */
export async function exportHash(executor: Executor): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await exportGraph(executor)))
    .digest('hex');
}
