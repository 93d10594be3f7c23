import os from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  /** whether the figure meets its goal, for figures with one */
  met?: boolean;
  conditions: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function machine(): string {
  return `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/**
 * How fast this machine's CPU is right now: the milliseconds a fixed integer loop takes, best of
 * three. The machines are virtual and shared; a run whose yardstick reads slower than another's
 * was measured on a slower host, and its figures compare with that run's only as ratios.
 */
export function yardstick(): number {
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 100_000_000; i += 1) sum = (sum + i * 7) % 1_000_003;
    best = Math.min(best, performance.now() - started);
    if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  }
  return best;
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
