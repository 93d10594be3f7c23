import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SDL } from '../../../api/yoga.ts';
import { OPERATIONS } from '../../../api/explorer-operations.ts';

const schema = buildSchema(SDL);

describe("the explorer's GraphQL operations", () => {
  it.each(Object.entries(OPERATIONS))('%s is valid against api/schema.graphql', (_, operation) => {
    expect(validate(schema, parse(operation)).map((e) => e.message)).toEqual([]);
  });
});
