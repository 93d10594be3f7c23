// The single door to Neo4j: every Cypher statement innograph runs goes through an
// Executor, which opens a session per call on the configured database, picks the
// access mode, names the app in transaction metadata, bounds the transaction's
// time, and turns driver errors into GraphErrors.
import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import type { Neo4jSettings } from '../config.ts';
import { GraphError, toGraphError } from './errors.ts';

export interface ExecutorOptions {
  /** upper bound of one transaction, enforced by Neo4j itself */
  timeoutMs: number;
  /** how long to wait for the server to answer a connection attempt */
  connectTimeoutMs: number;
  /** how long the driver retries a transaction that failed for a transient reason */
  retryMs: number;
}

const DEFAULTS: ExecutorOptions = {
  timeoutMs: 30_000, // generous: ingestion writes whole documents in one transaction
  connectTimeoutMs: 5_000, // a wrong host should fail while the user still waits
  retryMs: 5_000,
};

const APP = 'innograph';

/** The first pause before a transient read failure is tried again; it doubles each time. */
const READ_RETRY_PAUSE_MS = 100;

export type Params = Record<string, unknown>;

/** What one API request may spend in all: one deadline for all its transactions, and a number of them. */
interface Budget {
  deadline: number;
  transactions: number;
  maxTransactions: number;
}
export type Tx = Pick<ManagedTransaction, 'run'>;

export interface Profile {
  /** depth first from the plan's root */
  operators: { operator: string; rows: number; dbHits: number; details: string }[];
  dbHits: number;
  /** until the first record was available, plus until the last was consumed */
  serverMs: number;
  records: number;
}

export class Executor {
  readonly options: ExecutorOptions;

  private constructor(
    private readonly driver: Driver,
    readonly settings: Neo4jSettings,
    options: ExecutorOptions,
    /** round trips, shared with bounded() views, so tests can assert that a request's cost is bounded */
    private readonly counter = { queries: 0, closed: false },
    private readonly budget: Budget | null = null,
    /** told every read statement before it runs (see recording()) */
    private readonly recorder: ((cypher: string, params: Params) => void) | null = null,
  ) {
    this.options = options;
  }

  get queryCount(): number {
    return this.counter.queries;
  }

  /**
   * The same connection for one API request: its transactions share one deadline
   * (each gets the time left) and may number at most maxTransactions, so that no
   * request holds the pool or the server for longer than its time-out however many
   * loader levels it nests.
   */
  forRequest(timeoutMs: number, maxTransactions: number): Executor {
    const budget = { deadline: Date.now() + timeoutMs, transactions: 0, maxTransactions };
    return new Executor(this.driver, this.settings, { ...this.options, timeoutMs }, this.counter, budget, this.recorder);
  }

  /** The same connection, telling `record` each read statement it runs: how a benchmark profiles what the API sends. */
  recording(record: (cypher: string, params: Params) => void): Executor {
    return new Executor(this.driver, this.settings, this.options, this.counter, this.budget, record);
  }

  /** The bound of the next transaction; throws once the request's budget is spent. */
  private timeout(requested: number | undefined): number {
    const wanted = requested ?? this.options.timeoutMs;
    if (!this.budget) return wanted;
    this.budget.transactions += 1;
    if (this.budget.transactions > this.budget.maxTransactions) {
      throw new GraphError('LIMIT_EXCEEDED', `the request needs more than ${this.budget.maxTransactions} queries`, { limit: 'transactions' });
    }
    const left = this.budget.deadline - Date.now();
    if (left <= 0) throw new GraphError('TIMEOUT', `the request ran out of its ${this.options.timeoutMs} ms`);
    return Math.min(wanted, left);
  }

