import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type ApiProcess } from '../reliability/api-process.ts';
import { edgeScenarios } from '../reliability/edge-scenarios.ts';
import type { Row } from '../reliability/report.ts';

// Every attack on the HTTP edge, sent to `api/main.ts` running as the process it runs
// as in production (not in-process), so that a crash is seen as a crash.
describe('the API process under attack', () => {
  let api: ApiProcess;
  let rows: Row[];

  beforeAll(async () => {
    api = await startApi(inject('neo4j'));
    rows = await edgeScenarios(api, { slowClients: 20, poolBurst: 60 });
  }, 300_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('answers every attack as it should and stays up', () => {
    const failed = rows.filter((r) => r.kind === 'check' && !r.ok).map((r) => `${r.scenario}: ${r.detail?.join('; ')}`);
    expect(failed).toEqual([]);
    expect(api.alive()).toBe(true);
  });

  it('ran every attack', () => {
    expect(rows.filter((r) => r.kind === 'check').map((r) => r.scenario)).toEqual([
      'edge: malformed paths',
      'edge: bodies over the limit',
      'edge: cost bombs',
      'edge: deep variables',
      'edge: slow clients',
      'edge: slow bodies',
      'edge: connections over the cap',
      'edge: connection pool exhausted',
      'edge: cross-site posts',
      'edge: foreign Host',
      'edge: standard introspection',
    ]);
  });
});
