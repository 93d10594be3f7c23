// A stand-in for the query thread, given to QueryThread by a test: it answers every
// question 200, except one carrying `x-die`, on which it exits as a crashed thread would.
import { parentPort } from 'node:worker_threads';
import type { Question, Reply } from '../../../api/query-thread.ts';

parentPort!.on('message', (question: Question) => {
  if (question.kind === 'graphql' && question.headers.some(([name]) => name === 'x-die')) process.exit(3);
  const reply: Reply = { id: question.id, status: 200, headers: [['content-type', 'application/json']], body: new TextEncoder().encode('{"data":{}}') };
  parentPort!.postMessage(reply);
});