  /**
   * Opens a driver without a round trip: for a thread that must start while Neo4j is away
   * (its requests then fail DATABASE_UNAVAILABLE until Neo4j is back).
   */
  static open(settings: Neo4jSettings, options: Partial<ExecutorOptions> = {}): Executor {
    const merged = { ...DEFAULTS, ...options };
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      connectionTimeout: merged.connectTimeoutMs,
      connectionAcquisitionTimeout: merged.connectTimeoutMs * 2,
      maxTransactionRetryTime: merged.retryMs,
      userAgent: `${APP}/0.1`,
      disableLosslessIntegers: true,
    });
    return new Executor(driver, settings, merged);
  }

  /** Opens a driver and proves the server answers and accepts the credentials. */
  static async connect(settings: Neo4jSettings, options: Partial<ExecutorOptions> = {}): Promise<Executor> {
    const executor = Executor.open(settings, options);
    try {
      const verified = executor.driver.verifyConnectivity({ database: settings.database });
      await withDeadline(verified, executor.options.connectTimeoutMs * 2, `no answer from ${settings.uri}`);
      await executor.read('RETURN 1 AS ok');
    } catch (error) {
      await executor.driver.close();
      throw toGraphError(error, `connecting to ${settings.uri} as ${settings.user}`, { uri: settings.uri });
    }
    return executor;
  }

  /**
   * One read statement in an auto-commit transaction: RUN and PULL in one write to the
   * socket, where a managed transaction adds BEGIN and COMMIT and a second round trip
   * (the API's profile: those two messages took a third of the driver's CPU per question,
   * and Neo4j opens and commits a transaction for them). A read that failed for a
   * transient reason is run again until retryMs have passed, as executeRead would.
   */
  async read<Row extends RecordShape>(cypher: string, params: Params = {}, timeoutMs?: number): Promise<Row[]> {
    this.recorder?.(cypher, params);
    const timeout = this.timeout(timeoutMs);
    const retryUntil = Date.now() + this.options.retryMs;
    for (let pause = READ_RETRY_PAUSE_MS; ; pause *= 2) {
      try {
        return await this.runAutoCommit<Row>('READ', cypher, params, timeout);
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() + pause > retryUntil) throw toGraphError(error, 'reading from Neo4j');
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  async write<Row extends RecordShape>(cypher: string, params: Params = {}, timeoutMs?: number): Promise<Row[]> {
    return this.runWrite((tx) => rows<Row>(tx, cypher, params), timeoutMs);
  }

  /** Several statements in one write transaction: all of them land, or none. */
  async transaction<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.runWrite(work, timeoutMs);
  }

  /**
   * A statement in an implicit (auto-commit) transaction: the only kind in which Neo4j
   * runs `CALL { … } IN TRANSACTIONS`, which bulk deletes need to stay within the heap.
   */
  async autoCommit<Row extends RecordShape>(cypher: string, params: Params = {}, timeoutMs?: number): Promise<Row[]> {
    try {
      return await this.runAutoCommit<Row>('WRITE', cypher, params, this.timeout(timeoutMs));
    } catch (error) {
      throw toGraphError(error, 'writing to Neo4j');
    }
  }

  private async runAutoCommit<Row extends RecordShape>(mode: 'READ' | 'WRITE', cypher: string, params: Params, timeout: number): Promise<Row[]> {
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    this.counter.queries += 1;
    try {
      const result = await session.run<Row>(cypher, typed(params) as Params, { timeout, metadata: { app: APP, mode } });
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  }

  /** The operators of the plan Neo4j would run for a statement, without running it: how a test sees that a query seeks an index. */
  async plan(cypher: string, params: Params = {}): Promise<{ operator: string; details: string }[]> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(`EXPLAIN ${cypher}`, typed(params) as Params);
      const operators: { operator: string; details: string }[] = [];
      const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
        operators.push({ operator: plan.operatorType.replace(/@.*$/, ''), details: String(plan.arguments.Details ?? '') });
        for (const child of plan.children) walk(child as typeof plan);
      };
      if (result.summary.plan) walk(result.summary.plan as unknown as Parameters<typeof walk>[0]);
      return operators;
    } catch (error) {
      throw toGraphError(error, 'planning a statement');
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a read statement under PROFILE: how much work each operator did (rows, db hits)
   * and how long the server took, for benchmarks that explain a figure.
   */
  async profile(cypher: string, params: Params = {}): Promise<Profile> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(`PROFILE ${cypher}`, typed(params) as Params);
      const operators: Profile['operators'] = [];
      const walk = (plan: { operatorType: string; rows: number; dbHits: number; arguments: Record<string, unknown>; children: unknown[] }) => {
        operators.push({
          operator: plan.operatorType.replace(/@.*$/, ''),
          rows: plan.rows,
          dbHits: plan.dbHits,
          details: String(plan.arguments.Details ?? ''),
        });
        for (const child of plan.children) walk(child as typeof plan);
      };
      const { profile, resultAvailableAfter, resultConsumedAfter } = result.summary;
      if (profile) walk(profile as unknown as Parameters<typeof walk>[0]);
      return {
        operators,
        dbHits: operators.reduce((sum, o) => sum + o.dbHits, 0),
        serverMs: Number(resultAvailableAfter) + Number(resultConsumedAfter),
        records: result.records.length,
      };
    } catch (error) {
      throw toGraphError(error, 'profiling a statement');
    } finally {
      await session.close();
    }
  }

  /** Schema commands cannot share a transaction with data writes, so they get their own. */
  async schema(cypher: string): Promise<void> {
    await this.write(cypher);
  }

  /** True once close() was called on this executor or on any view that shares its driver. */
  get closed(): boolean {
    return this.counter.closed;
  }

  async close(): Promise<void> {
    this.counter.closed = true;
    await this.driver.close();
  }

  /** A managed write transaction: the driver runs it again when it fails for a transient reason. */
  private async runWrite<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    const timeout = this.timeout(timeoutMs);
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    const counted = (tx: ManagedTransaction) => {
      this.counter.queries += 1;
      return work(tx);
    };
    try {
      return await session.executeWrite(counted, { timeout, metadata: { app: APP, mode: 'WRITE' } });
    } catch (error) {
      throw toGraphError(error, 'writing to Neo4j');
    } finally {
      await session.close();
    }
  }
}

/** A number Neo4j must store as a float even when it is whole (a confidence of 1, a target of 8). */
export class Float {
  constructor(readonly value: number) {}
}

/**
 * JavaScript has one number type; Cypher tells integers from floats (LIMIT wants an
 * integer, offsets are integers). Whole numbers go as integers, the rest, and every
 * number wrapped in Float, as floats (the driver sends a plain number as a float).
 */
export function typed(value: unknown): unknown {
  if (value instanceof Float) return value.value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(typed);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(v)]));
  }
  return value;
}

async function rows<Row extends RecordShape>(tx: Tx, cypher: string, params: Params): Promise<Row[]> {
  const result = await tx.run<Row>(cypher, typed(params) as Params);
  return result.records.map((record) => record.toObject());
}

export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GraphError('TIMEOUT', `${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
