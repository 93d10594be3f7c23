// The thread that works out GraphQL questions and exports. The HTTP thread reads each
// request, answers what it can alone (health, files, cached answers) and hands the rest
// here, so that the work of parsing, validating and executing questions and of rendering
// exports — and the garbage it leaves — never stands between a cached answer and the
// reader waiting for it.
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { Executor } from '../graph/executor.ts';
import { graphqlErrorAnswer, type HttpAnswer } from './answer-cache.ts';
import { exportAnswer } from './export-answer.ts';
import { SharedVersion } from './graph-version.ts';
import { boundedAnswer } from './limits.ts';
import type { Question, Reply, ThreadSetup } from './query-thread.ts';
import { buildYoga } from './yoga.ts';

const setup = workerData as ThreadSetup;
const logger = pino({ level: setup.logLevel });
// No round trip here: the thread may be started again while Neo4j is away.
const executor = Executor.open(setup.neo4j, setup.executor);
const cache = setup.cache ? { ttlMs: setup.cache.ttlMs, version: new SharedVersion(setup.cache.version) } : undefined;
const yoga = buildYoga({ ...setup.yoga, cache, executor, logger, graphiql: false, countBody: false });

/** Exports read whole subgraphs: they get four times a question's time. */
const EXPORT_TIME_FACTOR = 4;

async function work(question: Question): Promise<HttpAnswer> {
  if (question.kind === 'export') {
    return exportAnswer(executor, logger, setup.yoga.requestTimeoutMs * EXPORT_TIME_FACTOR, question.name, question.search);
  }
  const response = await yoga.fetch(question.url, { method: question.method, headers: question.headers, body: question.body ?? undefined });
  return boundedAnswer({ status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) });
}

async function answer(question: Question): Promise<Reply> {
  try {
    return { id: question.id, ...(await work(question)) };
  } catch (error) {
    logger.error({ err: error }, 'request failed');
    return { id: question.id, ...graphqlErrorAnswer(500, 'the server could not answer this request', 'INTERNAL_SERVER_ERROR') };
  }
}

parentPort!.on('message', (question: Question) => {
  void answer(question).then((reply) => parentPort!.postMessage(reply, [reply.body.buffer as ArrayBuffer]));
});
