// Entities and relations as the explorer holds them, for the tests of its pure parts: the
// shape is spelled out once, so that a field it gains is added here and nowhere else.
import type { Entity, Relation } from '../../viz/src/types.ts';

/** A registry entity named by its id, in no city and in no plan. */
export const entity = (id: string, kind: Entity['kind'] = 'Lab', extra: Partial<Entity> = {}): Entity => ({
  id,
  kind,
  name: id,
  nameEn: null,
  city: null,
  source: 'registry',
  confidence: 1,
  documents: [],
  ...extra,
});

/** A cited LOCATED_IN from one to the other. */
export const relation = (from: string, to: string, extra: Partial<Relation> = {}): Relation => ({
  id: `LOCATED_IN:${from}->${to}`,
  type: 'LOCATED_IN',
  from: { id: from },
  to: { id: to },
  cited: true,
  confidence: 1,
  ...extra,
});
