import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../viz/src/backoff.ts';

describe('the explorer retry back-off', () => {
  it('waits twice as long after each failure, up to a ceiling', () => {
    const waits = Array.from({ length: 8 }, (_, i) => retryDelay(i, null)!);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[1]).toBe(2 * waits[0]!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30_000);
  });

  it('gives up after a bounded number of attempts', () => {
    expect(retryDelay(8, null)).toBeNull();
  });

  it('waits at least as long as the server asks in Retry-After', () => {
    expect(retryDelay(0, 5)).toBe(5000);
  });
});
