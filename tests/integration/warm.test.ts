import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../api/explorer-operations.ts';
import { askInProcess, warmExplorer } from '../../api/warm-explorer.ts';
import { listEntities } from '../../graph/queries/entities.ts';
import { warmReads } from '../../graph/queries/warm.ts';
import { silentLogger } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';

describe('warming the common reads', { timeout: 180_000 }, () => {
  const plan = usePlan();

  it('runs every read on the bundled plan without an error', async () => {
    await expect(warmReads(plan())).resolves.toBeUndefined();
  });

  it("asks each of the explorer's questions without an error (a comparison needs two plans: one is loaded), and expands every city", async () => {
    const warmed = await warmExplorer(askInProcess(plan(), silentLogger));
    expect(warmed.filter((w) => w.error)).toEqual([]);
    expect([...new Set(warmed.map((w) => w.operation))].sort()).toEqual(
      Object.keys(OPERATIONS)
        .filter((name) => name !== 'compare')
        .sort(),
    );
    const cities = await listEntities(plan(), { kind: 'City', city: null, first: 50, afterId: null });
    // The first city's neighbourhood is asked once alone, then each city's as expanded after the others.
    expect(warmed.filter((w) => w.operation === 'neighborhood')).toHaveLength(1 + cities.rows.length);
  });
});
