import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import type { Executor } from '../../graph/executor.ts';
import { graphql } from '../support/api.ts';
import { removeDocument, writeGraph } from '../../graph/writer.ts';
import { REVISED_ID, revisedGraph } from '../support/editions.ts';
import { usePlan } from '../support/loaded.ts';

/** The second plan the README's comparison asks about. */

const readme = fs.readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

function empty(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

describe('the README examples', () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(async () => {
    executor = plan();
    await writeGraph(executor, revisedGraph());
  });
  afterAll(async () => {
    await removeDocument(executor, REVISED_ID);
  });

  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((query, i) => [i + 1, query]))('example %i runs and answers every field it asks', async (_, query) => {
    const { data, errors } = await graphql<Record<string, unknown>>(executor, query as string);
    expect(errors).toBeUndefined();
    for (const [field, value] of Object.entries(data ?? {})) expect(empty(value), field).toBe(false);
  });
});
