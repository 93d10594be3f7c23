import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../api/explorer-operations.ts';
import { warmExplorer } from '../../api/warm-explorer.ts';
import { buildYoga } from '../../api/yoga.ts';
import { warmReads } from '../../graph/queries/warm.ts';
import { silentLogger } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';
import { serveApi } from '../support/serve.ts';

describe('warming the common reads', { timeout: 180_000 }, () => {
  const plan = usePlan();

  it('runs every read on the bundled plan without an error', async () => {
    await expect(warmReads(plan())).resolves.toBeUndefined();
  });

  it("asks each of the explorer's questions once, without an error (a comparison needs two plans: one is loaded)", async () => {
    // A generous deadline: a just-planned statement takes seconds on a loaded machine.
    const yoga = buildYoga({ executor: plan(), logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 60_000 });
    const warmed = await warmExplorer(async (body) => {
      const response = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: response.status, headers: [], body: new Uint8Array(await response.arrayBuffer()) };
    });
    expect(warmed.filter((w) => w.error)).toEqual([]);
    expect(warmed.map((w) => w.operation).sort()).toEqual(
      Object.keys(OPERATIONS)
        .filter((name) => name !== 'compare')
        .sort(),
    );
  });

  it('has the server started by npm start ask them through its query thread, and say so', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const served = await serveApi(plan(), { logger: pino({ level: 'info' }, sink), requestTimeoutMs: 60_000, warmExplorer: true });
    try {
      const said = () =>
        lines.map((l) => JSON.parse(l) as { msg: string; questions?: number; failed?: unknown }).find((l) => /explorer's questions/.test(l.msg));
      await expect.poll(said, { timeout: 150_000, interval: 200 }).toBeDefined();
      expect(said()).toMatchObject({ msg: "the explorer's questions warmed", questions: Object.keys(OPERATIONS).length - 1 });
    } finally {
      await served.close();
    }
  });
});
