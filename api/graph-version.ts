// The version of the graph the API serves, polled from Neo4j. Cached responses are
// keyed on it: a load (from this process or from `npm run ingest` elsewhere) bumps
// the version, and answers from the previous version stop being served within one
// poll interval. While Neo4j is unreachable there is no version, and nothing is
// served from the cache.
import type { Logger } from 'pino';
import type { Executor } from '../graph/executor.ts';
import { graphVersion } from '../graph/queries/version.ts';

export class GraphVersion {
  private current: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private unavailableSince = 0;

  constructor(
    private readonly executor: Executor,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** A cache key part; a fresh one each time while the version is unknown, so that nothing matches. */
  key(): string {
    return this.current ?? `unknown-${++this.unavailableSince}`;
  }

  markUnavailable(): void {
    this.current = null;
  }

  async refresh(): Promise<void> {
    if (this.executor.closed) {
      // The server is shutting down: nothing left to poll.
      this.stop();
      return;
    }
    try {
      this.current = `v${await graphVersion(this.executor)}`;
    } catch (error) {
      if (this.current !== null) this.logger.warn({ err: error }, 'graph version unknown: response cache off until Neo4j answers');
      this.current = null;
    }
  }

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
