import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SDL } from '../../api/yoga.ts';
import { KINDS, RELATION_TYPE_NAMES } from '../../ingest/model.ts';

const schema = buildSchema(SDL);
const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe('the kinds and relation types defined in ingest/model.ts', () => {
  it('are exactly the EntityKind enum of the GraphQL schema', () => {
    expect(enumValues('EntityKind')).toEqual(KINDS);
  });

  it('are exactly the RelationType enum of the GraphQL schema', () => {
    expect(enumValues('RelationType')).toEqual(RELATION_TYPE_NAMES);
  });
});
