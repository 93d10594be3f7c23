import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../graph/executor.ts';
import { graphql } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';
import { LEAKS, nastyString, withoutEcho } from '../support/hostile-strings.ts';

const nasty = fc.oneof(nastyString(40), fc.string({ minLength: 190, maxLength: 260 }));

describe('hostile GraphQL input', () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(() => {
    executor = plan();
  });

  it('answers every hostile string argument cleanly: data or a coded error, never a leak', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, fc.constantFrom('search', 'neighborhood', 'paths', 'platforms', 'places', 'city', 'entity'), async (text, field) => {
        const queries: Record<string, string> = {
          search: 'query ($t: String!) { search(text: $t) { entity { id } } }',
          neighborhood: 'query ($t: ID!) { neighborhood(ids: [$t]) { truncated } }',
          paths: 'query ($t: ID!) { paths(from: "shenzhen", to: $t) { length } }',
          platforms: 'query ($t: ID!) { platformsForCluster(cluster: $t) { via } }',
          places: 'query ($t: ID!) { placesForCluster(cluster: $t) { place { id } } }',
          city: 'query ($t: ID!) { cityProfile(city: $t) { groups { kind } } }',
          entity: 'query ($t: ID!) { entity(id: $t) { id } }',
        };
        const { data, errors } = await graphql(executor, queries[field]!, { t: text });
        expect(withoutEcho(JSON.stringify(errors ?? []), text)).not.toMatch(LEAKS);
        for (const error of errors ?? []) {
          expect(['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
        }
        expect(data !== undefined || errors !== undefined).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 180_000); // a busy machine answers some of these slowly: this test is about what comes back, not how fast

  it('refuses generated deep and wide documents with BAD_USER_INPUT', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 11, max: 40 }), fc.integer({ min: 31, max: 200 }), async (depth, aliases) => {
        const deep = `{ entity(id: "shenzhen") { ${'neighbors { entity { '.repeat(depth)}id${' } }'.repeat(depth)} } }`;
        const wide = `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: stats { documents }`).join(' ')} }`;
        for (const query of [deep, wide]) {
          const { errors } = await graphql(executor, query);
          expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        }
      }),
      { numRuns: 20 },
    );
  });
});
