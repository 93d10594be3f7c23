import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

describe('the runtime', () => {
  it('runs on the Node that package.json installs, not the machine’s older one', () => {
    const installed = pkg.dependencies.node;
    expect(process.versions.node).toBe(installed);
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(22);
  });
});
