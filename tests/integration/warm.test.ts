import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../api/explorer-operations.ts';
import { askInProcess, warmExplorer } from '../../api/warm-explorer.ts';
import { warmReads } from '../../graph/queries/warm.ts';
import { silentLogger } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';

describe('warming the common reads', { timeout: 180_000 }, () => {
  const plan = usePlan();

  it('runs every read on the bundled plan without an error', async () => {
    await expect(warmReads(plan())).resolves.toBeUndefined();
  });

  it("asks each of the explorer's questions once, without an error (a comparison needs two plans: one is loaded)", async () => {
    const warmed = await warmExplorer(askInProcess(plan(), silentLogger));
    expect(warmed.filter((w) => w.error)).toEqual([]);
    expect(warmed.map((w) => w.operation).sort()).toEqual(
      Object.keys(OPERATIONS)
        .filter((name) => name !== 'compare')
        .sort(),
    );
  });
});
