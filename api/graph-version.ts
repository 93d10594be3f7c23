// The version of the graph the API serves, polled from Neo4j. Cached responses are
// keyed on it: a load (from this process or from `npm run ingest` elsewhere) bumps
// the version, and answers from the previous version stop being served within one
// poll interval. While Neo4j is unreachable there is no version, and nothing is
// served from the cache. When Neo4j comes back, the common reads are warmed once, so
// that the first users' requests do not time out on a cold server.
import type { Logger } from 'pino';
import { GraphError } from '../graph/errors.ts';
import type { Executor } from '../graph/executor.ts';
import { graphVersion } from '../graph/queries/version.ts';
import { warmReads } from '../graph/queries/warm.ts';

export class GraphVersion {
  private current: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private unavailableSince = 0;
  /** Neo4j answered once, then stopped answering: warm up when it is back */
  private lost = false;
  private warming: Promise<void> | null = null;

  constructor(
    private readonly executor: Executor,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** A cache key part; a fresh one each time while the version is unknown, so that nothing matches. */
  key(): string {
    return this.current ?? `unknown-${++this.unavailableSince}`;
  }

  /** Whether the version is known: answers are cached only then, as no later request could find them otherwise. */
  known(): boolean {
    return this.current !== null;
  }

  markUnavailable(): void {
    if (this.current !== null) this.lost = true;
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
      if (this.lost) this.warm();
    } catch (error) {
      if (this.current !== null) {
        this.logger.warn({ err: error }, 'graph version unknown: response cache off until Neo4j answers');
        this.lost = true;
      }
      this.current = null;
    }
  }

  /** Warms the common reads once Neo4j is back; the first warm-up in progress is the only one. */
  private warm(): void {
    if (this.warming) return;
    this.lost = false;
    const started = Date.now();
    this.warming = warmReads(this.executor)
      .then(() => this.logger.info({ ms: Date.now() - started }, 'Neo4j is back: common reads warmed'))
      .catch((error: unknown) => {
        this.logger.warn({ code: error instanceof GraphError ? error.code : undefined }, 'Neo4j is back, but warming the common reads failed');
        this.lost = true; // try again at the next poll
      })
      .finally(() => (this.warming = null));
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
