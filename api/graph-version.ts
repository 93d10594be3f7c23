// The version of the graph the API serves, polled from Neo4j. Cached responses are
// keyed on it: a load (from this process or from `npm run ingest` elsewhere) bumps
// the version, and answers from the previous version stop being served within one
// poll interval. While Neo4j is unreachable there is no version, and nothing is
// served from the cache. When Neo4j comes back, the common reads are warmed once, so
// that the first users' requests do not time out on a cold server.
// One poller per process: it writes the version into memory the query thread reads
// too (SharedVersion), so both threads key their caches on the same version at every
// instant, and Neo4j is asked once per interval, not once per thread.
import type { Logger } from 'pino';
import { GraphError } from '../graph/errors.ts';
import type { Executor } from '../graph/executor.ts';
import { graphVersion } from '../graph/queries/version.ts';
import { warmReads } from '../graph/queries/warm.ts';
import type { Warmed } from './warm-explorer.ts';

/** What a response cache needs of the graph version. */
export interface VersionSource {
  /** A cache key part; a fresh one each time while the version is unknown, so that nothing matches. */
  key(): string;
  /** Whether the version is known: answers are cached only then, as no later request could find them otherwise. */
  known(): boolean;
  /** Neo4j failed a request: nothing is cached or served from the cache until a poll succeeds. */
  markUnavailable(): void;
}

const UNKNOWN = -1n;

/** The version in memory that threads share; its `memory` crosses to a worker as it is. */
export class SharedVersion implements VersionSource {
  readonly memory: SharedArrayBuffer;
  private readonly cell: BigInt64Array;
  private unknownKeys = 0;

  /** Over `memory` another thread made, or over new memory, the version unknown. */
  constructor(memory?: SharedArrayBuffer) {
    this.memory = memory ?? new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);
    this.cell = new BigInt64Array(this.memory);
    if (!memory) this.markUnavailable();
  }

  key(): string {
    const version = Atomics.load(this.cell, 0);
    return version === UNKNOWN ? `unknown-${++this.unknownKeys}` : `v${version}`;
  }

  known(): boolean {
    return Atomics.load(this.cell, 0) !== UNKNOWN;
  }

  markUnavailable(): void {
    Atomics.store(this.cell, 0, UNKNOWN);
  }

  set(version: number): void {
    Atomics.store(this.cell, 0, BigInt(version));
  }
}

/** Polls the version into a SharedVersion; any thread holding its memory sees the same. */
export class GraphVersion implements VersionSource {
  readonly shared = new SharedVersion();
  private timer: NodeJS.Timeout | undefined;
  /** Neo4j answered a poll once */
  private answered = false;
  /** Neo4j stopped answering after it had: warm up when it is back */
  private lost = false;
  private warming: Promise<void> | null = null;

  constructor(
    private readonly executor: Executor,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    /** What else to warm once Neo4j is back (the explorer's questions, through the query thread); the errors it met */
    private readonly warmMore: () => Promise<Warmed[]> = async () => [],
  ) {}

  key(): string {
    return this.shared.key();
  }

  known(): boolean {
    return this.shared.known();
  }

  markUnavailable(): void {
    this.shared.markUnavailable();
  }

  async refresh(): Promise<void> {
    if (this.executor.closed) {
      // The server is shutting down: nothing left to poll.
      this.stop();
      return;
    }
    // Either thread may have marked the version unknown since the last poll.
    if (this.answered && !this.known()) this.lost = true;
    try {
      this.shared.set(await graphVersion(this.executor));
      this.answered = true;
      if (this.lost) this.warm();
    } catch (error) {
      if (this.known()) this.logger.warn({ err: error }, 'graph version unknown: response cache off until Neo4j answers');
      this.markUnavailable();
    }
  }

  /** Warms the common reads once Neo4j is back; the first warm-up in progress is the only one. */
  private warm(): void {
    if (this.warming) return;
    this.lost = false;
    const started = Date.now();
    this.warming = warmReads(this.executor)
      // A restarted Neo4j has forgotten the explorer's statements' plans too.
      .then(() => this.warmMore())
      .then((warmed) => {
        const failed = warmed.filter((w) => w.error);
        if (failed.length > 0) this.logger.warn({ failed }, "Neo4j is back; warming the explorer's questions: some failed");
        this.logger.info({ ms: Date.now() - started }, 'Neo4j is back: common reads warmed');
      })
      .catch((error: unknown) => {
        this.logger.warn({ code: error instanceof GraphError ? error.code : undefined }, 'Neo4j is back, but warming the common reads failed');
        this.lost = true; // try again at the next poll
      })
      .finally(() => (this.warming = null));
  }

  start(): this {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
