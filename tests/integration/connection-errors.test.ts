import { describe, expect, inject, it } from 'vitest';
import { GraphError } from '../../graph/errors.ts';
import { Executor } from '../../graph/executor.ts';
import { freePort } from '../../launcher/launcher.ts';

async function failure(promise: Promise<unknown>): Promise<{ error: GraphError; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => {
      throw new Error('expected the connection to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return { error: error as GraphError, ms: Date.now() - started };
}

describe('bad connection settings', () => {
  it('reports a wrong password as AUTH_FAILED within seconds', async () => {
    const settings = { ...inject('neo4j'), password: 'certainly-not-the-password' };
    const { error, ms } = await failure(Executor.connect(settings));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toMatch(/refused the credentials/);
    expect(ms).toBeLessThan(15_000);
  });

  it('reports an unreachable bolt URI as DATABASE_UNAVAILABLE within seconds', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const { error, ms } = await failure(Executor.connect({ ...inject('neo4j'), uri }, { connectTimeoutMs: 2000 }));
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toContain(uri);
    expect(ms).toBeLessThan(15_000);
  });

  it('does not hang on an unreachable routing (neo4j://) URI', async () => {
    const uri = `neo4j://127.0.0.1:${await freePort()}`;
    const { error, ms } = await failure(Executor.connect({ ...inject('neo4j'), uri }, { connectTimeoutMs: 2000 }));
    expect(['DATABASE_UNAVAILABLE', 'TIMEOUT']).toContain(error.code);
    expect(error.message).toContain(uri);
    expect(ms).toBeLessThan(15_000);
  });

  it('connects through a routing URI to the same server', async () => {
    const settings = inject('neo4j');
    const executor = await Executor.connect({ ...settings, uri: settings.uri.replace(/^bolt:/, 'neo4j:') });
    try {
      expect(await executor.read<{ one: number }>('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await executor.close();
    }
  });
});
