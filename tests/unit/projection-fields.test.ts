import { describe, expect, it } from 'vitest';
import { entityFieldsOf, type FieldSelection, type Shape } from '../../graph/queries/projection.ts';

const field = (name: string, shape: Shape = { fields: [] }): FieldSelection => ({ key: name, field: name, args: {}, shape });

describe('the entity fields a folded statement reads', () => {
  it('reads the fields every entity selection names, through neighbours and relation ends', () => {
    const neighbour: Shape = { fields: [field('entity', { fields: [], names: ['id', 'name'] })], names: ['entity'] };
    const relation: Shape = { fields: [field('from', { fields: [], names: ['nameEn'] })], names: ['from'] };
    const root: Shape = { fields: [field('neighbors', neighbour)], names: ['id', 'name', 'neighbors', '__typename'] };
    expect(
      entityFieldsOf([
        ['Entity', root],
        ['Relation', relation],
      ]),
    ).toEqual(new Set(['id', 'name', 'nameEn']));
  });

  it('reads whole entities when a selection names a kind-specific prop', () => {
    const root: Shape = { fields: [], names: ['id', 'tier'] };
    expect(entityFieldsOf([['Entity', root]])).toBe('all');
  });

  it('reads whole entities when no selection is known', () => {
    expect(entityFieldsOf([['Entity', { fields: [] }]])).toBe('all');
  });
});
