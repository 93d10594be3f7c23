// An error nobody anticipated — a bug in our own code, a record in a format the code
// does not write — surfaces as what it is: never as "the database is unavailable".
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildYoga } from '../../api/yoga.ts';
import type { Executor } from '../../graph/executor.ts';
import { connect } from '../support/neo4j.ts';

const ID = 'unexpected-error-lab';

describe('errors that are neither the input nor the database', () => {
  let executor: Executor;
  beforeAll(async () => {
    executor = await connect();
  });
  afterAll(async () => {
    await executor.write('MATCH (n {id: $id}) DETACH DELETE n', { id: ID });
    await executor.close();
  });

  it('leave the executor as themselves, and what the transaction wrote is rolled back', async () => {
    const failed = executor.transaction(async (tx) => {
      await tx.run('CREATE (:Document {id: $id})', { id: ID });
      throw new TypeError("Cannot read properties of undefined (reading 'replace')");
    });
    await expect(failed).rejects.toThrow(TypeError);
    await expect(failed).rejects.toThrow("Cannot read properties of undefined (reading 'replace')");
    expect(await executor.read('MATCH (d:Document {id: $id}) RETURN d', { id: ID })).toEqual([]);
  });

  it('reach an API client as a masked internal error, and the log with their stack', async () => {
    // An entity as no version of the writer stores it: its confidence in words.
    await executor.write(
      "CREATE (:Entity:Lab {id: $id, kind: 'Lab', name: '坏实验室', aliases: [], pinyin: 'huai', source: 'registry', confidence: 'high', propKeys: []})",
      { id: ID },
    );
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'error' }, sink);
    const yoga = buildYoga({ executor, logger, graphiql: false, corsOrigin: null, requestTimeoutMs: 5000 });
    const ask = async (query: string) => {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    };

    // The broken field is asked for: a question reads only the fields it selects.
    const answer = await ask(`{ entity(id: "${ID}") { name confidence } }`);
    expect(answer.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(answer)).not.toMatch(/confidence|TypeError|codec/);

    const logged = lines.map((l) => JSON.parse(l) as { err?: { type?: string; message?: string; stack?: string } }).find((l) => l.err);
    expect(logged?.err?.message).toBe(
      `stored entity ${ID}'s confidence is string "high", not a number: the database does not hold the format graph/codec.ts writes`,
    );
    expect(logged?.err?.stack).toMatch(/decodeEntity/);

    // The database was never the problem: the next question is answered.
    expect((await ask('{ stats { documents } }')).errors).toBeUndefined();
  });
});
