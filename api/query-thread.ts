// The HTTP thread's side of the query thread (query-worker.ts), where GraphQL questions
// and exports are worked out: hands it a request as plain data, gets the answer back as
// plain data. Should the thread die, the requests it held are answered 500 and a new
// thread takes over.
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Neo4jSettings } from '../config.ts';
import type { ExecutorOptions } from '../graph/executor.ts';
import { graphqlErrorAnswer, type HttpAnswer } from './answer-cache.ts';
import type { YogaOptions } from './yoga.ts';

/** What the thread needs to build its own driver and yoga: data only, as it crosses threads. */
export interface ThreadSetup {
  neo4j: Neo4jSettings;
  executor: ExecutorOptions;
  logLevel: string;
  yoga: Pick<YogaOptions, 'corsOrigin' | 'requestTimeoutMs'>;
  /** the response cache: the memory of the HTTP thread's GraphVersion (see SharedVersion); off when absent */
  cache?: { ttlMs: number; version: SharedArrayBuffer };
}

export type Question =
  | {
      kind: 'graphql';
      id: number;
      method: string;
      /** absolute: yoga reads the path and a GET's parameters from it */
      url: string;
      headers: [string, string][];
      body: Uint8Array | null;
    }
  | {
      kind: 'export';
      id: number;
      /** one of EXPORT_NAMES */
      name: string;
      /** the query string: ids, depth, bom */
      search: string;
    };

/** A question before the thread numbers it. */
export type Asked = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id'> : never) : never;

export interface Reply extends HttpAnswer {
  id: number;
}

/** A thread that dies this soon after it started is started again only after a pause: it may die at every start. */
const QUICK_DEATH_MS = 5_000;
const PAUSE_MS = 1_000;

export class QueryThread {
  private worker: Worker | null = null;
  private startedAt = 0;
  private next = 0;
  private readonly waiting = new Map<number, (answer: HttpAnswer) => void>();
  private closed = false;

  constructor(
    private readonly setup: ThreadSetup,
    private readonly logger: Logger,
    /** the thread's module: query-worker.ts, or a test's stand-in that dies on purpose */
    private readonly entry = new URL('./query-worker.ts', import.meta.url),
  ) {
    this.start();
  }

  private start(): void {
    // The TypeScript loader this process runs under, for the thread too (a test runner's own flags are not).
    const worker = new Worker(this.entry, { workerData: this.setup, execArgv: ['--import', 'tsx'] });
    worker.unref(); // the HTTP server keeps the process alive, not this thread
    worker.on('message', (reply: Reply) => {
      const done = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      done?.(reply);
    });
    worker.on('error', (error) => this.logger.error({ err: error }, 'the query thread failed'));
    worker.on('exit', (code) => {
      this.worker = null;
      for (const done of this.waiting.values()) done(graphqlErrorAnswer(500, 'the server could not answer this request', 'INTERNAL_SERVER_ERROR'));
      this.waiting.clear();
      if (this.closed) return;
      this.logger.error({ code }, 'the query thread stopped; starting another');
      setTimeout(() => this.closed || this.start(), Date.now() - this.startedAt < QUICK_DEATH_MS ? PAUSE_MS : 0).unref();
    });
    this.worker = worker;
    this.startedAt = Date.now();
  }

  /** The answer to one request; 503 while the thread is being started again. */
  ask(question: Asked): Promise<HttpAnswer> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(graphqlErrorAnswer(503, 'the server is restarting its query thread; retry shortly', 'OVERLOADED'));
    const id = (this.next += 1);
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      // Copied, not handed over: a small body's buffer is Node's shared pool.
      worker.postMessage({ ...question, id });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
  }
}
