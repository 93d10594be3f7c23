// The thread that executes GraphQL. The HTTP thread reads each request, answers what
// it can alone (health, files, cached answers) and hands the rest here, so that the
// work of parsing, validating and executing questions — and the garbage it leaves —
// never stands between a cached answer and the reader waiting for it.
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { Executor } from '../graph/executor.ts';
import type { Question, Reply, ThreadSetup } from './graphql-thread.ts';
import { buildYoga } from './yoga.ts';

const setup = workerData as ThreadSetup;
const logger = pino({ level: setup.logLevel });
// No round trip here: the thread may be started again while Neo4j is away.
const executor = Executor.open(setup.neo4j, setup.executor);
const yoga = buildYoga({ ...setup.yoga, executor, logger, graphiql: false });

async function answer(question: Question): Promise<Reply> {
  try {
    const response = await yoga.fetch(question.url, { method: question.method, headers: question.headers, body: question.body ?? undefined });
    return { id: question.id, status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    logger.error({ err: error }, 'GraphQL request failed');
    const body = JSON.stringify({ errors: [{ message: 'the server could not answer this request', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return { id: question.id, status: 500, headers: [['content-type', 'application/json; charset=utf-8']], body: new TextEncoder().encode(body) };
  }
}

parentPort!.on('message', (question: Question) => {
  void answer(question).then((reply) => parentPort!.postMessage(reply, [reply.body.buffer as ArrayBuffer]));
});
