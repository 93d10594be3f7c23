import { buildSchema, type GraphQLEnumType, type GraphQLInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SDL } from '../../api/yoga.ts';
import { SEARCH_MATCHES } from '../../graph/queries/search.ts';
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

describe('the ways a search hit matches, defined in graph/queries/search.ts', () => {
  it('are exactly the SearchMatch enum of the GraphQL schema', () => {
    expect(enumValues('SearchMatch')).toEqual(SEARCH_MATCHES);
  });
});

describe('the GraphQL entity types', () => {
  it('are one object type per kind, each implementing Entity', () => {
    const implementations = schema.getImplementations(schema.getType('Entity') as GraphQLInterfaceType).objects.map((t) => t.name);
    expect(implementations.sort()).toEqual([...KINDS].sort());
  });
});
