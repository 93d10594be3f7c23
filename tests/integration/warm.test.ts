import { describe, expect, it } from 'vitest';
import { warmReads } from '../../graph/queries/warm.ts';
import { usePlan } from '../support/loaded.ts';

describe('warming the common reads', () => {
  const plan = usePlan();

  it('runs every read on the bundled plan without an error', async () => {
    await expect(warmReads(plan())).resolves.toBeUndefined();
  });
});
