// The hostile clients of the hostile scenario, in a thread of their own: the honest
// questions are timed in the main thread, and their times must be the server's, not
// this thread's work of sending thousands of bad requests and reading their answers.
import { parentPort, workerData } from 'node:worker_threads';
import { post } from './api-process.ts';
import { LEAKS, withoutEcho } from '../support/hostile-strings.ts';
import { hostileRequests } from './hostile.ts';

export interface HostileRun {
  url: string;
  count: number;
  seed: number;
  clients: number;
}

export interface HostileOutcome {
  /** requests sent, by kind */
  kinds: [string, number][];
  /** the slowest answer of each kind, ms */
  slowest: [string, number][];
  /** 5xx, leaks and requests without an answer */
  bad: string[];
}

const run = workerData as HostileRun;
const requests = hostileRequests(run.count, run.seed);
const kinds = new Map<string, number>();
const slowest = new Map<string, number>();
const bad: string[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: run.clients }, async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
      try {
        const answer = await post(run.url, request.body, request.contentType);
        slowest.set(request.kind, Math.max(slowest.get(request.kind) ?? 0, answer.ms));
        const shown = withoutEcho(answer.body, request.echo);
        if (answer.status >= 500) bad.push(`${request.kind}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
        else if (LEAKS.test(shown)) bad.push(`${request.kind}: leak ${shown.match(LEAKS)?.[0]} in ${answer.body.slice(0, 200)}`);
      } catch (error) {
        bad.push(`${request.kind}: no answer (${(error as Error).message})`);
      }
    }
  }),
);
const outcome: HostileOutcome = { kinds: [...kinds], slowest: [...slowest], bad };
parentPort!.postMessage(outcome);
