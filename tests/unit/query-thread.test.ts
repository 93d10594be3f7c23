import { describe, expect, it } from 'vitest';
import { QueryThread, type ThreadSetup } from '../../api/query-thread.ts';
import { silentLogger } from '../support/api.ts';

const setup: ThreadSetup = {
  neo4j: { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused', database: 'neo4j' },
  executor: { timeoutMs: 1000, connectTimeoutMs: 1000, retryMs: 0 },
  logLevel: 'silent',
  yoga: { corsOrigin: null, requestTimeoutMs: 1000 },
};
const question = (headers: [string, string][] = []) => ({ kind: 'graphql' as const, method: 'POST', url: 'http://localhost/graphql', headers, body: null });
const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe('the GraphQL thread, seen from the HTTP thread', () => {
  it('answers the questions a dead thread held 500, and the next ones from a new thread', async () => {
    const thread = new QueryThread(setup, silentLogger, new URL('../support/faults/dying-thread.ts', import.meta.url));
    try {
      expect((await thread.ask(question())).status).toBe(200);
      const [held, killer] = await Promise.all([thread.ask(question()), thread.ask(question([['x-die', '1']]))]);
      // The first may have been answered before the thread died; the one that killed it was not.
      expect([200, 500]).toContain(held.status);
      expect(killer.status).toBe(500);
      expect(JSON.parse(text(killer.body)).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');

      // It died at once after starting: the next thread starts after a pause, and meanwhile questions are told to retry.
      const meanwhile = await thread.ask(question());
      expect(meanwhile.status).toBe(503);
      let again = meanwhile;
      for (let tries = 0; tries < 100 && again.status !== 200; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        again = await thread.ask(question());
      }
      expect(again.status).toBe(200);
      expect(text(again.body)).toBe('{"data":{}}');
    } finally {
      await thread.close();
    }
  });
});
